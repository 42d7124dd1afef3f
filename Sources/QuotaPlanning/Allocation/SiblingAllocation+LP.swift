import LinearProgramming

extension SiblingAllocation {
    /// Solves the group's LP over GLPK and returns the quotas in member order (fixed members keep
    /// their amount).
    ///
    /// Amounts are normalised by the available pool inside the LP, so every coefficient stays near 1 whatever the
    /// currency scale.
    ///
    /// - Throws: ``QuotaError/infeasible(_:)`` from ``checkFeasibility()`` before any LP is built,
    ///   or ``QuotaError/solverFailed(group:termination:reason:)`` when GLPK does not prove an optimum.
    public func solve(options: SolverOptions = SolverOptions()) throws(QuotaError) -> [Double] {
        try solveDetailed(options: options).quotas
    }

    /// The quotas, plus the members pinned at the bound their target lies beyond (pass them to
    /// ``mathProgData(pinned:)`` to reproduce the final LP).
    public func solveDetailed(options: SolverOptions = SolverOptions()) throws(QuotaError)
        -> (quotas: [Double], pinned: Set<QuotaNodeID>)
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
        var pinned = initialPins(flexible: flexible)
        var solution: [Double] = []
        let slack = 1e-7 * max(1, available)
        for _ in 0...flexible.count {
            solution = try solveLP(flexible: flexible, pinned: pinned, options: options)
            // The common relative move of the free members that no bound stops.
            var delta = 0.0
            for (k, i) in flexible.enumerated() where !pinned[k] {
                let m = members[i]
                let q = solution[k] * available
                if q > m.lower + slack && q < m.upper - slack && m.target > 0 {
                    let d = q / m.target - 1
                    if abs(d) > abs(delta) { delta = d }
                }
            }
            // Pins the water-filling contradicts are released; free members it would stop are pinned.
            var changed = false
            for (k, i) in flexible.enumerated() {
                let m = members[i]
                let wanted = m.target * (1 + delta)
                let beyondFloor = m.target < m.lower
                let beyondCap = m.target > m.upper
                guard beyondFloor || beyondCap else { continue }
                let shouldPin = beyondFloor ? wanted <= m.lower + slack : wanted >= m.upper - slack
                if shouldPin != pinned[k] {
                    pinned[k] = shouldPin
                    changed = true
                }
            }
            if !changed { break }
        }
        for (k, i) in flexible.enumerated() {
            let m = members[i]
            quotas[i] = min(max(solution[k] * available, m.lower), m.upper)
        }
        return (quotas, Set(flexible.enumerated().filter { pinned[$0.offset] }.map { members[$0.element].id }))
    }

    /// Members whose target lies beyond a bound and whom proportional water-filling (every member
    /// at `tᵢ(1 + δ)` clamped into its bounds, one δ for the group) leaves at that bound.
    ///
    /// They are pinned there; the rest are aimed at their own targets. The guess usually makes the first LP the last
    /// one; ``solveDetailed(options:)`` re-solves when the LP's δ contradicts it.
    func initialPins(flexible: [Int]) -> [Bool] {
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
            let wanted = m.target * (1 + delta)
            return (m.target < m.lower && wanted <= m.lower) || (m.target > m.upper && wanted >= m.upper)
        }
    }

    /// Weight of the mean relative deviation against the largest one in the objective.
    static let meanDeviationWeight = 1e-3

    /// One LP for one set of pins: pinned members sit at their bound; the others minimise the
    /// largest relative deviation `z` from their targets, plus ``meanDeviationWeight`` times the
    /// mean relative deviation as a tie-break.
    ///
    /// With pins chosen by water-filling the largest deviation alone has a unique minimiser (every free member moves by
    /// the same relative amount or stops at its bound), so the small second term only orders otherwise equal solutions.
    /// Returns quotas as fractions of the pool.
    func solveLP(flexible: [Int], pinned: [Bool], options: SolverOptions) throws(QuotaError) -> [Double] {
        let normaliser = available
        let n = flexible.count
        let free = (0..<n).filter { !pinned[$0] }
        var model = Model(name: "quota_allocation")
        var lowers = flexible.map { max(0, members[$0].lower / normaliser) }
        var uppers = flexible.enumerated().map { k, i in max(lowers[k], members[i].upper / normaliser) }
        for k in 0..<n where pinned[k] {
            let value = boundedTarget(of: members[flexible[k]]) / normaliser
            lowers[k] = value
            uppers[k] = value
        }
        let q = model.addVariables(names: (0..<n).map { "q\($0)" }, lowerBounds: lowers, upperBounds: uppers)
        let zeros = Array(repeating: 0.0, count: free.count)
        let infinite = Array(repeating: Double.infinity, count: free.count)
        let over = model.addVariables(names: free.map { "over\($0)" }, lowerBounds: zeros, upperBounds: infinite)
        let under = model.addVariables(names: free.map { "under\($0)" }, lowerBounds: zeros, upperBounds: infinite)
        let z = model.addVariable("z", lowerBound: 0, upperBound: .infinity)
        model.addConstraint(
            name: "pool", lowerBound: 1, upperBound: 1, variables: q, coefficients: Array(repeating: 1, count: n))
        model.setObjectiveCoefficient(1, of: z)
        for (j, k) in free.enumerated() {
            let member = members[flexible[k]]
            let target = member.target / normaliser
            let scale = scale(of: member, flexibleCount: n) / normaliser
            model.addConstraint(
                name: "dev\(k)", lowerBound: target, upperBound: target,
                variables: [q[k], over[j], under[j]], coefficients: [1, -1, 1])
            model.addConstraint(
                name: "max\(k)", lowerBound: -.infinity, upperBound: 0,
                variables: [over[j], under[j], z], coefficients: [1, 1, -scale])
            let weight = Self.meanDeviationWeight / (scale * Double(free.count))
            model.setObjectiveCoefficient(weight, of: over[j])
            model.setObjectiveCoefficient(weight, of: under[j])
        }
        do {
            let solution = try model.solve(options: options).requireOptimal()
            return q.map { solution.value(of: $0) }
        } catch SolveError.notOptimal(let termination, _) {
            throw .solverFailed(group: parent, termination: termination, reason: "the LP ended \(termination)")
        } catch {
            throw .solverFailed(group: parent, termination: nil, reason: "\(error)")
        }
    }
}
