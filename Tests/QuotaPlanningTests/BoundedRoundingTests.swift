import QuotaPlanning
import SalesData
import TestSupport
import Testing

/// Rounding to the unit keeps floors, caps and ramp limits (issue 10, defect 4).
@Suite struct BoundedRoundingTests {
    @Test func capsRoundDownAndTheUnitsGoToAnAmountWithRoom() {
        // Caps 101,400 / 202,700 / 303,900 bind; unbounded largest remainders would give the two
        // missing units to c (0.9) and b (0.7), putting both above their caps. Bounded, they go to d.
        let r = LargestRemainderRounding(unit: 1_000)
        let amounts = [101_400.0, 202_700, 303_900, 392_000]
        let caps = [101_400.0, 202_700, 303_900, .infinity]
        #expect(
            r.round(amounts, total: 1_000_000, tieKeys: ["a", "b", "c", "d"]) == [101_000, 203_000, 304_000, 392_000])
        let bounded = r.round(amounts, total: 1_000_000, tieKeys: ["a", "b", "c", "d"], lower: nil, upper: caps)
        #expect(bounded.amounts == [101_000, 202_000, 303_000, 394_000])
        #expect(bounded.violations.isEmpty)
    }

    @Test func floorsRoundUpAndUnitsComeBackFromAnAmountAboveItsFloor() {
        // Floors 100,600 and 200,600 round up to 101k and 201k; the 1k is taken from c.
        let r = LargestRemainderRounding(unit: 1_000)
        let bounded = r.round(
            [100_600, 200_600, 698_800], total: 1_000_000, tieKeys: ["a", "b", "c"], lower: [100_600, 200_600, 0],
            upper: nil)
        #expect(bounded.amounts == [101_000, 201_000, 698_000] && bounded.violations.isEmpty)
    }

    @Test func boundsThatNoMultipleFitsAreReportedNotHidden() {
        // Floor = cap = 1,500 with unit 1,000: no multiple fits; and caps summing to the total
        // exactly, none a multiple, cannot all hold: the closest ones are relaxed and reported.
        let r = LargestRemainderRounding(unit: 1_000)
        let pinned = r.round(
            [1_500, 8_500], total: 10_000, tieKeys: ["a", "b"], lower: [1_500, 0], upper: [1_500, .infinity])
        #expect(pinned.amounts.reduce(0, +) == 10_000)
        #expect(pinned.violations.count == 1 && pinned.violations.first?.index == 0)
        let tight = r.round(
            [101_400, 202_700, 695_900], total: 1_000_000, tieKeys: ["a", "b", "c"], lower: nil,
            upper: [101_400, 202_700, 695_900])
        #expect(tight.amounts.reduce(0, +) == 1_000_000)
        #expect(tight.violations.count == 2 && tight.violations.allSatisfy(\.isUpper))
        for v in tight.violations { #expect(v.amount - v.bound < 1_000) }
    }

    @Test func randomBoundedRoundingKeepsEveryFeasibleBound() {
        var generator = SplitMix64(seed: 11)
        let r = LargestRemainderRounding(unit: 1_000)
        for _ in 0..<200 {
            let n = 2 + Int(generator.next() % 20)
            // Amounts of 200k–5M with floors 1–50 % below and caps 1–3 % above (so every band holds
            // a multiple of the unit and the inward-rounded bands can reach the total), summing to
            // a multiple of the unit.
            var amounts = (0..<n).map { _ in 200_000 + Double(generator.next() % 14_400_000) / 3 }
            let excess = amounts.reduce(0, +).truncatingRemainder(dividingBy: 1_000)
            amounts[0] += 1_000 - excess
            let total = amounts.reduce(0, +).rounded()
            let lower = amounts.map { $0 * (0.5 + Double(generator.next() % 50) / 100) }
            let upper = amounts.map { $0 * (1.01 + Double(generator.next() % 3) / 100) }
            let result = r.round(amounts, total: total, tieKeys: Array(0..<n), lower: lower, upper: upper)
            #expect(result.amounts.reduce(0, +) == total)
            #expect(result.violations.isEmpty)
            for i in 0..<n { #expect(result.amounts[i] >= lower[i] && result.amounts[i] <= upper[i]) }
        }
    }

    @Test func noSeatEndsAboveItsCapAfterRoundingInTheCascade() throws {
        // Even basis on 1,000,000 (targets 250k each); caps at prior year (+0 %) bind for a, b and
        // c, whose caps are not multiples of the unit; d has no growth base and takes the rest.
        func seat(_ id: QuotaNodeID, _ prior: Double?) -> QuotaNode {
            QuotaNode(id: id, parent: "d0", role: .seat, measures: BasisMeasures(priorYear: prior, potential: 1))
        }
        let tree = try QuotaHierarchy([
            QuotaNode(id: "d0", parent: nil, role: .unit),
            seat("a", 101_400), seat("b", 202_700), seat("c", 303_900), seat("d", nil),
        ])
        var config = QuotaPlanConfiguration(target: 1_000_000)
        config.growthCap = 0
        config.roundingUnit = 1_000
        let plan = try QuotaCascade(hierarchy: tree, configuration: config).allocate()
        let quotas = ["a", "b", "c", "d"].compactMap { plan.assignment(QuotaNodeID($0))?.quota }
        #expect(quotas == [101_000, 202_000, 303_000, 394_000])
        for a in plan.assignments { if let cap = a.cap { #expect(a.quota <= cap, "\(a.id) \(a.quota) > cap \(cap)") } }
        #expect(plan.checksPass && !plan.planChecks.contains { $0.kind == .roundingBounds })
    }
}
