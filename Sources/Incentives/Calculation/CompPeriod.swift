import SalesData

/// A calendar month that comp is calculated for (`2026-03`), and the windows around it.
///
/// ```swift
/// let march = try CompPeriod(parsing: "2026-03")
/// march.window(.quarter).label         // "2026-Q1"
/// march.window(.quarter).start         // 2026-01-01
/// ```
///
/// Plan years are calendar years.
public struct CompPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// A month; `nil` when the month is not 1...12 or the year not 1...9999.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    ///
    /// - Throws: ``IncentivesError/invalidNumber(_:expected:)``.
    public init(parsing text: String) throws(IncentivesError) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
            let period = CompPeriod(year: y, month: m)
        else { throw .invalidNumber(text, expected: "a month YYYY-MM, e.g. 2026-03") }
        self = period
    }

    /// The month containing `date`.
    public init(containing date: CalendarDate) {
        year = date.year
        month = date.month
    }

    public var first: CalendarDate { CalendarDate(year: year, month: month, day: 1) ?? CalendarDate(daysSinceEpoch: 0) }
    public var last: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month))
            ?? CalendarDate(daysSinceEpoch: 0)
    }

    /// The month before, in the same or the previous year.
    public var previous: CompPeriod? {
        month == 1 ? CompPeriod(year: year - 1, month: 12) : CompPeriod(year: year, month: month - 1)
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: CompPeriod, rhs: CompPeriod) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// The month, quarter or year containing this month.
    public func window(_ kind: PlanComponent.AttainmentPeriod) -> Window {
        switch kind {
        case .month: return Window(year: year, firstMonth: month, months: 1, label: description)
        case .quarter:
            let q = (month - 1) / 3
            return Window(year: year, firstMonth: q * 3 + 1, months: 3, label: "\(year)-Q\(q + 1)")
        case .year: return Window(year: year, firstMonth: 1, months: 12, label: "\(year)")
        }
    }

    /// An attainment window: whole months of one calendar year.
    public struct Window: Sendable, Hashable {
        public let year: Int
        public let firstMonth: Int
        public let months: Int
        /// `2026-03`, `2026-Q1` or `2026`.
        public let label: String

        public var start: CalendarDate {
            CalendarDate(year: year, month: firstMonth, day: 1) ?? CalendarDate(daysSinceEpoch: 0)
        }
        public var end: CalendarDate {
            let lastMonth = firstMonth + months - 1
            return CalendarDate(
                year: year, month: lastMonth, day: CalendarDate.daysInMonth(year: year, month: lastMonth))
                ?? CalendarDate(daysSinceEpoch: 0)
        }
        /// Days in the whole window.
        public var days: Int { start.days(until: end) + 1 }
        /// The months of the window.
        public var periods: [CompPeriod] {
            (firstMonth..<firstMonth + months).compactMap { CompPeriod(year: year, month: $0) }
        }
    }
}
