/// The result of a cascade: every node's quota in breadth-first order (company first, siblings by
/// id), the per-level summary, the roll-up checks, the fairness report and warnings.
public struct QuotaPlan: Sendable, Codable {
    public let configuration: QuotaPlanConfiguration
    public let assignments: [QuotaAssignment]
    public let levels: [LevelSummary]
    public let checks: [RollUpCheck]
    /// Growth bases missing, bounds left by rounding, and the plan-wide fairness comparison.
    public let planChecks: [PlanCheck]
    public let fairness: FairnessReport
    public let warnings: [String]

    /// The assignment of `id`, if any.
    public func assignment(_ id: QuotaNodeID) -> QuotaAssignment? { assignments.first { $0.id == id } }

    /// Whether every parent equals the sum of its children divided by (1 + its over-assignment),
    /// within half a rounding unit.
    public var checksPass: Bool { checks.allSatisfy(\.passes) }
}

/// Figures for one level of the hierarchy.
public struct LevelSummary: Sendable, Hashable, Codable {
    public let level: Int
    public let nodes: Int
    public let totalQuota: Double
    public let floorsBinding: Int
    public let capsBinding: Int
    public let rampsBinding: Int
    public let overrides: Int
    public let held: Int
    /// Mean and largest |quota − target| / target over the level's nodes with a target.
    public let meanRelativeDeviation: Double
    public let maxRelativeDeviation: Double
}

/// The roll-up check of one parent: children's sum ÷ (1 + over-assignment) against its quota.
public struct RollUpCheck: Sendable, Hashable, Codable {
    public let parent: QuotaNodeID
    public let quota: Double
    public let overAssignment: Double
    public let childrenSum: Double
    /// `childrenSum / (1 + overAssignment)`: the parent's quota implied by its children.
    public let impliedQuota: Double
    /// Largest allowed |impliedQuota − quota|: half a rounding unit ÷ (1 + over-assignment).
    public let tolerance: Double
    public var difference: Double { impliedQuota - quota }
    public var passes: Bool { abs(difference) <= tolerance }
}

/// How attainable the seat quotas are under the fairness model.
public struct FairnessReport: Sendable, Hashable, Codable {
    /// Seats (filled or ramping, not held vacancies) covered by the report.
    public let seats: Int
    /// Mean over seats of P(sales ≥ quota): the expected share of reps at or above 100 %.
    public let expectedShareAtOrAboveQuota: Double
    /// Lowest and highest individual probability.
    public let minimumProbability: Double
    public let maximumProbability: Double
    /// The probability every seat would share if the seats' total quota were split by equal
    /// probability of attainment.
    public let equalProbabilityLevel: Double
    /// The common probability of the plan-wide equal-probability split (`PlanWideEqualProbability`)
    /// of the company target, with growth bounds and overrides; `nil` without expected sales.
    public internal(set) var planWideLevel: Double?
    /// Seats a growth bound keeps off that plan-wide level.
    public internal(set) var seatsAtBound: Int
    /// Largest |unit quota − its plan-wide equal-probability quota| ÷ the latter, over units.
    public internal(set) var largestPoolGap: Double
    /// The warning level from the configuration.
    public let warnBelow: Double
    public var belowWarningLevel: Bool { expectedShareAtOrAboveQuota < warnBelow }
}
