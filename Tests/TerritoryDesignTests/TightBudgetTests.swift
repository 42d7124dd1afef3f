import Testing

@testable import TerritoryDesign

/// A realignment whose moved-account budget binds hard (the demo's situation): every unit starts in
/// its nearest territory, far out of balance, and only a fifth may move.
///
/// Before the count row was priced exactly and repair could pair a move with a return home, no alignment was found here
/// (best attempt 7.64 % off balance at a 120 s limit); now the gap is under 1 %. The limit (a day) is
/// far above the ~10 s a debug build needs alone, so no clock ends a phase even when the full parallel
/// suite keeps the cooperative pool busy (with 300 s it hit the clock there at gap 12.9-15.3 %).
@Suite struct TightBudgetTests {
    static func problem(units: Int, territories: Int, share: Double) -> AlignmentProblem {
        var problem = AlignmentConstraintTests.withNearestCurrent(units: units, territories: territories, seed: 31)
        problem.measures = [
            BalanceMeasure(name: "potential", tolerance: 0.15), BalanceMeasure(name: "workload", tolerance: 0.25),
        ]
        problem.disruption = DisruptionBudget(maxMovedAccountShare: share)
        return problem
    }

    @Test func gapIsSmallUnderATightMovedBudget() async throws {
        let problem = Self.problem(units: 1_500, territories: 24, share: 0.2)
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 86_400, seed: 1)).align(problem)
        #expect(alignment.movedShare <= 0.2 + 1e-12)
        #expect(alignment.maxDeviation["potential", default: 1] <= 0.15 + 1e-9)
        #expect(alignment.maxDeviation["workload", default: 1] <= 0.25 + 1e-9)
        #expect(alignment.gap < 0.03)
    }

    /// One territory with a moved budget: nowhere to move, for two measures (the SIMD pricing) and
    /// three (the general one); everything stays and the bound equals the objective.
    @Test(arguments: [2, 3]) func singleTerritoryWithABudgetKeepsEveryUnit(measures: Int) async throws {
        let units = (0..<12).map { i in
            AlignmentUnit(
                id: "u\(i)", location: .planar(x: Double(i % 4), y: Double(i / 4)),
                measures: Array(repeating: 1, count: measures), currentTerritory: "T0")
        }
        var problem = AlignmentProblem(
            units: units, territories: [TerritorySpec(id: "T0", centre: .planar(x: 1.5, y: 1))],
            measures: (0..<measures).map { BalanceMeasure(name: "m\($0)", tolerance: 0.1) },
            metric: .euclidean, compactnessMeasure: 0)
        problem.disruption = DisruptionBudget(maxMovedAccountShare: 0.25)
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 86_400, seed: 1)).align(problem)
        #expect(alignment.assignment == Array(repeating: 0, count: 12))
        #expect(alignment.movedShare == 0)
        #expect(abs(alignment.objective - alignment.bound) <= 1e-6 * max(1, alignment.objective))
    }
}
