/// An exact decimal factor with up to six decimals: a commission rate (`0.03`), a multiple of target
/// (`1.5`), an attainment boundary (`1.0` = 100 % of quota) or a weight (`0.6`).
///
/// ```swift
/// let rate = try Rate(parsing: "3%")     // 0.03
/// rate.micros                            // 30_000
/// ```
///
/// Stored as millionths in an `Int64`, so comparisons and products with ``Money`` stay exact.
public struct Rate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The value times 1,000,000.
    public var micros: Int64

    /// The number of micros in 1.
    public static let unit: Int64 = 1_000_000

    /// Wraps a number of millionths.
    public init(micros: Int64) { self.micros = micros }

    /// Zero.
    public static let zero = Rate(micros: 0)
    /// One (100 %).
    public static let one = Rate(micros: unit)

    /// Parses `1.5`, `0.035` or `3%` (at most 6 decimals after applying `%`).
    ///
    /// - Throws: ``IncentivesError/invalidNumber(_:expected:)``.
    public init(parsing text: String) throws(IncentivesError) {
        guard let value = DecimalText(text), let micros = value.scaled(to: 6) else {
            throw .invalidNumber(text, expected: "a decimal with at most 6 places, e.g. 1.5 or 3%")
        }
        self.micros = micros
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.micros < rhs.micros }

    /// The rate as an exact fraction.
    var exact: ExactAmount { ExactAmount(numerator: Int128(micros), denominator: Int128(Self.unit)) }

    /// Shortest decimal text: `0.03`, `1.5`, `2`.
    public var description: String {
        let magnitude = micros.magnitude
        let whole = magnitude / UInt64(Self.unit)
        var fraction = magnitude % UInt64(Self.unit)
        let sign = micros < 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) }
        var places = 6
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// `3%`, `112.5%`: the rate read as a percentage.
    public var percentText: String {
        Rate(micros: micros * 100).description + "%"
    }

    public init(from decoder: any Decoder) throws {
        self.init(micros: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(micros)
    }
}
