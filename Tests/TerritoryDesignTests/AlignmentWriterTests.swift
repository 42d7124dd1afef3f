import Foundation
import Testing

@testable import TerritoryDesign

/// What the territory folder carries for the report: τ per measure and today's alignment ("before").
///
/// Four unit accounts on a line at x = 0, 1, 2, 3; T1 at 0 and T2 at 3; one measure (count, target 2
/// each, τ = 0). Today a, b, c are in T1 and d in T2: T1 holds 3 (+50 %), T2 holds 1 (−50 %), and
/// travel is 0 + 1 + 2 + 0 = 3. The optimum moves c to T2: travel 0 + 1 + 1 + 0 = 2, one account moved.
@Suite struct AlignmentWriterTests {
    static func plan() async throws -> TerritoryPlan {
        let units = [("a", 0.0, "T1"), ("b", 1, "T1"), ("c", 2, "T1"), ("d", 3, "T2")].map {
            AlignmentUnit(id: $0.0, location: .planar(x: $0.1, y: 0), measures: [1], currentTerritory: $0.2)
        }
        let problem = AlignmentProblem(
            units: units,
            territories: [
                TerritorySpec(id: "T1", centre: .planar(x: 0, y: 0)),
                TerritorySpec(id: "T2", centre: .planar(x: 3, y: 0)),
            ],
            measures: [BalanceMeasure(name: "count", tolerance: 0)], metric: .euclidean)
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60, seed: 1)).align(problem)
        return TerritoryPlan(
            problem: problem, alignment: alignment, originalTerritories: units.map(\.currentTerritory), opened: [],
            closed: [], current: AlignmentReport.current(of: problem))
    }

    @Test func metricsCarryTolerancesAndTodaysAlignment() async throws {
        let writer = AlignmentWriter(plan: try await Self.plan())
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(writer.metricsJSON().utf8)) as? [String: Any])
        #expect((json["tolerances"] as? [String: Double]) == ["count": 0])
        #expect(json["movedAccounts"] as? Int == 1)
        #expect(json["movedValue"] as? Double == 1)
        #expect(json["valueMeasure"] as? String == "count")
        #expect(json["weightedTravel"] as? Double == 2)
        let before = try #require(json["before"] as? [String: Any])
        #expect((before["maxDeviation"] as? [String: Double]) == ["count": 0.5])
        #expect(before["weightedTravel"] as? Double == 3)
        #expect(before["accounts"] as? Int == 4)
        #expect(before["unassignedAccounts"] as? Int == 0)
    }

    @Test func territoriesBeforeHasTodaysTotalsAgainstThePlansTargets() async throws {
        let files = AlignmentWriter(plan: try await Self.plan()).files()
        #expect(files.map(\.name) == ["assignment.csv", "territories.csv", "metrics.json", "territories_before.csv"])
        let text = String(decoding: try #require(files.last?.data), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == String(decoding: files[1].data, as: UTF8.self).split(separator: "\n")[0])
        #expect(lines[1].hasPrefix("T1,0.000000,0.000000,3,3.000000,2.000000,0.500000,3.000000,"))
        #expect(lines[2].hasPrefix("T2,3.000000,0.000000,1,1.000000,2.000000,-0.500000,0.000000,"))
    }

    @Test func unitsWithoutACurrentTerritoryCountInNone() {
        let units = [
            AlignmentUnit(id: "a", location: .planar(x: 0, y: 0), measures: [2], currentTerritory: "T1"),
            AlignmentUnit(id: "b", location: .planar(x: 1, y: 0), measures: [5]),
            AlignmentUnit(id: "c", location: .planar(x: 2, y: 0), measures: [3], currentTerritory: "gone"),
        ]
        let problem = AlignmentProblem(
            units: units, territories: [TerritorySpec(id: "T1", centre: .planar(x: 0, y: 0))],
            measures: [BalanceMeasure(name: "value", tolerance: 0.1)], metric: .euclidean)
        let current = AlignmentReport.current(of: problem)
        #expect(current?.territories.first?.totals == [2])  // target 10: the whole book
        #expect(current?.maxDeviation["value"] == 0.8)
        #expect(current?.assignedUnits == 1 && current?.unassignedUnits == 2)
        var none = problem
        none.units[0].currentTerritory = nil
        #expect(AlignmentReport.current(of: none) == nil)
    }
}
