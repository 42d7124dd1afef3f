import SalesData

/// A span of whole days that scorecards, forecasts and contests cover, such as the quarter 2026-Q3.
///
/// ```swift
/// let q3 = try ReportingPeriod(parsing: "2026-Q3", calendar: .calendarYear)
/// q3.start.description   // "2026-07-01"
/// q3.end.description     // "2026-09-30"
/// q3.dayCount            // 92
/// ```
///
/// Invariant: `start <= end`; both ends are inside the period.
public struct ReportingPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text it was parsed from, such as `2026-Q3`.
    public let label: String
    public let start: CalendarDate
    /// The last day of the period (inclusive).
    public let end: CalendarDate

    /// A period from explicit dates.
    ///
    /// - Throws: ``InsightsError/invalidPeriod(_:)`` when `end` is before `start`.
    public init(label: String, start: CalendarDate, end: CalendarDate) throws(InsightsError) {
        guard start <= end else { throw .invalidPeriod("\(label): \(start) after \(end)") }
        self.label = label
        self.start = start
        self.end = end
    }

    /// Parses `YYYY-Qn` (quarter n of fiscal year YYYY), `YYYY-MM` (a calendar month) or `YYYY`
    /// (the fiscal year), with fiscal years named after the calendar year they end in.
    ///
    /// - Throws: ``InsightsError/invalidPeriod(_:)``.
    public init(parsing text: String, calendar: FiscalCalendar) throws(InsightsError) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = parts.first.flatMap({ Int($0) }), (1000...9998).contains(year), parts[0].count == 4 else {
            throw .invalidPeriod(text)
        }
        // The fiscal year `year` starts `startMonth` in `year` when it is January, else a year earlier.
        let fiscalStart = CalendarDate(
            year: calendar.startMonth == 1 ? year : year - 1, month: calendar.startMonth, day: 1)
        switch parts.count {
        case 1:
            guard let fiscalStart else { throw .invalidPeriod(text) }
            try self.init(label: text, start: fiscalStart, end: fiscalStart.adding(months: 12).adding(days: -1))
        case 2 where parts[1].hasPrefix("Q"):
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter), parts[1].count == 2,
                let fiscalStart
            else { throw .invalidPeriod(text) }
            let start = fiscalStart.adding(months: 3 * (quarter - 1))
            try self.init(label: text, start: start, end: start.adding(months: 3).adding(days: -1))
        case 2:
            guard parts[1].count == 2, let month = Int(parts[1]),
                let start = CalendarDate(year: year, month: month, day: 1)
            else { throw .invalidPeriod(text) }
            try self.init(label: text, start: start, end: start.adding(months: 1).adding(days: -1))
        default:
            throw .invalidPeriod(text)
        }
    }

    /// Number of days, both ends included.
    public var dayCount: Int { start.days(until: end) + 1 }

    /// Whether `date` falls inside the period.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// The same span moved by `months` calendar months (`-12`: the same quarter last year).
    public func shifted(months: Int) -> ReportingPeriod {
        let start = start.adding(months: months)
        let end = end.adding(days: 1).adding(months: months).adding(days: -1)
        return (try? ReportingPeriod(label: "\(label)\(months >= 0 ? "+" : "")\(months)m", start: start, end: end))
            ?? self
    }

    public var description: String { "\(label) (\(start) … \(end))" }
}
