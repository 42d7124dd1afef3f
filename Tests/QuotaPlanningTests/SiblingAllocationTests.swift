import QuotaPlanning
import TestSupport
import Testing

/// Hand-checked splits of one parent's pool: bounds bind and the rest is spread over the unclamped
/// siblings in proportion to their targets; conflicts are reported with their amount and nodes.
@Suite struct SiblingAllocationTests {
    typealias Member = SiblingAllocation.Member

    func solve(_ pool: Double, _ members: [Member]) throws -> [Double] {
        try SiblingAllocation(parent: "p", pool: pool, members: members).solve()
    }

    func expectClose(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(
                isApproximatelyEqual(a, e, absolute: 1e-4), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func unboundedMembersGetTheirTargets() throws {
        expectClose(
            try solve(600, [.init(id: "a", target: 100), .init(id: "b", target: 200), .init(id: "c", target: 300)]),
            [100, 200, 300])
    }

    @Test func capExcessGoesToUnclampedSiblingsInProportion() throws {
        // c is capped at 240 (60 under its target); a and b take 60 in the ratio 100 : 200.
        let q = try solve(
            600,
            [
                .init(id: "a", target: 100), .init(id: "b", target: 200),
                .init(id: "c", target: 300, upper: 240, upperSource: .growthCap),
            ])
        expectClose(q, [120, 240, 240])
    }

    @Test func floorShortfallIsTakenFromUnclampedSiblingsInProportion() throws {
        // a's floor 130 is 30 above its target; b and c give 30 back in the ratio 100 : 200 → 90, 180.
        let q = try solve(
            400,
            [
                .init(id: "a", target: 100, lower: 130, lowerSource: .growthFloor),
                .init(id: "b", target: 100), .init(id: "c", target: 200),
            ])
        expectClose(q, [130, 90, 180])
    }

    @Test func siblingsPushedPastTheirOwnCapStopThere() throws {
        // Targets 100 each; a capped at 40 frees 60. Proportional spreading would give b and c 130;
        // b's cap of 120 binds, so c takes the remaining 40 + 100 = 140.
        let q = try solve(
            300,
            [
                .init(id: "a", target: 100, upper: 40, upperSource: .growthCap),
                .init(id: "b", target: 100, upper: 120, upperSource: .growthCap),
                .init(id: "c", target: 100),
            ])
        expectClose(q, [40, 120, 140])
    }

    @Test func overrideIsKeptAndSiblingsAbsorbTheDifference() throws {
        // Pool 400 over four equal targets; a is overridden to 160, so b, c and d share 240.
        let q = try solve(
            400,
            [
                .init(id: "a", target: 160, fixed: 160),
                .init(id: "b", target: 80), .init(id: "c", target: 80), .init(id: "d", target: 80),
            ])
        expectClose(q, [160, 80, 80, 80])
    }

    @Test func floorsOverThePoolReportTheConflictAndNodes() {
        let group = SiblingAllocation(
            parent: "D1", pool: 600,
            members: [
                .init(id: "b", target: 200, lower: 300, lowerSource: .growthFloor),
                .init(id: "a", target: 200, lower: 350, lowerSource: .growthFloor),
                .init(id: "c", target: 200),
            ])
        #expect(
            throws: QuotaError.infeasible(
                InfeasibilityReport(
                    kind: .floorsExceedPool, parent: "D1", pool: 600, conflict: 50, nodes: ["a", "b"]))
        ) { try group.solve() }
    }

    @Test func capsUnderThePoolReportTheShortfallAndNodes() {
        let group = SiblingAllocation(
            parent: "D1", pool: 600,
            members: [
                .init(id: "a", target: 300, upper: 250, upperSource: .growthCap),
                .init(id: "b", target: 300, upper: 320, upperSource: .growthCap),
            ])
        #expect(
            throws: QuotaError.infeasible(
                InfeasibilityReport(
                    kind: .capsBelowPool, parent: "D1", pool: 600, conflict: 30, nodes: ["a", "b"]))
        ) { try group.solve() }
    }

    @Test func overridesOverThePoolReportTheExcess() {
        let group = SiblingAllocation(
            parent: "D1", pool: 500,
            members: [
                .init(id: "a", target: 400, fixed: 400), .init(id: "b", target: 300, fixed: 300),
                .init(id: "c", target: 0),
            ])
        #expect(
            throws: QuotaError.infeasible(
                InfeasibilityReport(
                    kind: .overridesExceedPool, parent: "D1", pool: 500, conflict: 200, nodes: ["a", "b"]))
        ) { try group.solve() }
        let message =
            "\(QuotaError.infeasible(InfeasibilityReport(kind: .overridesExceedPool, parent: "D1", pool: 500, conflict: 200, nodes: ["a", "b"])))"
        #expect(message == "no feasible split under D1: overrides exceed the pool by 200.00 (pool 500.00); nodes: a, b")
    }

    @Test func zeroTargetMembersStayAtZeroUnlessForced() throws {
        expectClose(try solve(100, [.init(id: "a", target: 0), .init(id: "b", target: 100)]), [0, 100])
        let forced = try solve(
            100,
            [
                .init(id: "a", target: 0, lower: 10, lowerSource: .growthFloor), .init(id: "b", target: 100),
            ])
        expectClose(forced, [10, 90])
    }
}
