import QuotaPlanning
import SalesData
import TestSupport
import Testing

/// Equal probability of attainment across the whole plan, not only inside one sibling group
/// (issue 10, defect 3: two districts gave 0.500 / 0.500 / 0.335 / 0.334).
@Suite struct PlanWideFairnessTests {
    /// Two regions, three districts, seven seats.
    ///
    /// T12M only (so μ = T12M), normal sales with the
    /// given volatilities (σ = cv × μ). Σμ = 1,250k, Σσ = 240k.
    static let seats: [(id: QuotaNodeID, district: QuotaNodeID, mean: Double, cv: Double)] = [
        ("a", "D1", 100_000, 0.2), ("b", "D1", 200_000, 0.3),
        ("c", "D2", 300_000, 0.1), ("d", "D2", 50_000, 0.4),
        ("e", "D3", 120_000, 0.25), ("f", "D3", 80_000, 0.25), ("g", "D3", 400_000, 0.15),
    ]

    static func tree(priorOfG: Double? = nil) throws -> QuotaHierarchy {
        var nodes = [
            QuotaNode(id: "co", parent: nil, role: .unit),
            QuotaNode(id: "R1", parent: "co", role: .unit), QuotaNode(id: "R2", parent: "co", role: .unit),
            QuotaNode(id: "D1", parent: "R1", role: .unit), QuotaNode(id: "D2", parent: "R1", role: .unit),
            QuotaNode(id: "D3", parent: "R2", role: .unit),
        ]
        for s in seats {
            nodes.append(
                QuotaNode(
                    id: s.id, parent: s.district, role: .seat,
                    measures: BasisMeasures(priorYear: s.id == "g" ? priorOfG : nil, trailing12Months: s.mean),
                    volatility: s.cv))
        }
        return try QuotaHierarchy(nodes)
    }

    /// Target 1,200k with over-assignment 5 % / 5 % / 10 %: the seats carry 1,200k × 1.21275.
    static func configuration(_ method: FairnessSettings.Method) -> QuotaPlanConfiguration {
        var config = QuotaPlanConfiguration(target: 1_200_000)
        config.overAssignment = [0.05, 0.05, 0.10]
        config.fairness.method = method
        return config
    }

    static let seatTotal = 1_200_000 * 1.05 * 1.05 * 1.10

    @Test func everySeatOfThePlanSharesOneProbability() throws {
        let plan = try QuotaCascade(hierarchy: Self.tree(), configuration: Self.configuration(.equalProbability))
            .allocate()
        // Closed form: Σ(μᵢ + zσᵢ) = 1,455,300 → z = (1,455,300 − 1,250,000) / 240,000.
        let z = (Self.seatTotal - 1_250_000) / 240_000
        let p = 1 - StandardNormal.cdf(z)
        for s in Self.seats {
            let a = try #require(plan.assignment(s.id))
            #expect(abs(a.quota - (s.mean + z * s.cv * s.mean)) <= 5, "\(s.id): \(a.quota)")
            #expect(isApproximatelyEqual(a.attainmentProbability ?? 0, p, absolute: 1e-4), "\(s.id)")
        }
        #expect(isApproximatelyEqual(plan.fairness.planWideLevel ?? 0, p, absolute: 1e-9))
        #expect(plan.fairness.maximumProbability - plan.fairness.minimumProbability < 2e-4)
        // The pools follow from the seats: every unit within rounding of its plan-wide figure.
        let pools = plan.planChecks.filter { $0.kind == .fairnessPool }
        #expect(pools.count == 6 && pools.allSatisfy { $0.passes == true })
        #expect(plan.checksPass)
    }

    @Test func siblingLevelsDifferAndTheReportSaysHowFarThePoolsAre() throws {
        let plan = try QuotaCascade(
            hierarchy: Self.tree(), configuration: Self.configuration(.equalProbabilitySiblings)
        ).allocate()
        // Inside D3 one level, but not the same as D1's: the range is wide.
        let p = Self.seats.map { plan.assignment($0.id)?.attainmentProbability ?? 0 }
        #expect(isApproximatelyEqual(p[4], p[6], absolute: 1e-4))
        #expect((p.max() ?? 0) - (p.min() ?? 0) > 0.05)
        // The fairness-pool rows compare each unit with the plan-wide split, informatively.
        let pools = plan.planChecks.filter { $0.kind == .fairnessPool }
        #expect(pools.count == 6 && pools.allSatisfy { $0.passes == nil })
        #expect(plan.fairness.largestPoolGap > 0.01)
        #expect(plan.summaryText().contains("plan-wide equal probability: level"))
    }

    @Test func aSeatAtItsCapCannotShareTheLevelAndTheOthersRiseTogether() throws {
        // g's prior year 280k caps it at 420k (+50 %); freely it would take 400k + 0.855 × 60k.
        // The others then share z' = (1,455,300 − 420,000 − 850,000) / 180,000.
        var config = Self.configuration(.equalProbability)
        config.growthCap = 0.5
        let plan = try QuotaCascade(hierarchy: Self.tree(priorOfG: 280_000), configuration: config).allocate()
        let z = (Self.seatTotal - 420_000 - 850_000) / 180_000
        let p = 1 - StandardNormal.cdf(z)
        #expect(plan.assignment("g")?.quota == 420_000)
        for s in Self.seats where s.id != "g" {
            #expect(
                isApproximatelyEqual(plan.assignment(s.id)?.attainmentProbability ?? 0, p, absolute: 1e-4), "\(s.id)")
        }
        #expect(plan.fairness.seatsAtBound == 1)
        let bound = try #require(plan.planChecks.first { $0.kind == .fairnessBound })
        #expect(bound.node == "g" && bound.reference == 420_000)
    }

    @Test func anOverriddenUnitGetsALevelOfItsOwn() throws {
        // D2 fixed at 400k: its seats c, d split 440k (× 1.10) at one level; the rest of the plan
        // shares another.
        var config = Self.configuration(.equalProbability)
        config.overrides = ["D2": 400_000]
        let plan = try QuotaCascade(hierarchy: Self.tree(), configuration: config).allocate()
        let zD2 = (440_000.0 - 350_000) / (30_000 + 20_000)
        for id: QuotaNodeID in ["c", "d"] {
            #expect(
                isApproximatelyEqual(
                    plan.assignment(id)?.attainmentProbability ?? 0, 1 - StandardNormal.cdf(zD2), absolute: 1e-4))
        }
        let others = ["a", "b", "e", "f", "g"].compactMap { plan.assignment(QuotaNodeID($0))?.attainmentProbability }
        #expect((others.max() ?? 0) - (others.min() ?? 0) < 2e-4)
    }
}
