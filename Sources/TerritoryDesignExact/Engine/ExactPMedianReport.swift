import LinearProgramming
import TerritoryDesign

/// The outcome of ``ExactPMedianSolver/solve(_:)``: what was found, how good it provably is,
/// and what the engine did to get there.
public struct ExactPMedianReport: Sendable {
    /// Why the solver stopped, in the shared vocabulary: `optimal` (the bound meets the objective,
    /// within 1 for integral costs, 1e-6 relative otherwise), `infeasible` (no assignment satisfies
    /// the constraints), `feasible(time)` (a solution, but the time limit stopped the proof; see
    /// ``gap``) or `noSolutionFound(time)`.
    public let termination: Termination
    /// Best feasible solution, or `nil` when ``termination`` has no solution.
    public let solution: PMedianSolution?
    /// Proven lower bound on the optimum (rounded up when costs are integral).
    public let bound: Double
    /// `(objective − bound) / |objective|`, 0 when optimal; `nil` without a solution.
    public var gap: Double? {
        guard let solution else { return nil }
        return max(0, solution.objective - bound) / max(abs(solution.objective), 1e-12)
    }
    /// Wall-clock seconds.
    public let seconds: Double
    /// Objective of the heuristic incumbent before branch-and-cut (`nil` if none was found).
    public let heuristicObjective: Double?
    /// Lagrangian bound (capacitated problems with integral data), or `nil`.
    public let lagrangianBound: Double?
    /// LP relaxation bound after fixing, or `nil` when the LP was not solved.
    public let linearRelaxationBound: Double?
    /// Assignment variables removed by reduced-cost fixing before the single GLPK branch-and-cut
    /// (balanced / uncapacitated path), out of `n²`; `n²` when the bound alone proved optimality;
    /// 0 on the capacitated path, which fixes per node instead.
    public let fixedAssignments: Int
    /// Contiguity separator rows added lazily.
    public let contiguityCuts: Int
    /// GLPK branch-and-cut runs: 1 + re-solves after contiguity cuts, or, for the capacitated
    /// p-median, the leaves (fixed centre sets) proved by GLPK inside the Lagrangian search.
    public let mipRuns: Int
    /// Nodes of the Lagrangian branch-and-bound (capacitated p-median), 0 on other paths.
    public internal(set) var searchNodes = 0
    /// Of those, nodes that branched on an assignment pair rather than a centre.
    public internal(set) var pairBranches = 0
}
