import SalesData

extension CalendarDate {
    /// Months since year 0, so that differences count calendar months.
    var monthOrdinal: Int { year * 12 + (month - 1) }

    /// Number of days in this date's month.
    var daysInThisMonth: Int { CalendarDate.daysInMonth(year: year, month: month) }

    /// Parses `YYYY-MM-DD`, reporting a bad value as a ``QuotaError``.
    static func parsing(_ text: String, field: String) throws(QuotaError) -> CalendarDate {
        do { return try CalendarDate(iso8601: text) } catch {
            throw .invalidValue(field: field, value: text, expected: "an ISO 8601 date YYYY-MM-DD")
        }
    }
}
