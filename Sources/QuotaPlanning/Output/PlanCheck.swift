/// One row of `quota_checks.csv` beyond the roll-up checks: something the cascade could not do as
/// configured, or a comparison the reader should see.
public struct PlanCheck: Sendable, Hashable, Codable {
    /// What is being checked.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A seat without a meaningful growth base gets no growth floor or cap (``GrowthBase``).
        case growthBase = "growth-base"
        /// A rounded quota had to leave its floor, cap or ramp limit (no multiple of the unit fits).
        case roundingBounds = "rounding-bounds"
        /// A unit's quota against the one plan-wide equal probability of attainment would give it.
        case fairnessPool = "fairness-pool"
        /// A seat held at a growth bound cannot share the plan-wide attainment level.
        case fairnessBound = "fairness-bound"
    }

    public let kind: Kind
    /// The node concerned.
    public let node: QuotaNodeID
    /// The node's quota, when the check compares it with something.
    public let quota: Double?
    /// What the quota is compared with: the bound it left, or the plan-wide equal-probability quota.
    public let reference: Double?
    /// Whether the check holds; `nil` for rows that only inform.
    public let passes: Bool?
    /// A sentence saying what happened.
    public let note: String

    public init(kind: Kind, node: QuotaNodeID, quota: Double?, reference: Double?, passes: Bool?, note: String) {
        self.kind = kind
        self.node = node
        self.quota = quota
        self.reference = reference
        self.passes = passes
        self.note = note
    }
}
