import LinearProgramming

extension SiblingAllocation {
    /// Solves the group's LP over GLPK and returns the quotas in member order (fixed members keep
    /// their amount). Amounts are normalised by the available pool inside the LP, so every
    /// coefficient stays near 1 whatever the currency scale.
    ///
    /// - Throws: ``QuotaError/infeasible(_:)`` from ``checkFeasibility()`` before any LP is built,
    ///   or ``QuotaError/solverFailed(group:reason:)`` when GLPK does not prove an optimum.
    public func solve(options: SolverOptions = SolverOptions()) throws(QuotaError) -> [Double] {
        try checkFeasibility()
        let flexible = members.indices.filter { members[$0].fixed == nil }
        var quotas = members.map { $0.fixed ?? 0 }
        let available = available
        guard !flexible.isEmpty else { return quotas }
        if flexible.count == 1 || available <= tolerance {
            for i in flexible { quotas[i] = flexible.count == 1 ? max(0, available) : 0 }
            return quotas
        }
        let phase1 = try solvePhase(flexible: flexible, largestDeviation: nil, options: options)
        let bound = phase1.largestDeviation * (1 + 1e-7) + 1e-9
        let phase2 = try solvePhase(flexible: flexible, largestDeviation: bound, options: options)
        for (k, i) in flexible.enumerated() {
            let m = members[i]
            quotas[i] = min(max(phase2.quotas[k] * available, m.lower), m.upper)
        }
        return quotas
    }

    /// One phase of the lexicographic LP: without `largestDeviation`, minimise the largest relative
    /// deviation; with it, bound that and minimise the total relative deviation.
    func solvePhase(
        flexible: [Int], largestDeviation: Double?, options: SolverOptions
    ) throws(QuotaError) -> (quotas: [Double], largestDeviation: Double) {
        let normaliser = available
        let n = flexible.count
        var model = Model(name: "quota_allocation")
        let scales = flexible.map { scale(of: members[$0], flexibleCount: n) / normaliser }
        let lowers = flexible.map { max(0, members[$0].lower / normaliser) }
        let uppers = flexible.enumerated().map { k, i in max(lowers[k], members[i].upper / normaliser) }
        let q = model.addVariables(
            names: (0..<n).map { "q\($0)" }, lowerBounds: lowers, upperBounds: uppers)
        let zeros = Array(repeating: 0.0, count: n)
        let infinite = Array(repeating: Double.infinity, count: n)
        let over = model.addVariables(names: (0..<n).map { "over\($0)" }, lowerBounds: zeros, upperBounds: infinite)
        let under = model.addVariables(names: (0..<n).map { "under\($0)" }, lowerBounds: zeros, upperBounds: infinite)
        let z = model.addVariable("z", lowerBound: 0, upperBound: largestDeviation ?? .infinity)
        model.addConstraint(
            name: "pool", lowerBound: 1, upperBound: 1, variables: q, coefficients: Array(repeating: 1, count: n))
        for k in 0..<n {
            let target = clampedTarget(of: members[flexible[k]]) / normaliser
            model.addConstraint(
                name: "dev\(k)", lowerBound: target, upperBound: target,
                variables: [q[k], over[k], under[k]], coefficients: [1, -1, 1])
            model.addConstraint(
                name: "max\(k)", lowerBound: -.infinity, upperBound: 0,
                variables: [over[k], under[k], z], coefficients: [1, 1, -scales[k]])
        }
        if largestDeviation == nil {
            model.setObjectiveCoefficient(1, of: z)
        } else {
            for k in 0..<n {
                model.setObjectiveCoefficient(1 / (scales[k] * Double(n)), of: over[k])
                model.setObjectiveCoefficient(1 / (scales[k] * Double(n)), of: under[k])
            }
        }
        do {
            let solution = try model.solve(options: options).requireOptimal()
            return (q.map { solution.value(of: $0) }, solution.value(of: z))
        } catch {
            throw .solverFailed(group: parent, reason: "\(error)")
        }
    }
}
