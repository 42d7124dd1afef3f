import Foundation
import Testing

@testable import TerritoryDesign

@Suite struct InfeasibilityTests {
    static func line(_ values: [Double], current: [String?] = [], locked: [Bool] = [], tolerance: Double = 0.1)
        -> AlignmentProblem
    {
        let units = values.enumerated().map { i, v in
            AlignmentUnit(
                id: "u\(i)", location: .planar(x: Double(i), y: 0), measures: [v],
                currentTerritory: i < current.count ? current[i] : nil, locked: i < locked.count ? locked[i] : false)
        }
        return AlignmentProblem(
            units: units,
            territories: [
                TerritorySpec(id: "A", centre: .planar(x: 0, y: 0)),
                TerritorySpec(id: "B", centre: .planar(x: 9, y: 0)),
            ],
            measures: [BalanceMeasure(name: "potential", tolerance: tolerance)], metric: .euclidean)
    }

    @Test func accountLargerThanEveryUpperBoundIsNamedWithTheExcess() async throws {
        // total 12, target 6, upper 6.6: unit u0 (10) fits nowhere, over by 3.4.
        let problem = Self.line([10, 1, 1])
        await #expect(
            throws: TerritoryError.infeasible([
                .unitExceedsUpperBound(
                    unit: "u0", measure: "potential", value: 10, largestUpperBound: 6.6000000000000005)
            ])
        ) { try await TerritoryAligner(options: AlignmentOptions(timeLimit: 30)).align(problem) }
    }

    @Test func lockedValueOverACapIsNamedWithTheExcess() async throws {
        // total 8, target 4, upper 4.4; locked in A: 3 + 2 = 5, over by 0.6.
        let problem = Self.line(
            [3, 2, 1, 1, 1], current: ["A", "A", "B", "B", "B"], locked: [true, true, false, false, false])
        do {
            _ = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 30)).align(problem)
            Issue.record("expected infeasible")
        } catch let TerritoryError.infeasible(reasons) {
            #expect(reasons == [.lockedValueOverCap(territory: "A", measure: "potential", locked: 5, upperBound: 4.4)])
            #expect(reasons[0].description.contains("over its upper bound 4.4 by 0.6"))
        }
    }

    @Test func elasticLPReportsTheSmallestFeasibleTolerance() async throws {
        // Nothing may move and all four units sit in A: loads 4 and 0 against target 2, so the
        // smallest tolerance is 100 %.
        var problem = Self.line([1, 1, 1, 1], current: ["A", "A", "A", "A"])
        problem.disruption = DisruptionBudget(maxMovedAccountShare: 0)
        do {
            _ = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 30)).align(problem)
            Issue.record("expected infeasible")
        } catch let TerritoryError.infeasible(reasons) {
            guard case let .toleranceTooTight(measure, tolerance, smallest) = reasons.first else {
                Issue.record("unexpected reasons \(reasons)")
                return
            }
            #expect(measure == "potential")
            #expect(tolerance == 0.1)
            #expect(abs(smallest - 1.0) < 1e-7)
        }
    }

    @Test func elasticLPWithAHalfBudgetNeedsFiftyPercent() throws {
        // One of four units may move: loads 3 and 1 against target 2 → ±50 %.
        var problem = Self.line([1, 1, 1, 1], current: ["A", "A", "A", "A"])
        problem.disruption = DisruptionBudget(maxMovedAccountShare: 0.25)
        let tolerances = try ElasticBalanceLP(problem: problem).smallestTolerances()
        #expect(tolerances.count == 1)
        #expect(abs(tolerances[0].1 - 0.5) < 1e-7)
    }

    @Test func totalOutsideGivenTargetsIsReported() {
        var problem = Self.line([1, 1])
        problem.measures[0].target = .given
        problem.territories[0].targets = [5]
        problem.territories[1].targets = [5]
        let reasons = InfeasibilityExplainer(problem: problem).quickReasons()
        #expect(reasons.contains(.totalOutsideBounds(measure: "potential", total: 2, lowerSum: 9, upperSum: 11)))
    }
}
