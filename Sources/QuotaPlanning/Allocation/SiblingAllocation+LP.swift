import LinearProgramming

extension SiblingAllocation {
    /// Solves the group's LP over GLPK and returns the quotas in member order (fixed members keep
    /// their amount). Amounts are normalised by the available pool inside the LP, so every
    /// coefficient stays near 1 whatever the currency scale.
    ///
    /// - Throws: ``QuotaError/infeasible(_:)`` from ``checkFeasibility()`` before any LP is built,
    ///   or ``QuotaError/solverFailed(group:reason:)`` when GLPK does not prove an optimum.
    public func solve(options: SolverOptions = SolverOptions()) throws(QuotaError) -> [Double] {
        try solveDetailed(options: options).quotas
    }

    /// The quotas, plus the members that were aimed at their own target although it lies outside
    /// their bounds (pass them to ``mathProgData(unclamped:)`` to reproduce the final LP).
    public func solveDetailed(options: SolverOptions = SolverOptions()) throws(QuotaError)
        -> (quotas: [Double], unclamped: Set<QuotaNodeID>)
    {
        try checkFeasibility()
        let flexible = members.indices.filter { members[$0].fixed == nil }
        var quotas = members.map { $0.fixed ?? 0 }
        let available = available
        guard !flexible.isEmpty else { return (quotas, []) }
        if flexible.count == 1 || available <= tolerance {
            for i in flexible { quotas[i] = flexible.count == 1 ? max(0, available) : 0 }
            return (quotas, [])
        }
        var unclamped = initialReferences(flexible: flexible)
        var solution: [Double] = []
        for _ in 0...flexible.count {
            solution = try solveLP(flexible: flexible, unclamped: unclamped, options: options)
            // Members aimed at a bound that the solution moves off it go back to their own target.
            var changed = false
            let slack = 1e-7 * max(1, available)
            for (k, i) in flexible.enumerated() where !unclamped[k] {
                let m = members[i]
                let q = solution[k] * available
                if (m.lower > m.target && q > m.lower + slack) || (m.upper < m.target && q < m.upper - slack) {
                    unclamped[k] = true
                    changed = true
                }
            }
            if !changed { break }
        }
        for (k, i) in flexible.enumerated() {
            let m = members[i]
            quotas[i] = min(max(solution[k] * available, m.lower), m.upper)
        }
        let free = Set(flexible.enumerated().filter { unclamped[$0.offset] }.map { members[$0.element].id })
        return (quotas, free)
    }

    /// Which members start aimed at their own target although it lies outside their bounds: those
    /// that proportional water-filling (every free member at `tᵢ(1 + δ)`, clamped into its bounds,
    /// with one δ for the group) leaves strictly inside their bounds. This guess usually makes the
    /// first LP the last one; the LP still decides, and the loop in ``solveDetailed(options:)``
    /// corrects a wrong guess.
    func initialReferences(flexible: [Int]) -> [Bool] {
        let available = available
        func filled(_ delta: Double) -> Double {
            flexible.reduce(0) { sum, i in
                let m = members[i]
                return sum + min(max(m.target * (1 + delta), m.lower), max(m.lower, m.upper))
            }
        }
        var lo = -1.0
        var hi = 1.0
        while filled(hi) < available && hi < 1e12 { hi *= 2 }
        for _ in 0..<100 where hi - lo > 1e-12 {
            let mid = (lo + hi) / 2
            if filled(mid) < available { lo = mid } else { hi = mid }
        }
        let delta = (lo + hi) / 2
        return flexible.map { i in
            let m = members[i]
            let outside = m.target < m.lower || m.target > m.upper
            let value = m.target * (1 + delta)
            return outside && value > m.lower && value < m.upper
        }
    }

    /// Weight of the mean relative deviation against the largest one in the objective.
    static let meanDeviationWeight = 1e-3

    /// One LP for one set of references: minimise the largest relative deviation `z`, plus
    /// ``meanDeviationWeight`` times the mean relative deviation as a tie-break. With references
    /// chosen by water-filling the largest deviation alone already has a unique minimiser (every
    /// free member moves by the same relative amount or stops at its bound), so the small second
    /// term only orders otherwise equal solutions. Returns quotas as fractions of the pool.
    func solveLP(flexible: [Int], unclamped: [Bool], options: SolverOptions) throws(QuotaError) -> [Double] {
        let normaliser = available
        let n = flexible.count
        var model = Model(name: "quota_allocation")
        let scales = flexible.enumerated().map { k, i in
            scale(of: members[i], unclamped: unclamped[k], flexibleCount: n) / normaliser
        }
        let lowers = flexible.map { max(0, members[$0].lower / normaliser) }
        let uppers = flexible.enumerated().map { k, i in max(lowers[k], members[i].upper / normaliser) }
        let q = model.addVariables(names: (0..<n).map { "q\($0)" }, lowerBounds: lowers, upperBounds: uppers)
        let zeros = Array(repeating: 0.0, count: n)
        let infinite = Array(repeating: Double.infinity, count: n)
        let over = model.addVariables(names: (0..<n).map { "over\($0)" }, lowerBounds: zeros, upperBounds: infinite)
        let under = model.addVariables(names: (0..<n).map { "under\($0)" }, lowerBounds: zeros, upperBounds: infinite)
        let z = model.addVariable("z", lowerBound: 0, upperBound: .infinity)
        model.addConstraint(
            name: "pool", lowerBound: 1, upperBound: 1, variables: q, coefficients: Array(repeating: 1, count: n))
        for k in 0..<n {
            let target = reference(of: members[flexible[k]], unclamped: unclamped[k]) / normaliser
            model.addConstraint(
                name: "dev\(k)", lowerBound: target, upperBound: target,
                variables: [q[k], over[k], under[k]], coefficients: [1, -1, 1])
            model.addConstraint(
                name: "max\(k)", lowerBound: -.infinity, upperBound: 0,
                variables: [over[k], under[k], z], coefficients: [1, 1, -scales[k]])
        }
        model.setObjectiveCoefficient(1, of: z)
        for k in 0..<n {
            let weight = Self.meanDeviationWeight / (scales[k] * Double(n))
            model.setObjectiveCoefficient(weight, of: over[k])
            model.setObjectiveCoefficient(weight, of: under[k])
        }
        do {
            let solution = try model.solve(options: options).requireOptimal()
            return q.map { solution.value(of: $0) }
        } catch {
            throw .solverFailed(group: parent, reason: "\(error)")
        }
    }
}
