import TerritoryDesign

/// Branching candidates of the Lagrangian branch-and-bound, scored by one-step bound lifts.
///
/// At the node's best multipliers, a unit taken by two or more chosen centres' knapsacks is the
/// typical reason the bound falls short of the optimum. Branching on one of its pairs `(i, j)`
/// raises both children: `x[i][j] = 0` takes `i` out of `j`'s knapsack, and `x[i][j] = 1` takes it
/// out of every other knapsack. A centre branch lifts only its closing child, so pairs usually
/// win. Scores are the product of the two children's lifts (each at least `ε`), the rule of
/// reliability branching's product score.
extension CapacitatedPMedianLagrangian {
    /// A branching decision with each child's estimated bound lift.
    enum Branch {
        /// Close / open centre `j`.
        case centre(Int, closeLift: Double)
        /// Forbid / force unit `i` to centre `j`.
        case pair(unit: Int, centre: Int, forbidLift: Double, forceLift: Double)

        /// Product score: larger is better.
        var score: Double {
            let epsilon = 1e-3
            switch self {
            case .centre(_, let closeLift): return max(closeLift, epsilon) * epsilon
            case .pair(_, _, let forbidLift, let forceLift): return max(forbidLift, epsilon) * max(forceLift, epsilon)
            }
        }
    }

    /// The best pair branch over units covered more than once by the evaluation's centres, or
    /// `nil` when every unit is covered at most once.
    ///
    /// - Complexity: One knapsack per (over-covered unit, covering centre).
    func pairBranch(_ e: Evaluation, node: Node) -> Branch? {
        let n = problem.unitCount
        guard let sole = node.soleCentres() else { return nil }
        let lambda = bestMultipliers
        var values = [Double](repeating: 0, count: n)
        var best: Branch?
        for i in 0..<n where e.subgradient[i] < -0.5 && sole[i] < 0 {
            let covering = e.centres.filter { e.picks[$0][i] }
            // Lift of taking i out of each covering knapsack.
            var lifts: [Double] = []
            for j in covering {
                let (capacity, constant, _) = knapsack(j, lambda, node: node, sole: sole, values: &values)
                values[i] = .infinity
                let without = KnapsackDP.minimize(values: values, weights: weights, capacity: max(capacity, 0)).value
                lifts.append(max(0, without + constant - e.rho[j]))
            }
            for (k, j) in covering.enumerated() {
                // Each child's bound at the same multipliers (valid for pruning): the covering
                // knapsacks' values rise, and the p cheapest free centres are chosen again.
                var forbid = e.rho
                forbid[j] += lifts[k]
                var force = e.rho
                for (m, other) in covering.enumerated() where m != k { force[other] += lifts[m] }
                let candidate = Branch.pair(
                    unit: i, centre: j, forbidLift: bound(e, rho: forbid, node: node, open: nil) - e.bound,
                    forceLift: bound(e, rho: force, node: node, open: j) - e.bound)
                if best.map({ candidate.score > $0.score }) ?? true { best = candidate }
            }
        }
        return best
    }

    /// The Lagrangian bound of `e` with centre values `rho` (and centre `open` forced open).
    private func bound(_ e: Evaluation, rho: [Double], node: Node, open extra: Int?) -> Double {
        let need = problem.centreCount - node.openCount - (extra.map { node.open[$0] ? 0 : 1 } ?? 0)
        var total = bestMultipliers.reduce(0, +)
        for j in 0..<rho.count where node.open[j] || j == extra { total += rho[j] }
        let free = e.freeOrder.filter { $0 != extra }.map { rho[$0] }.sorted()
        guard need >= 0, need <= free.count else { return .infinity }
        for value in free.prefix(need) { total += value }
        return total
    }
}
