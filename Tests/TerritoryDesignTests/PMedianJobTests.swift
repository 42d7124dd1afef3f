import Foundation
import LinearProgramming
import SalesData
import TerritoryDesign
import TerritoryDesignExact
import TestSupport
import Testing

/// `territories pmedian` as a library call: hand-worked optima on user-shaped CSVs, great-circle
/// distances, candidate centres from a file, and the time limit kept.
@Suite struct PMedianJobTests {
    /// Five accounts on a line at x = 0, 1, 2, 10, 11 (ids A…E), demand 1 each.
    static func lineAccounts(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("accounts.csv").path
        let rows = zip(["A", "B", "C", "D", "E"], [0, 1, 2, 10, 11]).map { "\($0),\($1),0,1" }
        try ("id,x,y,demand\n" + rows.joined(separator: "\n") + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func request(_ accounts: String, count: Int, configure: (inout PMedianRequest) -> Void = { _ in })
        -> PMedianRequest
    {
        var request = PMedianRequest(accounts: accounts, count: count)
        request.timeLimit = 30
        configure(&request)
        return request
    }

    /// Two centres among the accounts: B serves A, B, C (1 + 0 + 1) and D or E serves both (1):
    /// optimum 3, proven.
    @Test func uncapacitatedOptimumOnALine() throws {
        let folder = try Fixtures.temporaryFolder()
        let plan = try PMedianJob(request: Self.request(try Self.lineAccounts(in: folder), count: 2)).run()
        #expect(plan.termination == .optimal)
        #expect(abs((plan.report.solution?.objective ?? 0) - 3) < 1e-9)
        #expect(abs(plan.report.bound - 3) < 1e-9)
        #expect(plan.report.gap == 0)
        let opened = plan.openedSites.map { plan.sites[$0].id }
        #expect(opened.count == 2 && opened.contains("B"))
        #expect(plan.centreOfAccount?[0] == 1)  // A is served by B
    }

    /// Capacity 2 per centre cannot hold a demand of 5 with two centres: proven infeasible.
    @Test func capacityBelowDemandIsInfeasible() throws {
        let folder = try Fixtures.temporaryFolder()
        let request = Self.request(try Self.lineAccounts(in: folder), count: 2) {
            $0.demand = "demand"
            $0.capacity = 2
        }
        let plan = try PMedianJob(request: request).run()
        #expect(plan.termination == .infeasible)
        #expect(plan.centreOfAccount == nil)
    }

    /// Capacity 2 with three centres: {A, B} at B (1), C alone (0), {D, E} (1), or C with B and A
    /// alone: optimum 2.
    @Test func capacitatedOptimumOnALine() throws {
        let folder = try Fixtures.temporaryFolder()
        let request = Self.request(try Self.lineAccounts(in: folder), count: 3) {
            $0.demand = "demand"
            $0.capacity = 2
        }
        let plan = try PMedianJob(request: request).run()
        #expect(plan.termination == .optimal)
        #expect(abs((plan.report.solution?.objective ?? 0) - 2) < 1e-9)
    }

    /// The written plan of the capacitated case: {A, B} at A or B, C alone, {D, E} at D or E.
    @Test func writesTheCapacitatedPlan() throws {
        let folder = try Fixtures.temporaryFolder()
        let request = Self.request(try Self.lineAccounts(in: folder), count: 3) {
            $0.demand = "demand"
            $0.capacity = 2
        }
        let plan = try PMedianJob(request: request).run()
        let writer = PMedianWriter(plan: plan)
        let rows = writer.assignmentCSV().split(separator: "\n").dropFirst()
        #expect(rows.count == 5)
        #expect(rows.contains("C,C,0.000000"))
        let centres = writer.centresCSV().split(separator: "\n")
        #expect(centres.count == 4)  // header and three opened centres
        #expect(centres.contains { $0.hasPrefix("C,2.000000,0.000000,1,1.000000,2.000000,0.000000,0.000000") })
        let json = try JSONSerialization.jsonObject(with: Data(writer.metricsJSON().utf8)) as? [String: Any]
        #expect(json?["termination"] as? String == "optimal")
        #expect(json?["maxDiameter"] as? Double == 1)
    }

    /// Latitude/longitude accounts are priced by great-circle distance: two accounts one degree
    /// apart on the equator, one centre serving itself, cost R·π/180.
    @Test func greatCircleDistances() throws {
        let folder = try Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("accounts.csv").path
        try "id,latitude,longitude\nP,0,0\nQ,0,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let plan = try PMedianJob(request: Self.request(path, count: 1)).run()
        let expected = GeoPoint.earthRadiusKilometers * Double.pi / 180
        #expect(plan.metric == .haversineKilometres)
        #expect(abs((plan.report.solution?.objective ?? 0) - expected) < 1e-6)
        #expect(plan.termination == .optimal)
    }

    @Test func badRequestsNameTheirKey() {
        var request = PMedianRequest(accounts: "a.csv", count: 0)
        #expect(throws: TerritoryError.invalidRequest(key: "count", value: "0", expected: "at least 1 centre to open"))
        {
            try request.validate()
        }
        request.count = 2
        request.capacity = 5
        #expect(throws: TerritoryError.self) { try request.validate() }  // capacity without demand
        request.demand = "demand"
        request.timeLimit = .nan
        #expect(throws: TerritoryError.self) { try request.validate() }
    }

    /// Issue 11 item 3 through the user's path: 700 accounts, 70 capacitated centres (far too
    /// large to prove), 3 s: the run ends within 10 % of the limit with a valid bound.
    @Test func keepsItsTimeLimit() throws {
        let folder = try Fixtures.temporaryFolder()
        var generator = SplitMixGenerator(seed: 5)
        var csv = "id,x,y,demand\n"
        for i in 0..<700 {
            let x = Double.random(in: 0..<1000, using: &generator), y = Double.random(in: 0..<1000, using: &generator)
            csv += "U\(i),\(x),\(y),\(Int.random(in: 1...20, using: &generator))\n"
        }
        let path = folder.appendingPathComponent("accounts.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let limit = 3.0
        let request = Self.request(path, count: 70) {
            $0.demand = "demand"
            $0.capacity = 180
            $0.timeLimit = limit
        }
        let start = ContinuousClock.now
        let plan = try PMedianJob(request: request).run()
        let wall = (ContinuousClock.now - start).inSeconds
        #expect(wall <= limit * 1.1, "took \(wall) s for a \(limit) s limit")
        #expect(plan.termination != .optimal)
        if let objective = plan.report.solution?.objective { #expect(plan.report.bound <= objective + 1e-6) }
    }
}
