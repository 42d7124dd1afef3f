import Foundation

/// Analytic figures for lognormal sales paid a two-rate commission with a cap (`docs/simulation.md`).
///
/// For S lognormal with E[S] = m and sd(ln S) = σ (μ = ln m − σ²/2):
/// - P(S ≥ k) = Φ(d₂(k)), d₂(k) = (μ − ln k)/σ; with k = m this is Φ(−σ/2).
/// - E[(S − k)⁺] = m Φ(d₁(k)) − k Φ(d₂(k)), d₁ = d₂ + σ.
/// - Payout r₁ min(S, q) + r₂ (S − q)⁺ capped at C (C ≥ r₁ q) reaches C at K = q + (C − r₁ q)/r₂, so
///   E[payout] = r₁ (m − E[(S − q)⁺]) + r₂ (E[(S − q)⁺] − E[(S − K)⁺]).
public enum LognormalCommission {
    /// Standard normal CDF, Φ(x) = erfc(−x/√2)/2 (accurate in both tails).
    public static func normalCDF(_ x: Double) -> Double { erfc(-x / 2.0.squareRoot()) / 2 }

    /// P(S ≥ k).
    public static func probabilityAtLeast(_ k: Double, mean m: Double, sigma: Double) -> Double {
        let mu = log(m) - sigma * sigma / 2
        return normalCDF((mu - log(k)) / sigma)
    }

    /// E[(S − k)⁺], the lognormal's upper partial expectation above k (σ > 0, k > 0).
    public static func expectedExcess(over k: Double, mean m: Double, sigma: Double) -> Double {
        let mu = log(m) - sigma * sigma / 2
        let d2 = (mu - log(k)) / sigma
        return m * normalCDF(d2 + sigma) - k * normalCDF(d2)
    }

    /// E[min(r₁ min(S, q) + r₂ (S − q)⁺, C)] for rates `belowQuota` = r₁, `aboveQuota` = r₂ > 0 and a cap
    /// C ≥ r₁ q.
    public static func expectedPayout(
        quota q: Double, mean m: Double, sigma: Double, belowQuota r1: Double, aboveQuota r2: Double, cap: Double
    ) -> Double {
        let kink = q + (cap - r1 * q) / r2
        let excess = expectedExcess(over: q, mean: m, sigma: sigma)
        return r1 * (m - excess) + r2 * (excess - expectedExcess(over: kink, mean: m, sigma: sigma))
    }
}
