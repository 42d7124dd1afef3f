import Foundation

/// Runs GLPK's stand-alone solver `glpsol`, as the MathProg agreement tests do.
public enum GLPSol {
    /// Runs `glpsol arguments` from the repository root and returns its exit status and standard
    /// output (standard error is discarded).
    ///
    /// ```swift
    /// let run = try GLPSol.run(["--math", "Models/quota_allocation.mod", "--data", "Models/quota_allocation.dat"])
    /// ```
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["glpsol"] + arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
