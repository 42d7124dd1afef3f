/// Lagrangian lower bound for the capacitated p-median, with reduced-cost variable fixing.
///
/// Relaxing the assignment rows `Σ_j x[i][j] = 1` with multipliers `λ` splits the problem per
/// candidate centre into a 0/1 knapsack: `ρ_j = min Σ_i (c_ij − λ_i) x_ij` subject to
/// `Σ_i q_i x_ij ≤ Q_j`. The bound is `Σ λ + (sum of the p smallest ρ_j)`, at least as strong as
/// the LP relaxation of the strong formulation, and maximised by subgradient optimisation.
///
/// Fixing: given an upper bound `U`, a variable whose forced value makes the Lagrangian bound
/// exceed `U` cannot be part of any solution better than `U`, so it is fixed.
///
/// Demands and capacities must be integers (checked by ``init(problem:)``).
struct CapacitatedPMedianLagrangian {
    let problem: PMedianProblem
    let weights: [Int]
    let capacities: [Int]
    /// Best multipliers found so far and their bound.
    private(set) var multipliers: [Double]
    private(set) var bestBound: Double = -.infinity
    private(set) var bestMultipliers: [Double]
    /// Centres chosen by the last evaluation (the `p` smallest `ρ_j`).
    private(set) var lastCentres: [Int] = []

    /// Returns `nil` when demands or capacities are missing, fractional, or too large for the DP.
    init?(problem: PMedianProblem) {
        guard let demand = problem.demand, let capacity = problem.capacity else { return nil }
        guard demand.allSatisfy({ $0 == $0.rounded() && $0 <= 1e6 }),
            capacity.allSatisfy({ $0 == $0.rounded() && $0 <= 1e5 })
        else { return nil }
        self.problem = problem
        weights = demand.map { Int($0) }
        capacities = capacity.map { Int($0) }
        let n = problem.unitCount
        // Start from the cost to the nearest other unit: a cheap, reasonable dual guess.
        var start = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var best = Double.infinity
            for j in 0..<n where j != i { best = min(best, problem.cost(i, j)) }
            start[i] = best.isFinite ? best : 0
        }
        multipliers = start
        bestMultipliers = start
    }

    /// Evaluates the bound at `λ`: value, chosen centres and the subgradient `1 − Σ_j x_ij`.
    func evaluate(_ lambda: [Double]) -> (bound: Double, centres: [Int], subgradient: [Double]) {
        let n = problem.unitCount
        let p = problem.centreCount
        var rho = [Double](repeating: 0, count: n)
        var picks = [[Bool]](repeating: [], count: n)
        var values = [Double](repeating: 0, count: n)
        for j in 0..<n {
            for i in 0..<n { values[i] = problem.cost(i, j) - lambda[i] }
            let result = KnapsackDP.minimize(values: values, weights: weights, capacity: capacities[j])
            rho[j] = result.value
            picks[j] = result.taken
        }
        let order = (0..<n).sorted { (rho[$0], $0) < (rho[$1], $1) }
        let centres = Array(order.prefix(p))
        var bound = lambda.reduce(0, +)
        var subgradient = [Double](repeating: 1, count: n)
        for j in centres {
            bound += rho[j]
            for i in 0..<n where picks[j][i] { subgradient[i] -= 1 }
        }
        return (bound, centres.sorted(), subgradient)
    }

    /// Subgradient optimisation (Polyak steps towards `upperBound`), calling `onCentres` with the
    /// centres of every `heuristicEvery`-th iterate so a primal heuristic can run.
    ///
    /// Stops after `iterations`, when the step factor vanishes, or when the bound proves
    /// `upperBound` optimal (within 1 when costs are integral).
    mutating func optimize(
        upperBound: () -> Double, iterations: Int, heuristicEvery: Int = 10, onCentres: ([Int]) -> Void
    ) {
        var theta = 2.0
        var stall = 0
        let integral = problem.hasIntegralCosts
        for iteration in 0..<iterations {
            let (bound, centres, g) = evaluate(multipliers)
            lastCentres = centres
            if bound > bestBound + 1e-9 {
                bestBound = bound
                bestMultipliers = multipliers
                stall = 0
            } else {
                stall += 1
                if stall >= 20 {
                    theta /= 2
                    stall = 0
                }
            }
            if iteration % heuristicEvery == 0 { onCentres(centres) }
            let target = upperBound()
            let closed = integral ? bestBound > target - 1 + 1e-6 : bestBound >= target - 1e-9 * abs(target)
            if closed || theta < 1e-4 { break }
            let norm = g.reduce(0) { $0 + $1 * $1 }
            if norm == 0 { break }  // the relaxed solution is feasible: bound is optimal
            let step = theta * max(target - bound, 1e-6 * max(abs(target), 1)) / norm
            for i in 0..<multipliers.count { multipliers[i] += step * g[i] }
        }
    }

    /// Variables that cannot appear in any solution with objective `< cutoff` under the best multipliers.
    ///
    /// - Returns: `closed[j]` (centre `j` cannot open), `forcedOpen[j]` (centre `j` must open) and
    ///   `forbidden[i*n+j]` (unit `i` cannot be served by `j`).
    func fixings(cutoff: Double) -> (closed: [Bool], forcedOpen: [Bool], forbidden: [Bool]) {
        let n = problem.unitCount
        let p = problem.centreCount
        let lambda = bestMultipliers
        let base = lambda.reduce(0, +)
        var rho = [Double](repeating: 0, count: n)
        var forced = [[Double]](repeating: [], count: n)
        var values = [Double](repeating: 0, count: n)
        for j in 0..<n {
            for i in 0..<n { values[i] = problem.cost(i, j) - lambda[i] }
            rho[j] = KnapsackDP.minimize(values: values, weights: weights, capacity: capacities[j]).value
            forced[j] = KnapsackDP.minimizeWithEachItemForced(values: values, weights: weights, capacity: capacities[j])
        }
        let order = (0..<n).sorted { (rho[$0], $0) < (rho[$1], $1) }
        var rank = [Int](repeating: 0, count: n)
        for (r, j) in order.enumerated() { rank[j] = r }
        // Sum of the k smallest rho excluding j, for k = p - 1 and p.
        let prefix = order.reduce(into: [0.0]) { $0.append($0[$0.count - 1] + rho[$1]) }
        func smallest(_ k: Int, excluding j: Int) -> Double {
            if k <= 0 { return 0 }
            if rank[j] < k { return prefix[min(k + 1, n)] - rho[j] }
            return prefix[k]
        }
        var closed = [Bool](repeating: false, count: n)
        var forcedOpen = [Bool](repeating: false, count: n)
        var forbidden = [Bool](repeating: false, count: n * n)
        for j in 0..<n {
            let others = smallest(p - 1, excluding: j)
            if base + rho[j] + others >= cutoff { closed[j] = true }
            if p < n && base + smallest(p, excluding: j) >= cutoff { forcedOpen[j] = true }
            for i in 0..<n where closed[j] || base + forced[j][i] + others >= cutoff {
                forbidden[i * n + j] = true
            }
        }
        return (closed, forcedOpen, forbidden)
    }
}
