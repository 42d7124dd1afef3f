import Foundation
import LinearProgramming
import TerritoryDesign

/// Exact branch-and-cut for territory alignment with centres chosen among units: capacitated
/// p-median, balanced p-median (several measures at ±τ) and optional contiguity.
///
/// The pipeline: a heuristic incumbent (Lagrangian heuristic with location–allocation and centre
/// swaps when capacitated; region growing with contiguity-preserving local search when balanced),
/// a Lagrangian bound (capacitated, integral data) and the LP bound, reduced-cost fixing of every
/// variable that cannot be part of a better solution, then GLPK branch-and-cut (with cuts) on the
/// reduced strong formulation, seeded with the incumbent. Contiguity is enforced lazily: when an
/// optimum has a disconnected territory, separator rows cut it off and the MIP is re-solved.
///
/// ```swift
/// let points = [(0.0, 0.0), (1.0, 0.0), (10.0, 0.0), (11.0, 0.0)]
/// let problem = try PMedianProblem.euclidean(
///     points: points, centreCount: 2, demand: [1, 1, 1, 1], capacity: [2, 2, 2, 2])
/// let report = try ExactPMedianSolver().solve(problem)
/// report.termination          // .optimal
/// report.solution?.objective  // 2.0
/// ```
///
/// - Complexity: Exponential in the worst case; each GLPK solve obeys ``Options/timeLimit``.
public struct ExactPMedianSolver: Sendable {
    /// Limits and switches.
    public struct Options: Sendable {
        /// Wall-clock limit for the whole solve (heuristics, bounds and every MIP run).
        public var timeLimit: Duration = .seconds(120)
        /// Subgradient iterations of the Lagrangian bound.
        public var lagrangianIterations = 1500
        /// GLPK's Gomory, MIR, cover and clique cuts.
        public var mipCuts = true
        /// GLPK's log on standard error.
        public var verbose = false
        /// A starting assignment (`unit → centre unit`), used when feasible.
        public var initialAssignment: [Int]? = nil
        /// Seed of the randomised heuristics.
        public var seed: UInt64 = 1
        /// Upper limit on MIP re-solves after contiguity cuts.
        public var maxContiguityRounds = 60
        /// Lets the capacitated search branch on assignment pairs `(unit, centre)` as well as on
        /// centres, when a pair's two bound lifts score higher.
        ///
        /// Off by default: on pmedcap #14 and #20 it did not reduce the nodes (see
        /// Benchmarks/TerritoryDesign/RESULTS.md).
        public var pairBranching = false

        public init(
            timeLimit: Duration = .seconds(120), lagrangianIterations: Int = 1500, mipCuts: Bool = true,
            verbose: Bool = false, initialAssignment: [Int]? = nil, seed: UInt64 = 1
        ) {
            self.timeLimit = timeLimit
            self.lagrangianIterations = lagrangianIterations
            self.mipCuts = mipCuts
            self.verbose = verbose
            self.initialAssignment = initialAssignment
            self.seed = seed
        }
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Solves `problem` to proven optimality or until the time limit.
    ///
    /// - Throws: `ModelError` / `SolverError` from LinearProgramming when GLPK fails (not for
    ///   infeasibility or limits, which are statuses).
    public func solve(_ problem: PMedianProblem) throws -> ExactPMedianReport {
        let window = Deadline(limit: options.timeLimit)
        let deadline = window.end
        func elapsed() -> Double { window.elapsed.inSeconds }
        func remaining() -> Duration { max(window.remaining, .milliseconds(10)) }

        let n = problem.unitCount
        let integral = problem.hasIntegralCosts
        // 1. Incumbent and Lagrangian bound.
        var incumbent: PMedianSolution?
        if let start = options.initialAssignment, problem.violations(of: start).isEmpty {
            incumbent = PMedianSolution(problem: problem, assignment: start)
        }
        // The knapsack Lagrangian drives the search only for the pure capacitated p-median.
        var lagrangian =
            problem.measures.isEmpty && !problem.requiresContiguity
            ? CapacitatedPMedianLagrangian(problem: problem) : nil
        var rootBound: Double?
        if var relaxation = lagrangian {
            incumbent = better(
                incumbent, runLagrangianHeuristic(problem, &relaxation, incumbent: incumbent, deadline: deadline))
            rootBound = relaxation.bestBound
            lagrangian = relaxation
        } else if let found = IncumbentHeuristic.find(problem, seed: options.seed, deadline: deadline) {
            incumbent = better(incumbent, found)
        }
        let heuristicObjective = incumbent?.objective
        var bound = rootBound ?? -.infinity
        func roundedBound() -> Double { integral ? (bound - 1e-6).rounded(.up) : bound }
        /// Anything with a forced-value bound at or above the cutoff cannot beat the incumbent.
        let cutoff: Double =
            incumbent.map {
                integral ? $0.objective - 1 + 1e-6 : $0.objective - 1e-7 * max(1, abs($0.objective))
            } ?? .infinity

        func report(_ status: Termination, lp: Double?, fixed: Int, cuts: Int, runs: Int)
            -> ExactPMedianReport
        {
            var finalBound = roundedBound()
            if status == .optimal, let incumbent { finalBound = incumbent.objective }
            if let incumbent { finalBound = min(finalBound, incumbent.objective) }
            return ExactPMedianReport(
                termination: status, solution: status.hasSolution ? incumbent : nil, bound: finalBound,
                seconds: elapsed(), heuristicObjective: heuristicObjective, lagrangianBound: rootBound,
                linearRelaxationBound: lp, fixedAssignments: fixed, contiguityCuts: cuts, mipRuns: runs)
        }
        if incumbent != nil, bound >= cutoff {
            return report(.optimal, lp: nil, fixed: n * n, cuts: 0, runs: 0)
        }
        // 2. Capacitated with integral data: Lagrangian branch-and-bound, GLPK at the leaves.
        if let relaxation = lagrangian, !window.hasPassed {
            var search = CapacitatedPMedianBranchAndBound(
                problem: problem, lagrangian: relaxation, incumbent: incumbent, deadline: deadline,
                mipCuts: options.mipCuts)
            search.pairBranching = options.pairBranching
            try search.run(root: CapacitatedPMedianLagrangian.Node(unitCount: n))
            incumbent = better(incumbent, search.incumbent)
            let proven = search.completed && search.failedLeaves == 0
            if !proven { bound = max(bound, search.openBound) }
            let status: Termination =
                proven
                ? (incumbent == nil ? .infeasible : .optimal)
                : (incumbent == nil ? .noSolutionFound(limit: .time) : .feasible(limit: .time))
            var result = report(status, lp: nil, fixed: 0, cuts: 0, runs: search.leaves)
            result.searchNodes = search.nodes
            result.pairBranches = search.pairBranches
            return result
        }
        if lagrangian != nil || window.hasPassed {
            // The heuristics used the whole limit.
            let status: Termination = incumbent == nil ? .noSolutionFound(limit: .time) : .feasible(limit: .time)
            return report(status, lp: nil, fixed: 0, cuts: 0, runs: 0)
        }
        var closed = [Bool](repeating: false, count: n)
        var forcedOpen = [Bool](repeating: false, count: n)
        var forbidden = [Bool](repeating: false, count: n * n)
        // 3. LP relaxation over the survivors: bound and reduced-cost fixing.
        var lpBound: Double?
        do {
            let relaxation = PMedianModel(
                problem: problem, closed: closed, forcedOpen: forcedOpen, forbidden: forbidden, relaxed: true)
            let result = try relaxation.model.solve(options: SolverOptions(timeLimit: remaining()))
            if result.termination == .infeasible && incumbent == nil {
                return report(.infeasible, lp: nil, fixed: 0, cuts: 0, runs: 0)
            }
            if result.termination == .optimal, let solution = result.solution {
                lpBound = solution.objectiveValue
                bound = max(bound, solution.objectiveValue)
                if cutoff.isFinite {
                    fixByReducedCost(
                        relaxation, solution: solution, cutoff: cutoff, closed: &closed, forcedOpen: &forcedOpen,
                        forbidden: &forbidden)
                    if let incumbent {
                        keep(incumbent, closed: &closed, forcedOpen: &forcedOpen, forbidden: &forbidden)
                    }
                }
            }
        }
        let fixedCount = forbidden.reduce(0) { $0 + ($1 ? 1 : 0) }
        if incumbent != nil, bound >= cutoff {
            return report(.optimal, lp: lpBound, fixed: fixedCount, cuts: 0, runs: 0)
        }
        // 4. Branch-and-cut, re-solved with separator rows while an optimum is disconnected.
        var mip = PMedianModel(
            problem: problem, closed: closed, forcedOpen: forcedOpen, forbidden: forbidden, relaxed: false)
        var runs = 0
        while runs <= options.maxContiguityRounds {
            runs += 1
            if window.hasPassed { break }
            var solverOptions = SolverOptions(
                timeLimit: remaining(), verbose: options.verbose, mipCuts: options.mipCuts)
            solverOptions.initialSolution = incumbent.flatMap { mip.values(of: $0.assignment) }
            let result: SolveResult
            result = try mip.model.solve(options: solverOptions)
            switch result.termination {
            case .optimal:
                guard let solution = result.solution else { break }
                let candidate = PMedianSolution(problem: problem, assignment: mip.assignment(from: solution))
                bound = max(bound, candidate.objective)
                let separators = disconnectedParts(problem, candidate)
                if separators.isEmpty {
                    incumbent = better(incumbent, candidate)
                    return report(.optimal, lp: lpBound, fixed: fixedCount, cuts: mip.separatorCount, runs: runs)
                }
                for (centre, component, boundary) in separators {
                    mip.addSeparator(centre: centre, component: component, boundary: boundary)
                }
                if incumbent != nil, bound >= cutoff {
                    return report(.optimal, lp: lpBound, fixed: fixedCount, cuts: mip.separatorCount, runs: runs)
                }
                continue
            case .infeasible, .infeasibleOrUnbounded:
                // The incumbent lies in the reduced space, so infeasibility means there is none.
                return report(
                    incumbent == nil ? .infeasible : .optimal, lp: lpBound, fixed: fixedCount,
                    cuts: mip.separatorCount, runs: runs)
            case .feasible, .noSolutionFound:
                if let value = result.bestBound, value.isFinite { bound = max(bound, value) }
                if let solution = result.solution {
                    let candidate = PMedianSolution(problem: problem, assignment: mip.assignment(from: solution))
                    if problem.violations(of: candidate.assignment).isEmpty { incumbent = better(incumbent, candidate) }
                }
            case .unbounded:
                break
            }
            break
        }
        return report(
            incumbent == nil ? .noSolutionFound(limit: .time) : .feasible(limit: .time), lp: lpBound, fixed: fixedCount,
            cuts: mip.separatorCount, runs: runs)
    }

    // MARK: - Steps

    private func better(_ a: PMedianSolution?, _ b: PMedianSolution?) -> PMedianSolution? {
        guard let a else { return b }
        guard let b else { return a }
        return b.objective < a.objective - 1e-9 ? b : a
    }

    private func runLagrangianHeuristic(
        _ problem: PMedianProblem, _ lagrangian: inout CapacitatedPMedianLagrangian, incumbent: PMedianSolution?,
        deadline: ContinuousClock.Instant
    ) -> PMedianSolution? {
        var best = incumbent
        var tried = Set<[Int]>()
        let clock = ContinuousClock()
        let integral = problem.hasIntegralCosts
        func cutoff() -> Double {
            guard let value = best?.objective else { return .infinity }
            return integral ? value - 1 + 1e-6 : value - 1e-7 * max(1, abs(value))
        }
        lagrangian.optimize(
            node: CapacitatedPMedianLagrangian.Node(unitCount: problem.unitCount),
            upperBound: { best?.objective ?? .infinity }, cutoff: cutoff, iterations: options.lagrangianIterations,
            patience: 30, heuristicEvery: 5, deadline: deadline
        ) { centres in
            guard clock.now < deadline, tried.insert(centres).inserted else { return }
            if let found = CapacitatedPMedianHeuristic.locateAllocate(problem, centres: centres, deadline: deadline),
                found.centres.count == problem.centreCount, problem.violations(of: found.assignment).isEmpty
            {
                let improved = CapacitatedPMedianHeuristic.swapDescent(
                    problem, from: found, maxRounds: 3, deadline: deadline)
                if improved.objective < (best?.objective ?? .infinity) - 1e-9 { best = improved }
            }
        }
        if let current = best {
            best = CapacitatedPMedianHeuristic.swapDescent(problem, from: current, deadline: deadline)
        }
        return best
    }

    private func keep(
        _ incumbent: PMedianSolution, closed: inout [Bool], forcedOpen: inout [Bool], forbidden: inout [Bool]
    ) {
        let n = closed.count
        let open = Set(incumbent.centres)
        for j in 0..<n {
            if open.contains(j) { closed[j] = false } else { forcedOpen[j] = false }
        }
        for (i, j) in incumbent.assignment.enumerated() { forbidden[i * n + j] = false }
    }

    private func fixByReducedCost(
        _ relaxation: PMedianModel, solution: Solution, cutoff: Double, closed: inout [Bool], forcedOpen: inout [Bool],
        forbidden: inout [Bool]
    ) {
        let n = closed.count
        let z = solution.objectiveValue
        for j in 0..<n {
            guard let y = relaxation.open[j], let d = solution.reducedCost(of: y) else { continue }
            let value = solution.value(of: y)
            if value < 1e-9 && z + d >= cutoff { closed[j] = true }
            if value > 1 - 1e-9 && z - d >= cutoff { forcedOpen[j] = true }
        }
        for i in 0..<n {
            for j in 0..<n {
                guard let x = relaxation.assign[i * n + j], let d = solution.reducedCost(of: x) else { continue }
                if solution.value(of: x) < 1e-9 && z + d >= cutoff { forbidden[i * n + j] = true }
            }
        }
        for j in 0..<n where closed[j] {
            for i in 0..<n { forbidden[i * n + j] = true }
        }
    }

    /// For each territory with several components: every component not holding the centre, with
    /// its boundary (vertices adjacent to it but outside).
    private func disconnectedParts(_ problem: PMedianProblem, _ solution: PMedianSolution)
        -> [(Int, [Int], [Int])]
    {
        guard problem.requiresContiguity, let graph = problem.adjacency else { return [] }
        var result: [(Int, [Int], [Int])] = []
        for (c, members) in solution.members.enumerated() {
            let centre = solution.centres[c]
            let parts = graph.components(of: members)
            guard parts.count > 1 else { continue }
            for part in parts where !part.contains(centre) {
                result.append((centre, part, graph.boundary(of: part)))
            }
        }
        return result
    }
}
