/// How a territory's target for a measure is set.
public enum BalanceTarget: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every territory gets the same share of the total.
    case equal
    /// Each territory gets a share of the total proportional to its capacity (FTE).
    case proportionalToCapacity = "capacity"
    /// Each territory's target is given in ``TerritorySpec/targets``.
    case given
}

/// A numeric attribute whose per-territory totals must be balanced: potential, workload, account
/// count, prior sales, a model score.
///
/// Territory `j` is balanced on this measure when its total lies in
/// `[(1 − tolerance) · target_j, (1 + tolerance) · target_j]`.
///
/// ```swift
/// let potential = BalanceMeasure(name: "potential", tolerance: 0.05)
/// let workload = BalanceMeasure(name: "workload", tolerance: 0.10, target: .proportionalToCapacity)
/// ```
public struct BalanceMeasure: Sendable, Hashable, Codable {
    /// The column or attribute name, used in reports.
    public var name: String
    /// The allowed relative deviation from the target, for example `0.05` for ±5 %.
    ///
    /// Non-negative.
    public var tolerance: Double
    /// How targets are set.
    public var target: BalanceTarget

    /// Creates a measure.
    public init(name: String, tolerance: Double, target: BalanceTarget = .equal) {
        self.name = name
        self.tolerance = tolerance
        self.target = target
    }
}
