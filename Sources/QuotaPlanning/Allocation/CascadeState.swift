/// The cascade's working state: quotas known so far and the outcome that set each node, assembled
/// into a ``QuotaPlan`` at the end.
struct CascadeState {
    let cascade: QuotaCascade
    var quota: [Double]
    var outcomeOfChild: [ChildOutcome?]
    var groups: [Int: GroupOutcome] = [:]
    var warnings: [String] = []
    var planChecks: [PlanCheck] = []

    init(cascade: QuotaCascade) {
        self.cascade = cascade
        let n = cascade.hierarchy.nodes.count
        let configuration = cascade.configuration
        let rounding = LargestRemainderRounding(unit: configuration.roundingUnit)
        let root = cascade.hierarchy.root
        let rootQuota = rounding.roundTotal(configuration.overrides[root] ?? configuration.target)
        quota = Array(repeating: 0, count: n)
        quota[0] = rootQuota
        var rootOutcome = ChildOutcome(
            index: 0, id: root, blendedShare: 1, target: configuration.target, quota: rootQuota)
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
        planChecks += outcome.checks
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
                    assignments.append(
                        reserveAssignment(
                            reserve, parent: node, level: hierarchy.level(at: i) + 1, profile: profile,
                            rounding: rounding))
                }
                let factor = 1 + group.overAssignment
                checks.append(
                    RollUpCheck(
                        parent: node.id, quota: quota[i], overAssignment: group.overAssignment, childrenSum: sum,
                        impliedQuota: sum / factor, tolerance: configuration.roundingUnit / 2 / factor + 1e-9 * quota[i]
                    ))
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
        let extraChecks = fairnessChecks() + growthBaseChecks(assignments)
        var fairness = FairnessReport.make(assignments, settings: configuration.fairness)
        fairness.planWideLevel = cascade.planWide?.probability(root: 0)
        fairness.seatsAtBound = cascade.planWide?.boundSeats.count ?? 0
        fairness.largestPoolGap = extraChecks.filter { $0.kind == .fairnessPool }.reduce(0) { gap, check in
            guard let q = check.quota, let r = check.reference, r > 0 else { return gap }
            return max(gap, abs(q - r) / r)
        }
        var warnings = warnings
        if let base = extraChecks.first(where: { $0.kind == .growthBase }) {
            let count = extraChecks.count(where: { $0.kind == .growthBase })
            warnings.append(
                "\(count) seat\(count == 1 ? "" : "s") without a growth base get no growth floor or cap "
                    + "(e.g. \(base.node)); see quota_checks.csv")
        }
        if fairness.seats > 0 && fairness.belowWarningLevel {
            warnings.append(
                "expected share of reps at or above quota is \(percent(fairness.expectedShareAtOrAboveQuota)), under the \(percent(configuration.fairness.warnBelow)) warning level"
            )
        }
        return QuotaPlan(
            configuration: configuration, assignments: assignments, levels: LevelSummary.make(assignments),
            checks: checks, planChecks: planChecks + extraChecks, fairness: fairness, warnings: warnings)
    }

    /// Units against their plan-wide equal-probability quota, and seats a growth bound keeps off
    /// that level.
    private func fairnessChecks() -> [PlanCheck] {
        guard let planWide = cascade.planWide else { return [] }
        let hierarchy = cascade.hierarchy
        let unit = cascade.configuration.roundingUnit
        var checks: [PlanCheck] = []
        let planMode = cascade.configuration.fairness.method == .equalProbability
        for (i, node) in hierarchy.nodes.enumerated() where !hierarchy.childIndices(of: i).isEmpty {
            let reference = planWide.figures[i]
            let difference = quota[i] - reference
            // In plan-wide mode a unit may differ by rounding only (half a unit per level below).
            let passes: Bool? = planMode ? abs(difference) <= 2 * unit * Double(hierarchy.depth + 1) : nil
            let sign = difference >= 0 ? "+" : ""
            let note =
                reference > 0
                ? "quota \(quota[i].formatted2) vs \(reference.formatted2) under one plan-wide equal probability "
                    + "of attainment (\(sign)\(percent(difference / reference)))"
                : "no expected sales below this unit"
            checks.append(
                PlanCheck(
                    kind: .fairnessPool, node: node.id, quota: quota[i], reference: reference, passes: passes,
                    note: note))
        }
        for (i, isCap) in planWide.boundSeats.sorted(by: { $0.key < $1.key }) {
            let bound = (isCap ? outcomeOfChild[i]?.cap : outcomeOfChild[i]?.floor) ?? 0
            checks.append(
                PlanCheck(
                    kind: .fairnessBound, node: hierarchy.nodes[i].id, quota: quota[i], reference: bound, passes: nil,
                    note: "held at its growth \(isCap ? "cap" : "floor") \(bound.formatted2): its probability of "
                        + "attainment differs from the plan-wide level"))
        }
        return checks
    }

    /// Active seats that get no growth floor or cap because they have no meaningful growth base.
    private func growthBaseChecks(_ assignments: [QuotaAssignment]) -> [PlanCheck] {
        let configuration = cascade.configuration
        guard configuration.growthFloor != nil || configuration.growthCap != nil else { return [] }
        let months = fixed(GrowthBase.minimumMonthsToAnnualise, decimals: 0)
        let unbounded = assignments.filter {
            $0.role == .seat && $0.status == .active && $0.growthBase == nil && !$0.overridden
        }
        return unbounded.map { a in
            PlanCheck(
                kind: .growthBase, node: a.id, quota: a.quota, reference: nil, passes: nil,
                note: "no growth floor or cap: no prior year with a full year in seat, no trailing twelve months "
                    + "(annualised after \(months) months in seat)")
        }
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
            SalesDistribution(
                mean: $0, standardDeviation: o.salesStandardDeviation ?? 0, family: configuration.fairness.distribution)
        }
        return QuotaAssignment(
            id: node.id, name: node.name, parent: node.parent, level: level, role: node.role, status: node.status,
            measures: node.measures, shares: o.shares, blendedShare: o.blendedShare, capacity: profile.capacity,
            target: o.target, quota: o.quota, periodQuotas: periods, contributions: contributions,
            growthBase: o.growthBase, floor: o.floor, cap: o.cap, floorBinding: o.floorBinding,
            capBinding: o.capBinding,
            rampBinding: o.rampBinding,
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
            quota: o.quota, periodQuotas: periods, contributions: [:], growthBase: nil, floor: nil, cap: nil,
            floorBinding: false,
            capBinding: false, rampBinding: false, overridden: false, heldByManager: true, childrenPool: nil,
            overAssignment: nil, expectedSales: nil, salesStandardDeviation: nil, attainmentProbability: nil)
    }
}

func percent(_ x: Double) -> String { "\(((x * 1000).rounded() / 10))%" }
