import ArgumentParser
import Foundation
import LinearProgramming

extension Meridian {
    /// Loads a model file; a bad file surfaces as a library error (exit 65 with the located message).
    static func loadModel(file: String, data: String?) throws -> Model {
        try Model(contentsOf: URL(fileURLWithPath: file), data: data.map { URL(fileURLWithPath: $0) })
    }

    /// The exit code of a termination without a usable solution (nil: success).
    static func exitCode(for termination: Termination) -> ExitCode? {
        let status = ExitStatus(termination)
        return status == .ok ? nil : status.exitCode
    }

    /// Runs a library check on a flag value; its error becomes a usage error (exit 64).
    static func usage<T>(_ check: () throws -> T) throws -> T {
        do { return try check() } catch { throw ValidationError("\(error)") }
    }
}
