import Foundation
import LinearProgramming
import SalesData

/// Primal repair and improvement by moves and swaps that respect locks and the disruption budget.
///
/// *Repair* drives the total balance violation to zero with the moves (then swaps) of least cost
/// per unit of violation removed. *Improvement* then applies only moves and swaps that keep every
/// balance row, the disruption budget and the locks, and lower the cost.
struct LocalSearch {
    let candidates: CandidateLists
    var deadline: Deadline
    /// Prices of one moved unit and one unit of moved value (the disruption rows' Lagrange
    /// multipliers), so repair spends a tight budget where it buys the most balance.
    var movePrice = 0.0
    var valuePrice = 0.0
    var rng: SplitMixGenerator

    let instance: DenseInstance

    init(instance: DenseInstance, candidates: CandidateLists, deadline: Deadline, seed: UInt64) {
        self.instance = instance
        self.candidates = candidates
        self.deadline = deadline
        rng = SplitMixGenerator(seed: seed)
    }

    /// Brings the disruption budget within its limits (by returning moved units to their current
    /// territory, those whose return adds the least balance violation, then the least cost, first),
    /// then lowers the total balance violation to zero if it can; returns whether both hold.
    ///
    /// `rounds` bounds the rounds of chains, exchanges and swaps once no single move helps.
    mutating func repair(_ state: inout AssignmentState, rounds: Int = 200) -> Bool {
        restoreBudget(&state)
        guard state.budgetHolds else { return false }
        return repairBalance(&state, rounds: rounds)
    }

    private func restoreBudget(_ state: inout AssignmentState) {
        guard !state.budgetHolds else { return }
        let inst = instance
        var returns: [(violation: Double, cost: Double, unit: Int)] = []
        for i in 0..<inst.n where inst.current[i] >= 0 && state.assign[i] != inst.current[i] && !inst.locked[i] {
            let home = Int(inst.current[i])
            returns.append((state.violationDelta(i, to: home), inst.c(i, home) - inst.c(i, Int(state.assign[i])), i))
        }
        returns.sort { ($0.violation, $0.cost, $0.unit) < ($1.violation, $1.cost, $1.unit) }
        for entry in returns where !state.budgetHolds {
            state.move(entry.unit, to: Int(inst.current[entry.unit]))
        }
    }

    private mutating func repairBalance(_ state: inout AssignmentState, rounds: Int) -> Bool {
        let inst = instance
        let kCount = inst.measureCount, width = candidates.width
        var stuck = Set<Int>()
        var swapRounds = 0
        while true {
            // the worst violated row not yet found stuck
            var worst = -1, worstValue = 0.0
            for q in 0..<state.loads.count where !stuck.contains(q) {
                let v = state.violation(q, load: state.loads[q])
                if v > worstValue + 1e-15 { worst = q; worstValue = v }
            }
            if deadline.hasPassed { return state.totalViolation <= 1e-12 }
            func release(_ t: Int) { for k in 0..<kCount { stuck.remove(t * kCount + k) } }
            if worst < 0 {
                if state.totalViolation <= 1e-12 { return true }
                // no single move helps any violated row: try chains of moves, then swaps (a bounded number)
                swapRounds += 1
                if swapRounds > rounds { return false }
                let graph = TerritoryGraph(state: state, candidates: candidates)
                var chained = false
                for q in stuck.sorted() where state.violation(q, load: state.loads[q]) > 0 {
                    if deadline.hasPassed { return false }
                    if repairByChain(&state, row: q, graph: graph) {
                        stuck.removeAll()
                        chained = true
                        break
                    }
                }
                if chained { continue }
                // with the budget spent, a helpful move paired with a return home
                if !state.budgetAllows(count: 1, value: 0) {
                    var exchanged = false
                    for q in stuck.sorted() where state.violation(q, load: state.loads[q]) > 0 {
                        if deadline.hasPassed { return false }
                        if repairByExchange(&state, row: q) {
                            stuck.removeAll()
                            exchanged = true
                            break
                        }
                    }
                    if exchanged { continue }
                }
                var swapped = false
                for q in stuck.sorted() where state.violation(q, load: state.loads[q]) > 0 {
                    if deadline.hasPassed { return false }
                    if let (t1, t2) = repairBySwap(&state, row: q) {
                        release(t1)
                        release(t2)
                        swapped = true
                        break
                    }
                }
                if !swapped { return false }
                continue
            }
            let j = worst / kCount
            let over = state.loads[worst] > inst.upper[worst]
            // Score every helpful move once, then apply them in score order while each still
            // lowers the violation, until the row is within its band (a batch per row).
            var options: [(score: Double, i: Int, b: Int)] = []
            func consider(_ i: Int, _ b: Int) {
                let dv = state.violationDelta(i, to: b)
                guard dv < -1e-12 else { return }
                let (dc, dval) = state.disruptionDelta(i, to: b)
                let delta = inst.c(i, b) - inst.c(i, Int(state.assign[i])) + movePrice * dc + valuePrice * dval
                options.append((delta / -dv, i, b))
            }
            if over {
                for i32 in state.members[j] where !inst.locked[Int(i32)] {
                    let i = Int(i32)
                    for s in 0..<width {
                        let b = Int(candidates.territories[i * width + s])
                        if b != j { consider(i, b) }
                    }
                }
            } else {
                for i32 in candidates.listing[j] where !inst.locked[Int(i32)] && Int(state.assign[Int(i32)]) != j {
                    consider(Int(i32), j)
                }
            }
            options.sort { ($0.score, $0.i, $0.b) < ($1.score, $1.i, $1.b) }
            var movedAny = false
            var movedUnits = Set<Int>()
            for option in options {
                if state.violation(worst, load: state.loads[worst]) <= 1e-15 { break }
                if movedUnits.contains(option.i) { continue }
                guard (Int(state.assign[option.i]) == j) == over, state.violationDelta(option.i, to: option.b) < -1e-12
                else { continue }
                let (dc, dval) = state.disruptionDelta(option.i, to: option.b)
                guard state.budgetAllows(count: dc, value: dval) else { continue }
                let from = Int(state.assign[option.i])
                state.move(option.i, to: option.b)
                movedUnits.insert(option.i)
                release(from)
                release(option.b)
                movedAny = true
            }
            if movedAny { continue }
            stuck.insert(worst)
        }
    }

    /// Tries the swap between territory `row / K` and a neighbour that most reduces violation;
    /// returns the two territories when it swapped.
    private func repairBySwap(_ state: inout AssignmentState, row q: Int) -> (Int, Int)? {
        let inst = instance
        let kCount = inst.measureCount, width = candidates.width
        let j = q / kCount
        var best = (score: Double.infinity, i: -1, i2: -1)
        let k = q % kCount
        let over = state.loads[q] > inst.upper[q]
        // the 32 units of j that most help this row when traded away
        let movable = state.members[j].filter { !inst.locked[Int($0)] }
        let ranked = movable.sorted { x, y in
            let vx = inst.values[Int(x) * kCount + k], vy = inst.values[Int(y) * kCount + k]
            return over ? (vx > vy || (vx == vy && x < y)) : (vx < vy || (vx == vy && x < y))
        }.prefix(32)
        var neighbours = Set<Int>()
        for i32 in ranked {
            for s in 0..<width { neighbours.insert(Int(candidates.territories[Int(i32) * width + s])) }
        }
        neighbours.remove(j)
        for b in neighbours.sorted() {
            if deadline.hasPassed { break }
            for i32 in ranked {
                let i = Int(i32)
                for i2_32 in state.members[b] where !inst.locked[Int(i2_32)] {
                    let i2 = Int(i2_32)
                    let dv = state.swapViolationDelta(i, i2)
                    guard dv < -1e-12 else { continue }
                    let (c1, v1) = state.disruptionDelta(i, to: b)
                    let (c2, v2) = state.disruptionDelta(i2, to: j)
                    guard state.budgetAllows(count: c1 + c2, value: v1 + v2) else { continue }
                    let dc = inst.c(i, b) + inst.c(i2, j) - inst.c(i, j) - inst.c(i2, b)
                    let score = dc / -dv
                    if score < best.score { best = (score, i, i2) }
                }
            }
        }
        guard best.i >= 0 else { return nil }
        let a = Int(state.assign[best.i]), b = Int(state.assign[best.i2])
        state.move(best.i, to: b)
        state.move(best.i2, to: a)
        return (a, b)
    }

    /// Applies improving feasible moves and swaps until none is left or time runs out.
    ///
    /// Returns the number of passes made.
    @discardableResult
    mutating func improve(_ state: inout AssignmentState, maxPasses: Int = 50) -> Int {
        let inst = instance
        let width = candidates.width
        var order = Array(0..<inst.n).filter { !inst.locked[$0] }
        var passes = 0
        while passes < maxPasses {
            passes += 1
            rng.shuffle(&order)
            var improved = false
            for (step, i) in order.enumerated() {
                if step % 1024 == 0 && deadline.hasPassed { return passes }
                let a = Int(state.assign[i])
                let ca = inst.c(i, a)
                var bestGain = 1e-9 * max(1, ca), bestB = -1
                for s in 0..<width {
                    let b = Int(candidates.territories[i * width + s])
                    let gain = ca - inst.c(i, b)
                    guard b != a, gain > bestGain, state.moveKeepsBalance(i, to: b) else { continue }
                    let (dc, dv) = state.disruptionDelta(i, to: b)
                    guard state.budgetAllows(count: dc, value: dv) else { continue }
                    bestGain = gain; bestB = b
                }
                if bestB >= 0 {
                    state.move(i, to: bestB)
                    improved = true
                    continue
                }
                if trySwap(&state, unit: i) { improved = true }
            }
            if !state.budgetAllows(count: 1, value: 0), improveByExchange(&state) { improved = true }
            if !improved { break }
        }
        state.refreshCost()
        return passes
    }

    /// The best improving swap of unit `i` with a unit of a territory `i` prefers.
    private func trySwap(_ state: inout AssignmentState, unit i: Int) -> Bool {
        let inst = instance
        let width = candidates.width
        let a = Int(state.assign[i])
        let ca = inst.c(i, a)
        var best = (gain: 1e-9 * max(1, ca), partner: -1)
        for s in 0..<width {
            let b = Int(candidates.territories[i * width + s])
            let gainI = ca - inst.c(i, b)
            guard b != a, gainI > 0 else { continue }
            for i2_32 in state.members[b] where !inst.locked[Int(i2_32)] {
                let i2 = Int(i2_32)
                let gain = gainI + inst.c(i2, b) - inst.c(i2, a)
                guard gain > best.gain, state.swapKeepsBalance(i, i2) else { continue }
                let (c1, v1) = state.disruptionDelta(i, to: b)
                let (c2, v2) = state.disruptionDelta(i2, to: a)
                guard state.budgetAllows(count: c1 + c2, value: v1 + v2) else { continue }
                best = (gain, i2)
            }
        }
        guard best.partner >= 0 else { return false }
        let b = Int(state.assign[best.partner])
        state.move(i, to: b)
        state.move(best.partner, to: a)
        return true
    }
}
