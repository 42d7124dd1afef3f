public import Foundation

extension Model {
    /// Loads a model from a file, by extension: `.mod` (GNU MathProg, with optional `data`),
    /// `.lp` (CPLEX LP) or `.mps` (free MPS).
    ///
    /// ```swift
    /// let model = try Model(contentsOf: URL(fileURLWithPath: "Models/capacitated_p_median.mod"),
    ///                       data: URL(fileURLWithPath: "Models/pmedcap1_01.dat"))
    /// ```
    ///
    /// - Throws: ``SolverError/fileFailed(path:operation:message:)`` for a missing file or an unknown
    ///   extension; ``SolverError/mathProgError(file:line:message:)`` for a syntax error.
    public init(contentsOf url: URL, data: URL? = nil) throws {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw SolverError.fileFailed(path: url.path, operation: "read", message: "no such readable file")
        }
        if let data, !FileManager.default.isReadableFile(atPath: data.path) {
            throw SolverError.fileFailed(path: data.path, operation: "read", message: "no such readable file")
        }
        switch url.pathExtension.lowercased() {
        case "mod":
            try self.init(mathProgModel: url, data: data)
        case "lp":
            try self.init(contentsOfLP: url)
        case "mps":
            try self.init(contentsOfMPS: url)
        default:
            throw SolverError.fileFailed(
                path: url.path, operation: "read",
                message: "unknown model format '.\(url.pathExtension)'; expected .mod, .lp or .mps")
        }
        if data != nil && url.pathExtension.lowercased() != "mod" {
            throw SolverError.fileFailed(
                path: url.path, operation: "read", message: "a data file only goes with a MathProg (.mod) model")
        }
    }
}
