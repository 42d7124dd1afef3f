import QuotaPlanning
import TestSupport
import Testing

@Suite struct RoundingAndSeasonalityTests {
    @Test func largestRemaindersGetTheMissingUnits() {
        let r = LargestRemainderRounding(unit: 1_000)
        // Floors 333k, 333k, 333k leave 1k; the largest remainder (0.4 of c) gets it.
        #expect(
            r.round([333_333.3, 333_333.3, 333_333.4], total: 1_000_000, tieKeys: ["a", "b", "c"]) == [
                333_000, 333_000, 334_000,
            ])
        // 1,000,000 / 7: floors 142k × 7 = 994k; 6 units to the six largest remainders, equal → by id.
        let seven = r.round(
            Array(repeating: 1_000_000.0 / 7, count: 7), total: 1_000_000, tieKeys: ["g", "f", "e", "d", "c", "b", "a"])
        #expect(seven == [142_000, 143_000, 143_000, 143_000, 143_000, 143_000, 143_000])
    }

    @Test(arguments: [1.0, 100, 1_000, 5_000])
    func roundedAmountsAreMultiplesOfTheUnitAndAddUpExactly(unit: Double) {
        var generator = SplitMix64(seed: 7)
        let r = LargestRemainderRounding(unit: unit)
        for _ in 0..<50 {
            let amounts = (0..<13).map { _ in Double(generator.next() % 10_000_000) / 7 }
            let total = r.roundTotal(amounts.reduce(0, +))
            let rounded = r.round(amounts, total: total, tieKeys: Array(0..<13))
            #expect(rounded.reduce(0, +) == total)
            for (a, b) in zip(amounts, rounded) {
                #expect((b / unit).rounded() == b / unit)
                #expect(abs(a - b) < unit)
            }
        }
    }

    @Test func seasonalPatternSplitsIntoQuartersAndMonths() {
        let pattern: [Double] = [1, 1, 2, 1, 1, 2, 1, 1, 2, 2, 2, 4]  // quarters weigh 4, 4, 4 and 8 of 20
        let r = LargestRemainderRounding(unit: 1)
        let quarters = Seasonality.split(2_000, monthlyWeights: pattern, periods: .quarterly, rounding: r)
        #expect(quarters == [400, 400, 400, 800])
        let months = Seasonality.split(2_000, monthlyWeights: pattern, periods: .monthly, rounding: r)
        #expect(months == [100, 100, 200, 100, 100, 200, 100, 100, 200, 200, 200, 400])
        // Three equal thirds of 1,000 in whole dollars: the tie goes to the first period.
        #expect(
            Seasonality.split(1_000, monthlyWeights: Array(repeating: 1, count: 12), periods: .quarterly, rounding: r)
                == [250, 250, 250, 250])
        let odd = Seasonality.split(
            1_001, monthlyWeights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], periods: .quarterly, rounding: r)
        #expect(odd == [334, 334, 333, 0])
    }
}
