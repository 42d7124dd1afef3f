/// An exact rational number (`numerator / denominator`, denominator > 0) used for every intermediate
/// value of a calculation: amounts in cents, attainments, products of rates.
///
/// ```swift
/// let credit = ExactAmount(cents: 10_400_000)                 // $104,000
/// let quota = ExactAmount(cents: 10_000_000)
/// (credit / quota).description                               // "26/25" (104 %)
/// (credit * Rate(micros: 50_000).exact).rounded().cents       // 520_000 ($5,200)
/// ```
///
/// Invariant: the fraction is kept in lowest terms. Arithmetic traps only on `Int128` overflow, which
/// needs amounts beyond 10^19 cents after reduction; inputs are bounded well below that when read.
struct ExactAmount: Sendable, Hashable, Comparable, CustomStringConvertible {
    private(set) var numerator: Int128
    private(set) var denominator: Int128

    init(numerator: Int128, denominator: Int128) {
        precondition(denominator != 0, "zero denominator")
        let sign: Int128 = denominator < 0 ? -1 : 1
        let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        if divisor == 1 {  // already in lowest terms: skip two 128-bit divisions
            self.numerator = sign * numerator
            self.denominator = sign * denominator
        } else {
            self.numerator = sign * numerator / Int128(divisor)
            self.denominator = sign * denominator / Int128(divisor)
        }
    }

    init(cents: Int64) { self.init(numerator: Int128(cents), denominator: 1) }
    init(_ money: Money) { self.init(cents: money.cents) }

    /// An amount in cents from a decimal read in currency units (`104000.5` → 10,400,050 cents).
    init?(decimal: DecimalText) {
        var denominator: Int128 = 1
        for _ in 0..<decimal.scale { denominator *= 10 }
        self.init(numerator: Int128(decimal.digits) * 100, denominator: denominator)
    }

    static let zero = ExactAmount(numerator: 0, denominator: 1)
    static let one = ExactAmount(numerator: 1, denominator: 1)

    /// The greatest common divisor, 1 when both are 0.
    ///
    /// Euclid's steps run on 64-bit words as soon as
    /// both values fit (the usual case for amounts in cents): a 128-bit remainder is a library call
    /// several times slower than the machine's 64-bit division, and it dominated the simulation.
    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 {
            if a <= UInt128(UInt64.max) && b <= UInt128(UInt64.max) {
                var (x, y) = (UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b))
                while y != 0 { (x, y) = (y, x % y) }
                return x == 0 ? 1 : UInt128(x)
            }
            (a, b) = (b, a % b)
        }
        return a == 0 ? 1 : a
    }

    static func + (lhs: ExactAmount, rhs: ExactAmount) -> ExactAmount {
        if lhs.denominator == rhs.denominator {
            return ExactAmount(numerator: lhs.numerator + rhs.numerator, denominator: lhs.denominator)
        }
        return ExactAmount(
            numerator: lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator,
            denominator: lhs.denominator * rhs.denominator)
    }

    static func - (lhs: ExactAmount, rhs: ExactAmount) -> ExactAmount { lhs + (-rhs) }
    static prefix func - (value: ExactAmount) -> ExactAmount {
        ExactAmount(numerator: -value.numerator, denominator: value.denominator)
    }

    static func * (lhs: ExactAmount, rhs: ExactAmount) -> ExactAmount {
        // Cross-reduce first so products stay small.
        let a = gcd(lhs.numerator.magnitude, rhs.denominator.magnitude)
        let b = gcd(rhs.numerator.magnitude, lhs.denominator.magnitude)
        return ExactAmount(
            numerator: (lhs.numerator / Int128(a)) * (rhs.numerator / Int128(b)),
            denominator: (lhs.denominator / Int128(b)) * (rhs.denominator / Int128(a)))
    }

    /// Division; the caller guarantees `rhs` is not zero.
    static func / (lhs: ExactAmount, rhs: ExactAmount) -> ExactAmount {
        precondition(rhs.numerator != 0, "division by zero")
        return lhs * ExactAmount(numerator: rhs.denominator, denominator: rhs.numerator)
    }

    static func < (lhs: ExactAmount, rhs: ExactAmount) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    var isZero: Bool { numerator == 0 }

    /// The value rounded half to even to an integer (cents when the value is an amount in cents).
    ///
    /// This is Meridian's one rounding rule for money: applied once per published line.
    func rounded() -> Money {
        let quotient = numerator / denominator  // truncates toward zero
        let remainder = numerator - quotient * denominator
        let twice = remainder.magnitude * 2
        var result = quotient
        if twice > denominator.magnitude || (twice == denominator.magnitude && quotient % 2 != 0) {
            result += numerator < 0 ? -1 : 1
        }
        return Money(cents: Int64(result))
    }

    /// The value as a `Rate` (millionths), rounded half to even; for display only.
    var rate: Rate {
        Rate(micros: (self * ExactAmount(numerator: Int128(Rate.unit), denominator: 1)).rounded().cents)
    }

    var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}

extension Rate {
    /// `self × amount`, exact.
    static func * (lhs: Rate, rhs: ExactAmount) -> ExactAmount { lhs.exact * rhs }
}
