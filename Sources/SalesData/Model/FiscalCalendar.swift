/// A fiscal year of twelve calendar months starting in ``startMonth``, with four quarters of three
/// months.
///
/// The fiscal year is named after the calendar year in which it **ends** (so with a February start, 2025-02-01 …
/// 2026-01-31 is FY2026).
///
/// ```swift
/// let calendar = try FiscalCalendar(startMonth: 2)
/// let day = CalendarDate(year: 2025, month: 3, day: 15)!
/// calendar.fiscalYear(of: day)      // 2026
/// calendar.quarter(of: day)         // 1
/// calendar.fiscalMonth(of: day)     // 2
/// calendar.startDate(ofFiscalYear: 2026).description   // "2025-02-01"
/// ```
public struct FiscalCalendar: Sendable, Hashable, Codable {
    /// A fiscal quarter.
    public struct Quarter: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
        public let fiscalYear: Int
        /// 1...4.
        public let quarter: Int
        public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
            (lhs.fiscalYear, lhs.quarter) < (rhs.fiscalYear, rhs.quarter)
        }
        public var description: String { "FY\(fiscalYear)-Q\(quarter)" }
    }

    /// Calendar month (1...12) in which the fiscal year starts.
    public let startMonth: Int

    /// The calendar year (January start).
    public static let calendarYear = FiscalCalendar(unchecked: 1)

    /// - Throws: ``SalesDataError/invalidFiscalStartMonth(_:)`` unless `startMonth` is in 1...12.
    public init(startMonth: Int) throws {
        guard (1...12).contains(startMonth) else { throw SalesDataError.invalidFiscalStartMonth(startMonth) }
        self.startMonth = startMonth
    }

    private init(unchecked startMonth: Int) { self.startMonth = startMonth }

    /// The fiscal year containing `date`, named by the calendar year in which it ends.
    public func fiscalYear(of date: CalendarDate) -> Int {
        startMonth == 1 || date.month < startMonth ? date.year : date.year + 1
    }

    /// Month of the fiscal year, 1...12.
    public func fiscalMonth(of date: CalendarDate) -> Int { (date.month - startMonth + 12) % 12 + 1 }

    /// Quarter of the fiscal year, 1...4.
    public func quarter(of date: CalendarDate) -> Int { (fiscalMonth(of: date) - 1) / 3 + 1 }

    /// The fiscal quarter containing `date`.
    public func fiscalQuarter(of date: CalendarDate) -> Quarter {
        Quarter(fiscalYear: fiscalYear(of: date), quarter: quarter(of: date))
    }

    /// First day of fiscal year `year`.
    public func startDate(ofFiscalYear year: Int) -> CalendarDate {
        let calendarYear = startMonth == 1 ? year : year - 1
        return CalendarDate(daysSinceEpoch: 0).adding(months: (calendarYear - 1970) * 12 + startMonth - 1)
    }

    /// Last day of fiscal year `year`.
    public func endDate(ofFiscalYear year: Int) -> CalendarDate {
        startDate(ofFiscalYear: year + 1).adding(days: -1)
    }

    /// First and last day of `quarter` (1...4) of fiscal year `year`.
    public func dates(ofQuarter quarter: Int, fiscalYear year: Int) -> ClosedRange<CalendarDate> {
        let start = startDate(ofFiscalYear: year).adding(months: (quarter - 1) * 3)
        return start...start.adding(months: 3).adding(days: -1)
    }

    /// First and last day of fiscal month `month` (1...12) of fiscal year `year`.
    public func dates(ofMonth month: Int, fiscalYear year: Int) -> ClosedRange<CalendarDate> {
        let start = startDate(ofFiscalYear: year).adding(months: month - 1)
        return start...start.adding(months: 1).adding(days: -1)
    }
}
