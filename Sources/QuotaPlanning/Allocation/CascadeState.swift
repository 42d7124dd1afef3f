/// The cascade's working state: quotas known so far and the outcome that set each node, assembled
/// into a ``QuotaPlan`` at the end.
struct CascadeState {
    let cascade: QuotaCascade
    var quota: [Double]
    var outcomeOfChild: [ChildOutcome?]
    var groups: [Int: GroupOutcome] = [:]
    var warnings: [String] = []

    init(cascade: QuotaCascade) {
        self.cascade = cascade
        let n = cascade.hierarchy.nodes.count
        let configuration = cascade.configuration
        let rounding = LargestRemainderRounding(unit: configuration.roundingUnit)
        let root = cascade.hierarchy.root
        let rootQuota = rounding.roundTotal(configuration.overrides[root] ?? configuration.target)
        quota = Array(repeating: 0, count: n)
        quota[0] = rootQuota
        var rootOutcome = ChildOutcome(index: 0, id: root, blendedShare: 1, target: configuration.target, quota: rootQuota)
        rootOutcome.overridden = configuration.overrides[root] != nil
        for method in configuration.basis.methods { rootOutcome.shares[method] = 1 }
        outcomeOfChild = Array(repeating: nil, count: n)
        outcomeOfChild[0] = rootOutcome
    }

    mutating func record(_ outcome: GroupOutcome) {
        for child in outcome.children {
            guard let index = child.index else { continue }
            quota[index] = child.quota
            outcomeOfChild[index] = child
        }
        warnings += outcome.warnings
        groups[outcome.parent] = outcome
    }

    func plan() -> QuotaPlan {
        let hierarchy = cascade.hierarchy
        let configuration = cascade.configuration
        let rounding = LargestRemainderRounding(unit: configuration.roundingUnit)
        var assignments: [QuotaAssignment] = []
        assignments.reserveCapacity(hierarchy.nodes.count + groups.count)
        var checks: [RollUpCheck] = []
        for (i, node) in hierarchy.nodes.enumerated() {
            let outcome = outcomeOfChild[i] ?? ChildOutcome(index: i, id: node.id)
            let profile = cascade.profiles[i]
            let group = groups[i]
            assignments.append(
                assignment(
                    outcome, node: node, level: hierarchy.level(at: i), profile: profile, group: group,
                    rounding: rounding))
            if let group {
                var sum = group.children.reduce(0) { $0 + $1.quota }
                if let reserve = group.reserve {
                    sum += reserve.quota
                    assignments.append(reserveAssignment(reserve, parent: node, level: hierarchy.level(at: i) + 1, profile: profile, rounding: rounding))
                }
                let factor = 1 + group.overAssignment
                checks.append(
                    RollUpCheck(
                        parent: node.id, quota: quota[i], overAssignment: group.overAssignment, childrenSum: sum,
                        impliedQuota: sum / factor, tolerance: configuration.roundingUnit / 2 / factor + 1e-9 * quota[i]))
            }
        }
        // Keep breadth-first order with reserves right after their siblings.
        let order = Dictionary(uniqueKeysWithValues: hierarchy.nodes.enumerated().map { ($1.id, $0) })
        assignments.sort { a, b in
            if a.level != b.level { return a.level < b.level }
            let pa = a.parent.flatMap { order[$0] } ?? -1
            let pb = b.parent.flatMap { order[$0] } ?? -1
            if pa != pb { return pa < pb }
            if (a.role == .reserve) != (b.role == .reserve) { return b.role == .reserve }
            return a.id < b.id
        }
        let fairness = FairnessReport.make(assignments, settings: configuration.fairness)
        var warnings = warnings
        if fairness.seats > 0 && fairness.belowWarningLevel {
            warnings.append(
                "expected share of reps at or above quota is \(percent(fairness.expectedShareAtOrAboveQuota)), under the \(percent(configuration.fairness.warnBelow)) warning level")
        }
        return QuotaPlan(
            configuration: configuration, assignments: assignments, levels: LevelSummary.make(assignments),
            checks: checks, fairness: fairness, warnings: warnings)
    }

    private func assignment(
        _ o: ChildOutcome, node: QuotaNode, level: Int, profile: SeatProfile, group: GroupOutcome?,
        rounding: LargestRemainderRounding
    ) -> QuotaAssignment {
        let configuration = cascade.configuration
        let periods = Seasonality.split(
            o.quota, monthlyWeights: profile.monthlyWeights, periods: configuration.periods, rounding: rounding)
        var contributions: [BasisMethod: Double] = [:]
        for (method, weight) in configuration.basis.weights {
            let part = o.blendedShare > 0 ? weight * (o.shares[method] ?? 0) / o.blendedShare : weight
            contributions[method] = o.quota * part
        }
        let distribution = o.expectedSales.map {
            SalesDistribution(mean: $0, standardDeviation: o.salesStandardDeviation ?? 0, family: configuration.fairness.distribution)
        }
        return QuotaAssignment(
            id: node.id, name: node.name, parent: node.parent, level: level, role: node.role, status: node.status,
            measures: node.measures, shares: o.shares, blendedShare: o.blendedShare, capacity: profile.capacity,
            target: o.target, quota: o.quota, periodQuotas: periods, contributions: contributions, floor: o.floor,
            cap: o.cap, floorBinding: o.floorBinding, capBinding: o.capBinding, rampBinding: o.rampBinding,
            overridden: o.overridden, heldByManager: profile.held, childrenPool: group?.childrenPool,
            overAssignment: group?.overAssignment, expectedSales: o.expectedSales,
            salesStandardDeviation: o.salesStandardDeviation,
            attainmentProbability: distribution?.probabilityOfAttaining(o.quota))
    }

    private func reserveAssignment(
        _ o: ChildOutcome, parent: QuotaNode, level: Int, profile: SeatProfile, rounding: LargestRemainderRounding
    ) -> QuotaAssignment {
        let periods = Seasonality.split(
            o.quota, monthlyWeights: profile.seasonal, periods: cascade.configuration.periods, rounding: rounding)
        return QuotaAssignment(
            id: o.id, name: "attrition relief held by \(parent.name)", parent: parent.id, level: level, role: .reserve,
            status: .active, measures: BasisMeasures(), shares: [:], blendedShare: 0, capacity: 1, target: o.target,
            quota: o.quota, periodQuotas: periods, contributions: [:], floor: nil, cap: nil, floorBinding: false,
            capBinding: false, rampBinding: false, overridden: false, heldByManager: true, childrenPool: nil,
            overAssignment: nil, expectedSales: nil, salesStandardDeviation: nil, attainmentProbability: nil)
    }
}

func percent(_ x: Double) -> String { "\(((x * 1000).rounded() / 10))%" }
