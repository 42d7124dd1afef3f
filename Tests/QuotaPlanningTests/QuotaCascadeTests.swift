import QuotaPlanning
import SalesData
import TestSupport
import Testing

/// The worked example of the issue: $50M, 10 % over-assignment per level, a region whose blended
/// index is 0.5 × 18/40 + 0.5 × 120/300 = 42.5 %.
@Suite struct QuotaCascadeTests {
    /// Company → East (reps e1…e3) and West (reps w1, w2).
    ///
    /// East's reps have prior year 8 + 6 + 4 = 18 of 40 and potential 50 + 40 + 30 = 120 of 300.
    static func workedExample() throws -> QuotaHierarchy {
        func rep(_ id: String, _ parent: String, prior: Double, potential: Double) -> QuotaNode {
            QuotaNode(
                id: QuotaNodeID(id), parent: QuotaNodeID(parent), role: .seat,
                measures: BasisMeasures(priorYear: prior * 1_000_000, potential: potential * 1_000_000))
        }
        return try QuotaHierarchy([
            QuotaNode(id: "co", parent: nil, role: .unit),
            QuotaNode(id: "east", parent: "co", role: .unit),
            QuotaNode(id: "west", parent: "co", role: .unit),
            rep("e1", "east", prior: 8, potential: 50), rep("e2", "east", prior: 6, potential: 40),
            rep("e3", "east", prior: 4, potential: 30),
            rep("w1", "west", prior: 12, potential: 100), rep("w2", "west", prior: 10, potential: 80),
        ])
    }

    static func workedConfiguration() throws -> QuotaPlanConfiguration {
        var config = QuotaPlanConfiguration(target: 50_000_000)
        config.basis = try BasisBlend(parsing: "history:0.5,potential:0.5")
        config.overAssignment = [0.10]
        return config
    }

    @Test func regionWithBlendedIndex42point5PercentGets23point375Million() throws {
        let plan = try QuotaCascade(hierarchy: Self.workedExample(), configuration: Self.workedConfiguration())
            .allocate()
        let east = try #require(plan.assignment("east"))
        #expect(isApproximatelyEqual(east.blendedShare, 0.425))
        #expect(east.quota == 23_375_000)
        #expect(east.childrenPool == 25_712_500)
        let reps = plan.assignments.filter { $0.parent == "east" }
        #expect(reps.reduce(0) { $0 + $1.quota } == 25_712_500)
        #expect(plan.assignment("west")?.quota == 31_625_000.0)
        // e1: 0.5 × 8/18 + 0.5 × 50/120 of 25.7125M, rounded to the dollar.
        let e1 = try #require(plan.assignment("e1"))
        #expect(abs(e1.quota - 25_712_500 * (0.5 * 8 / 18 + 0.5 * 50 / 120)) <= 1)
        #expect(plan.checksPass)
        for check in plan.checks {
            #expect(abs(check.childrenSum / (1 + check.overAssignment) - check.quota) <= check.tolerance)
        }
    }

    @Test func concurrentAllocationMatchesSequential() async throws {
        let cascade = try QuotaCascade(hierarchy: Self.workedExample(), configuration: Self.workedConfiguration())
        let sequential = try cascade.allocate()
        let concurrent = try await cascade.allocateConcurrently()
        #expect(sequential.quotasCSV() == concurrent.quotasCSV())
    }

    @Test func methodContributionsAddUpToTheQuota() throws {
        let plan = try QuotaCascade(hierarchy: Self.workedExample(), configuration: Self.workedConfiguration())
            .allocate()
        for a in plan.assignments where a.level > 0 {
            let sum = a.contributions.values.reduce(0, +)
            #expect(isApproximatelyEqual(sum, a.quota, absolute: 1e-6))
        }
        // East's prior-year part: 0.5 × 0.45 / 0.425 of its quota.
        let east = try #require(plan.assignment("east"))
        #expect(isApproximatelyEqual(east.contributions[.priorYear] ?? 0, 23_375_000 * 0.225 / 0.425, absolute: 1e-6))
    }

    @Test func quarterlyQuotasAddUpToTheAnnualQuota() throws {
        let plan = try QuotaCascade(hierarchy: Self.workedExample(), configuration: Self.workedConfiguration())
            .allocate()
        for a in plan.assignments {
            #expect(a.periodQuotas.count == 4)
            #expect(a.periodQuotas.reduce(0, +) == a.quota)
        }
    }

    @Test func overAssignmentCanDifferByLevel() throws {
        var config = try Self.workedConfiguration()
        config.overAssignment = [0.05, 0.20]
        let plan = try QuotaCascade(hierarchy: Self.workedExample(), configuration: config).allocate()
        let east = try #require(plan.assignment("east"))
        #expect(east.quota == (52_500_000 * 0.425).rounded())
        #expect(east.childrenPool == (east.quota * 1.2).rounded())
        #expect(plan.checksPass)
    }

    @Test func unknownOverrideIsRejected() throws {
        var config = try Self.workedConfiguration()
        config.overrides["nobody"] = 5
        #expect(throws: QuotaError.self) { try QuotaCascade(hierarchy: Self.workedExample(), configuration: config) }
    }
}
