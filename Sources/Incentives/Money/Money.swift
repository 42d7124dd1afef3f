/// An amount of money in integer minor units (cents), the only money type in comp results.
///
/// ```swift
/// let deal = try Money(parsing: "104000")      // 104,000.00
/// deal.cents                                   // 10_400_000
/// deal.description                             // "104000.00"
/// ```
///
/// Invariant: no `Double` ever holds money in a result. Amounts read from files are parsed as exact
/// decimal text; every value derived from them is exact (``ExactAmount``) until it becomes a published
/// line, where it is rounded once, half to even, to the cent (see `docs/comp-plans.md`, "Money").
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in cents.
    public var cents: Int64

    /// Wraps a number of cents.
    public init(cents: Int64) { self.cents = cents }

    /// Zero.
    public static let zero = Money(cents: 0)

    /// Parses decimal text such as `-1234.5` or `104000` (at most 2 decimals; no exponent, no separators).
    ///
    /// - Throws: ``IncentivesError/invalidNumber(_:expected:)`` for anything else.
    public init(parsing text: String) throws(IncentivesError) {
        guard let value = DecimalText(text), value.scale <= 2, let cents = value.scaled(to: 2) else {
            throw .invalidNumber(text, expected: "an amount with at most 2 decimals, e.g. 1234.56")
        }
        self.cents = cents
    }

    /// The amount of a `Double` read by the shared CSV engine, through its shortest decimal text, rounded
    /// half to even to the cent; `nil` when not finite or beyond ±9e15.
    public init?(exactly value: Double) {
        guard value.isFinite, abs(value) < 9e15 else { return nil }
        guard let decimal = DecimalText(value.description) else { return nil }
        guard let amount = ExactAmount(decimal: decimal) else { return nil }
        self = amount.rounded()
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }

    /// `-1234.50`: plain decimal text with two decimals, as written to CSV.
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `$1,234.50`: with thousands separators, for statements and terminals.
    public var formatted: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        var whole = String(magnitude / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        let fraction = magnitude % 100
        return "\(sign)$\(groups.joined(separator: ",")).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public init(from decoder: any Decoder) throws {
        self.init(cents: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}
