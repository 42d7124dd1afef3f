import Foundation
import Incentives
import SalesData

/// A backtest of the simulation against a realized plan year (validation 2 of `docs/simulation.md`).
///
/// The model is calibrated on history before the plan year only; the realized year is the comp engine's
/// year-to-date credit of the component through the last closed month, annualized by the history's
/// seasonality (divided by the share of a year's sales that falls in January through that month), and
/// paid by the same component on the year's window as the simulation pays its draws.
///
/// Invariant: `rows` hold one entry per simulated person, in the model's order.
public struct BacktestReport: Sendable {
    /// One person: their realized year against their own simulated interval.
    public struct Row: Sendable, Hashable {
        public var rep: RepID
        public var territory: TerritoryID
        public var quota: Money
        /// The engine's year-to-date credit of the component through ``BacktestReport/through``.
        public var creditToDate: Money
        /// `creditToDate` ÷ ``BacktestReport/proRate``, in currency units.
        public var annualized: Double
        /// Annualized credit ÷ quota.
        public var attainment: Double
        /// The person's simulated attainment P10, P50 and P90 (quantiles of their lognormal).
        public var p10: Double
        public var p50: Double
        public var p90: Double

        /// Whether the realized attainment lies in the person's own P10–P90.
        public var isInside: Bool { attainment >= p10 && attainment <= p90 }
    }

    public var configuration: SimulationConfiguration
    public var model: CalibratedModel
    public var marketCorrelation: Double
    /// The last day of the realized months.
    public var through: CalendarDate
    /// The history's share of a year's qualifying sales in January through `through`'s month.
    public var proRate: Double
    /// The simulated year, paid on the year's window.
    public var summary: SimulationSummary
    public var rows: [Row]
    /// The realized share of people at or above quota (annualized credit ≥ quota).
    public var realizedShareAtQuota: Double
    /// The realized total payout: each person's annualized credit paid by the component.
    public var realizedPayout: Double

    /// The share of people whose realized attainment lies in their own P10–P90 (about 80 % when calibrated).
    public var coverage: Double { Double(rows.filter(\.isInside).count) / Double(max(1, rows.count)) }
    /// People below their own P10, and above their own P90.
    public var below: Int { rows.filter { $0.attainment < $0.p10 }.count }
    public var above: Int { rows.filter { $0.attainment > $0.p90 }.count }

    /// Whether the realized share at quota lies in the simulated P10–P90.
    public var shareIsInside: Bool {
        let p = summary.shareAtQuotaPercentiles
        return realizedShareAtQuota >= p.p10.value && realizedShareAtQuota <= p.p90.value
    }

    /// Whether the realized total payout lies in the simulated P10–P90.
    public var payoutIsInside: Bool {
        let p = summary.payout
        return realizedPayout >= p.p10.value && realizedPayout <= p.p90.value
    }

    /// `backtest.csv` (one row per person) and `backtest.txt` (the table).
    public func files() -> [(name: String, bytes: [UInt8])] {
        [("backtest.csv", Array(rowsCSV().utf8)), ("backtest.txt", Array(table().utf8))]
    }

    /// One row per person: quota, realized credit, annualized attainment and their simulated interval.
    public func rowsCSV() -> String {
        var lines = ["rep_id,territory,quota,credit_to_date,annualized,attainment,p10,p50,p90,inside"]
        for row in rows {
            let numbers = [row.annualized, row.attainment, row.p10, row.p50, row.p90].map(SimulationReport.number)
            lines.append(
                ([row.rep.rawValue, row.territory.rawValue, row.quota.description, row.creditToDate.description]
                    + numbers + [row.isInside ? "1" : "0"]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The realized figures against the simulated P10/P50/P90, and the per-person coverage.
    public func table() -> String {
        let share = summary.shareAtQuotaPercentiles
        let cost = summary.payout
        var text = "Backtest \(configuration.planYear), component \(configuration.component): calibrated on history "
        text += "before \(configuration.planYear), realized through \(through) (annualized ÷ \(fixed(proRate, 4)), "
        text += "the history's share of a year in January-\(monthName)); \(rows.count) people, "
        text += "\(summary.trials) trials, seed \(configuration.seed), market correlation "
        text += "\(fixed(marketCorrelation, 3))\n"
        text += "figure              realized        P10             P50             P90             inside\n"
        func line(_ name: String, _ realized: String, _ p: Percentiles, _ format: (Estimate) -> String, _ inside: Bool)
            -> String
        {
            let cells = [realized, format(p.p10), format(p.p50), format(p.p90)].map { $0.padding(16) }.joined()
            return name.padding(20) + cells + (inside ? "yes" : "NO") + "\n"
        }
        text += line(
            "share at quota", percent(realizedShareAtQuota), share,
            { percent($0.value) + " ±" + fixed($0.standardError * 100, 1) },
            shareIsInside)
        text += line(
            "total payout", money(realizedPayout), cost, { money($0.value) }, payoutIsInside)
        text += "per-person coverage: \(rows.filter(\.isInside).count) of \(rows.count) realized attainments inside "
        text +=
            "their own P10-P90 = \(percent(coverage)) (80 % when calibrated; \(below) below P10, \(above) above P90)\n"
        return text
    }

    private var monthName: String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
            min(max(through.month, 1), 12) - 1]
    }
    private func fixed(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    private func money(_ value: Double) -> String { String(format: "$%.0f", value) }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

extension SimulationStudy {
    /// Backtests `configuration` against the realized plan year.
    ///
    /// Calibrates on history before the plan year, simulates the year, and compares it with the realized
    /// year through `through` (default: the last closed month of the dataset's transactions in the plan
    /// year). Scenarios of the configuration are ignored.
    ///
    /// - Throws: ``SimulationError`` for a bad setting or input, no closed month of the plan year in the
    ///   data, or a comp engine error on the realized year.
    public func backtest(_ configuration: SimulationConfiguration, through: CalendarDate? = nil)
        async throws(SimulationError) -> BacktestReport
    {
        let (model, simulation, dataset) = try prepare(configuration)
        let folder = URL(fileURLWithPath: configuration.dataset)
        let quotas = URL(fileURLWithPath: configuration.quotas)
        let cut: CalendarDate
        if let through { cut = through } else { cut = try Self.lastClosedDay(dataset, year: configuration.planYear) }
        guard cut.year == configuration.planYear, cut == CompPeriod(containing: cut).last else {
            throw .invalid(
                field: "through", value: "\(cut)", expected: "the last day of a month of \(configuration.planYear)")
        }
        // the realized figures are the quota component's: the baseline alone, without SPIFFs on drawn deals
        var request = simulation
        request.scenarios = simulation.scenarios.prefix(1).map { scenario in
            SimulationScenario(name: scenario.name, component: scenario.component)
        }
        request.reps = simulation.reps.map { rep in
            var rep = rep
            rep.deals = []
            return rep
        }
        let summary = try await MonteCarloSimulator().run(request)

        let credits = try Self.creditToDate(
            folder: folder, plansFolder: URL(fileURLWithPath: configuration.plans), quotas: quotas,
            component: configuration.component, through: cut, people: Set(model.reps.map(\.simulated.id)))
        let proRate = model.seasonality.prefix(cut.month).reduce(0, +)
        guard proRate > 0 else {
            throw .invalid(field: "through", value: "\(cut)", expected: "a month with historical sales before it")
        }
        let z90 = 1.281_551_565_544_600_5  // Φ⁻¹(0.9)
        var rows: [BacktestReport.Row] = []
        var atQuota = 0
        var payout = 0.0
        for rep in model.reps {
            let person = rep.simulated
            let credit = credits[person.id] ?? .zero
            let annualized = Double(credit.cents) / 100 / proRate
            let quota = Double(person.quota.cents) / 100
            let mu = log(person.meanSales) - person.sigma * person.sigma / 2
            let row = BacktestReport.Row(
                rep: person.id, territory: rep.territory, quota: person.quota, creditToDate: credit,
                annualized: annualized, attainment: annualized / quota, p10: exp(mu - z90 * person.sigma) / quota,
                p50: exp(mu) / quota, p90: exp(mu + z90 * person.sigma) / quota)
            rows.append(row)
            if row.attainment >= 1 { atQuota += 1 }
            let cents = (annualized * 100).rounded()
            guard cents.isFinite, abs(cents) < 1e15,
                let paid = model.component.payout(
                    credit: Money(cents: Int64(cents)), quota: person.quota,
                    annualTargetIncentive: person.targetIncentive)
            else {
                throw .unsupportedComponent(model.component.name, reason: "the engine could not pay \(person.id)")
            }
            payout += Double(paid.cents) / 100
        }
        return BacktestReport(
            configuration: configuration, model: model, marketCorrelation: request.marketCorrelation, through: cut,
            proRate: proRate,
            summary: summary, rows: rows, realizedShareAtQuota: Double(atQuota) / Double(max(1, rows.count)),
            realizedPayout: payout)
    }

    /// The last day of the last month of `year` whose end the dataset's transactions reach.
    static func lastClosedDay(_ dataset: SalesDataset, year: Int) throws(SimulationError) -> CalendarDate {
        guard let latest = dataset.transactions.lazy.map(\.date).filter({ $0.year == year }).max() else {
            throw .invalid(field: "dataset", value: "no transactions in \(year)", expected: "a realized plan year")
        }
        let month = CompPeriod(containing: latest)
        if latest == month.last { return latest }
        guard let previous = month.previous, previous.year == year else {
            throw .invalid(field: "dataset", value: "last transaction \(latest)", expected: "a closed month of \(year)")
        }
        return previous.last
    }

    /// The comp engine's year-to-date credit of `component` per person through `through`: the plan
    /// folder's component measured on the year's window (revenue splits, effective-dated seats, refunds).
    static func creditToDate(
        folder: URL, plansFolder: URL, quotas: URL, component: String, through: CalendarDate, people: Set<RepID>
    ) throws(SimulationError) -> [RepID: Money] {
        do {
            let period = CompPeriod(containing: through)
            var request = try CompInputs.load(dataset: folder, plans: plansFolder, quotas: quotas, period: period)
            for plan in request.plans.plans.indices {
                for version in request.plans.plans[plan].versions.indices {
                    for index in request.plans.plans[plan].versions[version].components.indices
                    where request.plans.plans[plan].versions[version].components[index].name == component {
                        request.plans.plans[plan].versions[version].components[index].period = .year
                    }
                }
            }
            request.only = people
            let result = try CompCalculator().calculate(request)
            var credits: [RepID: Money] = [:]
            for measurement in result.measurements where measurement.component == component {
                credits[measurement.person] = measurement.credit
            }
            return credits
        } catch {
            throw .invalid(field: "realized year", value: "\(error)", expected: "a comp calculation of the plan year")
        }
    }
}
