/// Why an optimizer stopped.
///
/// It never claims more than was proved.
///
/// This is the one termination vocabulary of Meridian: GLPK solves, the territory aligner, the
/// exact p-median search and the quota LP all report it, so a met gap reads the same everywhere:
/// ``optimal`` means *proven optimal within the requested relative gap* (0 unless a gap is set),
/// and each result carries its gap to tell how close. A heuristic search that ends on its own
/// budgets reports ``Limit/searchExhausted``; one cut by a clock reports ``Limit/time``.
///
/// ```swift
/// switch result.termination {
/// case .optimal: print("proven optimal")
/// case .feasible(limit: .time): print("time ran out; incumbent kept")
/// default: print(result.termination)
/// }
/// ```
public enum Termination: Sendable, Hashable, CustomStringConvertible {
    /// The solver proved the solution optimal within the requested relative gap (0 by default).
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
        /// A heuristic search ran out of improving moves or of its iteration budgets before the
        /// gap was proved. No clock ended any phase, so the same input and seed give the same result
        /// on any machine (unlike ``time``, where the result depends on the machine's speed).
        case searchExhausted

        public var description: String {
            switch self {
            case .time: "time"
            case .iterations: "iterations"
            case .nodes: "nodes"
            case .interrupted: "interrupted"
            case .searchExhausted: "searchExhausted"
            }
        }
    }

    /// The termination of a search that holds a feasible solution and a proven bound (the
    /// territory aligner, a heuristic with a Lagrangian bound): ``optimal`` when `gap` is within
    /// `requestedGap` (or 1e-9), otherwise ``feasible(limit:)`` with ``Limit/time`` when a clock
    /// ended any phase and ``Limit/searchExhausted`` when none did.
    public static func search(gap: Double, requestedGap: Double, clockEnded: Bool) -> Termination {
        if gap <= max(requestedGap, 1e-9) { return .optimal }
        return .feasible(limit: clockEnded ? .time : .searchExhausted)
    }

    /// Whether a solution comes with this termination.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: true
        default: false
        }
    }

    /// A stable identifier, for example `optimal`, `feasible(time)` or `noSolutionFound(nodes)`.
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
