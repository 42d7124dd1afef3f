/// An amount of money in integer minor units (cents), the only money type in comp results.
///
/// ```swift
/// let deal = try Money(parsing: "104000")      // 104,000.00
/// deal.cents                                   // 10_400_000
/// deal.description                             // "104000.00"
/// ```
///
/// Invariant: no `Double` ever holds money in a result. Amounts read from files are parsed as exact
/// decimal text; every value derived from them is exact (`ExactAmount`) until it becomes a published
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
        // Fast path: value × 100 is a whole number k below 10¹³. The shortest decimal text of `value` then
        // differs from k cents by under 0.01 cent (two roundings of relative size 2⁻⁵³), so rounding it half
        // to even gives k as well.
        let scaled = value * 100
        if abs(scaled) < 1e13, scaled == scaled.rounded(.towardZero) {
            self.init(cents: Int64(scaled))
            return
        }
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
        var bytes: [UInt8] = []
        appendFormatted(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``description`` (`-1234.50`) as UTF-8, for writers of millions of rows.
    func appendDescription(to bytes: inout [UInt8]) {
        if cents < 0 { bytes.append(UInt8(ascii: "-")) }
        Self.appendDigits(cents.magnitude / 100, grouped: false, to: &bytes)
        appendCents(to: &bytes)
    }

    /// Appends ``formatted`` (`-$1,234.50`) as UTF-8.
    func appendFormatted(to bytes: inout [UInt8]) {
        if cents < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(UInt8(ascii: "$"))
        Self.appendDigits(cents.magnitude / 100, grouped: true, to: &bytes)
        appendCents(to: &bytes)
    }

    private func appendCents(to bytes: inout [UInt8]) {
        let fraction = UInt8(cents.magnitude % 100)
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + fraction / 10)
        bytes.append(UInt8(ascii: "0") + fraction % 10)
    }

    /// Appends the decimal digits of `value`, with a comma every three digits from the right when `grouped`.
    private static func appendDigits(_ value: UInt64, grouped: Bool, to bytes: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            if grouped, digits.count % 4 == 3 { digits.append(UInt8(ascii: ",")) }
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes.append(contentsOf: digits.reversed())
    }

    public init(from decoder: any Decoder) throws {
        self.init(cents: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}
