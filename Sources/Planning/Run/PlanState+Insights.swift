import Foundation
import Incentives
import Insights
import QuotaPlanning
import SalesData

extension PlanState {
    /// The quota step's quotas for the insights period, by the person holding each seat at the period's
    /// end (the dataset's seats and seat moves, as comp pays them), with a note for the step's summary.
    ///
    /// A seat's quota for the period is the sum of the quota step's periods (`Q3`, or `M7`…`M9`) that
    /// make up the insights period exactly; a period that is not such a union (a month of a quarterly
    /// plan, a period outside the plan year) gets no quotas, and the note says why, so the scorecards'
    /// attainment, pace and coverage stay empty rather than prorated by a guess. Vacant seats have no
    /// holder and no row.
    mutating func insightsQuotas(
        _ nodes: [QuotaNodeFigures], configuration: QuotaPlanConfiguration, period text: String
    ) throws -> (quotas: [String: Double], note: String) {
        let data = try loadedDataset()
        let period = try ReportingPeriod(parsing: text, calendar: data.fiscalCalendar)
        let periods = configuration.periods
        let months = 12 / periods.count
        var labels: [String] = []
        for index in 0..<periods.count {
            let start = configuration.planStart.adding(months: index * months)
            let end = start.adding(months: months).adding(days: -1)
            if start >= period.start && end <= period.end { labels.append(periods.label(index)) }
        }
        let covered = labels.count * months
        let first = configuration.planStart
        let spanned: Int = {
            // months from the period's start to its end, when both fall on month boundaries
            guard period.start.day == 1, period.end.adding(days: 1).day == 1 else { return -1 }
            let end = period.end.adding(days: 1)
            return (end.year - period.start.year) * 12 + end.month - period.start.month
        }()
        guard !labels.isEmpty, covered == spanned else {
            return (
                [:],
                "; no quotas: \(text) is not a whole number of the quota plan's \(periods.rawValue) periods "
                    + "(plan year from \(first))"
            )
        }
        let (_, alignment) = try payInputs()
        var quotas: [String: Double] = [:]
        for node in nodes {
            guard let holder = alignment.holder(of: TerritoryID(node.id), on: period.end) else { continue }
            let amount = labels.reduce(0) { $0 + (node.periodQuotas[$1] ?? 0) }
            quotas[holder.rawValue, default: 0] += amount
        }
        return (quotas, "; quotas of \(quotas.count) people from the quota step (\(labels.joined(separator: "+")))")
    }
}
