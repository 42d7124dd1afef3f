import SalesData

/// Forecasts period-end bookings per rep, team and company: what is booked, plus the open pipeline
/// weighted by win probabilities calibrated on history, plus run-rate business, with a P10–P90
/// interval from a seeded simulation.
///
/// ```swift
/// let forecaster = BookingsForecaster(dataset: data, settings: ForecastSettings())
/// let forecast = forecaster.forecast(period: q3, asOf: day)
/// forecast.rows.last   // company: booked, expected, p10, p50, p90
/// ```
///
/// **Calibration (no CRM probability).** With `h` the days from the as-of day `t` to the period end,
/// calibration points are `t − h`, `t − h − step`, … back to `t − lookback` (and not before the
/// first transaction, where bookings were not yet recorded), so every outcome
/// window `(tₖ + lead, tₖ + h]` ends by `t`: nothing after `t` is used (`lead` is the days from `t`
/// to the period start, 0 once the period has begun). At each point, every deal open
/// then is counted in its age class (days since creation); it is a success when it was won inside
/// the window. The win probability of a class, won ÷ open, folds in the slip rate: a deal that
/// slips past the window counts as not won. The files hold no stage history, so a deal's stage at a
/// past point is unknown and the classes are by age, not stage.
///
/// **Run-rate.** At each point, the bookings inside the window not tied to a deal open at the point
/// (orders without a deal, and deals created and won inside the window), credited by revenue split.
///
/// **Simulation.** Each run draws every open deal won with its class probability and adds the
/// run-rate of one calibration point drawn at random (the same point for every rep, so reps move
/// together as in history). Quantiles are nearest-rank over the runs.
///
/// - Complexity: O(points × (deals + transactions)) to calibrate, O(simulations × open deals) to simulate.
public struct BookingsForecaster: Sendable {
    public let dataset: SalesDataset
    public let settings: ForecastSettings

    public init(dataset: SalesDataset, settings: ForecastSettings = ForecastSettings()) {
        self.dataset = dataset
        self.settings = settings
    }

    /// The forecast of `period` as of `asOf` (the day before the period starts for a forecast made at its start).
    public func forecast(period: ReportingPeriod, asOf: CalendarDate) -> BookingsForecast {
        let horizon = max(0, asOf.days(until: period.end))
        // A period that starts after the as-of day only counts what closes from its start on.
        let lead = max(0, asOf.days(until: period.start) - 1)
        let calibration = calibrate(asOf: asOf, horizonDays: horizon, leadDays: min(lead, horizon))
        var booked: [RepID?: Double] = [:]
        for line in dataset.transactions where period.start <= line.date && line.date <= asOf {
            credit(line) { rep, amount in booked[rep, default: 0] += amount }
        }
        let open = dataset.opportunities.filter { $0.createdDate <= asOf && (!$0.isClosed || $0.closeDate > asOf) }
        let deals = open.map { deal in
            OpenDeal(
                owner: deal.ownerID, amount: deal.amount,
                probability: calibration.probability(
                    ageDays: deal.createdDate.days(until: asOf), buckets: settings.ageBucketDays))
        }
        var simulation = ForecastSimulation(
            deals: deals, runRates: calibration.runRates, booked: booked, hierarchy: RepTree(reps: dataset.reps),
            simulations: settings.simulations, seed: settings.seed)
        return BookingsForecast(period: period, asOf: asOf, calibration: calibration, rows: simulation.run())
    }

    /// The outcome distribution of given deals, run-rate samples and bookings, rolled up over `reps`:
    /// the simulation behind ``forecast(period:asOf:)`` without calibration.
    public static func distribution(
        of deals: [OpenDeal], reps: [Rep], booked: [RepID?: Double] = [:], runRates: [[RepID?: Double]] = [],
        simulations: Int, seed: UInt64
    ) -> [ForecastRow] {
        var simulation = ForecastSimulation(
            deals: deals, runRates: runRates, booked: booked, hierarchy: RepTree(reps: reps), simulations: simulations,
            seed: seed)
        return simulation.run()
    }

    /// Win probabilities by age class and run-rate samples for the outcome window
    /// `(point + leadDays, point + horizonDays]` of each calibration point.
    public func calibrate(asOf: CalendarDate, horizonDays: Int, leadDays: Int = 0) -> ForecastCalibration {
        let classes = settings.ageBucketDays.count + 1
        var calibration = ForecastCalibration(
            horizonDays: horizonDays, openDeals: Array(repeating: 0, count: classes),
            wonDeals: Array(repeating: 0, count: classes))
        // Points before the first transaction would see windows without recorded bookings.
        let dataStart = dataset.transactions.lazy.map(\.date).min() ?? asOf
        let earliest = max(asOf.adding(days: -settings.lookbackDays), dataStart)
        var point = asOf.adding(days: -max(horizonDays, 1))
        let createdByID = Dictionary(
            dataset.opportunities.map { ($0.id, $0.createdDate) }, uniquingKeysWith: { a, _ in a })
        while point >= earliest {
            let windowStart = point.adding(days: leadDays)
            let windowEnd = point.adding(days: horizonDays)
            for deal in dataset.opportunities
            where deal.createdDate <= point && (!deal.isClosed || deal.closeDate > point) {
                let ageClass = ForecastCalibration.ageClass(
                    deal.createdDate.days(until: point), buckets: settings.ageBucketDays)
                calibration.openDeals[ageClass] += 1
                if deal.isClosed && deal.isWon && windowStart < deal.closeDate && deal.closeDate <= windowEnd {
                    calibration.wonDeals[ageClass] += 1
                }
            }
            var runRate: [RepID?: Double] = [:]
            for line in dataset.transactions where windowStart < line.date && line.date <= windowEnd {
                // Bookings of a deal already open at the point are the pipeline's, not run-rate.
                if let deal = line.opportunityID, let created = createdByID[deal], created <= point { continue }
                credit(line) { rep, amount in runRate[rep, default: 0] += amount }
            }
            calibration.runRates.append(runRate)
            point = point.adding(days: -settings.stepDays)
        }
        return calibration
    }

    /// Calls `body` with each revenue split's share of `line` (a `nil` rep when nobody is credited).
    private func credit(_ line: Transaction, _ body: (RepID?, Double) -> Void) {
        let splits = line.effectiveRevenueSplits
        if splits.isEmpty { return body(nil, line.amount) }
        for split in splits { body(split.repID, line.amount * split.percentage / 100) }
    }
}

/// A deal of the open pipeline with its calibrated probability of being won by the period end.
public struct OpenDeal: Sendable, Hashable {
    public var owner: RepID?
    public var amount: Double
    public var probability: Double

    public init(owner: RepID?, amount: Double, probability: Double) {
        self.owner = owner
        self.amount = amount
        self.probability = probability
    }
}

/// What history says about deals open at comparable points: won ÷ open per age class, and run-rate samples.
public struct ForecastCalibration: Sendable, Hashable {
    public var horizonDays: Int
    /// Deal-points per age class (a deal open at two points counts twice).
    public var openDeals: [Int]
    /// Of those, won inside the window.
    public var wonDeals: [Int]
    /// Run-rate bookings inside the window by rep, one entry per calibration point.
    public var runRates: [[RepID?: Double]] = []

    /// won ÷ open of the deal's age class; the pooled rate when the class has no history; 0 without any history.
    public func probability(ageDays: Int, buckets: [Int]) -> Double {
        let index = Self.ageClass(ageDays, buckets: buckets)
        if openDeals[index] > 0 { return Double(wonDeals[index]) / Double(openDeals[index]) }
        let open = openDeals.reduce(0, +)
        return open == 0 ? 0 : Double(wonDeals.reduce(0, +)) / Double(open)
    }

    /// The class of an age: the first bucket whose upper end it does not exceed, else the last class.
    static func ageClass(_ ageDays: Int, buckets: [Int]) -> Int {
        buckets.firstIndex { ageDays <= $0 } ?? buckets.count
    }
}
