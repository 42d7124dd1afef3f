import Foundation
import TerritoryDesignSupport
import TestSupport
import Testing

@testable import TerritoryDesign

@Suite struct AlignmentConstraintTests {
    /// The synthetic instance with a current alignment: each unit in its nearest territory.
    static func withNearestCurrent(units: Int, territories: Int, seed: UInt64) -> AlignmentProblem {
        var problem = SyntheticAlignment.make(units: units, territories: territories, tolerance: 0.05, seed: seed)
        for i in problem.units.indices {
            let nearest = problem.territories.min {
                DistanceMetric.euclidean.distance(problem.units[i].location, $0.centre)
                    < DistanceMetric.euclidean.distance(problem.units[i].location, $1.centre)
            }
            problem.units[i].currentTerritory = nearest?.id
        }
        return problem
    }

    @Test func lockedUnitsNeverMove() async throws {
        var problem = Self.withNearestCurrent(units: 240, territories: 4, seed: 11)
        for i in stride(from: 0, to: 240, by: 7) { problem.units[i].locked = true }
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60, seed: 2)).align(problem)
        for (i, unit) in problem.units.enumerated() where unit.locked {
            #expect(alignment.territoryID(ofUnit: i) == unit.currentTerritory)
        }
        #expect(alignment.maxDeviation.values.allSatisfy { $0 <= 0.05 + 1e-9 })
    }

    @Test(arguments: [0.35, 0.5])
    func disruptionBudgetIsRespected(share: Double) async throws {
        var problem = Self.withNearestCurrent(units: 240, territories: 4, seed: 12)
        problem.disruption = DisruptionBudget(maxMovedAccountShare: share)
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60, seed: 2)).align(problem)
        #expect(alignment.movedShare <= share + 1e-12)
        #expect(alignment.maxDeviation.values.allSatisfy { $0 <= 0.05 + 1e-9 })
        let unconstrained = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60, seed: 2))
            .align(Self.withNearestCurrent(units: 240, territories: 4, seed: 12))
        #expect(alignment.bound <= unconstrained.objective * (1 + 1e-9) || alignment.objective >= unconstrained.bound)
    }

    @Test func valueBudgetIsRespected() async throws {
        var problem = Self.withNearestCurrent(units: 240, territories: 4, seed: 13)
        problem.disruption = DisruptionBudget(maxMovedValueShare: 0.3, valueMeasure: 0)
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60, seed: 2)).align(problem)
        #expect(alignment.movedValueShare <= 0.3 + 1e-9)
    }

    @Test func contiguousTerritoriesOnAGridAreConnectedAndBalanced() async throws {
        // 6 × 6 grid, 4 corner centres, one unit each: every territory must hold exactly 9 cells.
        var units: [AlignmentUnit] = []
        var neighbours: [[Int]] = []
        for r in 0..<6 {
            for c in 0..<6 {
                units.append(
                    AlignmentUnit(id: "g\(r)-\(c)", location: .planar(x: Double(c), y: Double(r)), measures: [1]))
                var list: [Int] = []
                if r > 0 { list.append((r - 1) * 6 + c) }
                if c > 0 { list.append(r * 6 + c - 1) }
                if r < 5 { list.append((r + 1) * 6 + c) }
                if c < 5 { list.append(r * 6 + c + 1) }
                neighbours.append(list)
            }
        }
        let territories = [(0.0, 0.0), (5, 0), (0, 5), (5, 5)].enumerated().map { j, p in
            TerritorySpec(id: "T\(j)", centre: .planar(x: p.0, y: p.1))
        }
        let problem = AlignmentProblem(
            units: units, territories: territories, measures: [BalanceMeasure(name: "cells", tolerance: 0.1)],
            metric: .euclidean, adjacency: UnitAdjacency(neighbours: neighbours))
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 60)).align(problem)
        #expect(alignment.connected)
        #expect(ContiguityCheck.allConnected(alignment.assignment, territoryCount: 4, in: problem.adjacency!))
        #expect(alignment.territories.allSatisfy { $0.unitCount == 9 })
        // quadrants are optimal: 4 × (sum of distances from a corner over a 3 × 3 block)
        var quadrant = 0.0
        for r in 0..<3 { for c in 0..<3 { quadrant += Double(r * r + c * c).squareRoot() } }
        #expect(alignment.objective >= 4 * quadrant - 1e-9)
        #expect(alignment.bound <= 4 * quadrant + 1e-9)
        #expect(isApproximatelyEqual(alignment.objective, 4 * quadrant, relative: 1e-9))
    }

    @Test func checkerFindsADisconnectedTerritory() {
        let graph = UnitAdjacency(neighbours: [[1], [0, 2], [1]])
        #expect(ContiguityCheck.isConnected([0, 1, 2], in: graph))
        #expect(!ContiguityCheck.isConnected([0, 2], in: graph))
        #expect(!ContiguityCheck.allConnected([0, 1, 0], territoryCount: 2, in: graph))
    }
}
