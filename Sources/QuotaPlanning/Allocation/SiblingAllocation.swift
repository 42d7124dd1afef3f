/// The allocation of one parent's pool among its children: the small LP solved at every node of
/// the cascade, and also written as MathProg data for `Models/quota_allocation.mod`.
///
/// Each flexible child `i` has a target `tᵢ` (its basis share of the pool left after fixed
/// quotas) and bounds `Lᵢ ≤ qᵢ ≤ Uᵢ` (growth floor and cap, ramp limit). Targets outside their
/// bounds that the group's movement does not reach are pinned at that bound (a rep floored above
/// its target stays at the floor unless the whole group rises past it). The LP then finds quotas
/// with `Σ qᵢ = pool − Σ fixed` that stay closest to the targets in relative terms: it minimises
/// the largest relative deviation `z = max |qᵢ − tᵢ| / tᵢ` over the free members plus 10⁻³ × their
/// mean `Σ |qᵢ − tᵢ| / tᵢ / n` as a tie-break. The excess or shortfall left by pinned members is
/// thereby spread over the free siblings in proportion to their targets, each stopping at its own
/// bound (water-filling). The pins are guessed by water-filling in Swift before the LP and the LP
/// is re-solved if its common move contradicts a pin.
///
/// ```swift
/// let group = SiblingAllocation(parent: "D1", pool: 300, members: [
///     .init(id: "a", target: 100, upper: 80, upperSource: .growthCap),
///     .init(id: "b", target: 100), .init(id: "c", target: 100),
/// ])
/// print(try group.solve())   // [80, 110, 110]
/// ```
public struct SiblingAllocation: Sendable {
    /// Where a bound comes from, for the binding flags in the output.
    public enum BoundSource: String, Sendable, Hashable, Codable {
        case none, growthFloor = "floor", growthCap = "cap", ramp
    }

    /// One child in the group.
    public struct Member: Sendable, Hashable {
        public var id: QuotaNodeID
        /// Ideal quota from the basis (after ramp and fairness).
        public var target: Double
        public var lower: Double
        public var upper: Double
        public var lowerSource: BoundSource
        public var upperSource: BoundSource
        /// A manual override or a reserve: the quota is this amount, not a variable.
        public var fixed: Double?

        public init(
            id: QuotaNodeID, target: Double, lower: Double = 0, upper: Double = .infinity,
            lowerSource: BoundSource = .none, upperSource: BoundSource = .none, fixed: Double? = nil
        ) {
            self.id = id
            self.target = target
            self.lower = lower
            self.upper = upper
            self.lowerSource = lowerSource
            self.upperSource = upperSource
            self.fixed = fixed
        }
    }

    public let parent: QuotaNodeID
    /// What the children carry together.
    public let pool: Double
    public let members: [Member]

    public init(parent: QuotaNodeID, pool: Double, members: [Member]) {
        self.parent = parent
        self.pool = pool
        self.members = members
    }

    /// The amount left for flexible members once fixed quotas are taken out.
    public var available: Double { pool - members.reduce(0) { $0 + ($1.fixed ?? 0) } }

    var tolerance: Double { 1e-9 * max(1, abs(pool)) }

    /// Checks in Swift, before any LP, that the bounds admit a split of the pool; throws a report
    /// naming the conflict, its amount and the nodes involved.
    public func checkFeasibility() throws(QuotaError) {
        let fixed = members.filter { $0.fixed != nil }
        let flexible = members.filter { $0.fixed == nil }
        let fixedIDs = fixed.map(\.id)
        func fail(_ kind: InfeasibilityReport.Kind, _ amount: Double, _ nodes: [QuotaNodeID]) -> QuotaError {
            .infeasible(
                InfeasibilityReport(kind: kind, parent: parent, pool: pool, conflict: amount, nodes: nodes.sorted()))
        }
        let available = available
        if available < -tolerance { throw fail(.overridesExceedPool, -available, fixedIDs) }
        if flexible.isEmpty {
            if available > tolerance { throw fail(.overridesMissPool, available, fixedIDs) }
            return
        }
        for m in flexible where m.lower > m.upper + tolerance {
            throw fail(.floorAboveCap, m.lower - m.upper, [m.id])
        }
        let floors = flexible.reduce(0) { $0 + $1.lower }
        if floors > available + tolerance {
            let involved = flexible.filter { $0.lower > 0 }.map(\.id) + fixedIDs.filter { _ in !fixed.isEmpty }
            throw fail(.floorsExceedPool, floors - available, involved)
        }
        let caps = flexible.reduce(0) { $0 + $1.upper }
        if caps < available - tolerance {
            throw fail(.capsBelowPool, available - caps, flexible.map(\.id) + fixedIDs)
        }
    }

    /// The target moved into the member's bounds: where a pinned member sits.
    func boundedTarget(of member: Member) -> Double {
        min(max(member.target, member.lower), max(member.lower, member.upper))
    }

    /// Denominator of a member's relative deviation: its target, kept away from zero.
    func scale(of member: Member, flexibleCount: Int) -> Double {
        max(member.target, 1e-6 * max(abs(available), 1) / Double(max(flexibleCount, 1)))
    }
}
