/// Why a solve stopped. It never claims more than GLPK proved.
///
/// ```swift
/// switch result.termination {
/// case .optimal: print("proven optimal")
/// case .feasible(limit: .time): print("time ran out; incumbent kept")
/// default: print(result.termination)
/// }
/// ```
public enum Termination: Sendable, Hashable, CustomStringConvertible {
    /// The solver proved the solution optimal (for a MIP: within the requested relative gap).
    case optimal
    /// The solver proved that no feasible solution exists.
    case infeasible
    /// The solver proved that the objective is unbounded over a non-empty feasible set.
    case unbounded
    /// The solver proved the problem is infeasible or unbounded, without telling which.
    case infeasibleOrUnbounded
    /// A limit stopped the solve early, and a feasible (not proven optimal) solution is available.
    case feasible(limit: Limit)
    /// A limit stopped the solve early before any feasible solution was found.
    case noSolutionFound(limit: Limit)

    /// The limit that stopped a solve early.
    public enum Limit: Sendable, Hashable, CustomStringConvertible {
        /// The time limit (`GLP_ETMLIM`).
        case time
        /// The simplex iteration limit (`GLP_EITLIM`).
        case iterations
        /// The branch-and-bound node limit.
        case nodes
        /// The caller cancelled the task (`GLP_ESTOP` through `glp_ios_terminate`).
        case interrupted

        public var description: String {
            switch self {
            case .time: "time"
            case .iterations: "iterations"
            case .nodes: "nodes"
            case .interrupted: "interrupted"
            }
        }
    }

    /// Whether a solution comes with this termination.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: true
        default: false
        }
    }

    /// A stable identifier, e.g. `optimal`, `feasible(time)` or `noSolutionFound(nodes)`.
    public var description: String {
        switch self {
        case .optimal: "optimal"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .infeasibleOrUnbounded: "infeasibleOrUnbounded"
        case .feasible(let limit): "feasible(\(limit))"
        case .noSolutionFound(let limit): "noSolutionFound(\(limit))"
        }
    }
}
