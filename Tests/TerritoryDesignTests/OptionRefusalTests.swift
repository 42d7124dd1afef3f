import Foundation
import TerritoryDesign
import TestSupport
import Testing

/// Options that used to run and silently do something else now do the right thing or refuse.
@Suite struct OptionRefusalTests {
    /// Six units on a line, three candidate territories each holding two of them.
    static func problem(lockedTerritories: [String], policy: CentrePolicy) -> AlignmentProblem {
        let ids = ["A", "A", "B", "B", "C", "C"]
        let units = ids.enumerated().map { i, territory in
            AlignmentUnit(
                id: "u\(i)", location: .planar(x: Double(i), y: 0), measures: [1], currentTerritory: territory,
                locked: lockedTerritories.contains(territory) && i % 2 == 0)
        }
        let territories = ["A", "B", "C"].enumerated().map { j, id in
            TerritorySpec(id: id, centre: .planar(x: Double(2 * j) + 0.5, y: 0))
        }
        return AlignmentProblem(
            units: units, territories: territories, measures: [BalanceMeasure(name: "count", tolerance: 1)],
            metric: .euclidean, centrePolicy: policy)
    }

    /// Was: `--choose-centres --territory-count 2` with locks in three territories opened all three.
    @Test func choosingFewerCentresThanLockedTerritoriesIsRefused() throws {
        let problem = Self.problem(lockedTerritories: ["A", "B", "C"], policy: .choose(count: 2))
        #expect(throws: TerritoryError.self) { try problem.validate() }
        let fits = Self.problem(lockedTerritories: ["A", "B"], policy: .choose(count: 2))
        try fits.validate()
    }

    @Test func chosenCountIsTheTerritoryCountWithLocks() async throws {
        let problem = Self.problem(lockedTerritories: ["A"], policy: .choose(count: 2))
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 5, workers: 1)).align(problem)
        #expect(alignment.territoryIDs.count == 2)
        #expect(alignment.territoryIDs.contains("A"))
    }

    /// Was: `--add 2 --remove 2` opened NEW-1 and NEW-2 and then closed the same two.
    @Test func peelAndGrowNeverClosesWhatItOpened() throws {
        let problem = Self.problem(lockedTerritories: [], policy: .fixed)
        let change = try PeelAndGrow(workloadMeasure: 0).apply(to: problem, add: 2, remove: 2)
        #expect(change.opened == ["NEW-1", "NEW-2"])
        #expect(change.closed.count == 2)
        #expect(Set(change.opened).isDisjoint(with: change.closed))
        #expect(change.problem.territories.count == 3)
    }

    /// Was: an adjacency file without pairs ran and reported every territory disconnected.
    @Test(arguments: ["unit_a,unit_b\n", "unit_a,unit_b\nx1,x2\n"])
    func adjacencyWithoutKnownPairsIsRefused(contents: String) throws {
        let folder = try Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("adjacency.csv")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: TerritoryError.self) {
            try AlignmentInput.adjacency(from: url, unitIDs: ["u0", "u1"])
        }
        try "unit_a,unit_b\nu0,u1\n".write(to: url, atomically: true, encoding: .utf8)
        let adjacency = try AlignmentInput.adjacency(from: url, unitIDs: ["u0", "u1"])
        #expect(adjacency.count == 2)
    }
}
