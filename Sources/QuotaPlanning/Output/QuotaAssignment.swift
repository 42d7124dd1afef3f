/// The planned quota of one node, with everything that explains it: the basis values and shares,
/// the target before bounds, the bounds and whether they bind, and the split over the year.
public struct QuotaAssignment: Sendable, Hashable, Codable {
    public let id: QuotaNodeID
    public let name: String
    public let parent: QuotaNodeID?
    /// Depth below the company (company = 0).
    public let level: Int
    public let role: QuotaNode.Role
    public let status: QuotaNode.Status
    /// The basis figures of the node (rolled up for units).
    public let measures: BasisMeasures
    /// Share of the node within its siblings by each basis method.
    public let shares: [BasisMethod: Double]
    /// The blended share within its siblings (weights of the configuration).
    public let blendedShare: Double
    /// Share of a full year the seat is productive (ramp, seasonality-weighted); 1 for units.
    public let capacity: Double
    /// Quota the LP aimed at, before bounds and rounding.
    public let target: Double
    /// The final quota (a multiple of the rounding unit).
    public let quota: Double
    /// The quota split by period (quarters or months), adding up to `quota` exactly.
    public let periodQuotas: [Double]
    /// The quota split by basis method, in proportion to each method's part in the blended share.
    public let contributions: [BasisMethod: Double]
    /// What the growth floor and cap multiply (`nil`: no growth bound for this node).
    public let growthBase: GrowthBase?
    public let floor: Double?
    public let cap: Double?
    public let floorBinding: Bool
    public let capBinding: Bool
    /// The seat is still ramping and sits at its ramped quota.
    public let rampBinding: Bool
    /// The quota is a manual override.
    public let overridden: Bool
    /// The quota belongs to a vacant seat and is carried by the manager.
    public let heldByManager: Bool
    /// For units: what the children carry together (quota × (1 + over-assignment), rounded).
    public let childrenPool: Double?
    /// For units: the over-assignment applied to the children.
    public let overAssignment: Double?
    /// For seats: expected plan-year sales and their standard deviation (fairness model).
    public let expectedSales: Double?
    public let salesStandardDeviation: Double?
    /// For seats: probability of reaching quota under the fairness model.
    public let attainmentProbability: Double?

    /// Relative deviation of the quota from the target.
    public var relativeDeviation: Double { target > 0 ? (quota - target) / target : 0 }
}
