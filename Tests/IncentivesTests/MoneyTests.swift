import Testing

@testable import Incentives

@Suite struct MoneyTests {
    @Test(arguments: [(1, 2, 0), (3, 2, 2), (5, 2, 2), (-1, 2, 0), (-3, 2, -2), (7, 3, 2), (-7, 3, -2), (2, 3, 1)])
    func roundingIsHalfToEven(numerator: Int, denominator: Int, cents: Int64) {
        #expect(ExactAmount(numerator: Int128(numerator), denominator: Int128(denominator)).rounded().cents == cents)
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
