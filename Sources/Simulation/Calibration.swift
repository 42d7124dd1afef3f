import Foundation
import Incentives
import SalesData

/// One simulated person with where their parameters came from.
public struct CalibratedRep: Sendable, Hashable {
    public var simulated: SimulatedRep
    public var territory: TerritoryID
    /// The territory's parent node (district): the segment whose volatility is pooled.
    public var segment: String
    /// The quota step's expected sales of the seat (all measures).
    public var expectedSales: Double
    /// The component's share of the territory's historical net sales (its filter over everything).
    public var componentShare: Double
    /// Annual log-scale spread from the territory's own history, and from its segment's.
    public var sigmaOwn: Double
    public var sigmaSegment: Double
    /// Year-over-year monthly pairs the territory's spread is estimated from.
    public var historyPairs: Int
    /// Per SPIFF of the model, the territory's deal rate the person's drawn deals follow.
    ///
    /// Deals per currency unit of the component's sales in the territory in the year before the plan
    /// year (the pooled rate without sales there). The expected count is in ``SimulatedRep/deals``.
    public var dealRates: [Double] = []
    /// The share of a year's sales that falls in the person's time in seats in the plan year, weighted by
    /// the history's seasonality (1 for a full year; a hire starting in August gets the August-December share).
    public var seatShare: Double = 1
}

/// The people of a simulation, calibrated from history and the quota step.
public struct CalibratedModel: Sendable {
    public var reps: [CalibratedRep]
    /// The market factor's correlation estimated from history (before any override).
    public var marketCorrelation: Double
    /// The simulated component, paid on the year's window.
    public var component: PlanComponent
    /// People with the component's plan who were left out, with why.
    public var skipped: [(RepID, String)]
    /// Per calendar month, its share of the component's sales in the complete history years (sums to 1).
    public var seasonality: [Double] = [Double](repeating: 1.0 / 12, count: 12)
    /// The SPIFFs paid on drawn deals, as the baseline plans define them (each person's deal profiles
    /// follow this order).
    public var spiffs: [PlanComponent] = []
}

/// Calibrates per-person lognormal sales from the quota step's expected sales and the history's volatility.
///
/// For each person whose plan (in force at the plan year's end, or their last day) holds the quota
/// component:
/// - **Mean** = Σ over the seats they hold in the plan year of the quota step's `expected_sales` of the
///   territory × the component's share of the territory's historical net sales (bookings and orders less
///   refunds and cancellations, years before the plan year) × min(1, s ÷ c), where s is the seasonal
///   share of the year spent in that seat (days in seat per month weighted by the history's monthly share
///   of the component's sales) and c the seat's `capacity` in the quota step (the share of the year it
///   planned the seat to be worked, with its start and ramp; 1 when absent). So a component that counts
///   only new business is not credited renewals; a hire the quota step planned keeps its expectation; and
///   someone who holds a seat for part of the year only (a move, an unplanned hire) is not expected to
///   sell the months someone else held it.
/// - **Spread.** Per territory and calendar month, y = ln(sales this year ÷ same month a year earlier)
///   of the component's qualifying sales (months with sales in both years). A month's log spread is
///   sd(y)/√2; twelve independent months give an annual σ² = ln(1 + (e^{σₘ²} − 1)/12). The person's σ² is
///   the territory's blended with its segment's (the district's mean σ²), weighted n : 12 by the n
///   month pairs the territory has.
/// - **Market factor.** The mean pairwise correlation of the territories' standardized y:
///   ρ = (N · var(mean z) − 1)/(N − 1), clamped to [0, 0.9].
/// - **Quota** = the quota step's annual quota of the seat (already fitted to a starting seat);
///   **target incentive** = the plan version's, prorated by days in seat when the plan prorates it.
///
/// - **Deals** (for each SPIFF of `spiffs`, deal-level sampling): the SPIFF's qualifying deals in the
///   year before the plan year (transactions that pass its filter, amounts above zero, by the territory
///   that held the account), per currency unit of the component's sales there that year, gives the
///   territory's deal rate (the rate of all simulated territories together when the territory had no
///   component sales). The person's expected count = Σ over seats of the seat's rate × the seat's part of
///   the mean above; deal amounts are the territory's qualifying amounts that year (all territories' when
///   it had fewer than five). A person whose plan lacks the SPIFF gets no deals for it.
///
/// A quarter or month component is paid on the year's window: equal quarters are assumed, which
/// understates the cost of convex plans when quarters differ.
public enum Calibration {
    /// Calibrates `component` of the plans in `plans` for `planYear`.
    ///
    /// - Throws: ``SimulationError`` naming the file, line and value for a bad quota step file, or a
    ///   component no one's plan holds.
    public static func calibrate(
        dataset: SalesDataset, datasetFolder: URL, plans: PlanBook, quotaStep: URL, component name: String,
        planYear: Int, spiffs: [String] = []
    ) throws(SimulationError) -> CalibratedModel {
        let quotas = try QuotaStepRows(contentsOf: quotaStep)
        let alignment: EffectiveDatedAlignment
        do { alignment = try CompInputs.alignment(dataset, folder: datasetFolder) } catch {
            throw .invalid(field: "dataset", value: datasetFolder.path, expected: "a readable alignment: \(error)")
        }
        return try calibrate(
            dataset: dataset, alignment: alignment, plans: plans, quotas: quotas.rows, component: name,
            planYear: planYear, spiffs: spiffs)
    }

    /// Calibrates `component` from inputs already in memory: the quota step's seats by node id (a plan
    /// run's quota result) and the alignment that credits the history (a plan run's new alignment).
    ///
    /// - Throws: ``SimulationError`` for a component no one's plan holds or one that is not a quota component,
    ///   or a SPIFF of `spiffs` that no simulated person's plan holds, that is not a SPIFF, or that does not
    ///   count revenue credit.
    public static func calibrate(
        dataset: SalesDataset, alignment: EffectiveDatedAlignment, plans: PlanBook, quotas: [String: QuotaStepSeat],
        component name: String, planYear: Int, spiffs: [String] = []
    ) throws(SimulationError) -> CalibratedModel {
        for (node, seat) in quotas.sorted(by: { $0.key < $1.key }) {
            for (field, value) in [("quota", seat.quota), ("expected_sales", seat.expectedSales)]
            where !(value.isFinite && value >= 0 && value < 1e13) {
                throw .invalid(field: "quotas.\(node).\(field)", value: "\(value)", expected: "an amount in [0, 1e13)")
            }
        }
        let quotas = QuotaStepRows(rows: quotas)
        guard let yearStart = CalendarDate(year: planYear, month: 1, day: 1),
            let yearEnd = CalendarDate(year: planYear, month: 12, day: 31)
        else { throw .invalid(field: "planYear", value: "\(planYear)", expected: "a calendar year") }

        var chosen: [(Rep, TerritoryID, PlanVersion, PlanComponent)] = []
        var skipped: [(RepID, String)] = []
        var component: PlanComponent?
        for rep in dataset.reps where rep.status == .active {
            if let hire = rep.hireDate, hire > yearEnd { continue }
            if let end = rep.terminationDate, end <= yearStart { continue }
            let last = min(yearEnd, rep.terminationDate?.adding(days: -1) ?? yearEnd)
            guard let assigned = try? plans.plan(for: rep, on: last),
                let found = assigned.1.components.first(where: { $0.name == name })
            else { continue }
            let version = assigned.1
            guard found.kind == .quota else {
                throw .unsupportedComponent(name, reason: "only quota components are paid on drawn sales")
            }
            component = component ?? found
            guard let territory = alignment.seats(of: rep.id).last(where: { $0.from <= last.daysSinceEpoch })?.territory
            else {
                skipped.append((rep.id, "no seat in \(planYear)"))
                continue
            }
            guard let row = quotas.rows[territory.rawValue], row.quota > 0, row.expectedSales > 0 else {
                skipped.append((rep.id, "no quota and expected sales above zero for \(territory) in the quota step"))
                continue
            }
            chosen.append((rep, territory, version, found))
        }
        guard var annual = component else {
            throw .invalid(
                field: "component", value: name, expected: "a quota component of a plan in force in \(planYear)")
        }
        annual.period = .year
        var spiffComponents: [PlanComponent] = []
        for spiff in spiffs {
            guard let found = chosen.lazy.compactMap({ $0.2.components.first { $0.name == spiff } }).first else {
                throw .invalid(
                    field: "spiffs", value: spiff, expected: "a SPIFF component of the plans of the people simulated")
            }
            guard case .spiff = found.kind else {
                throw .unsupportedComponent(spiff, reason: "not a SPIFF: only SPIFFs are paid on drawn deals")
            }
            guard found.creditKinds.contains(.revenue) else {
                throw .unsupportedComponent(
                    spiff,
                    reason: "deals are drawn on the person's own territory, and this SPIFF counts no revenue credit")
            }
            spiffComponents.append(found)
        }

        var seats: [RepID: [Seat]] = [:]
        for (rep, _, _, _) in chosen {
            seats[rep.id] = seatsInYear(rep, alignment: alignment, from: yearStart, through: yearEnd)
        }
        let history = History(
            dataset: dataset, alignment: alignment, component: annual, before: yearStart,
            territories: Set(chosen.map(\.1) + seats.values.flatMap { $0.map(\.territory) }))
        let seasonality = history.seasonality()
        let deals = DealHistory(
            dataset: dataset, alignment: alignment, component: annual, spiffs: spiffComponents, planYear: planYear,
            territories: Set(chosen.map(\.1) + seats.values.flatMap { $0.map(\.territory) }))
        var bySegment: [String: [Double]] = [:]
        for (_, territory, _, _) in chosen {
            bySegment[quotas.rows[territory.rawValue]?.parent ?? "", default: []].append(
                history.sigma(territory).value.squared)
        }
        var reps: [CalibratedRep] = []
        for (rep, territory, version, _) in chosen {
            guard let row = quotas.rows[territory.rawValue] else { continue }
            let segmentValues = bySegment[row.parent] ?? []
            let segmentVariance = segmentValues.reduce(0, +) / Double(max(1, segmentValues.count))
            let own = history.sigma(territory)
            let pairs = Double(own.pairs)
            let sigma = ((pairs * own.value * own.value + 12 * segmentVariance) / (pairs + 12)).squareRoot()
            let share = history.share(territory)
            var expected = 0.0
            var seatShare = 0.0
            var expectedDeals = [Double](repeating: 0, count: spiffComponents.count)
            for seat in seats[rep.id] ?? [] {
                guard let seatRow = quotas.rows[seat.territory.rawValue] else { continue }
                let fraction = Self.seasonalShare(seat, seasonality: seasonality, year: planYear)
                // The quota step's expectation already covers the start and ramp it planned (capacity);
                // a person holding the seat for less of the year than planned gets that part of it.
                let planned = seatRow.capacity > 0 ? min(1, fraction / seatRow.capacity) : fraction
                let part = seatRow.expectedSales * history.share(seat.territory) * planned
                expected += part
                seatShare += fraction
                for k in spiffComponents.indices {
                    expectedDeals[k] += part * deals.rate(k, seat.territory)
                }
            }
            let holds = Set(version.components.map(\.name))
            let profiles = spiffComponents.indices.map { k in
                holds.contains(spiffComponents[k].name)
                    ? DealProfile(expectedCount: min(expectedDeals[k], 1e6), sizes: deals.sizes(k, territory))
                    : DealProfile(expectedCount: 0)
            }
            let mean = max(expected, 1)
            let days = daysInSeat(rep, from: yearStart, through: yearEnd)
            var ti = version.targetIncentive
            if version.prorateTarget, days < 365 {
                ti = Money(cents: version.targetIncentive.cents * Int64(days) / 365)
            }
            reps.append(
                CalibratedRep(
                    simulated: SimulatedRep(
                        id: rep.id, quota: Money(cents: Int64((row.quota * 100).rounded())), targetIncentive: ti,
                        meanSales: mean, sigma: min(max(sigma, 0.05), 3), deals: profiles),
                    territory: territory, segment: row.parent, expectedSales: row.expectedSales,
                    componentShare: share, sigmaOwn: own.value, sigmaSegment: segmentVariance.squareRoot(),
                    historyPairs: own.pairs,
                    dealRates: spiffComponents.indices.map { deals.rate($0, territory) },
                    seatShare: seatShare))
        }
        return CalibratedModel(
            reps: reps, marketCorrelation: history.marketCorrelation(), component: annual, skipped: skipped,
            seasonality: seasonality, spiffs: spiffComponents)
    }

    /// The person's seats clipped to the plan year and to their employment (hire date to termination).
    static func seatsInYear(
        _ rep: Rep, alignment: EffectiveDatedAlignment, from start: CalendarDate, through end: CalendarDate
    ) -> [Seat] {
        let first = max(start.daysSinceEpoch, rep.hireDate?.daysSinceEpoch ?? Int.min)
        let until = min(end.daysSinceEpoch + 1, rep.terminationDate?.daysSinceEpoch ?? Int.max)
        return alignment.seats(of: rep.id).compactMap { seat in
            let from = max(seat.from, first)
            let to = min(seat.until, until)
            return from < to ? Seat(territory: seat.territory, from: from, until: to) : nil
        }
    }

    /// The share of plan year `year`'s sales expected in `seat`: per month, days in seat ÷ days in the
    /// month × the month's seasonal weight (`seasonality`, twelve weights summing to 1).
    static func seasonalShare(_ seat: Seat, seasonality: [Double], year: Int) -> Double {
        var share = 0.0
        for month in 1...12 {
            guard let first = CalendarDate(year: year, month: month, day: 1) else { continue }
            let days = CalendarDate.daysInMonth(year: year, month: month)
            let from = max(seat.from, first.daysSinceEpoch)
            let until = min(seat.until, first.daysSinceEpoch + days)
            if from < until { share += seasonality[month - 1] * Double(until - from) / Double(days) }
        }
        return share
    }

    private static func daysInSeat(_ rep: Rep, from start: CalendarDate, through end: CalendarDate) -> Int {
        let first = max(start.daysSinceEpoch, rep.hireDate?.daysSinceEpoch ?? Int.min)
        let last = min(end.daysSinceEpoch + 1, rep.terminationDate?.daysSinceEpoch ?? Int.max)
        return max(0, min(365, last - first))
    }
}

extension Double {
    fileprivate var squared: Double { self * self }
}

/// One node of the quota step as the simulation reads it: its parent, annual quota, expected sales
/// and capacity (the `parent`, `quota`, `expected_sales` and `capacity` of `quotas.csv`).
public struct QuotaStepSeat: Sendable, Hashable {
    public var parent: String
    public var quota: Double
    public var expectedSales: Double
    /// The share of the year the quota step planned the seat to be worked (start and ramp), 1 when absent.
    public var capacity: Double

    public init(parent: String, quota: Double, expectedSales: Double, capacity: Double = 1) {
        self.parent = parent
        self.quota = quota
        self.expectedSales = expectedSales
        self.capacity = capacity
    }
}

/// The quota step's `quotas.csv`: per node, its parent, annual quota and expected sales.
struct QuotaStepRows {
    typealias Row = QuotaStepSeat

    var rows: [String: Row] = [:]

    init(rows: [String: Row]) { self.rows = rows }

    init(contentsOf url: URL) throws(SimulationError) {
        var isFolder: ObjCBool = false
        let file =
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
            ? url.appendingPathComponent("quotas.csv") : url
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: file)) } catch {
            throw .invalid(field: "quotas", value: file.path, expected: "the quota step's quotas.csv (\(error))")
        }
        var header: [String: Int] = [:]
        var failure: SimulationError?
        var parsed: [String: Row] = [:]
        let name = file.lastPathComponent
        CSVReader(bytes: bytes).forEachRecord { record in
            guard failure == nil else { return }
            if header.isEmpty {
                for index in 0..<record.count { header[record.string(at: index)] = index }
                for column in ["node", "parent", "quota", "expected_sales"] where header[column] == nil {
                    failure = .invalid(
                        field: "\(name):1:1", value: column, expected: "the quota step's quotas.csv with this column")
                }
                return
            }
            func field(_ column: String) -> (String, Int) {
                let index = header[column] ?? 0
                return (index < record.count ? record.string(at: index) : "", index + 1)
            }
            var numbers: [Double] = []
            let columns = ["quota", "expected_sales"] + (header["capacity"] == nil ? [] : ["capacity"])
            for column in columns {
                let (text, position) = field(column)
                if text.isEmpty {  // a node above the seats (company, regions) may have no figure
                    numbers.append(column == "capacity" ? 1 : 0)
                    continue
                }
                guard let value = Double(text), value.isFinite, value >= 0, value < 1e13 else {
                    failure = .invalid(
                        field: "\(name):\(record.line):\(position)", value: text,
                        expected: "an amount in [0, 1e13) for \(column)")
                    return
                }
                numbers.append(value)
            }
            parsed[field("node").0] = Row(
                parent: field("parent").0, quota: numbers[0], expectedSales: numbers[1],
                capacity: numbers.count > 2 ? numbers[2] : 1)
        } onMalformed: { line, column, message in
            if failure == nil { failure = .invalid(field: "\(name):\(line):\(column)", value: "", expected: message) }
        }
        if let failure { throw failure }
        rows = parsed
    }
}

/// Monthly history by territory of one component's qualifying sales and of net sales.
struct History {
    /// Territory → (year, month) → cents.
    private var qualifying: [TerritoryID: [Int: Int64]] = [:]
    private var net: [TerritoryID: Int64] = [:]
    private var qualifyingTotal: [TerritoryID: Int64] = [:]

    init(
        dataset: SalesDataset, alignment: EffectiveDatedAlignment, component: PlanComponent, before: CalendarDate,
        territories: Set<TerritoryID>
    ) {
        for transaction in dataset.transactions where transaction.date < before {
            guard let territory = alignment.territory(of: transaction.accountID, on: transaction.date),
                territories.contains(territory), let money = Money(exactly: transaction.amount)
            else { continue }
            net[territory, default: 0] += money.cents
            guard component.qualifies(transaction) else { continue }
            qualifyingTotal[territory, default: 0] += money.cents
            qualifying[territory, default: [:]][transaction.date.year * 12 + transaction.date.month - 1, default: 0] +=
                money.cents
        }
    }

    /// The component's monthly seasonality: per calendar month, its share of the qualifying sales of the
    /// complete history years (all twelve months with sales), over all territories; twelve equal weights
    /// without a complete year.
    func seasonality() -> [Double] {
        var byMonth: [Int: Int64] = [:]
        for months in qualifying.values { for (month, cents) in months { byMonth[month, default: 0] += cents } }
        var weights = [Double](repeating: 0, count: 12)
        for year in Set(byMonth.keys.map { $0 / 12 }) {
            let months = (0..<12).map { byMonth[year * 12 + $0] ?? 0 }
            guard months.allSatisfy({ $0 > 0 }) else { continue }
            for (index, cents) in months.enumerated() { weights[index] += Double(cents) }
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { return [Double](repeating: 1.0 / 12, count: 12) }
        return weights.map { $0 / total }
    }

    /// The component's share of the territory's net sales (1 without history).
    func share(_ territory: TerritoryID) -> Double {
        guard let total = net[territory], total > 0 else { return 1 }
        return min(max(Double(qualifyingTotal[territory] ?? 0) / Double(total), 0), 1)
    }

    /// Year-over-year log ratios of the territory's months, keyed by the later month.
    func ratios(_ territory: TerritoryID) -> [Int: Double] {
        guard let months = qualifying[territory] else { return [:] }
        var result: [Int: Double] = [:]
        for (month, cents) in months where cents > 0 {
            if let earlier = months[month - 12], earlier > 0 { result[month] = log(Double(cents) / Double(earlier)) }
        }
        return result
    }

    /// The annual log spread from the territory's own year-over-year months, and how many pairs.
    func sigma(_ territory: TerritoryID) -> (value: Double, pairs: Int) {
        let values = Array(ratios(territory).values)
        guard values.count >= 3 else { return (0, 0) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        let monthly = variance / 2
        return ((log(1 + (exp(monthly) - 1) / 12)).squareRoot(), values.count)
    }

    /// Mean pairwise correlation of the territories' standardized year-over-year months, in [0, 0.9].
    func marketCorrelation() -> Double {
        var byMonth: [Int: [Double]] = [:]
        var count = 0
        for territory in qualifying.keys.sorted() {
            let ratios = ratios(territory)
            guard ratios.count >= 3 else { continue }
            let mean = ratios.values.reduce(0, +) / Double(ratios.count)
            let sd = (ratios.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(ratios.count - 1))
                .squareRoot()
            guard sd > 0 else { continue }
            count += 1
            for (month, value) in ratios { byMonth[month, default: []].append((value - mean) / sd) }
        }
        let averages = byMonth.keys.sorted().compactMap { month -> Double? in
            guard let values = byMonth[month], values.count * 2 >= count else { return nil }
            return values.reduce(0, +) / Double(values.count)
        }
        guard count >= 2, averages.count >= 3 else { return 0 }
        let mean = averages.reduce(0, +) / Double(averages.count)
        let variance = averages.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(averages.count - 1)
        let rho = (Double(count) * variance - 1) / Double(count - 1)
        return min(max(rho, 0), 0.9)
    }
}

/// The qualifying deals of each SPIFF by territory in the year before the plan year (the run rate: a
/// product's share of deals moves from year to year), with the simulated component's sales there, for
/// deal-level sampling.
struct DealHistory {
    /// Per SPIFF: territory → deal amounts (above zero).
    private var amounts: [[TerritoryID: [Money]]]
    /// Territory → the component's qualifying sales in cents.
    private var componentSales: [TerritoryID: Int64] = [:]

    init(
        dataset: SalesDataset, alignment: EffectiveDatedAlignment, component: PlanComponent, spiffs: [PlanComponent],
        planYear: Int, territories: Set<TerritoryID>
    ) {
        amounts = [[TerritoryID: [Money]]](repeating: [:], count: spiffs.count)
        guard !spiffs.isEmpty else { return }
        for transaction in dataset.transactions where transaction.date.year == planYear - 1 {
            guard let territory = alignment.territory(of: transaction.accountID, on: transaction.date),
                territories.contains(territory), let money = Money(exactly: transaction.amount)
            else { continue }
            if component.qualifies(transaction) { componentSales[territory, default: 0] += money.cents }
            guard money > .zero else { continue }
            for (k, spiff) in spiffs.enumerated() where spiff.qualifies(transaction) {
                amounts[k][territory, default: []].append(money)
            }
        }
    }

    /// SPIFF `k`'s deals per currency unit of the component's sales in `territory` that year; the rate of
    /// all territories together when the territory had no component sales; 0 without any.
    func rate(_ k: Int, _ territory: TerritoryID) -> Double {
        if let own = componentSales[territory], own > 0 {
            return Double(amounts[k][territory]?.count ?? 0) / (Double(own) / 100)
        }
        let total = componentSales.values.reduce(0) { $0 + max($1, 0) }
        return total > 0 ? Double(amounts[k].values.reduce(0) { $0 + $1.count }) / (Double(total) / 100) : 0
    }

    /// SPIFF `k`'s deal amounts in `territory` that year, or every territory's (in territory order) when
    /// it had fewer than five.
    func sizes(_ k: Int, _ territory: TerritoryID) -> [Money] {
        if let own = amounts[k][territory], own.count >= 5 { return own }
        return amounts[k].keys.sorted().flatMap { amounts[k][$0] ?? [] }
    }
}
