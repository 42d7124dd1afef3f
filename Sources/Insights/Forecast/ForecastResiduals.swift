import Foundation

/// The errors of the past forecasts in a calibration, per forecast row, as the spread of a
/// prediction interval.
///
/// ```swift
/// let residuals = ForecastResiduals(calibration: c, entities: e, buckets: [30, 60, 90, 180], stepDays: 7)
/// let spreads = residuals.spreads(minimumCount: 8)   // nil where a row has too few past forecasts
/// ```
///
/// The past forecast of point `k` for a row is its open deals × the calibrated probabilities of
/// their age classes, plus the mean run-rate of the points whose windows ended by point `k`
/// (at least ``minimumRunRatePoints`` of them, else the point is skipped): the same rule as
/// today's forecast, with what was known then, except that the class probabilities are the ones
/// fitted on all points (whose windows all end by the as-of day). Its error is
/// `log(actual ÷ forecast)`, kept when both are positive.
struct ForecastResiduals {
    /// Run-rate points a past forecast needs before it is scored.
    static let minimumRunRatePoints = 4

    /// Multipliers of a row's unbooked expectation (pipeline + run-rate) for P10, P50 and P90.
    struct Spread: Hashable {
        var lowFactor: Double
        var medianFactor: Double
        var highFactor: Double
        /// Past forecasts behind it.
        var count: Int
    }

    let calibration: ForecastCalibration
    let entities: ForecastEntities
    let buckets: [Int]
    let stepDays: Int

    /// `log(actual ÷ forecast)` of every scored past forecast, per row.
    func logRatios() -> [[Double]] {
        let points = calibration.pastForecasts
        var ratios = Array(repeating: [Double](), count: entities.count)
        guard points.count == calibration.runRates.count, !points.isEmpty else { return ratios }
        // Points are a step apart, newest first: windows of points j ≥ k + gap end by point k.
        let gap = max(1, (max(calibration.horizonDays, 1) + stepDays - 1) / max(stepDays, 1))
        let runRates = calibration.runRates.map(entities.rollUp)
        // suffix[k] = Σ run-rates of points k, k + 1, …
        var suffix = Array(repeating: Array(repeating: 0.0, count: entities.count), count: points.count + 1)
        for k in stride(from: points.count - 1, through: 0, by: -1) {
            for entity in 0..<entities.count { suffix[k][entity] = suffix[k + 1][entity] + runRates[k][entity] }
        }
        for (k, point) in points.enumerated() {
            let first = k + gap
            let history = points.count - first
            guard history >= Self.minimumRunRatePoints else { continue }
            var forecast = suffix[first].map { $0 / Double(history) }
            for deal in point.deals {
                let expected = calibration.probability(ofClass: deal.ageClass) * deal.amount
                for entity in entities.targets(deal.owner) { forecast[entity] += expected }
            }
            let actual = entities.rollUp(point.booked)
            for entity in 0..<entities.count where forecast[entity] > 0 && actual[entity] > 0 {
                ratios[entity].append(log(actual[entity] / forecast[entity]))
            }
        }
        return ratios
    }

    /// The interval spread of every row with at least `minimumCount` past forecasts.
    func spreads(minimumCount: Int) -> [Spread?] {
        logRatios().map { ratios in
            ratios.count >= max(2, minimumCount)
                ? Self.spread(ratios, stepDays: stepDays, horizonDays: calibration.horizonDays) : nil
        }
    }

    /// Student-t prediction interval on the log ratios, with overlapping windows counted as
    /// `n × step ÷ horizon` independent ones (at least 2).
    static func spread(_ ratios: [Double], stepDays: Int, horizonDays: Int) -> Spread {
        let n = Double(ratios.count)
        let mean = ratios.reduce(0, +) / n
        let variance = ratios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let effective = max(2, n * Double(stepDays) / Double(max(horizonDays, stepDays, 1)))
        let half =
            studentQuantile90(degreesOfFreedom: Int(effective.rounded(.down)) - 1)
            * variance.squareRoot() * (1 + 1 / effective).squareRoot()
        return Spread(
            lowFactor: exp(mean - half), medianFactor: exp(mean), highFactor: exp(mean + half), count: ratios.count)
    }

    /// The 0.9 quantile of Student's t with `degreesOfFreedom` (≥ 1): tabulated to 30, then the
    /// first Cornish–Fisher term `z + (z³ + z) ÷ 4ν` (error under 0.001).
    static func studentQuantile90(degreesOfFreedom: Int) -> Double {
        let table = [
            3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.3830, 1.3722, 1.3634, 1.3562, 1.3502,
            1.3450, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253, 1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.3150,
            1.3137, 1.3125, 1.3114, 1.3104,
        ]
        let df = max(1, degreesOfFreedom)
        if df <= table.count { return table[df - 1] }
        let z = 1.2815516
        return z + (z * z * z + z) / (4 * Double(df))
    }
}
