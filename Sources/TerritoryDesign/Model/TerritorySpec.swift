/// A territory to fill (or, when centres are chosen, a candidate centre).
///
/// ```swift
/// let territory = TerritorySpec(id: "T-03", centre: .geographic(latitude: 33.75, longitude: -84.39), capacity: 1.5)
/// ```
public struct TerritorySpec: Sendable, Hashable, Codable {
    /// A unique identifier.
    public var id: String
    /// The rep's home base, or the starting centre when centres are relocated.
    public var centre: Location
    /// Capacity in full-time equivalents; targets proportional to capacity use it.
    ///
    /// Positive.
    public var capacity: Double
    /// Per-measure targets when a measure's target is ``BalanceTarget/given``; `nil` otherwise.
    ///
    /// In the order of the problem's measures; an entry may be `nil` for measures not given.
    public var targets: [Double?]?

    /// Creates a territory.
    public init(id: String, centre: Location, capacity: Double = 1, targets: [Double?]? = nil) {
        self.id = id
        self.centre = centre
        self.capacity = capacity
        self.targets = targets
    }
}
