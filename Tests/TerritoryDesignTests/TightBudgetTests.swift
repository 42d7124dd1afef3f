import Testing
@testable import TerritoryDesign

/// A realignment whose moved-account budget binds hard (the demo's situation): every unit starts in
/// its nearest territory, far out of balance, and only a small share may move. The bound must come
/// close to the LP value (the count price is set exactly, not stepped) and the primal must spend the
/// budget well (moves paired with returns home once it is spent).
@Suite struct TightBudgetTests {
    static func problem() -> AlignmentProblem {
        var problem = AlignmentConstraintTests.withNearestCurrent(units: 1_500, territories: 24, seed: 31)
        problem.measures = [BalanceMeasure(name: "potential", tolerance: 0.15), BalanceMeasure(name: "workload", tolerance: 0.25)]
        problem.disruption = DisruptionBudget(maxMovedAccountShare: 0.2)
        return problem
    }

    @Test func gapIsSmallUnderATightMovedBudget() async throws {
        let problem = Self.problem()
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 120, seed: 1)).align(problem)
        print("TIGHT", alignment.objective, alignment.bound, alignment.gap, alignment.movedShare, alignment.termination, alignment.seconds)
        #expect(alignment.movedShare <= 0.2 + 1e-12)
        #expect(alignment.maxDeviation["potential", default: 1] <= 0.15 + 1e-9)
        #expect(alignment.maxDeviation["workload", default: 1] <= 0.25 + 1e-9)
        #expect(alignment.gap < 0.05)
    }
}
