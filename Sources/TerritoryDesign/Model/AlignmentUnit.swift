/// One thing to assign to a territory: an account, a county, a postal code.
///
/// ```swift
/// let unit = AlignmentUnit(
///     id: "ACME-001", location: .geographic(latitude: 33.75, longitude: -84.39),
///     measures: [120_000, 14], currentTerritory: "T-03")
/// ```
public struct AlignmentUnit: Sendable, Hashable, Codable {
    /// A unique identifier (account id, FIPS code, postal code).
    public var id: String
    /// Where the unit lies.
    public var location: Location
    /// One non-negative value per ``BalanceMeasure`` of the problem, in the same order.
    public var measures: [Double]
    /// The territory id the unit belongs to today, or `nil` for a new, unassigned unit.
    public var currentTerritory: String?
    /// A locked unit stays in ``currentTerritory`` whatever the optimizer prefers.
    public var locked: Bool

    /// Creates a unit.
    public init(
        id: String, location: Location, measures: [Double], currentTerritory: String? = nil, locked: Bool = false
    ) {
        self.id = id
        self.location = location
        self.measures = measures
        self.currentTerritory = currentTerritory
        self.locked = locked
    }
}
