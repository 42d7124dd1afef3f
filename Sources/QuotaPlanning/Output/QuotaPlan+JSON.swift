import Foundation

extension QuotaPlan {
    /// JSON with every node (id, name, parent, level, quota, target, periods and binding flags),
    /// the per-level summary, the roll-up checks, the fairness report and the warnings.
    ///
    /// Keys are sorted so the same plan always gives the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(JSONPlan(self))
    }
}

private struct JSONPlan: Encodable {
    struct Node: Encodable {
        let id: String, name: String, parent: String?, level: Int, role: String, status: String
        let quota: Double, target: Double, blendedShare: Double, capacity: Double
        let periods: [String: Double]
        let contributions: [String: Double]
        let growthBase: Double?, growthBaseSource: String?
        let floor: Double?, cap: Double?
        let floorBinding: Bool, capBinding: Bool, rampBinding: Bool, overridden: Bool, heldByManager: Bool
        let childrenPool: Double?, overAssignment: Double?, attainmentProbability: Double?
    }
    struct Check: Encodable {
        let parent: String, quota: Double, overAssignment: Double, childrenSum: Double, impliedQuota: Double,
            passes: Bool
    }

    let target: Double
    let nodes: [Node]
    let levels: [LevelSummary]
    let checks: [Check]
    let planChecks: [PlanCheck]
    let fairness: FairnessReport
    let warnings: [String]

    init(_ plan: QuotaPlan) {
        target = plan.configuration.target
        let periods = plan.configuration.periods
        nodes = plan.assignments.map { a in
            Node(
                id: a.id.rawValue, name: a.name, parent: a.parent?.rawValue, level: a.level, role: a.role.rawValue,
                status: a.status.rawValue, quota: a.quota, target: a.target, blendedShare: a.blendedShare,
                capacity: a.capacity,
                periods: Dictionary(uniqueKeysWithValues: a.periodQuotas.enumerated().map { (periods.label($0), $1) }),
                contributions: Dictionary(uniqueKeysWithValues: a.contributions.map { ($0.key.rawValue, $0.value) }),
                growthBase: a.growthBase?.amount, growthBaseSource: a.growthBase?.source.rawValue,
                floor: a.floor, cap: a.cap, floorBinding: a.floorBinding, capBinding: a.capBinding,
                rampBinding: a.rampBinding, overridden: a.overridden, heldByManager: a.heldByManager,
                childrenPool: a.childrenPool, overAssignment: a.overAssignment,
                attainmentProbability: a.attainmentProbability)
        }
        levels = plan.levels
        checks = plan.checks.map {
            Check(
                parent: $0.parent.rawValue, quota: $0.quota, overAssignment: $0.overAssignment,
                childrenSum: $0.childrenSum, impliedQuota: $0.impliedQuota, passes: $0.passes)
        }
        planChecks = plan.planChecks
        fairness = plan.fairness
        warnings = plan.warnings
    }
}
