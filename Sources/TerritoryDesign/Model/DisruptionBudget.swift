/// Limits how much of today's alignment may change.
///
/// A unit is *moved* when its new territory differs from ``AlignmentUnit/currentTerritory``
/// (units without a current territory are never counted as moved). Value is measured by the
/// measure at ``valueMeasure``.
///
/// ```swift
/// let budget = DisruptionBudget(maxMovedAccountShare: 0.15)
/// let soft = DisruptionBudget(penaltyPerMovedValue: 2.5, valueMeasure: 0)
/// ```
public struct DisruptionBudget: Sendable, Hashable, Codable {
    /// Largest share of units (0...1) that may move; `nil` for no limit.
    public var maxMovedAccountShare: Double?
    /// Largest share of total value (0...1) that may move; `nil` for no limit.
    public var maxMovedValueShare: Double?
    /// Objective penalty per unit of value moved (added to travel cost); 0 for none.
    public var penaltyPerMovedValue: Double
    /// Index of the measure that defines a unit's value.
    public var valueMeasure: Int

    /// Creates a budget.
    ///
    /// The default budget allows any change.
    public init(
        maxMovedAccountShare: Double? = nil, maxMovedValueShare: Double? = nil,
        penaltyPerMovedValue: Double = 0, valueMeasure: Int = 0
    ) {
        self.maxMovedAccountShare = maxMovedAccountShare
        self.maxMovedValueShare = maxMovedValueShare
        self.penaltyPerMovedValue = penaltyPerMovedValue
        self.valueMeasure = valueMeasure
    }

    /// No limit and no penalty.
    public static let unlimited = DisruptionBudget()

    /// Whether the budget constrains or penalizes anything.
    public var isActive: Bool {
        maxMovedAccountShare != nil || maxMovedValueShare != nil || penaltyPerMovedValue > 0
    }
}
