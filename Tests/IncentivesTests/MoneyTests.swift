import Testing

@testable import Incentives

@Suite struct MoneyTests {
    @Test(arguments: [(1, 2, 0), (3, 2, 2), (5, 2, 2), (-1, 2, 0), (-3, 2, -2), (7, 3, 2), (-7, 3, -2), (2, 3, 1)])
    func roundingIsHalfToEven(numerator: Int, denominator: Int, cents: Int64) {
        #expect(ExactAmount(numerator: Int128(numerator), denominator: Int128(denominator)).rounded().cents == cents)
    }

    /// Lowest terms with a positive denominator, on both sides of the 64-bit fast path of the gcd.
    @Test func fractionsAreReducedOnEitherSideOfSixtyFourBits() {
        func terms(_ n: Int128, _ d: Int128) -> (Int128, Int128) {
            let x = ExactAmount(numerator: n, denominator: d)
            return (x.numerator, x.denominator)
        }
        #expect(terms(6, 4) == (3, 2))
        #expect(terms(-6, -4) == (3, 2))
        #expect(terms(6, -4) == (-3, 2))
        #expect(terms(0, 5) == (0, 1))
        #expect(terms(7, 3) == (7, 3))
        let big = Int128(1) << 70  // 2^70: beyond 64 bits, Euclid starts in 128 bits
        #expect(terms(3 * big, 9 * (big >> 5)) == (32, 3))
        #expect(terms(big + 1, big) == (big + 1, big))
        #expect(terms(-(Int128(1) << 100), Int128(1) << 98) == (-4, 1))
    }

    @Test func decimalsParseExactly() throws {
        #expect(try Money(parsing: "1234.5").cents == 123_450)
        #expect(try Rate(parsing: "3%").micros == 30_000)
        #expect(try Rate(parsing: "0.1").micros == 100_000)
        #expect(Money(exactly: 0.29)?.cents == 29)
        #expect(Money(exactly: .nan) == nil)
        #expect(throws: IncentivesError.self) { try Money(parsing: "1.234") }
        #expect(throws: IncentivesError.self) { try Rate(parsing: "1e3") }
    }

    @Test func formattingGroupsThousands() {
        #expect(Money(cents: 10_455_000).formatted == "$104,550.00")
        #expect(Money(cents: -5).description == "-0.05")
    }
}
