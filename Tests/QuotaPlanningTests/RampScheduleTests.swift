import QuotaPlanning
import SalesData
import TestSupport
import Testing

@Suite struct RampScheduleTests {
    let planStart: CalendarDate
    init() throws { planStart = try #require(CalendarDate(year: 2026, month: 1, day: 1)) }

    @Test func standardRampFromTheFirstOfMarch() throws {
        let f = RampSchedule.standard.monthlyFactors(
            start: CalendarDate(year: 2026, month: 3, day: 1)!, planStart: planStart)
        #expect(f == [0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1, 1, 1, 1])
        #expect(f.reduce(0, +) == 7.5)
    }

    @Test func hireMonthIsProratedByTheDaysInSeat() throws {
        // Hired on 16 March with a 50 % first month: 16 of 31 days at 50 %, then 100 %.
        let ramp = try RampSchedule([0.5, 1])
        let f = ramp.monthlyFactors(start: CalendarDate(year: 2026, month: 3, day: 16)!, planStart: planStart)
        #expect(isApproximatelyEqual(f[2], 0.5 * 16 / 31))
        #expect(f[0] == 0 && f[1] == 0 && f[3] == 1 && f[11] == 1)
    }

    @Test func tenuredRepsAndLateHiresAreAtTheEnds() throws {
        let tenured = RampSchedule.standard.monthlyFactors(
            start: CalendarDate(year: 2020, month: 5, day: 9)!, planStart: planStart)
        #expect(tenured == Array(repeating: 1, count: 12))
        let hiredLastNovember = RampSchedule.standard.monthlyFactors(
            start: CalendarDate(year: 2025, month: 11, day: 1)!, planStart: planStart)
        #expect(hiredLastNovember.prefix(3) == [0.5, 0.75, 1])
        let nextYear = RampSchedule.standard.monthlyFactors(
            start: CalendarDate(year: 2027, month: 2, day: 1)!, planStart: planStart)
        #expect(nextYear == Array(repeating: 0, count: 12))
    }

    @Test func rampedNewHireCarriesItsCapacityShareAndPeersAbsorbTheRest() throws {
        // Two seats with the same basis; n is hired 1 March (capacity 7.5 / 12 = 0.625 with an even
        // year). Targets are in the ratio 1 : 0.625 of the pool 1,625 → 1,000 and 625.
        let tree = try QuotaHierarchy([
            QuotaNode(id: "d", parent: nil, role: .unit),
            QuotaNode(id: "o", parent: "d", role: .seat, hireDate: CalendarDate(year: 2019, month: 1, day: 1)),
            QuotaNode(id: "n", parent: "d", role: .seat, hireDate: CalendarDate(year: 2026, month: 3, day: 1)),
        ])
        var config = QuotaPlanConfiguration(target: 1_625)
        config.periods = .monthly
        let plan = try QuotaCascade(hierarchy: tree, configuration: config).allocate()
        let n = try #require(plan.assignment("n"))
        #expect(n.capacity == 0.625)
        #expect(n.quota == 625)
        #expect(plan.assignment("o")?.quota == 1_000)
        // Monthly quotas follow the ramp: nothing before April, then 25 / 50 / 75 / 100 % months.
        // 625 / 7.5 = 83.33 per full month: 20.83, 41.67, 62.5, then 83.33; floors leave 4 dollars for
        // the largest remainders (April, May, June, then July by period order).
        #expect(n.periodQuotas == [0, 0, 0, 21, 42, 63, 84, 83, 83, 83, 83, 83])
    }

    @Test func vacanciesAreHeldAtTheManagerOrRampedFromTheExpectedStart() throws {
        let nodes = [
            QuotaNode(id: "d", parent: nil, role: .unit),
            QuotaNode(id: "a", parent: "d", role: .seat),
            QuotaNode(
                id: "v", parent: "d", role: .seat, status: .toBeHired,
                expectedStart: CalendarDate(year: 2026, month: 7, day: 1)),
        ]
        var config = QuotaPlanConfiguration(target: 1_000)
        let held = try QuotaCascade(hierarchy: QuotaHierarchy(nodes), configuration: config).allocate()
        #expect(held.assignment("v")?.heldByManager == true)
        #expect(held.assignment("v")?.quota == 500)
        config.vacancyPolicy = .rampFromExpectedStart
        // Start 1 July: months 0..5 of the standard ramp → 0 + .25 + .5 + .75 + 1 + 1 = 3.5 of 12.
        let ramped = try QuotaCascade(hierarchy: QuotaHierarchy(nodes), configuration: config).allocate()
        let v = try #require(ramped.assignment("v"))
        #expect(v.heldByManager == false)
        #expect(isApproximatelyEqual(v.capacity, 3.5 / 12))
        // Its ramped target 225.8 is also its ramp limit, which rounding keeps: 225, not 226.
        #expect(v.quota == (1_000 * (3.5 / 12) / (1 + 3.5 / 12)).rounded(.down) && v.rampBinding)
    }
}
