import TerritoryDesign

/// Lagrangian lower bound for the capacitated p-median, with reduced-cost variable fixing.
///
/// Relaxing the assignment rows `Σ_j x[i][j] = 1` with multipliers `λ` splits the problem per
/// candidate centre into a 0/1 knapsack: `ρ_j = min Σ_i (c_ij − λ_i) x_ij` subject to
/// `Σ_i q_i x_ij ≤ Q_j`. The bound is `Σ λ + Σ ρ_j` over the forced-open centres plus the
/// smallest `ρ_j` of the free ones (up to `p` centres), at least as strong as the LP relaxation
/// of the strong formulation, and maximised by subgradient optimisation. A ``Node`` restricts
/// centres (open / closed) and assignment pairs (forbidden), as in branch-and-bound; a unit left
/// with one allowed centre is forced into that centre's knapsack.
///
/// Fixing: given a cutoff, a variable whose forced value lifts the bound to the cutoff cannot be
/// part of any solution below it.
///
/// Demands and capacities must be integers (checked by ``init(problem:)``).
struct CapacitatedPMedianLagrangian {
    /// Centre and assignment restrictions of a branch-and-bound node.
    struct Node {
        var closed: [Bool]
        var open: [Bool]
        /// Row-major `n×n` mask: `forbidden[i*n+j]` means unit `i` may not be served by `j`.
        var forbidden: [Bool]
        init(unitCount n: Int) {
            closed = [Bool](repeating: false, count: n)
            open = [Bool](repeating: false, count: n)
            forbidden = [Bool](repeating: false, count: n * n)
        }
        var openCount: Int { open.reduce(0) { $0 + ($1 ? 1 : 0) } }

        /// For every unit, its only allowed centre (not closed, pair not forbidden), `-1` when it
        /// has several, or `nil` when some unit has none (the node is infeasible).
        func soleCentres() -> [Int]? {
            let n = closed.count
            var sole = [Int](repeating: -1, count: n)
            for i in 0..<n {
                var found = -1
                var count = 0
                for j in 0..<n where !closed[j] && !forbidden[i * n + j] {
                    found = j
                    count += 1
                    if count > 1 { break }
                }
                if count == 0 { return nil }
                if count == 1 { sole[i] = found }
            }
            return sole
        }

        /// Opens every centre that is some unit's only option.
        ///
        /// Returns `false` when the node is infeasible (a unit without centre, or more than `p` centres open).
        mutating func propagate(centreCount p: Int) -> Bool {
            guard let sole = soleCentres() else { return false }
            for j in sole where j >= 0 { open[j] = true }
            return openCount <= p
        }
    }

    /// One evaluation of the Lagrangian function.
    struct Evaluation {
        var bound: Double
        var rho: [Double]
        /// Free centres in ascending `ρ` (ties by index).
        var freeOrder: [Int]
        /// Chosen centres: forced open plus the first free ones.
        var centres: [Int]
        var chosenFree: Int
        var subgradient: [Double]
        /// Units each centre's knapsack takes (empty for closed centres).
        var picks: [[Bool]]
        /// `false` when the node admits no choice of `p` centres.
        var feasible: Bool
        /// `true` when the deadline passed mid-evaluation: the bound is `-∞` and proves nothing.
        var interrupted = false
    }

    let problem: PMedianProblem
    let weights: [Int]
    let capacities: [Int]
    /// Current multipliers, and the best ones found with their bound.
    var multipliers: [Double]
    private(set) var bestBound: Double = -.infinity
    private(set) var bestMultipliers: [Double]

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

    /// Centre `j`'s knapsack at `node`: item values (`+∞` for units it cannot take, or must take),
    /// the residual capacity after the units it must take, their cost, and which they are.
    ///
    /// A unit must be taken by `j` when `j` is its only allowed centre (`sole[i] == j`).
    func knapsack(_ j: Int, _ lambda: [Double], node: Node, sole: [Int], values: inout [Double])
        -> (capacity: Int, constant: Double, forced: [Int])
    {
        let n = problem.unitCount
        var capacity = capacities[j]
        var constant = 0.0
        var forced: [Int] = []
        for i in 0..<n {
            if sole[i] == j {
                forced.append(i)
                capacity -= weights[i]
                constant += problem.cost(i, j) - lambda[i]
                values[i] = .infinity
            } else if sole[i] >= 0 || node.forbidden[i * n + j] {
                values[i] = .infinity
            } else {
                values[i] = problem.cost(i, j) - lambda[i]
            }
        }
        return (capacity, constant, forced)
    }

    private func rho(_ j: Int, _ lambda: [Double], node: Node, sole: [Int], values: inout [Double])
        -> (Double, [Bool])
    {
        let (capacity, constant, forced) = knapsack(j, lambda, node: node, sole: sole, values: &values)
        if capacity < 0 { return (.infinity, [Bool](repeating: false, count: values.count)) }
        var result = KnapsackDP.minimize(values: values, weights: weights, capacity: capacity)
        for i in forced { result.taken[i] = true }
        return (result.value + constant, result.taken)
    }

    /// Sets both the current and the best multipliers (after a side computation).
    mutating func reset(to lambda: [Double]) {
        multipliers = lambda
        bestMultipliers = lambda
    }

    /// Evaluates the bound at `λ` within `node`.
    ///
    /// - Parameters:
    ///   - lambda: The multipliers `λ`.
    ///   - node: The branch-and-bound node (closed, open and forbidden choices).
    ///   - known: `node.soleCentres()`, when the caller already has it.
    ///   - deadline: Checked between knapsacks; past it the evaluation is ``Evaluation/interrupted``.
    /// - Returns: The bound, the chosen centres and the subgradient at `λ`.
    func evaluate(
        _ lambda: [Double], node: Node, sole known: [Int]?? = nil, deadline: ContinuousClock.Instant? = nil
    ) -> Evaluation {
        let n = problem.unitCount
        let p = problem.centreCount
        var rho = [Double](repeating: 0, count: n)
        var picks = [[Bool]](repeating: [], count: n)
        var values = [Double](repeating: 0, count: n)
        let soleOrNil = known ?? node.soleCentres()
        let sole = soleOrNil ?? [Int](repeating: -1, count: n)
        for j in 0..<n where !node.closed[j] {
            if ExactDeadline.expired(deadline) {
                return Evaluation(
                    bound: -.infinity, rho: rho, freeOrder: [], centres: [], chosenFree: 0, subgradient: [],
                    picks: picks, feasible: true, interrupted: true)
            }
            (rho[j], picks[j]) = self.rho(j, lambda, node: node, sole: sole, values: &values)
        }
        let freeOrder = (0..<n).filter { !node.closed[$0] && !node.open[$0] }.sorted { (rho[$0], $0) < (rho[$1], $1) }
        let forced = (0..<n).filter { node.open[$0] }
        let need = p - forced.count
        let feasible = need >= 0 && need <= freeOrder.count && soleOrNil != nil
        let chosenFree = max(0, min(need, freeOrder.count))
        let centres = forced + freeOrder.prefix(chosenFree)
        var bound = lambda.reduce(0, +)
        var subgradient = [Double](repeating: 1, count: n)
        for j in centres {
            bound += rho[j]
            for i in 0..<n where picks[j][i] { subgradient[i] -= 1 }
        }
        return Evaluation(
            bound: feasible ? bound : .infinity, rho: rho, freeOrder: freeOrder, centres: centres.sorted(),
            chosenFree: chosenFree, subgradient: subgradient, picks: picks, feasible: feasible && bound.isFinite)
    }

    /// Subgradient optimisation (Polyak steps towards `upperBound()`) from the current multipliers.
    ///
    /// Calls `onCentres` with the chosen centres every `heuristicEvery` iterations. Stops after
    /// `iterations`, when the step factor vanishes, when the bound reaches `cutoff()`, or when
    /// `deadline` passes.
    /// - Returns: The best evaluation seen (its multipliers become ``bestMultipliers``); an
    ///   ``Evaluation/interrupted`` one when the deadline passed before any evaluation finished.
    @discardableResult
    mutating func optimize(
        node: Node, upperBound: () -> Double, cutoff: () -> Double, iterations: Int, theta startTheta: Double = 2,
        patience: Int = 10, heuristicEvery: Int = 10, deadline: ContinuousClock.Instant? = nil,
        onCentres: ([Int]) -> Void
    ) -> Evaluation {
        var theta = startTheta
        var stall = 0
        var best: Evaluation?
        var nodeBest = -Double.infinity
        let sole = node.soleCentres()
        for iteration in 0..<max(iterations, 1) {
            let evaluation = evaluate(multipliers, node: node, sole: sole, deadline: deadline)
            if evaluation.interrupted {
                multipliers = bestMultipliers
                return best ?? evaluation
            }
            if !evaluation.feasible { return evaluation }
            if evaluation.bound > nodeBest + 1e-9 {
                nodeBest = evaluation.bound
                best = evaluation
                bestMultipliers = multipliers
                bestBound = nodeBest
                stall = 0
            } else {
                stall += 1
                if stall >= patience {
                    theta /= 2
                    stall = 0
                }
            }
            if iteration % heuristicEvery == 0 { onCentres(evaluation.centres) }
            if nodeBest >= cutoff() || theta < 1e-4 || ExactDeadline.expired(deadline) { break }
            let g = evaluation.subgradient
            let norm = g.reduce(0) { $0 + $1 * $1 }
            if norm == 0 { break }  // the relaxed solution is feasible: bound is optimal
            let target = upperBound()
            let gapToTarget = target.isFinite ? target - evaluation.bound : 0.05 * max(abs(evaluation.bound), 1)
            let step = theta * max(gapToTarget, 1e-6 * max(abs(target), 1)) / norm
            for i in 0..<multipliers.count { multipliers[i] += step * g[i] }
        }
        multipliers = bestMultipliers
        return best ?? evaluate(multipliers, node: node, sole: sole, deadline: deadline)
    }

    /// Centres the node's best bound forces: `close[j]` (opening `j` lifts the bound to
    /// `cutoff`) and `open[j]` (closing `j` does).
    func centreFixings(_ e: Evaluation, node: Node, cutoff: Double) -> (close: [Bool], open: [Bool]) {
        let n = problem.unitCount
        var close = [Bool](repeating: false, count: n)
        var open = [Bool](repeating: false, count: n)
        let chosen = Array(e.freeOrder.prefix(e.chosenFree))
        let lastChosen = chosen.last.map { e.rho[$0] }
        let firstUnchosen = e.freeOrder.count > e.chosenFree ? e.rho[e.freeOrder[e.chosenFree]] : nil
        for (r, j) in e.freeOrder.enumerated() {
            if r < e.chosenFree {
                if let next = firstUnchosen {
                    if e.bound - e.rho[j] + next >= cutoff { open[j] = true }
                } else {
                    open[j] = true  // every free centre is needed
                }
            } else if let last = lastChosen {
                if e.bound + e.rho[j] - last >= cutoff { close[j] = true }
            } else {
                close[j] = true  // no free centre is needed
            }
        }
        return (close, open)
    }

    /// Assignment pairs `(i, j)` (row-major mask) that cannot be used below `cutoff` at the node's
    /// best multipliers, including the node's own forbidden pairs; closed centres forbid all their
    /// pairs, and a unit's only centre stays allowed.
    ///
    /// Past `deadline` the remaining centres fix
    /// nothing more (every fixing made is valid on its own).
    func assignmentFixings(
        _ e: Evaluation, node: Node, cutoff: Double, deadline: ContinuousClock.Instant? = nil
    ) -> [Bool] {
        let n = problem.unitCount
        let lambda = bestMultipliers
        var forbidden = node.forbidden
        guard let sole = node.soleCentres() else { return [Bool](repeating: true, count: n * n) }
        let lastChosen = e.chosenFree > 0 ? e.rho[e.freeOrder[e.chosenFree - 1]] : nil
        let chosen = Set(e.centres)
        var values = [Double](repeating: 0, count: n)
        for j in 0..<n {
            if node.closed[j] {
                for i in 0..<n { forbidden[i * n + j] = true }
                continue
            }
            if ExactDeadline.expired(deadline) { continue }
            // Bound with j open, without its own ρ: replace the last chosen free centre if j is not chosen.
            let base: Double
            if chosen.contains(j) {
                base = e.bound - e.rho[j]
            } else if let last = lastChosen {
                base = e.bound - last
            } else {
                for i in 0..<n { forbidden[i * n + j] = true }
                continue
            }
            let (capacity, constant, _) = knapsack(j, lambda, node: node, sole: sole, values: &values)
            guard capacity >= 0 else {
                for i in 0..<n { forbidden[i * n + j] = true }
                continue
            }
            let forced = KnapsackDP.minimizeWithEachItemForced(values: values, weights: weights, capacity: capacity)
            for i in 0..<n where sole[i] < 0 && base + constant + forced[i] >= cutoff { forbidden[i * n + j] = true }
        }
        return forbidden
    }
}
