/// Today's alignment measured the way a plan is: the "before" a realignment is compared with.
///
/// Each unit sits in its current territory and each territory at its given centre; targets are the
/// plan's (same measures, same rule). Units without a current territory count in no territory.
///
/// ```swift
/// let plan = try await TerritoryDesignJob(request: request).run()
/// plan.current?.maxDeviation["potential"]   // 0.42 before, against plan.alignment.maxDeviation
/// ```
public struct CurrentAlignment: Sendable, Hashable, Codable {
    /// Per-territory figures, in the problem's territory order (before peel and grow).
    public var territories: [TerritorySummary]
    /// Per measure name, the largest relative deviation from target over territories.
    public var maxDeviation: [String: Double]
    /// Weighted travel summed over territories (the plan objective without the disruption penalty).
    public var weightedTravel: Double
    /// Whether every territory is connected in the adjacency graph (`true` without one).
    public var connected: Bool
    /// The largest territory diameter.
    public var maxDiameter: Double
    /// Units in a territory of the problem today.
    public var assignedUnits: Int
    /// Units in none (no current territory, or one the problem does not have).
    public var unassignedUnits: Int
}
