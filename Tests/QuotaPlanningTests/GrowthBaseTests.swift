import QuotaPlanning
import SalesData
import TestSupport
import Testing

/// A growth floor or cap needs a meaningful base (issue 10, defect 2: a rep with a zero prior
/// year but real trailing sales got `cap 0, quota 0`).
@Suite struct GrowthBaseTests {
    /// One district, plan year from 2026-01-01.
    ///
    /// - `vet`: tenured, prior year 500k → base = prior year;
    /// - `zero`: hired 2024-08-17, prior year 0, T12M 16,462, potential 802,800 → base = T12M;
    /// - `half`: hired 2025-05-01 (8 months in seat), T12M 40k → base = 40k × 12 / 8 = 60k;
    /// - `none`: hired 2025-11-10, nothing sold yet → no base, no growth bound.
    static func tree() throws -> QuotaHierarchy {
        func seat(_ id: QuotaNodeID, hired: CalendarDate?, prior: Double?, t12m: Double?, potential: Double)
            -> QuotaNode
        {
            QuotaNode(
                id: id, parent: "d", role: .seat, hireDate: hired,
                measures: BasisMeasures(priorYear: prior, trailing12Months: t12m, potential: potential))
        }
        return try QuotaHierarchy([
            QuotaNode(id: "d", parent: nil, role: .unit),
            seat(
                "vet", hired: CalendarDate(year: 2015, month: 3, day: 1), prior: 500_000, t12m: 520_000,
                potential: 1_500_000),
            seat(
                "zero", hired: CalendarDate(year: 2024, month: 8, day: 17), prior: 0, t12m: 16_462, potential: 802_800),
            seat("half", hired: CalendarDate(year: 2025, month: 5, day: 1), prior: 0, t12m: 40_000, potential: 400_000),
            seat(
                "none", hired: CalendarDate(year: 2025, month: 11, day: 10), prior: nil, t12m: nil, potential: 300_000),
        ])
    }

    static func plan() throws -> QuotaPlan {
        var config = QuotaPlanConfiguration(target: 900_000)
        config.basis = try BasisBlend(parsing: "history:0.5,potential:0.5")
        config.growthFloor = 0
        config.growthCap = 0.60
        config.roundingUnit = 1_000
        return try QuotaCascade(hierarchy: tree(), configuration: config).allocate()
    }

    @Test func aZeroPriorYearIsNoBaseAndTrailingSalesTakeItsPlace() throws {
        let plan = try Self.plan()
        let zero = try #require(plan.assignment("zero"))
        #expect(zero.growthBase == GrowthBase(amount: 16_462, source: .trailing12Months))
        #expect(isApproximatelyEqual(zero.cap ?? 0, 16_462 * 1.6) && zero.floor == 16_462)
        // Before the fix the cap was 0 × 1.6 = 0 and the quota 0.
        #expect(zero.quota >= 17_000 && zero.quota <= 26_000)
    }

    @Test func aPartialYearIsAnnualisedAndNoSalesMeansNoBound() throws {
        let plan = try Self.plan()
        let half = try #require(plan.assignment("half"))
        #expect(half.growthBase?.source == .annualisedTrailing12Months)
        #expect(isApproximatelyEqual(half.growthBase?.amount ?? 0, 60_000))
        #expect(isApproximatelyEqual(half.cap ?? 0, 96_000))
        #expect(plan.assignment("vet")?.growthBase == GrowthBase(amount: 500_000, source: .priorYear))
        let none = try #require(plan.assignment("none"))
        #expect(none.growthBase == nil && none.cap == nil && none.floor == nil)
        // The check file says why the seat has no growth bound.
        let row = try #require(plan.planChecks.first { $0.kind == .growthBase })
        #expect(row.node == "none" && plan.planChecks.count(where: { $0.kind == .growthBase }) == 1)
        #expect(plan.checksCSV().contains("\ngrowth-base,none,"))
        #expect(plan.quotasCSV().contains(",16462.00,t12m,16462.00,26339.20,"))
    }
}
