/// How ``Model/solve(options:)`` runs GLPK.
///
/// ```swift
/// let options = SolverOptions(timeLimit: .seconds(30), relativeGap: 0.01)
/// options.presolve   // true
/// ```
public struct SolverOptions: Sendable {
    /// The algorithm for continuous models (and ignored for MIPs, whose relaxations use dual simplex).
    public enum LPAlgorithm: Sendable, Hashable {
        /// Primal simplex (`GLP_PRIMAL`).
        case primalSimplex
        /// Dual simplex, falling back to primal (`GLP_DUALP`).
        case dualSimplex
        /// GLPK's primal-dual interior-point method (`glp_interior`); no presolve, no time limit.
        case interiorPoint
    }

    /// The algorithm for continuous models.
    ///
    /// Defaults to dual simplex.
    public var lpAlgorithm: LPAlgorithm = .dualSimplex
    /// Whether the LP presolver runs (`presolve = GLP_ON`).
    ///
    /// MIPs always presolve.
    public var presolve: Bool = true
    /// Wall-clock limit for the solver (`tm_lim`), or `nil` for none.
    public var timeLimit: Duration? = nil
    /// MIP: stop when the relative gap falls to this value (`mip_gap`), or `nil` for GLPK's default 0.
    public var relativeGap: Double? = nil
    /// MIP: stop after this many branch-and-bound nodes (enforced in the search callback).
    public var nodeLimit: Int? = nil
    /// Simplex: stop after this many iterations (`it_lim`).
    public var iterationLimit: Int? = nil
    /// MIP: a starting incumbent offered through the callback's heuristic hook (`glp_ios_heur_sol`).
    ///
    /// Variables left out take the value 0. GLPK ignores it if it is infeasible.
    public var initialSolution: [Variable: Double]? = nil
    /// MIP: branching priorities.
    ///
    /// Among fractional variables with a positive priority, the search branches on the highest priority first (the most
    /// fractional among equals); when none is
    /// fractional, GLPK's own rule decides. Enforced in the callback (`glp_ios_branch_upon`).
    public var branchingPriority: [Variable: Int]? = nil
    /// Whether GLPK's terminal log is written to standard error.
    ///
    /// Off by default.
    public var verbose: Bool = false
    /// MIP: enable GLPK's Gomory, MIR, cover and clique cuts.
    public var mipCuts: Bool = false
    /// The clock ``timeLimit`` is measured on: the wall clock, or the solving thread's CPU time in
    /// tests that must not depend on the machine's load.
    var clock: SolveClock = .wall

    /// Options with the given values; every argument has a default.
    public init(
        lpAlgorithm: LPAlgorithm = .dualSimplex, presolve: Bool = true, timeLimit: Duration? = nil,
        relativeGap: Double? = nil, nodeLimit: Int? = nil, iterationLimit: Int? = nil,
        initialSolution: [Variable: Double]? = nil, verbose: Bool = false, mipCuts: Bool = false,
        branchingPriority: [Variable: Int]? = nil
    ) {
        self.branchingPriority = branchingPriority
        self.lpAlgorithm = lpAlgorithm
        self.presolve = presolve
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.nodeLimit = nodeLimit
        self.iterationLimit = iterationLimit
        self.initialSolution = initialSolution
        self.verbose = verbose
        self.mipCuts = mipCuts
    }

    /// Throws ``SolverError/invalidOption(name:value:expected:)`` for a negative limit or gap.
    func validate() throws {
        if let timeLimit, timeLimit < .zero {
            throw SolverError.invalidOption(name: "timeLimit", value: "\(timeLimit)", expected: "a duration ≥ 0")
        }
        if let relativeGap, !(relativeGap >= 0 && relativeGap.isFinite) {
            throw SolverError.invalidOption(
                name: "relativeGap", value: "\(relativeGap)", expected: "a finite number ≥ 0")
        }
        if let nodeLimit, nodeLimit < 1 {
            throw SolverError.invalidOption(name: "nodeLimit", value: "\(nodeLimit)", expected: "an integer ≥ 1")
        }
        if let iterationLimit, iterationLimit < 0 {
            throw SolverError.invalidOption(
                name: "iterationLimit", value: "\(iterationLimit)", expected: "an integer ≥ 0")
        }
        if let initialSolution, let bad = initialSolution.first(where: { !$0.value.isFinite }) {
            throw SolverError.invalidOption(
                name: "initialSolution", value: "\(bad.value) for v\(bad.key.index)", expected: "finite values")
        }
    }

    /// The time limit in whole milliseconds, clamped to GLPK's `int` range.
    var timeLimitMilliseconds: Int32? { timeLimit.map(Self.milliseconds) }

    /// `duration` in whole milliseconds (rounded up), clamped to GLPK's `int` range.
    static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(min(max((duration.inSeconds * 1000).rounded(.up), 0), Double(Int32.max - 1)))
    }
}
