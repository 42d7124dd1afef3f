/// Splits an annual quota over months or quarters by a historical monthly pattern, in whole units
/// that add up to the annual figure exactly.
///
/// ```swift
/// let pattern = [1.0, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2]       // quarter-end heavy
/// let quarters = Seasonality.split(1_200, monthlyWeights: pattern, periods: .quarterly,
///                                  rounding: LargestRemainderRounding(unit: 1))
/// print(quarters)   // [300.0, 300.0, 300.0, 300.0]
/// ```
public enum Seasonality {
    /// Monthly weights summing to 1: the pattern normalised, or an even year when it is empty or zero.
    public static func monthlyShares(_ pattern: [Double]?) -> [Double] {
        guard let pattern, pattern.count == 12 else { return Array(repeating: 1.0 / 12, count: 12) }
        let total = pattern.reduce(0, +)
        guard total > 0 else { return Array(repeating: 1.0 / 12, count: 12) }
        return pattern.map { $0 / total }
    }

    /// Period quotas for `annual`, weighting each month by `monthlyWeights` (already multiplied by
    /// a ramp where one applies).
    public static func split(
        _ annual: Double, monthlyWeights: [Double], periods: Periodicity, rounding: LargestRemainderRounding
    ) -> [Double] {
        let weights = monthlyWeights.count == 12 ? monthlyWeights : Array(repeating: 1, count: 12)
        let monthsPerPeriod = 12 / periods.count
        var periodWeights = (0..<periods.count).map { p in
            weights[(p * monthsPerPeriod)..<((p + 1) * monthsPerPeriod)].reduce(0, +)
        }
        let total = periodWeights.reduce(0, +)
        if total <= 0 { periodWeights = Array(repeating: 1, count: periods.count) }
        let sum = periodWeights.reduce(0, +)
        let raw = periodWeights.map { annual * $0 / sum }
        return rounding.round(raw, total: annual, tieKeys: Array(0..<periods.count))
    }
}
