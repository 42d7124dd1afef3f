import SalesData

/// Replays the forecast on past quarters: each quarter forecast from what was known the day before
/// it started and at its midpoint, against two naive forecasts.
///
/// ```swift
/// let backtest = ForecastBacktest(dataset: data, settings: ForecastSettings())
/// let rows = backtest.run()
/// ForecastBacktest.summary(rows)   // MAPE and P10–P90 coverage per method
/// ```
///
/// Naive forecasts:
/// - **pipeline × CRM probability**: booked so far plus every deal open at the as-of day times a CRM
///   probability. The files keep only each deal's final probability (100 or 0 once closed, which
///   would leak the outcome), so every deal open then gets the mean CRM probability of the deals
///   open in the snapshot (the typical typed probability);
/// - **same quarter last year**: the bookings of the quarter twelve months earlier.
///
/// Quarters qualify when the data covers the year before them (for the naive forecast and for
/// calibration) and their whole span.
public struct ForecastBacktest: Sendable {
    public struct Row: Sendable, Hashable, Codable {
        public var period: String
        /// `start` (the day before the quarter) or `midpoint`.
        public var point: String
        public var asOf: CalendarDate
        public var actual: Double
        public var forecast: Double
        public var p10: Double
        public var p90: Double
        public var naivePipeline: Double
        public var naiveLastYear: Double
    }

    /// Mean absolute and mean signed percentage error per method, and the share of actuals inside P10–P90.
    public struct Summary: Sendable, Hashable, Codable {
        public var count: Int
        public var mapeForecast: Double
        public var mapeNaivePipeline: Double
        public var mapeNaiveLastYear: Double
        /// Mean of (forecast − actual) ÷ actual: negative when a method runs low.
        public var biasForecast: Double
        public var biasNaivePipeline: Double
        public var biasNaiveLastYear: Double
        public var intervalCoverage: Double
    }

    public let dataset: SalesDataset
    public let settings: ForecastSettings

    public init(dataset: SalesDataset, settings: ForecastSettings = ForecastSettings()) {
        self.dataset = dataset
        self.settings = settings
    }

    /// The qualifying quarters of the data's fiscal calendar, oldest first.
    public func quarters() -> [ReportingPeriod] {
        guard let first = dataset.transactions.map(\.date).min(), let last = dataset.transactions.map(\.date).max()
        else {
            return []
        }
        var periods: [ReportingPeriod] = []
        let calendar = dataset.fiscalCalendar
        var quarter = calendar.fiscalQuarter(of: first)
        for _ in 0..<400 {
            guard
                let period = try? ReportingPeriod(
                    parsing: "\(quarter.fiscalYear)-Q\(quarter.quarter)", calendar: calendar)
            else { break }
            if period.start > last { break }
            if period.start.adding(months: -12) >= first && period.end <= last { periods.append(period) }
            quarter = calendar.fiscalQuarter(of: period.end.adding(days: 1))
        }
        return periods
    }

    /// Two rows per qualifying quarter (start and midpoint).
    public func run() -> [Row] {
        let forecaster = BookingsForecaster(dataset: dataset, settings: settings)
        let openNow = dataset.opportunities.filter { !$0.isClosed }
        let typicalProbability = openNow.isEmpty ? 0 : openNow.reduce(0) { $0 + $1.probability } / Double(openNow.count)
        var rows: [Row] = []
        for period in quarters() {
            let actual = bookings(in: period.start, period.end)
            let lastYear = period.shifted(months: -12)
            let naiveLastYear = bookings(in: lastYear.start, lastYear.end)
            for (name, asOf) in [
                ("start", period.start.adding(days: -1)),
                ("midpoint", period.start.adding(days: period.dayCount / 2 - 1)),
            ] {
                let forecast = forecaster.forecast(period: period, asOf: asOf)
                guard let company = forecast.company else { continue }
                let pipeline = dataset.opportunities.filter {
                    $0.createdDate <= asOf && (!$0.isClosed || $0.closeDate > asOf)
                }
                .reduce(0) { $0 + $1.amount * typicalProbability }
                rows.append(
                    Row(
                        period: period.label, point: name, asOf: asOf, actual: actual, forecast: company.expected,
                        p10: company.p10,
                        p90: company.p90, naivePipeline: bookings(in: period.start, asOf) + pipeline,
                        naiveLastYear: naiveLastYear))
            }
        }
        return rows
    }

    /// MAPE of each method and interval coverage over `rows` with a non-zero actual.
    public static func summary(_ rows: [Row]) -> Summary {
        let scored = rows.filter { $0.actual != 0 }
        let n = Double(max(1, scored.count))
        func mape(_ value: (Row) -> Double) -> Double {
            scored.reduce(0) { $0 + abs(value($1) - $1.actual) / abs($1.actual) } / n
        }
        func bias(_ value: (Row) -> Double) -> Double {
            scored.reduce(0) { $0 + (value($1) - $1.actual) / abs($1.actual) } / n
        }
        return Summary(
            count: scored.count, mapeForecast: mape(\.forecast), mapeNaivePipeline: mape(\.naivePipeline),
            mapeNaiveLastYear: mape(\.naiveLastYear), biasForecast: bias(\.forecast),
            biasNaivePipeline: bias(\.naivePipeline), biasNaiveLastYear: bias(\.naiveLastYear),
            intervalCoverage: Double(scored.count { $0.p10 <= $0.actual && $0.actual <= $0.p90 }) / n)
    }

    /// The rows and the summary as Markdown tables, amounts in whole units.
    public static func markdown(_ rows: [Row]) -> String {
        var lines = [
            "| quarter | as of | actual | forecast | P10 | P90 | pipeline x CRM prob. | same quarter last year |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in rows {
            let amounts = [row.actual, row.forecast, row.p10, row.p90, row.naivePipeline, row.naiveLastYear].map(
                Format.amount)
            lines.append("| \(row.period) | \(row.point) \(row.asOf) | " + amounts.joined(separator: " | ") + " |")
        }
        let s = summary(rows)
        lines += [
            "", "| method | MAPE | mean error | P10-P90 coverage |", "|---|---:|---:|---:|",
            "| Meridian forecast (calibrated on history) | \(Format.percent1(s.mapeForecast)) | \(Format.signedPercent1(s.biasForecast)) | \(Format.percent1(s.intervalCoverage)) |",
            "| pipeline x CRM probability | \(Format.percent1(s.mapeNaivePipeline)) | \(Format.signedPercent1(s.biasNaivePipeline)) | - |",
            "| same quarter last year | \(Format.percent1(s.mapeNaiveLastYear)) | \(Format.signedPercent1(s.biasNaiveLastYear)) | - |",
            "", "\(s.count) forecasts.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func bookings(in start: CalendarDate, _ end: CalendarDate) -> Double {
        dataset.transactions.reduce(0) { start <= $1.date && $1.date <= end ? $0 + $1.amount : $0 }
    }
}
