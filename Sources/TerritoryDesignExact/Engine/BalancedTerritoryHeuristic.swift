import Foundation
import SalesData
import TerritoryDesign

/// Constructive + local-search heuristic for balanced (and optionally contiguous) p-median
/// territories: seeds spread by farthest-first, territories grown over the adjacency graph
/// (lightest territory first), then boundary moves and swaps that keep every territory connected,
/// minimising (balance violation, cost) lexicographically, with medoid re-centring and restarts.
///
/// Deterministic for a given seed.
///
/// ```swift
/// let found = BalancedTerritoryHeuristic.solve(problem, seed: 7, restarts: 20)
/// found.map { problem.violations(of: $0.assignment).isEmpty }   // true when feasible
/// ```
public enum BalancedTerritoryHeuristic {
    /// Best balance-feasible (and contiguous, if required) solution over `restarts` starts, or `nil`.
    ///
    /// - Parameters:
    ///   - problem: The instance, with its balance bands and contiguity requirement.
    ///   - seed: The seed of every random choice.
    ///   - restarts: Independent constructions, each followed by local search.
    ///   - kicks: Perturbation rounds per restart (iterated local search: a few random
    ///     contiguity-preserving moves, descent, keep if better).
    ///   - deadline: No kick starts after it, nor a new restart once a solution is held.
    /// - Returns: The best feasible solution found, or `nil` when no start met every constraint.
    public static func solve(
        _ problem: PMedianProblem, seed: UInt64, restarts: Int = 30, kicks: Int = 0,
        deadline: ContinuousClock.Instant? = nil
    ) -> PMedianSolution? {
        var generator = SplitMixGenerator(seed: seed)
        var best: PMedianSolution?
        let clock = ContinuousClock()
        for _ in 0..<max(restarts, 1) {
            if let deadline, clock.now >= deadline, best != nil { break }
            var search = BalancedLocalSearch(problem: problem, deadline: deadline)
            search.construct(using: &generator)
            search.descend()
            for _ in 0..<kicks {
                if let deadline, clock.now >= deadline { break }
                var trial = search
                trial.perturb(moves: Int.random(in: 2...6, using: &generator), using: &generator)
                trial.descend()
                let trialViolation = trial.totalViolation()
                let currentViolation = search.totalViolation()
                if trialViolation < currentViolation - 1e-12
                    || (trialViolation <= currentViolation + 1e-12 && trial.cost() < search.cost() - 1e-9)
                {
                    search = trial
                }
            }
            guard search.totalViolation() < 1e-9 else { continue }
            let solution = PMedianSolution(problem: problem, assignment: search.centreAssignment())
            guard problem.violations(of: solution.assignment).isEmpty else { continue }
            if solution.objective < (best?.objective ?? .infinity) - 1e-9 { best = solution }
        }
        return best
    }

}

/// Mutable search state: territory of each unit, centres and per-territory measure totals.
private struct BalancedLocalSearch {
    let problem: PMedianProblem
    let n: Int
    let p: Int
    let contiguous: Bool
    /// Descent stops between sweeps once this passes (`nil`: no limit).
    let deadline: ContinuousClock.Instant?
    /// Per measure: the mean band width used to normalise violations.
    let scale: [Double]
    var territory: [Int]
    var centre: [Int]
    var totals: [[Double]]  // totals[t][m]

    init(problem: PMedianProblem, deadline: ContinuousClock.Instant?) {
        self.problem = problem
        self.deadline = deadline
        n = problem.unitCount
        p = problem.centreCount
        contiguous = problem.requiresContiguity && problem.adjacency != nil
        scale = problem.measures.map { max(abs($0.lower + $0.upper) / 2, 1e-9) }
        territory = [Int](repeating: -1, count: n)
        centre = []
        totals = [[Double]](
            repeating: [Double](repeating: 0, count: problem.measures.count), count: problem.centreCount)
    }

    // MARK: Construction

    mutating func construct(using generator: inout some RandomNumberGenerator) {
        // Farthest-first seeds from a random start.
        var seeds = [Int.random(in: 0..<n, using: &generator)]
        var nearest = (0..<n).map { problem.cost($0, seeds[0]) }
        while seeds.count < p {
            var pick = 0
            var far = -1.0
            for i in 0..<n where nearest[i] > far && !seeds.contains(i) {
                far = nearest[i]
                pick = i
            }
            // Randomise among far-away units to diversify restarts.
            let pool = (0..<n).filter { !seeds.contains($0) && nearest[$0] >= 0.7 * far }
            if let random = pool.randomElement(using: &generator) { pick = random }
            seeds.append(pick)
            for i in 0..<n { nearest[i] = min(nearest[i], problem.cost(i, pick)) }
        }
        centre = seeds
        for (t, s) in seeds.enumerated() { add(s, to: t) }
        // Grow: the lightest territory takes its nearest unassigned neighbouring unit.
        var unassigned = n - p
        while unassigned > 0 {
            let order = (0..<p).sorted { (load($0), $0) < (load($1), $1) }
            var grown = false
            for t in order {
                if let unit = nearestFrontierUnit(of: t) {
                    add(unit, to: t)
                    unassigned -= 1
                    grown = true
                    break
                }
            }
            if !grown {
                // Units unreachable from every territory: attach to the nearest centre.
                for i in 0..<n where territory[i] < 0 {
                    let t = (0..<p).min { (problem.cost(i, centre[$0]), $0) < (problem.cost(i, centre[$1]), $1) } ?? 0
                    add(i, to: t)
                    unassigned -= 1
                }
            }
        }
    }

    private func load(_ t: Int) -> Double {
        guard !problem.measures.isEmpty else { return 0 }
        var sum = 0.0
        for m in 0..<problem.measures.count { sum += totals[t][m] / scale[m] }
        return sum
    }

    private func nearestFrontierUnit(of t: Int) -> Int? {
        var best: Int?
        var bestCost = Double.infinity
        for i in 0..<n where territory[i] < 0 {
            let adjacent: Bool
            if contiguous, let graph = problem.adjacency {
                adjacent = graph.neighbours[i].contains { territory[$0] == t }
            } else {
                adjacent = true
            }
            if adjacent && problem.cost(i, centre[t]) < bestCost {
                bestCost = problem.cost(i, centre[t])
                best = i
            }
        }
        return best
    }

    private mutating func add(_ i: Int, to t: Int) {
        territory[i] = t
        for (m, measure) in problem.measures.enumerated() { totals[t][m] += measure.values[i] }
    }

    // MARK: Objective pieces

    private func violation(_ t: Int, shift: Int = -1, sign: Double = 0) -> Double {
        var v = 0.0
        for (m, measure) in problem.measures.enumerated() {
            var total = totals[t][m]
            if shift >= 0 { total += sign * measure.values[shift] }
            v += (max(0, measure.lower - total) + max(0, total - measure.upper)) / scale[m]
        }
        return v
    }

    func totalViolation() -> Double { (0..<p).reduce(0) { $0 + violation($1) } }

    /// Whether territory `t` stays connected without unit `i`.
    private func staysConnected(_ t: Int, without i: Int) -> Bool {
        guard contiguous, let graph = problem.adjacency else { return true }
        let members = (0..<n).filter { territory[$0] == t && $0 != i }
        return graph.isConnected(members)
    }

    // MARK: Descent

    mutating func descend() {
        for _ in 0..<200 {
            if ExactDeadline.expired(deadline) { return }
            var changed = false
            while !ExactDeadline.expired(deadline) && moveSweep() { changed = true }
            if recentre() { changed = true }
            if !changed && totalViolation() > 1e-9 {
                if swapSweep() { changed = true }
            }
            if !changed && costSwapSweep() { changed = true }
            if !changed { break }
        }
    }

    /// One pass of single-unit moves to a neighbouring territory; true if anything moved.
    private mutating func moveSweep() -> Bool {
        var moved = false
        for i in 0..<n {
            let a = territory[i]
            guard i != centre[a] else { continue }
            let before = violation(a)
            var bestTarget = -1
            var bestKey = (0.0, 0.0)
            for b in targets(of: i) where b != a {
                let dv = violation(a, shift: i, sign: -1) + violation(b, shift: i, sign: 1) - before - violation(b)
                let dc = problem.cost(i, centre[b]) - problem.cost(i, centre[a])
                let key = (dv < -1e-12 ? dv : (dv > 1e-12 ? dv : 0), dc)
                if key.0 < 0 || (key.0 == 0 && key.1 < -1e-9) {
                    if bestTarget < 0 || key < bestKey {
                        bestTarget = b
                        bestKey = key
                    }
                }
            }
            guard bestTarget >= 0, staysConnected(a, without: i) else { continue }
            move(i, from: a, to: bestTarget)
            moved = true
        }
        return moved
    }

    /// Swaps of two adjacent units in different territories that reduce the violation.
    private mutating func swapSweep() -> Bool {
        guard let graph = problem.adjacency else { return false }
        for i in 0..<n {
            let a = territory[i]
            guard i != centre[a] else { continue }
            for b in targets(of: i) where b != a {
                for k in 0..<n where territory[k] == b && k != centre[b] {
                    if contiguous && !graph.neighbours[k].contains(where: { territory[$0] == a && $0 != i }) {
                        continue
                    }
                    let before = violation(a) + violation(b)
                    move(i, from: a, to: b)
                    move(k, from: b, to: a)
                    let after = violation(a) + violation(b)
                    let connected =
                        !contiguous
                        || (graph.isConnected((0..<n).filter { territory[$0] == a })
                            && graph.isConnected((0..<n).filter { territory[$0] == b }))
                    if after < before - 1e-12 && connected { return true }
                    move(k, from: a, to: b)
                    move(i, from: b, to: a)
                }
            }
        }
        return false
    }

    /// Violation of territories `a` and `b` after `i` moves a→b and `k` moves b→a.
    private func swappedViolation(_ a: Int, _ b: Int, _ i: Int, _ k: Int) -> Double {
        var v = 0.0
        for (m, measure) in problem.measures.enumerated() {
            let delta = measure.values[k] - measure.values[i]
            let ta = totals[a][m] + delta
            let tb = totals[b][m] - delta
            v += (max(0, measure.lower - ta) + max(0, ta - measure.upper)) / scale[m]
            v += (max(0, measure.lower - tb) + max(0, tb - measure.upper)) / scale[m]
        }
        return v
    }

    /// Swaps of two units between territories that lower the cost without raising the violation;
    /// applies the best swap per unit.
    ///
    /// True if anything changed.
    private mutating func costSwapSweep() -> Bool {
        var changed = false
        for i in 0..<n {
            let a = territory[i]
            guard i != centre[a] else { continue }
            var best: (gain: Double, k: Int)?
            for b in targets(of: i) where b != a {
                let before = violation(a) + violation(b)
                for k in 0..<n where territory[k] == b && k != centre[b] {
                    let gain =
                        problem.cost(i, centre[a]) + problem.cost(k, centre[b])
                        - problem.cost(i, centre[b]) - problem.cost(k, centre[a])
                    guard gain > 1e-9, gain > (best?.gain ?? 0) else { continue }
                    if contiguous, let graph = problem.adjacency,
                        !graph.neighbours[k].contains(where: { territory[$0] == a && $0 != i })
                    {
                        continue
                    }
                    guard swappedViolation(a, b, i, k) <= before + 1e-12 else { continue }
                    best = (gain, k)
                }
            }
            guard let (_, k) = best else { continue }
            let b = territory[k]
            move(i, from: a, to: b)
            move(k, from: b, to: a)
            if contiguous, let graph = problem.adjacency,
                !(graph.isConnected((0..<n).filter { territory[$0] == a })
                    && graph.isConnected((0..<n).filter { territory[$0] == b }))
            {
                move(k, from: a, to: b)
                move(i, from: b, to: a)
                continue
            }
            changed = true
        }
        return changed
    }

    private func targets(of i: Int) -> [Int] {
        if contiguous, let graph = problem.adjacency {
            return Array(Set(graph.neighbours[i].map { territory[$0] })).sorted()
        }
        return Array(0..<p)
    }

    private mutating func move(_ i: Int, from a: Int, to b: Int) {
        territory[i] = b
        for (m, measure) in problem.measures.enumerated() {
            totals[a][m] -= measure.values[i]
            totals[b][m] += measure.values[i]
        }
    }

    /// Moves each centre to its territory's medoid; true if any centre changed.
    private mutating func recentre() -> Bool {
        var changed = false
        for t in 0..<p {
            let members = (0..<n).filter { territory[$0] == t }
            var best = centre[t]
            var bestCost = members.reduce(0.0) { $0 + problem.cost($1, best) }
            for k in members {
                let cost = members.reduce(0.0) { $0 + problem.cost($1, k) }
                if cost < bestCost - 1e-9 {
                    bestCost = cost
                    best = k
                }
            }
            if best != centre[t] {
                centre[t] = best
                changed = true
            }
        }
        return changed
    }

    /// Total cost of the current assignment.
    func cost() -> Double { (0..<n).reduce(0) { $0 + problem.cost($1, centre[territory[$1]]) } }

    /// Random single-unit moves to neighbouring territories that keep contiguity.
    mutating func perturb(moves: Int, using generator: inout some RandomNumberGenerator) {
        var done = 0
        var attempts = 0
        while done < moves && attempts < 50 * moves {
            attempts += 1
            let i = Int.random(in: 0..<n, using: &generator)
            let a = territory[i]
            guard i != centre[a] else { continue }
            let options = targets(of: i).filter { $0 != a }
            guard let b = options.randomElement(using: &generator), staysConnected(a, without: i) else { continue }
            move(i, from: a, to: b)
            done += 1
        }
    }

    /// Assignment as unit → centre unit.
    func centreAssignment() -> [Int] { territory.map { centre[$0] } }
}
