import QuotaPlanning
import SalesData
import TestSupport
import Testing

/// Growth floor and cap, overrides, attrition relief and conflicts inside a whole cascade.
@Suite struct CascadeBoundsTests {
    /// One district with four tenured reps: prior years 100k, 200k, 300k, 400k (1,000k in all) and
    /// potentials 400, 100, 200, 300.
    static func district() throws -> QuotaHierarchy {
        let tenured = CalendarDate(year: 2020, month: 1, day: 1)
        func rep(_ id: QuotaNodeID, _ prior: Double, _ potential: Double) -> QuotaNode {
            QuotaNode(
                id: id, parent: "d", role: .seat, hireDate: tenured,
                measures: BasisMeasures(priorYear: prior, potential: potential))
        }
        return try QuotaHierarchy([
            QuotaNode(id: "d", parent: nil, role: .unit),
            rep("a", 100_000, 400), rep("b", 200_000, 100), rep("c", 300_000, 200), rep("e", 400_000, 300),
        ])
    }

    @Test func growthCapBindsAndSiblingsAbsorbInProportion() throws {
        // Potential basis on 1,000k: targets a 400k, b 100k, c 200k, e 300k. Cap +30 %: a ≤ 130k.
        // The 270k a cannot take go to b, c and e in proportion to their targets: each rises by
        // 270 / 600 = 45 % → b 145k, c 290k, e 435k, all under their own caps (260k, 390k, 520k).
        var config = QuotaPlanConfiguration(target: 1_000_000)
        config.basis = try BasisBlend(parsing: "potential")
        config.growthCap = 0.30
        let plan = try QuotaCascade(hierarchy: Self.district(), configuration: config).allocate()
        let a = try #require(plan.assignment("a"))
        #expect(a.quota == 130_000 && a.capBinding && !a.floorBinding && a.cap == 130_000)
        #expect(plan.assignment("b")?.quota == 145_000)
        #expect(plan.assignment("c")?.quota == 290_000)
        #expect(plan.assignment("e")?.quota == 435_000)
        #expect(plan.levels.last?.capsBinding == 1 && plan.levels.last?.floorsBinding == 0)
    }

    @Test func siblingPushedToItsOwnCapStopsThereAndTheRestGoesOn() throws {
        // Cap +10 %: a ≤ 110k (frees 290k). b, c, e would rise by 290 / 600 = 48.3 %, but e stops at
        // its cap of 440k; then b and c share 1,000 − 110 − 440 = 450k in the ratio 1 : 2 → 150k,
        // 300k (under their caps of 220k and 330k).
        var config = QuotaPlanConfiguration(target: 1_000_000)
        config.basis = try BasisBlend(parsing: "potential")
        config.growthCap = 0.10
        let plan = try QuotaCascade(hierarchy: Self.district(), configuration: config).allocate()
        #expect(plan.assignment("a")?.quota == 110_000)
        #expect(plan.assignment("b")?.quota == 150_000)
        #expect(plan.assignment("c")?.quota == 300_000 && plan.assignment("c")?.capBinding == false)
        #expect(plan.assignment("e")?.quota == 440_000 && plan.assignment("e")?.capBinding == true)
    }

    @Test func growthFloorBindsAndSiblingsGiveBackInProportion() throws {
        // Floor −50 %: b ≥ 100k. On 800k the targets are a 320k, b 80k, c 160k, e 240k; b is raised
        // to 100k and a, c, e give the 20k back in the ratio 320 : 160 : 240 (−2.78 % each):
        // 311,111.11, 155,555.56, 233,333.33, rounded to dollars summing to 700,000.
        var config = QuotaPlanConfiguration(target: 800_000)
        config.basis = try BasisBlend(parsing: "potential")
        config.growthFloor = -0.5
        let plan = try QuotaCascade(hierarchy: Self.district(), configuration: config).allocate()
        #expect(plan.assignment("b")?.quota == 100_000 && plan.assignment("b")?.floorBinding == true)
        #expect(plan.assignment("a")?.quota == 311_111)
        #expect(plan.assignment("c")?.quota == 155_556)
        #expect(plan.assignment("e")?.quota == 233_333)
    }

    @Test func floorsAboveThePoolAreReportedWithTheirNodes() throws {
        var config = QuotaPlanConfiguration(target: 700_000)
        config.basis = try BasisBlend(parsing: "potential")
        config.growthFloor = 0  // floors add up to 1,000k
        #expect(
            throws: QuotaError.infeasible(
                InfeasibilityReport(
                    kind: .floorsExceedPool, parent: "d", pool: 700_000, conflict: 300_000, nodes: ["a", "b", "c", "e"])
            )
        ) {
            try QuotaCascade(hierarchy: Self.district(), configuration: config).allocate()
        }
    }

    @Test func overrideIsKeptAndSiblingsShareTheRestByBasis() throws {
        var config = QuotaPlanConfiguration(target: 800_000)
        config.basis = try BasisBlend(parsing: "history")
        config.overrides["e"] = 300_000  // 20k under its 320k share
        let plan = try QuotaCascade(hierarchy: Self.district(), configuration: config).allocate()
        #expect(plan.assignment("e")?.quota == 300_000 && plan.assignment("e")?.overridden == true)
        // 500k over prior years 1 : 2 : 3.
        #expect(plan.assignment("a")?.quota == 83_333)
        #expect(plan.assignment("b")?.quota == 166_667)
        #expect(plan.assignment("c")?.quota == 250_000)
    }

    @Test func attritionReliefIsHeldAtTheManager() throws {
        var config = QuotaPlanConfiguration(target: 800_000)
        config.basis = try BasisBlend(parsing: "history")
        config.attritionRelief = 0.05
        let plan = try QuotaCascade(hierarchy: Self.district(), configuration: config).allocate()
        let reserve = try #require(plan.assignment("d~relief"))
        #expect(reserve.quota == 40_000 && reserve.role == .reserve && reserve.heldByManager)
        #expect(plan.assignment("e")?.quota == 304_000)  // 4 / 10 of 760k
        #expect(plan.checksPass)
    }

    @Test func roundingToThousandsKeepsChildrenEqualToTheirPool() throws {
        var config = QuotaPlanConfiguration(target: 1_000_000)
        config.basis = try BasisBlend(parsing: "potential:1,even:1")
        config.overAssignment = [0.07]
        config.roundingUnit = 1_000
        let plan = try QuotaCascade(hierarchy: Self.district(), configuration: config).allocate()
        let reps = plan.assignments.filter { $0.parent == "d" }
        #expect(reps.allSatisfy { ($0.quota / 1_000).rounded() * 1_000 == $0.quota })
        #expect(reps.reduce(0) { $0 + $1.quota } == 1_070_000)
        #expect(plan.checksPass)
        // Rounding moves no quota by a whole unit or more.
        for r in reps { #expect(abs(r.quota - r.target) < 1_000) }
    }
}
