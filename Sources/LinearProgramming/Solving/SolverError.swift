/// GLPK failed, or the solver options are invalid.
///
/// Infeasible, unbounded and limit stops are not errors: they are ``Termination`` values.
public enum SolverError: Error, Hashable, CustomStringConvertible {
    /// A GLPK routine returned a failure code (e.g. `glp_simplex` → `GLP_ESING`).
    case routineFailed(routine: String, code: GLPKReturnCode)
    /// GLPK hit an internal error; the error hook caught it and the process lives on.
    case internalError(message: String)
    /// A solver option has a value GLPK cannot use.
    case invalidOption(name: String, value: String, expected: String)
    /// A file could not be read or written.
    case fileFailed(path: String, operation: String, message: String)
    /// A MathProg model or data file has an error at a location.
    case mathProgError(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case let .routineFailed(routine, code):
            "\(routine) failed with \(code)"
        case let .internalError(message):
            "GLPK internal error: \(message)"
        case let .invalidOption(name, value, expected):
            "solver option \(name) = \(value) is invalid; expected \(expected)"
        case let .fileFailed(path, operation, message):
            "\(path): \(operation) failed: \(message)"
        case let .mathProgError(file, line, message):
            line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
        }
    }
}
