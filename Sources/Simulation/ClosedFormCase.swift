import Foundation
import Incentives
import SalesData

/// The closed-form validation case, as a comp plan and simulated people.
///
/// 1,000 people, quota $500,000 + $1,000·i (i = 0…999), sales lognormal with σ = 0.35 and mean equal to
/// quota, independent; 8 % of sales to quota and 16 % above, capped at 3 × the target incentive, which is
/// 8 % of quota. The plan is ordinary plan YAML read by `Incentives`, so the simulation pays through
/// the real engine.
public enum ClosedFormCase {
    public static let people = 1_000
    public static let sigma = 0.35

    /// The plan (one yearly marginal rate-table component with a 3× cap).
    public static let planYAML = """
        plan: CLOSED-FORM
        name: Closed-form validation plan
        versions:
          - effective: 2026-01-01
            assign: {roles: [Account Executive]}
            target_incentive: 40000
            components:
              - name: bookings
                period: year
                rate_table:
                  method: marginal
                  pays: credit
                  tiers:
                    - {name: base, from: 0, rate: 8%}
                    - {name: accelerator, from: 100%, rate: 16%}
                cap: {per_period: 3x}
        """

    /// The plan's only component, decoded by `Incentives`.
    public static func component() throws(IncentivesError) -> PlanComponent { try component(aboveQuota: "16%") }

    /// Quota of person `i` in cents: $500,000 + $1,000·i.
    public static func quotaCents(_ i: Int) -> Int64 { Int64(500_000 + 1_000 * i) * 100 }

    /// The simulated people: mean sales = quota, TI = 8 % of quota.
    public static var reps: [SimulatedRep] {
        (0..<people).map { i in
            let quota = quotaCents(i)
            return SimulatedRep(
                id: RepID(String(format: "R%04d", i)), quota: Money(cents: quota),
                targetIncentive: Money(cents: quota * 8 / 100), meanSales: Double(quota) / 100, sigma: sigma)
        }
    }

    /// Analytic expected share of people at or above quota: Φ(−σ/2).
    public static var expectedShareAtQuota: Double { LognormalCommission.normalCDF(-sigma / 2) }

    /// Analytic expected total payout: Σᵢ E[payoutᵢ] with r₁ = 8 %, r₂ = 16 %, C = 3 × 8 % × qᵢ.
    public static var expectedTotalPayout: Double { expectedTotalPayout(aboveQuota: 0.16) }

    /// Analytic expected total payout of the first `people` people with the above-quota rate `r2` (> 0).
    public static func expectedTotalPayout(aboveQuota r2: Double, people: Int = people) -> Double {
        (0..<people).reduce(0) { sum, i in
            let q = Double(quotaCents(i)) / 100
            return sum
                + LognormalCommission.expectedPayout(
                    quota: q, mean: q, sigma: sigma, belowQuota: 0.08, aboveQuota: r2, cap: 3 * 0.08 * q)
        }
    }

    /// The above-quota rate r₂ whose analytic expected total payout (first `people` people) is `target`.
    ///
    /// E[payout](r₂) is continuous and strictly increasing (its derivative is Σ E[(S − q) 1{q < S < K}] > 0,
    /// docs/simulation.md), from Σ r₁ E[min(S, q)] at r₂ → 0 to Σ (r₁ E[min(S, q)] + (C − r₁ q) P(S > q)) as
    /// r₂ → ∞, so the root is unique; bisection on [10⁻⁹, 100] to machine precision. `nil` when `target`
    /// is outside that range.
    public static func aboveQuotaRate(forExpectedTotalPayout target: Double, people: Int = people) -> Double? {
        var low = 1e-9
        var high = 100.0
        guard expectedTotalPayout(aboveQuota: low, people: people) <= target,
            expectedTotalPayout(aboveQuota: high, people: people) >= target
        else { return nil }
        for _ in 0..<200 where high - low > 1e-15 {
            let middle = (low + high) / 2
            if expectedTotalPayout(aboveQuota: middle, people: people) < target { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// The closed-form plan with the above-quota rate `rate` (a percentage text, for example `20%`).
    public static func component(aboveQuota rate: String) throws(IncentivesError) -> PlanComponent {
        let plan = try CompPlan(
            yaml: planYAML.replacingOccurrences(of: "rate: 16%", with: "rate: \(rate)"), file: "closed-form.yaml")
        guard let component = plan.versions.first?.components.first else {
            throw .invalidNumber("closed-form.yaml", expected: "one version with one component")
        }
        return component
    }
}
