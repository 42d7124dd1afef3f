import Foundation
import Testing

@testable import TerritoryDesign

@Suite struct CentrePolicyTests {
    /// Two clusters of 20 units around (0, 0) and (100, 0); centres start far away.
    static func clusters() -> AlignmentProblem {
        var units: [AlignmentUnit] = []
        for i in 0..<40 {
            let base = i < 20 ? 0.0 : 100.0
            units.append(
                AlignmentUnit(
                    id: "u\(i)", location: .planar(x: base + Double(i % 5), y: Double(i % 4)), measures: [1, 1],
                    currentTerritory: i < 20 ? "A" : "B"))
        }
        return AlignmentProblem(
            units: units,
            territories: [
                TerritorySpec(id: "A", centre: .planar(x: -50, y: 60)),
                TerritorySpec(id: "B", centre: .planar(x: 160, y: 60)),
            ],
            measures: [
                BalanceMeasure(name: "count", tolerance: 0.1), BalanceMeasure(name: "workload", tolerance: 0.1),
            ],
            metric: .euclidean)
    }

    @Test func relocationMovesCentresIntoTheirClusters() async throws {
        var problem = Self.clusters()
        let fixed = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60)).align(problem)
        problem.centrePolicy = .relocate(rounds: 4)
        let moved = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60)).align(problem)
        #expect(moved.objective < fixed.objective / 5)
        #expect(moved.territories[0].centre.first < 10)
        #expect(moved.territories[1].centre.first > 90)
        #expect(moved.movedUnits == 0)
    }

    @Test func choosingCentresOpensOnePerCluster() async throws {
        var problem = Self.clusters()
        problem.territories = [
            TerritorySpec(id: "far", centre: .planar(x: 50, y: 500)),
            TerritorySpec(id: "west", centre: .planar(x: 2, y: 1)),
            TerritorySpec(id: "mid", centre: .planar(x: 50, y: 0)),
            TerritorySpec(id: "east", centre: .planar(x: 102, y: 1)),
        ]
        for i in problem.units.indices { problem.units[i].currentTerritory = nil }
        problem.centrePolicy = .choose(count: 2)
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60)).align(problem)
        #expect(alignment.territoryIDs == ["west", "east"])
    }

    @Test func growOpensInsideTheHeaviestTerritoryAndPeelClosesTheWeakest() throws {
        var problem = Self.clusters()
        // make A heavy: workload 5 on its units
        for i in 0..<20 { problem.units[i].measures[1] = 5 }
        let grown = try PeelAndGrow(workloadMeasure: 1).apply(to: problem, add: 1, remove: 0)
        #expect(grown.opened == ["NEW-1"])
        #expect(grown.problem.territories.count == 3)
        #expect(grown.problem.territories[2].centre.first < 10)  // inside cluster A
        let peeled = try PeelAndGrow(workloadMeasure: 1).apply(to: problem, add: 0, remove: 1)
        #expect(peeled.closed == ["B"])
        #expect(peeled.problem.territories.map(\.id) == ["A"])
        #expect(peeled.problem.units[25].currentTerritory == nil)
        #expect(throws: TerritoryError.self) {
            try PeelAndGrow(workloadMeasure: 1).apply(to: problem, add: 0, remove: 2)
        }
    }

    @Test func grownProblemAlignsWithTheNewTerritory() async throws {
        var problem = Self.clusters()
        for i in 0..<20 { problem.units[i].measures[1] = 5 }
        problem.measures = [
            BalanceMeasure(name: "count", tolerance: 1), BalanceMeasure(name: "workload", tolerance: 0.5),
        ]
        let grown = try PeelAndGrow(workloadMeasure: 1).apply(to: problem, add: 1, remove: 0)
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60)).align(grown.problem)
        #expect(alignment.territories[2].unitCount > 0)
        #expect(alignment.maxDeviation["workload"]! <= 0.5 + 1e-9)
    }
}
