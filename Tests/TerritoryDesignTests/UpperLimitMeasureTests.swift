import Foundation
import TerritoryDesign
import Testing

/// One-sided measures (issue 11 item 5): every territory's total at most a limit, no lower bound.
@Suite struct UpperLimitMeasureTests {
    @Test func parsesAndDecodesTheMaximum() throws {
        let spec = try MeasureSpec(parsing: "hours:max:1600")
        #expect(spec.maximum == 1600 && spec.target == .upperLimit && spec.tolerance == nil)
        #expect(throws: TerritoryError.self) { try MeasureSpec(parsing: "hours:max") }
        #expect(throws: TerritoryError.self) { try MeasureSpec(parsing: "hours:max:-1") }
        #expect(throws: TerritoryError.self) { try MeasureSpec(parsing: "hours:0.1:max") }
        let decoded = try JSONDecoder().decode(MeasureSpec.self, from: Data(#"{"name":"hours","maximum":40}"#.utf8))
        #expect(decoded == MeasureSpec(name: "hours", maximum: 40))
        var request = TerritoryDesignRequest(accounts: "a.csv", territories: "t.csv", measures: [decoded])
        #expect(request.balanceMeasures == [BalanceMeasure.upperLimit(name: "hours", limit: 40)])
        request.measures[0].tolerance = 0.1
        #expect(throws: TerritoryError.self) { try request.validate() }  // a one-sided measure has no tolerance
    }

    /// Units at x = 0, 1, 2, 3 with hours 1, 4, 1, 1; territories at x = 0 and x = 3, ≤ 4 hours.
    ///
    /// Unit 1 (4 hours) must be alone: with T1 the rest go to T2 (1 + 3 + 1 + 0 = 5),
    /// with T2 the rest go to T1 (2 + 0 + 2 + 3 = 7). Optimum 5; without the limit, 2.
    @Test func aLimitOnlyCapsTheTotal() async throws {
        let units = zip([0.0, 1, 2, 3], [1.0, 4, 1, 1]).enumerated().map { i, pair in
            AlignmentUnit(id: "u\(i)", location: .planar(x: pair.0, y: 0), measures: [pair.1])
        }
        let territories = [
            TerritorySpec(id: "T1", centre: .planar(x: 0, y: 0)), TerritorySpec(id: "T2", centre: .planar(x: 3, y: 0)),
        ]
        let problem = AlignmentProblem(
            units: units, territories: territories, measures: [.upperLimit(name: "hours", limit: 4)], metric: .euclidean
        )
        let aligner = TerritoryAligner(options: AlignmentOptions(timeLimit: 10, seed: 1, workers: 1))
        let alignment = try await aligner.align(problem)
        #expect(abs(alignment.objective - 5) < 1e-9)
        #expect(alignment.assignment == [1, 0, 1, 1])
        #expect(alignment.bound <= 5 + 1e-9)
        #expect(alignment.maxDeviation["hours"] == 0)  // only an excess over the limit counts
        #expect(alignment.territories.map(\.targets) == [[4], [4]])
        // A limit the biggest unit exceeds cannot be met.
        var tight = problem
        tight.measures = [.upperLimit(name: "hours", limit: 3)]
        await #expect(throws: TerritoryError.self) { try await aligner.align(tight) }
    }
}

/// An opened centre serves itself (issue 11 item 5): the account whose id is a territory's id
/// stays in that territory.
@Suite struct CentreServesItselfTests {
    /// Accounts u0 (x = 0), B (x = 1), u2 (x = 9); territories A at 0 and B at 10.
    ///
    /// No balance pressure. Nearest: u0, B → A and u2 → B, travel 0 + 1 + 1 = 2. With B serving itself:
    /// 0 + 9 + 1 = 10.
    @Test func theHomeBaseAccountStaysInItsTerritory() async throws {
        let units = zip(["u0", "B", "u2"], [0.0, 1, 9]).map { id, x in
            AlignmentUnit(id: id, location: .planar(x: x, y: 0), measures: [1])
        }
        let problem = AlignmentProblem(
            units: units,
            territories: [
                TerritorySpec(id: "A", centre: .planar(x: 0, y: 0)),
                TerritorySpec(id: "B", centre: .planar(x: 10, y: 0)),
            ],
            measures: [BalanceMeasure(name: "count", tolerance: 1)], metric: .euclidean)
        var options = AlignmentOptions(timeLimit: 10, seed: 1, workers: 1)
        let free = try await TerritoryAligner(options: options).align(problem)
        #expect(abs(free.objective - 2) < 1e-9)
        options.centreServesItself = true
        let held = try await TerritoryAligner(options: options).align(problem)
        #expect(abs(held.objective - 10) < 1e-9)
        #expect(held.territoryID(ofUnit: 1) == "B")
        // today in A: holding it in B would be an unbudgeted move
        var moved = problem
        moved.units[1].currentTerritory = "A"
        await #expect(throws: TerritoryError.self) { try await TerritoryAligner(options: options).align(moved) }
    }

    /// Chosen centres among the accounts: every opened candidate's account is in its own territory.
    @Test func chosenCentresServeThemselves() async throws {
        let xs = [0.0, 1, 2, 3, 10, 11, 12, 13]
        let units = xs.enumerated().map { i, x in
            AlignmentUnit(id: "u\(i)", location: .planar(x: x, y: 0), measures: [1])
        }
        let problem = AlignmentProblem(
            units: units, territories: units.map { TerritorySpec(id: $0.id, centre: $0.location) },
            measures: [BalanceMeasure(name: "count", tolerance: 0)], metric: .euclidean, centrePolicy: .choose(count: 2)
        )
        var options = AlignmentOptions(timeLimit: 10, seed: 1, workers: 1)
        options.centreServesItself = true
        let alignment = try await TerritoryAligner(options: options).align(problem)
        #expect(alignment.territoryIDs.count == 2)
        for id in alignment.territoryIDs {
            let i = try #require(units.firstIndex { $0.id == id })
            #expect(alignment.territoryID(ofUnit: i) == id)
        }
        #expect(abs(alignment.objective - 8) < 1e-9)  // each group of four at an inner point: 1 + 0 + 1 + 2
    }
}
