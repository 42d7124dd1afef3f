/// Assigns units to a fixed set of open centres under capacities: regret-ordered greedy, then
/// shift and swap moves until no move lowers the cost.
///
/// A heuristic for the generalised assignment subproblem of the capacitated p-median; used to
/// build incumbents. Returns `nil` when the greedy pass cannot place some unit.
enum CapacitatedAssignment {
    /// Assigns every unit of `problem` to one of `centres` within the capacities.
    ///
    /// - Parameters:
    ///   - problem: The instance (demands and capacities; none means unconstrained).
    ///   - centres: Open centres (unit indices).
    ///   - forbidden: Optional `n×n` mask of pairs that must not be used.
    /// - Returns: The centre of each unit, or `nil` when the greedy pass cannot place some unit.
    /// - Complexity: O(n·p·log n) for the greedy pass; each improvement sweep O(n·p + n²).
    static func assign(_ problem: PMedianProblem, centres: [Int], forbidden: [Bool]? = nil) -> [Int]? {
        let n = problem.unitCount
        let demand = problem.demand ?? [Double](repeating: 0, count: n)
        let capacity = problem.capacity ?? [Double](repeating: .infinity, count: n)
        func allowed(_ i: Int, _ j: Int) -> Bool { forbidden.map { !$0[i * n + j] } ?? true }
        var remaining = [Double](repeating: 0, count: n)
        for j in centres { remaining[j] = capacity[j] }
        // Regret = second-cheapest minus cheapest centre; place high-regret, heavy units first.
        let regret: [(Double, Double, Int)] = (0..<n).map { i in
            var first = Double.infinity
            var second = Double.infinity
            for j in centres where allowed(i, j) {
                let c = problem.cost(i, j)
                if c < first {
                    second = first
                    first = c
                } else if c < second {
                    second = c
                }
            }
            let r = second.isFinite ? second - first : 1e18
            return (r, demand[i], i)
        }
        let order = regret.sorted { ($0.0, $0.1, -$0.2) > ($1.0, $1.1, -$1.2) }.map(\.2)
        var assignment = [Int](repeating: -1, count: n)
        for i in order {
            var best = -1
            for j in centres where allowed(i, j) && remaining[j] >= demand[i] - 1e-9 {
                if best < 0 || (problem.cost(i, j), j) < (problem.cost(i, best), best) { best = j }
            }
            guard best >= 0 else { return nil }
            assignment[i] = best
            remaining[best] -= demand[i]
        }
        improve(problem, assignment: &assignment, remaining: &remaining, centres: centres, allowed: allowed)
        return assignment
    }

    /// Shift (move one unit) and swap (exchange two units) descent.
    private static func improve(
        _ problem: PMedianProblem, assignment: inout [Int], remaining: inout [Double], centres: [Int],
        allowed: (Int, Int) -> Bool
    ) {
        let n = problem.unitCount
        let demand = problem.demand ?? [Double](repeating: 0, count: n)
        var improved = true
        var rounds = 0
        while improved && rounds < 50 {
            improved = false
            rounds += 1
            for i in 0..<n {
                let a = assignment[i]
                for j in centres where j != a && allowed(i, j) && remaining[j] >= demand[i] - 1e-9 {
                    if problem.cost(i, j) < problem.cost(i, a) - 1e-12 {
                        assignment[i] = j
                        remaining[j] -= demand[i]
                        remaining[a] += demand[i]
                        improved = true
                        break
                    }
                }
            }
            for i in 0..<n {
                for k in (i + 1)..<n {
                    let a = assignment[i]
                    let b = assignment[k]
                    guard a != b, allowed(i, b), allowed(k, a) else { continue }
                    let delta = problem.cost(i, b) + problem.cost(k, a) - problem.cost(i, a) - problem.cost(k, b)
                    guard delta < -1e-12 else { continue }
                    let shift = demand[i] - demand[k]
                    guard remaining[b] >= shift - 1e-9, remaining[a] >= -shift - 1e-9 else { continue }
                    assignment[i] = b
                    assignment[k] = a
                    remaining[b] -= shift
                    remaining[a] += shift
                    improved = true
                }
            }
        }
    }
}
