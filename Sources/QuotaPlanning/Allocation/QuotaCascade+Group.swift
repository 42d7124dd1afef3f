/// What one sibling group's allocation produced, before assembly into ``QuotaAssignment``s.
struct GroupOutcome: Sendable {
    var parent: Int
    var childrenPool: Double
    var overAssignment: Double
    var children: [ChildOutcome]
    var reserve: ChildOutcome?
    var warnings: [String]
    /// Seats the bounded rounding had to move outside a bound (see ``LargestRemainderRounding``).
    var checks: [PlanCheck] = []
}

/// One child's figures from its parent's allocation.
struct ChildOutcome: Sendable {
    var index: Int?  // nil for a reserve
    var id: QuotaNodeID
    var shares: [BasisMethod: Double] = [:]
    var blendedShare: Double = 0
    var target: Double = 0
    var quota: Double = 0
    var floor: Double?
    var cap: Double?
    var floorBinding = false
    var capBinding = false
    var rampBinding = false
    var overridden = false
    var expectedSales: Double?
    var salesStandardDeviation: Double?
    var growthBase: GrowthBase?
}

extension QuotaCascade {
    /// Splits the (rounded) quota of the node at `parent` among its children: basis shares, ramp,
    /// fairness targets, bounds, the LP, then exact rounding.
    func allocateGroup(parent: Int, quota parentQuota: Double) throws(QuotaError) -> GroupOutcome {
        let nodes = hierarchy.nodes
        let parentNode = nodes[parent]
        let childIndices = hierarchy.childIndices(of: parent)
        let level = hierarchy.level(at: parent)
        let factor = configuration.overAssignment(atLevel: level)
        let rounding = LargestRemainderRounding(unit: configuration.roundingUnit)
        let pool = rounding.roundTotal(parentQuota * (1 + factor))
        let leafGroup = childIndices.allSatisfy { hierarchy.childIndices(of: $0).isEmpty }
        var warnings: [String] = []

        // Basis shares by method, with an even split where a method has nothing to go on.
        var children = childIndices.map { ChildOutcome(index: $0, id: nodes[$0].id) }
        for method in configuration.basis.methods {
            let values = childIndices.map { nodes[$0].measures.value(for: method) }
            let total = values.reduce(0, +)
            if total <= 0 {
                warnings.append(
                    "\(method.rawValue) is zero for every child of \(parentNode.id); split evenly for that part")
            }
            for k in children.indices {
                children[k].shares[method] = total > 0 ? values[k] / total : 1 / Double(values.count)
            }
        }
        for k in children.indices {
            children[k].blendedShare = configuration.basis.weights.reduce(0) {
                $0 + $1.value * (children[k].shares[$1.key] ?? 0)
            }
        }

        // Fixed quotas: overrides and the attrition-relief reserve.
        var reserve: ChildOutcome? = nil
        if leafGroup && configuration.attritionRelief > 0 {
            let amount = rounding.roundTotal(pool * configuration.attritionRelief)
            reserve = ChildOutcome(
                index: nil, id: QuotaNodeID("\(parentNode.id.rawValue)~relief"), target: amount, quota: amount)
        }
        var fixedTotal = reserve?.quota ?? 0
        for k in children.indices {
            if let amount = configuration.overrides[children[k].id] {
                children[k].overridden = true
                children[k].quota = rounding.roundTotal(amount)
                children[k].target = children[k].quota
                fixedTotal += children[k].quota
            }
        }
        let available = pool - fixedTotal
        let flexible = children.indices.filter { !children[$0].overridden }

        // Targets: blended share times capacity, renormalised over the flexible children; with
        // plan-wide equal probability, the children's quotas under that split.
        var weights = flexible.map { children[$0].blendedShare * profiles[childIndices[$0]].capacity }
        if configuration.fairness.method == .equalProbability, let planWide {
            let figures = flexible.map { planWide.figures[childIndices[$0]] }
            if figures.reduce(0, +) > 0 { weights = figures }
        }
        let weightTotal = weights.reduce(0, +)
        for (j, k) in flexible.enumerated() {
            children[k].target =
                weightTotal > 0
                ? max(0, available) * weights[j] / weightTotal : max(0, available) / Double(flexible.count)
        }
        if leafGroup { applyFairness(to: &children, flexible: flexible, parent: parentNode.id, warnings: &warnings) }

        // Bounds.
        var members: [SiblingAllocation.Member] = []
        for k in children.indices {
            let index = childIndices[k]
            let node = nodes[index]
            let profile = profiles[index]
            var member = SiblingAllocation.Member(id: node.id, target: children[k].target)
            if children[k].overridden {
                member.fixed = children[k].quota
            } else {
                children[k].growthBase = profile.growthBase
                if let bounds = profile.growthBase?.bounds(configuration) {
                    if let lower = bounds.lower {
                        member.lower = lower
                        member.lowerSource = .growthFloor
                        children[k].floor = lower
                    }
                    if let upper = bounds.upper {
                        member.upper = upper
                        member.upperSource = .growthCap
                        children[k].cap = upper
                    }
                }
                if profile.capacity < 1 - 1e-12 && !profile.held && children[k].target < member.upper {
                    member.upper = children[k].target
                    member.upperSource = .ramp
                }
            }
            members.append(member)
        }
        if let reserve {
            members.append(SiblingAllocation.Member(id: reserve.id, target: reserve.quota, fixed: reserve.quota))
        }

        let allocation = SiblingAllocation(parent: parentNode.id, pool: pool, members: members)
        let solved = try allocation.solve(options: solverOptions)

        // Binding flags from the LP values, then exact rounding of the flexible quotas.
        let bindTolerance = 1e-6 * max(1, pool)
        for k in flexible {
            let m = members[k]
            children[k].floorBinding = m.lowerSource == .growthFloor && solved[k] <= m.lower + bindTolerance
            children[k].capBinding = m.upperSource == .growthCap && solved[k] >= m.upper - bindTolerance
            children[k].rampBinding = m.upperSource == .ramp && solved[k] >= m.upper - bindTolerance
        }
        // Floors round up and caps down to the unit, so a rounded quota never leaves its bounds
        // unless no multiple of the unit fits them (then it is reported).
        let rounded = rounding.round(
            flexible.map { solved[$0] }, total: max(0, available), tieKeys: flexible.map { children[$0].id },
            lower: flexible.map { members[$0].lower }, upper: flexible.map { members[$0].upper })
        for (j, k) in flexible.enumerated() { children[k].quota = rounded.amounts[j] }
        var checks: [PlanCheck] = []
        for violation in rounded.violations {
            let child = children[flexible[violation.index]]
            let source = members[flexible[violation.index]]
            let kind = violation.isUpper ? (source.upperSource == .ramp ? "ramp limit" : "cap") : "floor"
            let side = violation.isUpper ? "above" : "below"
            let gap = abs(violation.amount - violation.bound).formatted2
            let note =
                "quota \(violation.amount.formatted2) is \(side) its \(kind) "
                + "\(violation.bound.formatted2) by \(gap): no multiple of the "
                + "rounding unit \(configuration.roundingUnit.formatted2) inside the bounds adds up to the pool"
            checks.append(
                PlanCheck(
                    kind: .roundingBounds, node: child.id, quota: violation.amount, reference: violation.bound,
                    passes: false, note: note))
            warnings.append("\(child.id): \(note)")
        }
        var outcome = GroupOutcome(
            parent: parent, childrenPool: pool, overAssignment: factor, children: children, reserve: reserve,
            warnings: warnings)
        outcome.checks = checks
        return outcome
    }

    /// Fills expected sales for the seats of a first-line group and, with sibling-level
    /// equal-probability fairness, replaces their targets by the quotas that make attainment
    /// equally likely within the group.
    private func applyFairness(
        to children: inout [ChildOutcome], flexible: [Int], parent: QuotaNodeID, warnings: inout [String]
    ) {
        let settings = configuration.fairness
        for k in children.indices {
            guard let index = children[k].index, !profiles[index].held, let d = salesDistributions[index] else {
                continue
            }
            children[k].expectedSales = d.mean
            children[k].salesStandardDeviation = d.standardDeviation
        }
        guard settings.method == .equalProbabilitySiblings else { return }
        let eligible = flexible.filter { k in (children[k].expectedSales ?? 0) > 0 }
        guard !eligible.isEmpty else {
            warnings.append("no expected sales under \(parent); equal-probability targets skipped")
            return
        }
        let distributions = eligible.map { k in
            SalesDistribution(
                mean: children[k].expectedSales ?? 0, standardDeviation: children[k].salesStandardDeviation ?? 0,
                family: settings.distribution)
        }
        let pool = eligible.reduce(0) { $0 + children[$1].target }
        let fair = EqualProbabilityAllocation(distributions: distributions, pool: pool)
        for (j, k) in eligible.enumerated() { children[k].target = fair.quotas[j] }
    }
}

extension SalesDistribution {
    /// Every seat's plan-year sales distribution (``FairnessSettings``), by node index.
    ///
    /// `nil` for units. Penetration (history ÷ potential) is taken over the seat's sibling seats; held
    /// vacancies get one too (at full capacity), for the plan-wide split.
    static func seatDistributions(
        hierarchy: QuotaHierarchy, profiles: [SeatProfile], settings: FairnessSettings
    ) -> [SalesDistribution?] {
        let nodes = hierarchy.nodes
        var result = [SalesDistribution?](repeating: nil, count: nodes.count)
        for parent in nodes.indices {
            let seats = hierarchy.childIndices(of: parent).filter { hierarchy.childIndices(of: $0).isEmpty }
            guard !seats.isEmpty else { continue }
            let history = seats.map { nodes[$0].measures.trailing12Months ?? nodes[$0].measures.priorYear ?? 0 }
            let potential = seats.map { nodes[$0].measures.potential ?? 0 }
            let totalPotential = potential.reduce(0, +)
            let penetration = totalPotential > 0 ? history.reduce(0, +) / totalPotential : 0
            let h = totalPotential > 0 ? settings.historyWeight : 1
            for (k, index) in seats.enumerated() {
                let base = h * history[k] + (1 - h) * potential[k] * penetration
                let mean = profiles[index].capacity * (1 + settings.expectedGrowth) * base
                let sd = (nodes[index].volatility ?? settings.defaultVolatility) * mean
                result[index] = SalesDistribution(mean: mean, standardDeviation: sd, family: settings.distribution)
            }
        }
        return result
    }
}
