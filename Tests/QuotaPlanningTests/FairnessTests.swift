import Foundation
import QuotaPlanning
import TestSupport
import Testing

/// Equal probability of attainment against closed forms.
@Suite struct FairnessTests {
    @Test(arguments: [
        (0.5, 0.0), (0.8413447460685429, 1.0), (0.975, 1.959963984540054), (0.025, -1.959963984540054),
        (0.999, 3.090232306167813), (1e-6, -4.753424308822899),
    ])
    func normalQuantileMatchesTables(p: Double, z: Double) {
        #expect(isApproximatelyEqual(StandardNormal.quantile(p), z, absolute: 1e-12))
        #expect(isApproximatelyEqual(StandardNormal.cdf(z), p, absolute: 1e-14, relative: 1e-12))
    }

    @Test func normalEqualProbabilityHasTheClosedForm() {
        // μ = 100, 200, 300 and σ = 10 %; pool 660 → z = (660 − 600) / 60 = 1, Q = μ + σ, p = 1 − Φ(1).
        let reps = [100.0, 200, 300].map { SalesDistribution(mean: $0, standardDeviation: $0 / 10, family: .normal) }
        let plan = EqualProbabilityAllocation(distributions: reps, pool: 660)
        #expect(isApproximatelyEqual(plan.standardScore, 1))
        for (q, e) in zip(plan.quotas, [110.0, 220, 330]) { #expect(isApproximatelyEqual(q, e)) }
        #expect(isApproximatelyEqual(plan.probability, 0.15865525393145707, absolute: 1e-12))
        for (rep, q) in zip(reps, plan.quotas) {
            #expect(isApproximatelyEqual(rep.probabilityOfAttaining(q), plan.probability, absolute: 1e-12))
        }
    }

    @Test func normalWithUnequalVolatilityGivesTheSameProbabilityToAll() {
        // σ = 10, 40: pool 320 of means 300 → z = 20 / 50 = 0.4: Q = 104, 216.
        let reps = [
            SalesDistribution(mean: 100, standardDeviation: 10, family: .normal),
            SalesDistribution(mean: 200, standardDeviation: 40, family: .normal),
        ]
        let plan = EqualProbabilityAllocation(distributions: reps, pool: 320)
        #expect(isApproximatelyEqual(plan.quotas[0], 104) && isApproximatelyEqual(plan.quotas[1], 216))
        #expect(isApproximatelyEqual(plan.probability, 1 - StandardNormal.cdf(0.4), absolute: 1e-12))
    }

    @Test func lognormalEqualProbabilityAgreesWithItsQuantiles() {
        // Same cv for all: s² = ln(1 + 0.3²), and Q_i = μ_i exp(z s − s²/2) with one common z.
        let cv = 0.3
        let means = [50.0, 120, 400]
        let reps = means.map { SalesDistribution(mean: $0, standardDeviation: cv * $0, family: .lognormal) }
        let pool = 600.0
        let plan = EqualProbabilityAllocation(distributions: reps, pool: pool)
        let s = log1p(cv * cv).squareRoot()
        // With a common cv the quotas are proportional to the means: factor = pool / Σμ = 600 / 570.
        let z = (log(pool / 570) + s * s / 2) / s
        #expect(isApproximatelyEqual(plan.standardScore, z, absolute: 1e-9))
        for (q, m) in zip(plan.quotas, means) { #expect(isApproximatelyEqual(q, m * pool / 570, absolute: 1e-7)) }
        #expect(isApproximatelyEqual(plan.probability, 1 - StandardNormal.cdf(z), absolute: 1e-9))
        for (rep, q) in zip(reps, plan.quotas) {
            #expect(isApproximatelyEqual(rep.probabilityOfAttaining(q), plan.probability, absolute: 1e-9))
        }
    }

    @Test func cascadeWithEqualProbabilityGivesEveryRepTheSameChance() throws {
        // One district, three reps with T12M 100k, 200k, 300k, equal cv 0.2 except c at 0.4, no potential.
        let nodes = [
            QuotaNode(id: "d", parent: nil, role: .unit),
            QuotaNode(
                id: "a", parent: "d", role: .seat,
                measures: BasisMeasures(priorYear: 100_000, trailing12Months: 100_000), volatility: 0.2),
            QuotaNode(
                id: "b", parent: "d", role: .seat,
                measures: BasisMeasures(priorYear: 200_000, trailing12Months: 200_000), volatility: 0.2),
            QuotaNode(
                id: "c", parent: "d", role: .seat,
                measures: BasisMeasures(priorYear: 300_000, trailing12Months: 300_000), volatility: 0.4),
        ]
        var config = QuotaPlanConfiguration(target: 660_000)
        config.basis = try BasisBlend(parsing: "t12m")
        config.fairness.method = .equalProbability
        let plan = try QuotaCascade(hierarchy: QuotaHierarchy(nodes), configuration: config).allocate()
        // Σσ = 20k + 40k + 120k = 180k; z = 60k / 180k = 1/3; Q = μ + σ/3.
        let expected: [QuotaNodeID: Double] = ["a": 106_667, "b": 213_333, "c": 340_000]
        let p = 1 - StandardNormal.cdf(1.0 / 3)
        for (id, q) in expected {
            let a = try #require(plan.assignment(id))
            #expect(abs(a.quota - q) <= 1)
            #expect(isApproximatelyEqual(a.attainmentProbability ?? 0, p, absolute: 1e-5))
        }
        #expect(isApproximatelyEqual(plan.fairness.expectedShareAtOrAboveQuota, p, absolute: 1e-5))
        #expect(isApproximatelyEqual(plan.fairness.equalProbabilityLevel, p, absolute: 1e-5))
        // p ≈ 37 % is under the default 60 % warning level.
        #expect(plan.warnings.contains { $0.contains("under the 60.0% warning level") })
    }

    @Test func noWarningWhenQuotasAreReachable() throws {
        let nodes = [
            QuotaNode(id: "d", parent: nil, role: .unit),
            QuotaNode(id: "a", parent: "d", role: .seat, measures: BasisMeasures(priorYear: 100_000)),
            QuotaNode(id: "b", parent: "d", role: .seat, measures: BasisMeasures(priorYear: 100_000)),
        ]
        var config = QuotaPlanConfiguration(target: 180_000)  // 10 % under expected sales
        config.basis = try BasisBlend(parsing: "history")
        let plan = try QuotaCascade(hierarchy: QuotaHierarchy(nodes), configuration: config).allocate()
        // Normal, cv 0.25: P(S ≥ 0.9μ) = 1 − Φ(−0.4).
        #expect(
            isApproximatelyEqual(plan.fairness.expectedShareAtOrAboveQuota, StandardNormal.cdf(0.4), absolute: 1e-9))
        #expect(plan.warnings.isEmpty)
    }
}
