import Foundation
import LinearProgramming
import SalesData
import TestSupport
import Testing

@testable import Planning

@Suite struct CapacityPlannerTests {
    /// The example of `docs/capacity.md`: one role, four quarters, ramp 0 / 50 / 100 %, lead time 1.
    static func handExample() -> CapacityPlanRequest {
        let ae = CapacityPlanRequest.Role(
            name: "AE", monthlyProductivity: 10, ramp: [0, 0.5], costPerHire: 5, costPerSellerMonth: 1,
            current: [.init(monthsInSeat: 12, count: 2)])
        var request = CapacityPlanRequest(quarterlyQuota: [60, 60, 90, 90], roles: [ae])
        request.leadTimeMonths = 1
        return request
    }

    @Test func handExampleHiresOneSellerStartingInMonthFive() throws {
        let plan = try CapacityPlanner.plan(Self.handExample())
        #expect(plan.termination == .optimal)
        #expect(plan.hires == [.init(role: "AE", decisionMonth: 4, startMonth: 5, count: 1)])
        #expect(plan.hiringCost == 13)  // 5 + 8 seller-months (months 5…12)
        #expect(plan.currentSellerCost == 24)  // 2 sellers × 12 months
        #expect(plan.totalCost == 37)
        let bound = try #require(plan.bestBound)
        #expect(abs(bound - 37) < 1e-6)
        #expect(plan.relativeGap.map { $0 < 1e-9 } == true)
        #expect(plan.quarters.map(\.capacity) == [60, 65, 90, 90])
        #expect(plan.quarters.map(\.required) == [60, 60, 90, 90])
        #expect(plan.shortfalls.isEmpty)
        #expect(plan.months.map(\.headcount) == [2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3])
        #expect(plan.months.map(\.capacity) == [20, 20, 20, 20, 20, 25, 30, 30, 30, 30, 30, 30])
    }

    @Test func coverageScalesTheRequirement() throws {
        var request = Self.handExample()
        request.quotaCoverage = 0.9  // 81 in Q3: a hire starting in month 6 (25 in Q3) is enough
        let plan = try CapacityPlanner.plan(request)
        #expect(plan.hires == [.init(role: "AE", decisionMonth: 5, startMonth: 6, count: 1)])
        #expect(plan.totalCost == 36)  // 24 + 5 + 7 seller-months (months 6…12)
    }

    @Test func attritionIsAnExpectedFractionalLoss() throws {
        var request = Self.handExample()
        request.roles[0].monthlyAttrition = 0.5
        request.quarterlyQuota = [35, 0, 0, 0]  // months 1–3: 20 + 10 + 5 = 35 from the current sellers
        let plan = try CapacityPlanner.plan(request)
        #expect(plan.hires.isEmpty)
        #expect(plan.quarters[0].capacity == 35)
        #expect(plan.months.prefix(3).map(\.headcount) == [2, 1, 0.5])
    }

    @Test func quotaOutOfReachWithinTheLeadTimeIsReportedByQuarter() throws {
        var request = Self.handExample()
        request.quarterlyQuota[0] = 90  // Q1: current 60, a hire starting in month 2 adds 5 at most
        request.maxHiresPerMonth = 1
        let plan = try CapacityPlanner.plan(request)
        #expect(plan.termination == .infeasible)
        #expect(plan.totalCost == nil && plan.hires.isEmpty)
        #expect(plan.shortfalls.map(\.quarter) == [1])
        let q1 = try #require(plan.shortfalls.first)
        #expect(abs(q1.shortfall - 25) < 1e-6 && abs(q1.capacity - 65) < 1e-6)
        #expect(plan.summary.contains("Q1 short by 25.00"))
    }

    @Test func budgetBelowTheCheapestPlanIsInfeasible() throws {
        var request = Self.handExample()
        request.hiringBudget = 12.5
        let plan = try CapacityPlanner.plan(request)
        #expect(plan.termination == .infeasible)
        #expect(!plan.shortfalls.isEmpty)
    }

    @Test func aLimitedSolveIsNeverReportedOptimal() throws {
        var request = Self.handExample()
        request.roles.append(
            .init(name: "SE", monthlyProductivity: 7, ramp: [0.2, 0.6], costPerHire: 3, costPerSellerMonth: 0.7))
        request.quarterlyQuota = [61, 97, 143, 211]
        #expect(try CapacityPlanner.plan(request).termination == .optimal)
        request.nodeLimit = 1  // the root relaxation is fractional: no incumbent after one node
        let stopped = try CapacityPlanner.plan(request)
        #expect(stopped.termination == .noSolutionFound(limit: .nodes))
        #expect(stopped.totalCost == nil && stopped.hires.isEmpty && stopped.shortfalls.isEmpty)
        #expect(stopped.bestBound != nil)
        #expect(stopped.summary.hasPrefix("termination noSolutionFound(nodes)"))
        request.nodeLimit = nil
        // Stopped before the first node: a zero limit, which only the internal entry point takes
        // (a request's time limit goes through the shared `Deadline` check, which refuses 0).
        let timedOut = try CapacityPlanner.solve(request, options: SolverOptions(timeLimit: .zero))
        #expect(timedOut.termination == .noSolutionFound(limit: .time))
    }

    /// The time limit uses the check every optimizer shares: more than 0 and at most
    /// `Deadline.maximumSeconds`; NaN, ±∞ and 0 are named errors, never a trap.
    @Test func theTimeLimitGoesThroughTheSharedDeadlineCheck() throws {
        var request = Self.handExample()
        let bads: [Double] = [0, -1, .nan, .infinity, Deadline.maximumSeconds * 2]
        for bad in bads {
            request.timeLimitSeconds = bad
            let error = #expect(throws: PlanningError.self, "\(bad)") { try request.validate() }
            guard case .invalidValue(let key, _, let expected) = error else { continue }
            #expect(key == "timeLimitSeconds" && expected.contains("> 0"), "\(bad): \(expected)")
        }
        request.timeLimitSeconds = 0.5
        #expect(try request.solverOptions().timeLimit == .milliseconds(500))
        request.timeLimitSeconds = Deadline.maximumSeconds
        #expect(throws: Never.self) { try request.validate() }
        #expect(throws: ConfigurationError.self) {
            try CapacityPlanRequest(
                yaml: "quarterlyQuota: [60]\nroles: [{name: AE, monthlyProductivity: 10}]\ntimeLimitSeconds: 0\n")
        }
    }

    @Test func validationNamesTheBadKey() {
        var request = Self.handExample()
        request.roles[0].ramp = [0, 1.5]
        #expect(
            throws: PlanningError.invalidValue(key: "roles[0].ramp[1]", value: "1.5", expected: "a share in [0, 1]")
        ) {
            try request.validate()
        }
        request = Self.handExample()
        request.quarterlyQuota[2] = .nan
        #expect(throws: PlanningError.self) { try CapacityPlanner.plan(request) }
        request = Self.handExample()
        request.leadTimeMonths = 13
        #expect((try? request.validate()) == nil)
    }

    @Test func decodesDefaultsAndAnnualProductivity() throws {
        let json = """
            {"quarterlyQuota": [60, 60, 90, 90], "leadTimeMonths": 1,
             "roles": [{"name": "AE", "annualProductivity": 120, "ramp": [0, 0.5], "costPerHire": 5,
                        "costPerSellerMonth": 1, "current": [{"monthsInSeat": 12, "count": 2}]}]}
            """
        let request = try JSONDecoder().decode(CapacityPlanRequest.self, from: Data(json.utf8))
        #expect(request == Self.handExample())
        let roundTrip = try JSONDecoder().decode(CapacityPlanRequest.self, from: JSONEncoder().encode(request))
        #expect(roundTrip == request)
        let both =
            #"{"quarterlyQuota": [1], "roles": [{"name": "AE", "annualProductivity": 1, "monthlyProductivity": 1}]}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CapacityPlanRequest.self, from: Data(both.utf8))
        }
    }
}

@Suite struct CapacityPlanRequestYAMLTests {
    @Test func shippedConfigIsTheHandExample() throws {
        let text = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Data/plans/capacity.yaml"), encoding: .utf8)
        #expect(try CapacityPlanRequest(yaml: text) == CapacityPlannerTests.handExample())
    }

    @Test func unknownAndMissingKeysAreLocated() throws {
        let yaml =
            "quarterlyQuota: [1]\nroles:\n  - name: AE\n    monthlyProductivity: 1\n    current: [{months: 1, count: 1}]\n"
        let unknown = try #require(throws: ConfigurationError.self) {
            try CapacityPlanRequest(yaml: yaml, file: "c.yaml")
        }
        #expect(unknown.kind == .unknownKey && unknown.file == "c.yaml" && unknown.line == 5)
        #expect(unknown.keyPath.hasSuffix("months"))
        let bad = try #require(throws: ConfigurationError.self) {
            try CapacityPlanRequest(
                yaml: "quarterlyQuota: [1]\nroles:\n  - {name: AE, monthlyProductivity: 1, ramp: [2]}\n")
        }
        #expect(bad.keyPath == "roles[0].ramp[0]" && bad.line == 3)
        #expect(throws: ConfigurationError.self) { try CapacityPlanRequest(yaml: "quarterlyQuota: [1]\n") }
    }
}
