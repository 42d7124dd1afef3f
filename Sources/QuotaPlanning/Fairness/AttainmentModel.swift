import Foundation

/// One seat's plan-year sales as a distribution (see ``FairnessSettings`` for how the mean and
/// standard deviation are derived from history and potential).
public struct SalesDistribution: Sendable, Hashable {
    public let mean: Double
    public let standardDeviation: Double
    public let family: FairnessSettings.Distribution

    public init(mean: Double, standardDeviation: Double, family: FairnessSettings.Distribution) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.family = family
    }

    /// Log-scale parameters (m, s) of the lognormal with this mean and standard deviation.
    var logParameters: (m: Double, s: Double) {
        let cv = mean > 0 ? standardDeviation / mean : 0
        let s2 = log1p(cv * cv)
        return (log(max(mean, .leastNormalMagnitude)) - s2 / 2, s2.squareRoot())
    }

    /// P(sales ≥ quota).
    public func probabilityOfAttaining(_ quota: Double) -> Double {
        if standardDeviation <= 0 || mean <= 0 && family == .lognormal {
            return mean >= quota ? 1 : 0
        }
        switch family {
        case .normal:
            return StandardNormal.survival((quota - mean) / standardDeviation)
        case .lognormal:
            guard quota > 0 else { return 1 }
            let (m, s) = logParameters
            return StandardNormal.survival((log(quota) - m) / s)
        }
    }

    /// The quota at standard score `z`: attained with probability `1 − Φ(z)`.
    func quota(atStandardScore z: Double) -> Double {
        switch family {
        case .normal:
            return max(0, mean + z * standardDeviation)
        case .lognormal:
            guard mean > 0 else { return 0 }
            let (m, s) = logParameters
            return exp(m + z * s)
        }
    }
}

/// Quotas that give every seat the same probability of reaching quota.
///
/// With normal sales the common standard score has a closed form,
/// `z = (pool − Σμ) / Σσ`, so `Qᵢ = μᵢ + zσᵢ` and `p = 1 − Φ(z)`. With lognormal sales
/// `Σ exp(mᵢ + z sᵢ) = pool` is solved for `z` by bisection (the sum increases with `z`).
///
/// ```swift
/// let reps = [100.0, 200, 300].map { SalesDistribution(mean: $0, standardDeviation: $0 / 10, family: .normal) }
/// let plan = EqualProbabilityAllocation(distributions: reps, pool: 660)
/// print(plan.quotas, plan.probability)   // [110, 220, 330] 0.1587
/// ```
public struct EqualProbabilityAllocation: Sendable {
    /// Quotas in the order of the distributions; they add up to the pool.
    public let quotas: [Double]
    /// The common probability of attaining quota.
    public let probability: Double
    /// The common standard score.
    public let standardScore: Double

    public init(distributions: [SalesDistribution], pool: Double) {
        let random = distributions.filter { $0.standardDeviation > 0 && $0.mean > 0 }
        let fixedMass = distributions.filter { !($0.standardDeviation > 0 && $0.mean > 0) }.reduce(0) {
            $0 + max(0, $1.mean)
        }
        var z: Double
        if random.isEmpty {
            z = 0
        } else if distributions.allSatisfy({ $0.family == .normal }) {
            let sumMean = random.reduce(0) { $0 + $1.mean }
            let sumSD = random.reduce(0) { $0 + $1.standardDeviation }
            z = (pool - fixedMass - sumMean) / sumSD
        } else {
            let total = { (z: Double) in random.reduce(0) { $0 + $1.quota(atStandardScore: z) } }
            var lo = -40.0
            var hi = 40.0
            let goal = pool - fixedMass
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if total(mid) < goal { lo = mid } else { hi = mid }
                if hi - lo < 1e-13 { break }
            }
            z = (lo + hi) / 2
        }
        // Normal quotas clipped at zero would no longer add up; that only happens for absurd pools.
        var quotas = distributions.map { d in
            d.standardDeviation > 0 && d.mean > 0 ? d.quota(atStandardScore: z) : max(0, d.mean)
        }
        let sum = quotas.reduce(0, +)
        if sum > 0, abs(sum - pool) > 1e-9 * max(1, pool) { quotas = quotas.map { $0 * pool / sum } }
        self.quotas = quotas
        self.standardScore = z
        self.probability = random.isEmpty ? 1 : StandardNormal.survival(z)
    }
}
