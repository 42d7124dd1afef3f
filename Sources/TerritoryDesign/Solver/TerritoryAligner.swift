import Foundation
import LinearProgramming

/// Designs territory alignments: balanced on every measure, compact, within a disruption budget,
/// with locks (and contiguity when the problem has an adjacency graph), reporting a proven lower
/// bound and the gap.
///
/// ```swift
/// let aligner = TerritoryAligner(options: AlignmentOptions(timeLimit: 10, seed: 1))
/// let alignment = try await aligner.align(problem)
/// print(alignment.objective, alignment.bound, alignment.gap, alignment.termination)
/// ```
///
/// The method: Lagrangian relaxation of the balance and disruption rows, solved by projected
/// subgradient over all territories (the relaxed assignment has the integrality property, so its
/// best value is the LP bound and every value is a valid bound); primal alignments are repaired
/// from the relaxed assignments and the current alignment, then improved by feasible moves and swaps.
public struct TerritoryAligner: Sendable {
    /// Solver settings.
    public var options: AlignmentOptions

    /// Creates an aligner.
    public init(options: AlignmentOptions = AlignmentOptions()) {
        self.options = options
    }

    /// Aligns the problem's units to its territories.
    ///
    /// - Returns: A balance-feasible alignment with objective, bound, gap and termination.
    /// - Throws: ``TerritoryError/infeasible(_:)`` with reasons and amounts when the constraints
    ///   provably admit no alignment; ``TerritoryError/noFeasibleAlignmentFound(violation:reasons:)``
    ///   when the limits passed first; validation errors for bad data.
    /// - Complexity: `O(n · m · K)` per bound iteration, in parallel over chunks of units.
    public func align(_ problem: AlignmentProblem) async throws -> Alignment {
        let run = Deadline(limit: try options.validatedTimeLimit())
        try options.validate()
        try problem.validate()
        var problem = problem
        if case .choose = problem.centrePolicy {
            // with chosen centres only the opened ones hold their unit (LocationAllocation.choose)
        } else if options.centreServesItself {
            problem = try problem.holdingCentresOnThemselves()
        }
        if case .choose = problem.centrePolicy {
            // targets depend on the opened centres; `choose` explains the reduced problem
        } else {
            let explanation = InfeasibilityExplainer(problem: problem).quickReasons()
            if !explanation.isEmpty { throw TerritoryError.infeasible(explanation) }
        }
        switch problem.centrePolicy {
        case .fixed:
            return try await alignFixed(
                problem, centres: problem.territories.map(\.centre), deadline: reservingReportTime(run))
        case .relocate(let rounds):
            return try await LocationAllocation(aligner: self).relocate(problem, rounds: rounds, run: run)
        case .choose(let count):
            return try await LocationAllocation(aligner: self).choose(problem, count: count, run: run)
        }
    }

    /// The run's window without its last 1 % (at most a second), which is kept for the report.
    func reservingReportTime(_ run: Deadline) -> Deadline {
        Deadline(start: run.start, end: run.end - min(run.span * 0.01, .seconds(1)))
    }

    /// One solve with the given centres within `deadline` (whose start is the run's start).
    func alignFixed(_ problem: AlignmentProblem, centres: [Location], deadline: Deadline) async throws -> Alignment {
        let instance = await DenseInstance.build(problem, centres: centres, workers: options.workers)
        if problem.adjacency != nil {
            return try await ContiguousAligner(problem: problem, centres: centres, options: options)
                .align(instance, deadline: deadline)
        }
        var warm: RegionalDecomposition.WarmStart?
        if RegionalDecomposition.regionCount(territories: instance.m, regionSize: options.regionSize) > 1 {
            warm = await RegionalDecomposition(
                instance: instance, centres: centres, options: options, deadline: deadline
            ).warmStart()
        }
        // after a warm start, the whole-problem phases share the time left
        var solver = FixedCentreSolver(
            instance: instance, options: options, deadline: warm == nil ? deadline : deadline.reopened())
        if let warm {
            solver.reportOrigin = deadline.start
            solver.seeds = [warm.assignment]
            solver.initialMultipliers = warm.multipliers
        }
        if instance.current.allSatisfy({ $0 >= 0 }) { solver.seeds.append(instance.current) }
        var outcome = await solver.solve()
        if warm?.timedOut == true { outcome.timedOut = true }
        guard let assignment = outcome.assignment else {
            var reasons = InfeasibilityExplainer(problem: problem).elasticReasons(
                timeLimit: options.explanationTimeLimit)
            if let certificate = outcome.dualUnbounded {
                reasons.append(.dualUnbounded(bound: certificate.bound, largestCost: certificate.largestCost))
            }
            // The elastic LP relaxes integrality only, so a tolerance it cannot meet proves infeasibility.
            if !reasons.isEmpty { throw TerritoryError.infeasible(reasons) }
            throw TerritoryError.noFeasibleAlignmentFound(violation: outcome.bestViolation, reasons: reasons)
        }
        let gap = outcome.objective > 0 ? max(0, (outcome.objective - outcome.bound) / outcome.objective) : 0
        let termination = Termination.search(gap: gap, requestedGap: options.targetGap, clockEnded: outcome.timedOut)
        return AlignmentReport(problem: problem, centres: centres).alignment(
            assignment: assignment.map(Int.init), objective: outcome.objective,
            bound: min(outcome.bound, outcome.objective),
            termination: termination, seconds: deadline.elapsed.inSeconds)
    }
}
