/// How a territory's target for a measure is set.
public enum BalanceTarget: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every territory gets the same share of the total.
    case equal
    /// Each territory gets a share of the total proportional to its capacity (FTE).
    case proportionalToCapacity = "capacity"
    /// Each territory's target is given in ``TerritorySpec/targets``.
    case given
    /// One-sided: each territory's total is at most ``BalanceMeasure/limit`` (hours a rep can
    /// work, a plant's capacity), with no lower bound. Modelled as the band `[0, limit]`: target
    /// `limit / 2` at tolerance 1, so every solver phase treats it as any other band.
    case upperLimit = "max"
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
    /// The largest total of a territory, for ``BalanceTarget/upperLimit`` (`nil` otherwise).
    public var limit: Double?

    /// Creates a measure.
    public init(name: String, tolerance: Double, target: BalanceTarget = .equal) {
        self.name = name
        self.tolerance = tolerance
        self.target = target
    }

    /// A one-sided measure: every territory's total at most `limit` (the band `[0, limit]`).
    ///
    /// ```swift
    /// let hours = BalanceMeasure.upperLimit(name: "hours", limit: 1_600)
    /// hours.tolerance   // 1: the band is (1 ± 1) · 800
    /// ```
    public static func upperLimit(name: String, limit: Double) -> BalanceMeasure {
        var measure = BalanceMeasure(name: name, tolerance: 1, target: .upperLimit)
        measure.limit = limit
        return measure
    }
}
