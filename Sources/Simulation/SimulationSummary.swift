/// A Monte Carlo figure and its standard error.
public struct Estimate: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public var standardError: Double

    public init(value: Double, standardError: Double) {
        self.value = value
        self.standardError = standardError
    }

    /// Whether `other` lies within `multiple` standard errors of the value.
    public func agrees(with other: Double, within multiple: Double = 3) -> Bool {
        abs(value - other) <= multiple * standardError
    }

    public var description: String { "\(value) ± \(standardError)" }
}

/// P10, P50 and P90 of a per-trial figure, each with its Monte Carlo standard error.
public struct Percentiles: Sendable, Hashable {
    public var p10: Estimate
    public var p50: Estimate
    public var p90: Estimate

    /// The percentiles of `values` (linear interpolation between order statistics).
    ///
    /// A percentile's standard error is distribution-free: half the distance between the order statistics
    /// one binomial standard deviation (√(n p (1 − p)) ranks) below and above it.
    public init(of values: [Double]) {
        let sorted = values.sorted()
        p10 = Self.quantile(sorted, 0.1)
        p50 = Self.quantile(sorted, 0.5)
        p90 = Self.quantile(sorted, 0.9)
    }

    private static func quantile(_ sorted: [Double], _ p: Double) -> Estimate {
        guard let last = sorted.indices.last else { return Estimate(value: .nan, standardError: .nan) }
        func at(_ position: Double) -> Double {
            let clamped = min(max(position, 0), Double(last))
            let low = Int(clamped.rounded(.down))
            let high = min(low + 1, last)
            let fraction = clamped - Double(low)
            return sorted[low] + (sorted[high] - sorted[low]) * fraction
        }
        let n = Double(sorted.count)
        let position = p * Double(last)
        let ranks = (n * p * (1 - p)).squareRoot()
        return Estimate(value: at(position), standardError: (at(position + ranks) - at(position - ranks)) / 2)
    }
}

/// The outcome of a simulation: per-trial figures, their means and percentiles, and per-person odds.
///
/// Invariant: the per-trial arrays have one entry per trial, in trial order; `attainmentProbability`
/// one per person, in request order.
public struct SimulationSummary: Sendable {
    /// The scenario paid (`plan` for a one-scenario request).
    public var scenario: String
    public var trials: Int
    public var seed: UInt64
    /// Per trial: the share of people at or above quota.
    public var trialShareAtQuota: [Double]
    /// Per trial: total payout in currency units (a sum of cent-exact payouts).
    public var trialPayout: [Double]
    /// Per trial: total drawn sales in currency units.
    public var trialRevenue: [Double]
    /// Per trial: the part of ``trialPayout`` paid by SPIFFs on drawn deals; empty without SPIFFs.
    public var trialSpiffPayout: [Double] = []
    /// Per person: the share of trials in which they reached quota.
    public var attainmentProbability: [Double]

    public init(
        scenario: String = "plan", trials: Int, seed: UInt64, trialShareAtQuota: [Double], trialPayout: [Double],
        trialRevenue: [Double], attainmentProbability: [Double]
    ) {
        self.scenario = scenario
        self.trials = trials
        self.seed = seed
        self.trialShareAtQuota = trialShareAtQuota
        self.trialPayout = trialPayout
        self.trialRevenue = trialRevenue
        self.attainmentProbability = attainmentProbability
    }

    public var shareAtQuota: Estimate { Self.mean(trialShareAtQuota) }
    public var shareAtQuotaPercentiles: Percentiles { Percentiles(of: trialShareAtQuota) }
    public var meanPayout: Estimate { Self.mean(trialPayout) }
    /// The SPIFFs' cost at P10/P50/P90 (`nil` without SPIFFs).
    public var spiffPayout: Percentiles? { trialSpiffPayout.isEmpty ? nil : Percentiles(of: trialSpiffPayout) }
    public var payout: Percentiles { Percentiles(of: trialPayout) }
    /// Cost of sales per trial: payout ÷ revenue.
    public var trialCostOfSales: [Double] { zip(trialPayout, trialRevenue).map { $0 / $1 } }
    public var costOfSales: Percentiles { Percentiles(of: trialCostOfSales) }

    /// The sample mean and its standard error s/√n (summed in trial order, so bit-identical per seed).
    static func mean(_ values: [Double]) -> Estimate {
        let n = Double(values.count)
        guard n > 1 else { return Estimate(value: values.first ?? .nan, standardError: .nan) }
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return Estimate(value: mean, standardError: (variance / n).squareRoot())
    }
}
