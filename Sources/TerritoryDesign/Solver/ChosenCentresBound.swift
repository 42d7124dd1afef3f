/// A lower bound on the objective valid over *every* choice of `count` centres among the
/// candidates, for ``CentrePolicy/choose(count:)``.
///
/// The bound of an alignment to the opened centres holds only for those centres. This one relaxes
/// the balance bands and the disruption budget (whose penalty is non-negative) and dualises the
/// assignment rows of the remaining p-median: for multipliers `λ`,
/// `L(λ) = Σ_locked c_i,home + Σ_free λ_i + Σ_{j ∈ R} ρ_j + (the count − |R| smallest ρ_j, j ∉ R)`
/// with `ρ_j = Σ_free min(0, c_ij − λ_i)`, where `R` are the candidates holding locked units (they
/// must open). Every `λ` gives a valid bound; projected subgradient steps (Polyak, towards the
/// alignment's objective) raise it. With `λ_i = min_j c_ij` it is the nearest-candidate bound.
///
/// - Complexity: O(n · m) per iteration, with the `n × m` costs held when they fit in
///   ``maxStoredCosts`` entries; otherwise only the nearest-candidate bound (one pass) is computed.
struct ChosenCentresBound {
    /// Largest `n · m` for which the cost matrix is stored and the subgradient runs.
    static let maxStoredCosts = 16_000_000

    let problem: AlignmentProblem
    let count: Int

    /// The bound after at most `iterations` subgradient steps, stopping early at `deadline`
    /// (seconds on ``Clock``); `upperBound` is the objective of a feasible alignment.
    func value(upperBound: Double, iterations: Int = 300, deadline: Double) -> Double {
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
            var best = Double.infinity
            for j in 0..<m {
                let c = cost(i, j)
                costs[r * m + j] = c
                best = min(best, c)
            }
            lambda[r] = best
        }
        var best = -Double.infinity
        var theta = 2.0
        var stall = 0
        var rho = [Double](repeating: 0, count: m)
        for iteration in 0..<max(iterations, 1) {
            if iteration > 0 && Clock.now > deadline { break }
            for j in 0..<m { rho[j] = 0 }
            for r in 0..<freeUnits.count {
                let base = r * m
                let l = lambda[r]
                for j in 0..<m {
                    let reduced = costs[base + j] - l
                    if reduced < 0 { rho[j] += reduced }
                }
            }
            let optional = (0..<m).filter { !required[$0] }.sorted { (rho[$0], $0) < (rho[$1], $1) }
            let chosen = (0..<m).filter { required[$0] } + optional.prefix(free)
            let value = lockedCost + lambda.reduce(0, +) + chosen.reduce(0) { $0 + rho[$1] }
            if value > best + 1e-12 * max(1, abs(best)) {
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
            // Subgradient of the assignment row of each free unit: 1 − (times a chosen centre takes it).
            var isChosen = [Bool](repeating: false, count: m)
            for j in chosen { isChosen[j] = true }
            var g = [Double](repeating: 1, count: freeUnits.count)
            var norm = 0.0
            for r in 0..<freeUnits.count {
                let base = r * m
                for j in 0..<m where isChosen[j] && costs[base + j] < lambda[r] { g[r] -= 1 }
                norm += g[r] * g[r]
            }
            if norm == 0 { break }
            let step = theta * max(upperBound - value, 1e-9 * max(1, abs(upperBound))) / norm
            for r in 0..<freeUnits.count { lambda[r] += step * g[r] }
        }
        return Self.safe(best)
    }

    /// Shaves rounding noise off in the valid direction.
    private static func safe(_ value: Double) -> Double { value - 1e-9 * max(1, abs(value)) }
}
