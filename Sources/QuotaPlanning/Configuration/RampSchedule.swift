import SalesData

/// The share of a full quota a new rep carries by month in seat, for example 0 / 25 / 50 / 75 / 100 %.
///
/// Month 0 is the calendar month of the start date, prorated by the days left in it; month k is the
/// k-th calendar month after it; months past the schedule use its last value.
///
/// ```swift
/// let ramp = try RampSchedule([0, 0.25, 0.5, 0.75, 1])
/// let hired = try CalendarDate(iso8601: "2026-03-01")
/// let factors = ramp.monthlyFactors(start: hired, planStart: try CalendarDate(iso8601: "2026-01-01"))
/// print(factors.reduce(0, +))   // 7.5 (of 12 months)
/// ```
public struct RampSchedule: Sendable, Hashable, Codable {
    /// Fraction of full quota by month in seat.
    public let fractions: [Double]

    public init(_ fractions: [Double]) throws(QuotaError) {
        guard !fractions.isEmpty, fractions.allSatisfy({ $0.isFinite && (0...1).contains($0) }) else {
            throw .invalidValue(field: "ramp", value: "\(fractions)", expected: "one or more fractions in 0...1")
        }
        self.fractions = fractions
    }

    /// The conventional five-month ramp 0 / 25 / 50 / 75 / 100 %.
    public static let standard = RampSchedule(unchecked: [0, 0.25, 0.5, 0.75, 1])
    /// No ramp: full quota from the first day.
    public static let none = RampSchedule(unchecked: [1])

    private init(unchecked: [Double]) { fractions = unchecked }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.singleValueContainer().decode([Double].self)
        self = try RampSchedule(values)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fractions)
    }

    /// Fraction of a full month's quota for each of `months` plan months from `planStart`, for a
    /// rep who starts on `start`.
    public func monthlyFactors(start: CalendarDate, planStart: CalendarDate, months: Int = 12) -> [Double] {
        (0..<months).map { m in
            let ordinal = planStart.monthOrdinal + m
            let tenure = ordinal - start.monthOrdinal
            if tenure < 0 { return 0 }
            let fraction = fractions[min(tenure, fractions.count - 1)]
            if tenure == 0 {
                let daysInMonth = Double(start.daysInThisMonth)
                return fraction * (daysInMonth - Double(start.day - 1)) / daysInMonth
            }
            return fraction
        }
    }
}
