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
/// then is counted in its age class (days since creation) with its amount; it is a success when it
/// was won inside the window. The win probability of a class is won amount ÷ open amount (large
/// deals weigh as much as the bookings they bring), and it folds in the slip rate: a deal that
/// slips past the window counts as not won. The files hold no stage history, so a deal's stage at a
/// past point is unknown and the classes are by age, not stage.
///
/// **Run-rate.** At each point, the bookings inside the window that are not a deal open at the
/// point (orders without a deal, deals created and won inside the window, refunds of deals closed
/// before it), credited by revenue split; so booked + pipeline + run-rate is every booking.
///
/// **Interval from history.** Each calibration point `tₖ` is also a past forecast: its open deals
/// weighted by the calibrated probabilities plus the mean run-rate of the points whose windows
/// ended by `tₖ`, against what its window booked. The log ratios actual ÷ forecast of an entity
/// (rep, team, company) have mean `m` and standard deviation `s`; the windows overlap, so they
/// count as `n_eff = n × step ÷ h` independent ones, and P10/P50/P90 are
/// `booked + U × exp(m ∓ t₀.₉(n_eff − 1) × s × √(1 + 1/n_eff))` and `booked + U × exp(m)`, with `U` the
/// expected pipeline plus run-rate and `t₀.₉` Student's quantile. Entities with fewer than
/// ``ForecastSettings/minimumResiduals`` past forecasts keep the simulated interval (below).
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
            Self.credit(line) { rep, amount in booked[rep, default: 0] += amount }
        }
        let open = dataset.opportunities.filter { Self.isOpen($0, on: asOf) }
        let deals = open.map { deal in
            OpenDeal(
                owner: deal.ownerID, amount: deal.amount,
                probability: calibration.probability(
                    ageDays: deal.createdDate.days(until: asOf), buckets: settings.ageBucketDays))
        }
        let entities = ForecastEntities(tree: RepTree(reps: dataset.reps))
        var simulation = ForecastSimulation(
            deals: deals, runRates: calibration.runRates, booked: booked, entities: entities,
            simulations: settings.simulations, seed: settings.seed)
        var rows = simulation.run()
        let spreads = ForecastResiduals(
            calibration: calibration, entities: entities, buckets: settings.ageBucketDays, stepDays: settings.stepDays
        ).spreads(minimumCount: settings.minimumResiduals)
        for (index, spread) in spreads.enumerated() {
            if let spread { rows[index].applyHistoricalInterval(spread) }
        }
        return BookingsForecast(period: period, asOf: asOf, calibration: calibration, rows: rows)
    }

    /// The outcome distribution of given deals, run-rate samples and bookings, rolled up over `reps`:
    /// the simulation behind ``forecast(period:asOf:)`` without calibration.
    public static func distribution(
        of deals: [OpenDeal], reps: [Rep], booked: [RepID?: Double] = [:], runRates: [[RepID?: Double]] = [],
        simulations: Int, seed: UInt64
    ) -> [ForecastRow] {
        var simulation = ForecastSimulation(
            deals: deals, runRates: runRates, booked: booked, entities: ForecastEntities(tree: RepTree(reps: reps)),
            simulations: simulations, seed: seed)
        return simulation.run()
    }

    /// Win probabilities by age class, run-rate samples and the past forecasts of every calibration
    /// point, for the outcome window `(point + leadDays, point + horizonDays]`.
    public func calibrate(asOf: CalendarDate, horizonDays: Int, leadDays: Int = 0) -> ForecastCalibration {
        let classes = settings.ageBucketDays.count + 1
        var calibration = ForecastCalibration(
            horizonDays: horizonDays, openDeals: Array(repeating: 0, count: classes),
            wonDeals: Array(repeating: 0, count: classes))
        calibration.openAmount = Array(repeating: 0, count: classes)
        calibration.wonAmount = Array(repeating: 0, count: classes)
        // Points before the first transaction would see windows without recorded bookings.
        let dataStart = dataset.transactions.lazy.map(\.date).min() ?? asOf
        let earliest = max(asOf.adding(days: -settings.lookbackDays), dataStart)
        var point = asOf.adding(days: -max(horizonDays, 1))
        let index = CalibrationIndex(dataset: dataset)
        while point >= earliest {
            let day = point.daysSinceEpoch
            let windowStart = day + leadDays
            let windowEnd = day + horizonDays
            var past = ForecastCalibration.PastForecast(date: point)
            for (position, deal) in index.deals.enumerated() where deal.isOpen(on: day) {
                let ageClass = ForecastCalibration.ageClass(day - deal.created, buckets: settings.ageBucketDays)
                calibration.openDeals[ageClass] += 1
                calibration.openAmount[ageClass] += deal.amount
                past.deals.append(.init(owner: index.owners[position], amount: deal.amount, ageClass: ageClass))
                if deal.won && windowStart < deal.closed && deal.closed <= windowEnd {
                    calibration.wonDeals[ageClass] += 1
                    calibration.wonAmount[ageClass] += deal.amount
                }
            }
            var runRate: [RepID?: Double] = [:]
            for line in index.lines(after: windowStart, through: windowEnd) {
                for credit in line.credits { past.booked[credit.rep, default: 0] += credit.amount }
                // Bookings of a deal open at the point are the pipeline's, not run-rate.
                if let deal = line.deal, index.deals[deal].isOpen(on: day) { continue }
                for credit in line.credits { runRate[credit.rep, default: 0] += credit.amount }
            }
            calibration.runRates.append(runRate)
            calibration.pastForecasts.append(past)
            point = point.adding(days: -settings.stepDays)
        }
        return calibration
    }

    /// Whether `deal` was created by `day` and not closed by then.
    static func isOpen(_ deal: Opportunity, on day: CalendarDate) -> Bool {
        deal.createdDate <= day && (!deal.isClosed || deal.closeDate > day)
    }

    /// Calls `body` with each revenue split's share of `line` (a `nil` rep when nobody is credited).
    static func credit(_ line: Transaction, _ body: (RepID?, Double) -> Void) {
        let splits = line.effectiveRevenueSplits
        if splits.isEmpty { return body(nil, line.amount) }
        for split in splits { body(split.repID, line.amount * split.percentage / 100) }
    }
}

/// The deals and bookings of a dataset as day numbers, bookings sorted by day, so that calibration
/// walks plain values and finds a window's bookings by binary search.
struct CalibrationIndex {
    /// An opportunity's dates as days since 1970-01-01.
    struct Deal {
        var created: Int
        /// The close day; `Int.max` while open.
        var closed: Int
        var won: Bool
        var amount: Double

        /// Created by `day` and not closed by then (as ``BookingsForecaster/isOpen(_:on:)``).
        func isOpen(on day: Int) -> Bool { created <= day && closed > day }
    }

    /// A booking credited to reps, with the index of its deal in ``deals``.
    struct Line {
        var day: Int
        var deal: Int?
        var credits: [(rep: RepID?, amount: Double)]
    }

    let deals: [Deal]
    /// Owner of each deal, apart so that walking ``deals`` copies no strings.
    let owners: [RepID?]
    /// Sorted by day.
    let lines: [Line]

    init(dataset: SalesDataset) {
        deals = dataset.opportunities.map {
            Deal(
                created: $0.createdDate.daysSinceEpoch, closed: $0.isClosed ? $0.closeDate.daysSinceEpoch : Int.max,
                won: $0.isClosed && $0.isWon, amount: $0.amount)
        }
        owners = dataset.opportunities.map(\.ownerID)
        var position: [OpportunityID: Int] = [:]
        for (index, deal) in dataset.opportunities.enumerated() where position[deal.id] == nil {
            position[deal.id] = index
        }
        lines = dataset.transactions.map { line in
            var credits: [(rep: RepID?, amount: Double)] = []
            BookingsForecaster.credit(line) { credits.append(($0, $1)) }
            return Line(
                day: line.date.daysSinceEpoch, deal: line.opportunityID.flatMap { position[$0] }, credits: credits)
        }
        .sorted { $0.day < $1.day }
    }

    /// The bookings dated in `(after, through]`.
    func lines(after: Int, through: Int) -> ArraySlice<Line> {
        lines[firstIndex(after: after)..<firstIndex(after: through)]
    }

    /// The index of the first booking dated after `day`.
    private func firstIndex(after day: Int) -> Int {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].day <= day { low = middle + 1 } else { high = middle }
        }
        return low
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

/// What history says about deals open at comparable points: won ÷ open amount per age class,
/// run-rate samples, and each point's own forecast inputs and outcome.
public struct ForecastCalibration: Sendable, Hashable {
    /// One calibration point seen as a forecast made then: its open deals and what its window booked.
    public struct PastForecast: Sendable, Hashable {
        /// A deal open at the point, in its age class.
        public struct Deal: Sendable, Hashable {
            public var owner: RepID?
            public var amount: Double
            public var ageClass: Int
        }

        public var date: CalendarDate
        public var deals: [Deal] = []
        /// Every booking inside the window, by credited rep.
        public var booked: [RepID?: Double] = [:]
    }

    public var horizonDays: Int
    /// Deal-points per age class (a deal open at two points counts twice).
    public var openDeals: [Int]
    /// Of those, won inside the window.
    public var wonDeals: [Int]
    /// Σ amount of the deal-points per age class.
    public var openAmount: [Double] = []
    /// Σ amount of those won inside the window.
    public var wonAmount: [Double] = []
    /// Run-rate bookings inside the window by rep, one entry per calibration point (newest first).
    public var runRates: [[RepID?: Double]] = []
    /// The calibration points as past forecasts, in the order of ``runRates``.
    public var pastForecasts: [PastForecast] = []

    /// Won amount ÷ open amount of the deal's age class; the pooled rate when the class has no
    /// history; 0 without any history.
    public func probability(ageDays: Int, buckets: [Int]) -> Double {
        probability(ofClass: Self.ageClass(ageDays, buckets: buckets))
    }

    func probability(ofClass index: Int) -> Double {
        if openAmount.indices.contains(index) && openAmount[index] > 0 { return wonAmount[index] / openAmount[index] }
        let open = openAmount.reduce(0, +)
        return open > 0 ? wonAmount.reduce(0, +) / open : 0
    }

    /// The class of an age: the first bucket whose upper end it does not exceed, else the last class.
    static func ageClass(_ ageDays: Int, buckets: [Int]) -> Int {
        buckets.firstIndex { ageDays <= $0 } ?? buckets.count
    }
}
