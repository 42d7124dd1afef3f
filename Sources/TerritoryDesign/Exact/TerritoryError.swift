/// Errors thrown by territory design for invalid input or an unusable solver outcome.
public enum TerritoryError: Error, Hashable, CustomStringConvertible {
    /// An adjacency graph is malformed (endpoint out of range, self-loop).
    case invalidGraph(reason: String)
    /// A problem's data is inconsistent (sizes, non-finite or negative values, impossible counts).
    case invalidProblem(reason: String)
    /// The underlying LP/MIP solver failed for a reason other than infeasibility or a limit.
    case solverFailure(reason: String)

    public var description: String {
        switch self {
        case .invalidGraph(let reason): "invalid adjacency graph: \(reason)"
        case .invalidProblem(let reason): "invalid territory problem: \(reason)"
        case .solverFailure(let reason): "solver failure: \(reason)"
        }
    }
}
