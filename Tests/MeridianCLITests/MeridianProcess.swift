import Foundation
import TestSupport

/// One run of the built `meridian` executable, as a user would start it: its exit status and
/// what it printed.
///
/// ```swift
/// let run = try MeridianProcess.run(["data", "validate", "Data/demo"])
/// #expect(run.status == 0, "\(run.stderr)")
/// ```
struct MeridianProcess {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The executable SwiftPM built beside the test bundle (found by walking up from the test
    /// process's own path).
    static func executable() throws -> URL {
        var folders: [URL] = []
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            folders.append(folder)
            folder.deleteLastPathComponent()
        }
        folders.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug"))
        for candidate in folders.map({ $0.appendingPathComponent("meridian") })
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw CocoaError(
            .fileNoSuchFile,
            userInfo: [
                NSLocalizedDescriptionKey: "no meridian executable in \(folders.map(\.path).joined(separator: ", "))"
            ])
    }

    /// Starts `meridian arguments` in `directory` without waiting, its output discarded (for
    /// tests that signal the process, for example the kill test).
    static func start(_ arguments: [String], in directory: URL = Fixtures.repositoryRoot) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts `meridian arguments` in `directory` without waiting.
    ///
    /// ``Running/finish()`` waits and returns what it printed. For commands that print little (a pipe holds 64 KiB), run side by side.
    static func launch(_ arguments: [String], in directory: URL = Fixtures.repositoryRoot) throws -> Running {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let running = Running(process: process, out: Pipe(), err: Pipe())
        process.standardOutput = running.out
        process.standardError = running.err
        try process.run()
        return running
    }

    /// A started process and its output pipes.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        func finish() -> MeridianProcess {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return MeridianProcess(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Runs `meridian arguments` in `directory` (the repository root by default) and waits for it.
    static func run(_ arguments: [String], in directory: URL = Fixtures.repositoryRoot) throws -> MeridianProcess {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // read both pipes before waiting, so a full pipe cannot block the child
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return MeridianProcess(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
