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
        var unclamped = Array(repeating: false, count: flexible.count)
        var solution: [Double] = []
        for _ in 0...flexible.count {
            solution = try solveLexicographic(flexible: flexible, unclamped: unclamped, options: options)
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

    /// The two phases for one set of references; quotas as fractions of the available pool.
    func solveLexicographic(flexible: [Int], unclamped: [Bool], options: SolverOptions) throws(QuotaError) -> [Double] {
        let phase1 = try solvePhase(flexible: flexible, unclamped: unclamped, largestDeviation: nil, options: options)
        let bound = phase1.largestDeviation * (1 + 1e-7) + 1e-9
        return try solvePhase(flexible: flexible, unclamped: unclamped, largestDeviation: bound, options: options).quotas
    }

    /// One phase of the lexicographic LP: without `largestDeviation`, minimise the largest relative
    /// deviation; with it, bound that and minimise the mean relative deviation.
    func solvePhase(
        flexible: [Int], unclamped: [Bool], largestDeviation: Double?, options: SolverOptions
    ) throws(QuotaError) -> (quotas: [Double], largestDeviation: Double) {
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
        let z = model.addVariable("z", lowerBound: 0, upperBound: largestDeviation ?? .infinity)
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
