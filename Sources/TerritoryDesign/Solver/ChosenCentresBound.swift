import LinearProgramming

/// A lower bound on the objective valid over *every* choice of `count` centres among the
/// candidates, for ``CentrePolicy/choose(count:)``.
///
/// The bound of an alignment to the opened centres holds only for those centres. This one relaxes
/// the balance bands and the disruption budget (whose penalty is non-negative) and dualises the
/// assignment rows of the remaining p-median: for multipliers `λ`,
/// `L(λ) = Σ_locked c_i,home + Σ_free λ_i + Σ_{j ∈ R} ρ_j + (the count − |R| smallest ρ_j, j ∉ R)`
/// with `ρ_j = Σ_free min(0, c_ij − λ_i)`, where `R` are the candidates holding locked units (they
/// must open), or, per measure whose targets do not depend on the choice, the LP value of the
/// knapsack with that measure's upper band. Every `λ` gives a valid bound; projected subgradient steps (Polyak, towards the
/// alignment's objective) raise it, from `λ_i` = the unit's second-cheapest candidate (a unit
/// that is itself a candidate would otherwise start every `ρ` at 0).
///
/// - Complexity: O(n · m) per iteration, with the `n × m` costs held when they fit in
///   ``maxStoredCosts`` entries; otherwise only the nearest-candidate bound (one pass) is computed.
struct ChosenCentresBound {
    /// Largest `n · m` for which the cost matrix is stored and the subgradient runs.
    static let maxStoredCosts = 16_000_000

    let problem: AlignmentProblem
    let count: Int

    /// The bound after at most `iterations` subgradient steps, stopping early when `deadline`
    /// has passed once `minimumIterations` are done; `upperBound` is the objective of a feasible
    /// alignment.
    func value(upperBound: Double, iterations: Int = 300, minimumIterations: Int = 3, deadline: Deadline) -> Double {
        let n = problem.units.count
        let m = problem.territories.count
        let metric = problem.metric
        let weights = problem.units.map { unit in problem.compactnessMeasure.map { unit.measures[$0] } ?? 1 }
        var index: [String: Int] = [:]
        for (j, territory) in problem.territories.enumerated() { index[territory.id] = j }
        let home: [Int?] = problem.units.map { $0.locked ? $0.currentTerritory.flatMap { index[$0] } : nil }
        var required = [Bool](repeating: false, count: m)
        for case let j? in home { required[j] = true }
        let requiredCount = required.filter { $0 }.count
        let free = max(0, count - requiredCount)
        func cost(_ i: Int, _ j: Int) -> Double {
            weights[i] * metric.distance(problem.units[i].location, problem.territories[j].centre)
        }
        var lockedCost = 0.0
        for i in 0..<n { if let j = home[i] { lockedCost += cost(i, j) } }
        let freeUnits = (0..<n).filter { home[$0] == nil }
        guard n * m <= Self.maxStoredCosts else {
            // Too large to store: each free unit at its nearest candidate.
            var total = lockedCost
            for i in freeUnits {
                var best = Double.infinity
                for j in 0..<m { best = min(best, cost(i, j)) }
                total += best
            }
            return Self.safe(total)
        }
        var costs = [Double](repeating: 0, count: freeUnits.count * m)
        var lambda = [Double](repeating: 0, count: freeUnits.count)
        for (r, i) in freeUnits.enumerated() {
            var first = Double.infinity
            var second = Double.infinity
            for j in 0..<m {
                let c = cost(i, j)
                costs[r * m + j] = c
                if c < first {
                    second = first
                    first = c
                } else if c < second {
                    second = c
                }
            }
            lambda[r] = second.isFinite ? second : first
        }
        // Upper bands that do not depend on which centres open (given targets, or equal shares of
        // `count` territories) become one knapsack row per candidate; each row alone gives a valid
        // (fractional) knapsack value, and the largest of them is used.
        let rows = upperBands()
        let values = rows.map { row in freeUnits.map { problem.units[$0].measures[row.measure] } }
        var best = -Double.infinity
        var theta = 2.0
        var stall = 0
        var rho = [Double](repeating: 0, count: m)
        // Per candidate: the free units (rows) taken and their fractions.
        var taken = [[(Int, Double)]](repeating: [], count: m)
        var items: [[(Int, Double)]] = [[(Int, Double)]](repeating: [], count: m)
        for iteration in 0..<max(iterations, 1) {
            if iteration >= minimumIterations && deadline.hasPassed { break }
            for j in 0..<m { items[j].removeAll(keepingCapacity: true) }
            for r in 0..<freeUnits.count {
                let base = r * m
                let l = lambda[r]
                for j in 0..<m {
                    let reduced = costs[base + j] - l
                    if reduced < 0 { items[j].append((r, reduced)) }
                }
            }
            for j in 0..<m {
                var value = items[j].reduce(0) { $0 + $1.1 }
                var chosenItems = items[j].map { ($0.0, 1.0) }
                for (k, row) in rows.enumerated() {
                    let (rowValue, rowItems) = Self.fractionalKnapsack(
                        items[j], weights: values[k], capacity: row.upper[j])
                    if rowValue > value {
                        value = rowValue
                        chosenItems = rowItems
                    }
                }
                rho[j] = value
                taken[j] = chosenItems
            }
            let optional = (0..<m).filter { !required[$0] }.sorted { (rho[$0], $0) < (rho[$1], $1) }
            let chosen = (0..<m).filter { required[$0] } + optional.prefix(free)
            let value = lockedCost + lambda.reduce(0, +) + chosen.reduce(0) { $0 + rho[$1] }
            if !best.isFinite || value > best + 1e-12 * max(1, abs(best)) {
                best = value
                stall = 0
            } else {
                stall += 1
                if stall >= 20 {
                    theta /= 2
                    stall = 0
                }
            }
            if theta < 1e-4 || best >= upperBound { break }
            // Subgradient of the assignment row of each free unit: 1 − (how much chosen centres take).
            var g = [Double](repeating: 1, count: freeUnits.count)
            for j in chosen {
                for (r, fraction) in taken[j] { g[r] -= fraction }
            }
            let norm = g.reduce(0) { $0 + $1 * $1 }
            if norm < 1e-18 { break }
            let step = theta * max(upperBound - value, 1e-9 * max(1, abs(upperBound))) / norm
            for r in 0..<freeUnits.count { lambda[r] += step * g[r] }
        }
        return Self.safe(best)
    }

    /// Per measure whose targets do not depend on the chosen centres: each candidate's upper band.
    private func upperBands() -> [(measure: Int, upper: [Double])] {
        var result: [(measure: Int, upper: [Double])] = []
        for (k, measure) in problem.measures.enumerated() {
            let total = problem.units.reduce(0) { $0 + $1.measures[k] }
            let factor = 1 + measure.tolerance
            switch measure.target {
            case .equal:
                result.append(
                    (k, [Double](repeating: factor * total / Double(max(count, 1)), count: problem.territories.count)))
            case .given:
                result.append((k, problem.territories.map { factor * ($0.targets?[k] ?? .infinity) }))
            case .upperLimit:
                result.append((k, [Double](repeating: measure.limit ?? .infinity, count: problem.territories.count)))
            case .proportionalToCapacity:
                continue  // the share depends on which centres open
            }
        }
        return result
    }

    /// Minimum of `Σ value·x` over `0 ≤ x ≤ 1` with `Σ weight·x ≤ capacity` (items have negative
    /// values): weightless items whole, then by value per weight until the capacity is used.
    ///
    /// The LP value is below the 0/1 knapsack's, so it keeps the bound valid.
    static func fractionalKnapsack(_ items: [(Int, Double)], weights: [Double], capacity: Double)
        -> (Double, [(Int, Double)])
    {
        guard capacity.isFinite else { return (items.reduce(0) { $0 + $1.1 }, items.map { ($0.0, 1.0) }) }
        var value = 0.0
        var result: [(Int, Double)] = []
        var weighted: [(Int, Double)] = []
        for item in items {
            if weights[item.0] <= 0 {
                value += item.1
                result.append((item.0, 1))
            } else {
                weighted.append(item)
            }
        }
        weighted.sort { ($0.1 / weights[$0.0], $0.0) < ($1.1 / weights[$1.0], $1.0) }
        var room = max(capacity, 0)
        for (r, itemValue) in weighted {
            guard room > 0 else { break }
            let fraction = min(1, room / weights[r])
            value += fraction * itemValue
            result.append((r, fraction))
            room -= fraction * weights[r]
        }
        return (value, result)
    }

    /// Shaves rounding noise off in the valid direction.
    private static func safe(_ value: Double) -> Double { value - 1e-9 * max(1, abs(value)) }
}
