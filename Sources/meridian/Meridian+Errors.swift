import ArgumentParser
import Foundation
import LinearProgramming

extension Meridian {
    /// Loads a model, mapping bad files to exit code 65 with the library's located message.
    static func loadModel(file: String, data: String?) throws -> Model {
        try checked { try Model(contentsOf: URL(fileURLWithPath: file), data: data.map { URL(fileURLWithPath: $0) }) }
    }

    /// Runs `body`; prints library errors to standard error and turns them into documented exit codes.
    static func checked<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(65)
        } catch let error as SolverError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            switch error {
            case .mathProgError, .invalidOption: throw ExitCode(65)
            case .fileFailed(_, let operation, _) where operation != "rename": throw ExitCode(65)
            default: throw ExitCode(1)
            }
        }
    }

    /// The exit code of a termination without a usable solution (nil: success).
    static func exitCode(for termination: Termination) -> ExitCode? {
        switch termination {
        case .optimal, .feasible: nil
        case .infeasible, .unbounded, .infeasibleOrUnbounded: ExitCode(3)
        case .noSolutionFound: ExitCode(4)
        }
    }
}

extension Meridian {
    /// Runs a library check on a flag value; its error becomes a usage error (exit 64).
    static func usage<T>(_ check: () throws -> T) throws -> T {
        do { return try check() } catch { throw ValidationError("\(error)") }
    }
}
