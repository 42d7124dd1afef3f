/// Exchanges of moved slots, for a disruption budget that is spent: a unit still in its current
/// territory may leave it only if a moved unit goes back home, so repair pairs the move that helps a
/// violated row most with the return that hurts the balance least, and improvement pairs a cost
/// saving move with the return that costs least, keeping every balance row.
///
/// ```swift
/// var search = LocalSearch(instance: instance, candidates: candidates, deadline: deadline, seed: 1)
/// var state = AssignmentState(instance: instance, assignment: start)
/// if search.repair(&state) { search.improve(&state) }  // both use exchanges when the budget is spent
/// ```
extension LocalSearch {
    /// Units away from their current territory that may go back (unlocked), in index order.
    func movedUnits(_ state: AssignmentState) -> [Int] {
        let inst = instance
        return (0..<inst.n).filter { inst.current[$0] >= 0 && state.assign[$0] != inst.current[$0] && !inst.locked[$0] }
    }

    /// One move that lowers the violation of row `q` but needs a budget slot, paired with the return
    /// home of a moved unit, when the pair lowers the total violation; true when one was applied.
    ///
    /// Tries the `tries` moves that lower the violation most (ties by cost, unit, territory).
    func repairByExchange(_ state: inout AssignmentState, row q: Int, tries: Int = 24) -> Bool {
        let inst = instance
        let kCount = inst.measureCount, width = candidates.width
        let j = q / kCount
        let over = state.loads[q] > inst.upper[q]
        var options: [(dv: Double, cost: Double, i: Int, b: Int)] = []
        func consider(_ i: Int, _ b: Int) {
            let (dc, _) = state.disruptionDelta(i, to: b)
            guard dc > 0 else { return }
            let dv = state.violationDelta(i, to: b)
            if dv < -1e-12 { options.append((dv, inst.c(i, b) - inst.c(i, Int(state.assign[i])), i, b)) }
        }
        if over {
            for i32 in state.members[j] where !inst.locked[Int(i32)] {
                for s in 0..<width {
                    let b = Int(candidates.territories[Int(i32) * width + s])
                    if b != j { consider(Int(i32), b) }
                }
            }
        } else {
            for i32 in candidates.listing[j] where !inst.locked[Int(i32)] && Int(state.assign[Int(i32)]) != j {
                consider(Int(i32), j)
            }
        }
        guard !options.isEmpty else { return false }
        options.sort { ($0.dv, $0.cost, $0.i, $0.b) < ($1.dv, $1.cost, $1.i, $1.b) }
        let moved = movedUnits(state)
        let before = state.totalViolation
        for option in options.prefix(tries) {
            let from = Int(state.assign[option.i])
            state.move(option.i, to: option.b)
            var best = (dv: Double.infinity, cost: Double.infinity, k: -1)
            for k in moved where k != option.i {
                let home = Int(inst.current[k])
                let dv = state.violationDelta(k, to: home)
                let cost = inst.c(k, home) - inst.c(k, Int(state.assign[k]))
                if (dv, cost) < (best.dv, best.cost) { best = (dv, cost, k) }
            }
            if best.k >= 0 {
                let away = Int(state.assign[best.k])
                state.move(best.k, to: Int(inst.current[best.k]))
                if state.totalViolation < before - 1e-12 && state.budgetHolds { return true }
                state.move(best.k, to: away)
            }
            state.move(option.i, to: from)
        }
        return false
    }

    /// Improving exchanges while the count budget is spent: a unit in its current territory moves to
    /// a cheaper candidate and the moved unit whose return home costs least goes back, both keeping
    /// every balance row; the pair must lower the cost.
    ///
    /// Returns whether any was applied.
    mutating func improveByExchange(_ state: inout AssignmentState) -> Bool {
        let inst = instance
        guard inst.maxMovedCount.isFinite else { return false }
        let width = candidates.width
        var improved = false
        // returns ranked by their cost (the cheapest first), recomputed after each applied pair
        var returns = rankedReturns(state)
        var order = Array(0..<inst.n).filter {
            !inst.locked[$0] && inst.current[$0] >= 0 && state.assign[$0] == inst.current[$0]
        }
        rng.shuffle(&order)
        for (step, i) in order.enumerated() {
            if step % 256 == 0 && deadline.hasPassed { break }
            guard state.assign[i] == inst.current[i], state.movedCount + 1 > inst.maxMovedCount + 1e-9 else { continue }
            let a = Int(state.assign[i])
            let ca = inst.c(i, a)
            for s in 0..<width {
                let b = Int(candidates.territories[i * width + s])
                let gain = ca - inst.c(i, b)
                guard b != a, gain > 1e-9 * max(1, ca), let cheapest = returns.first, cheapest.cost < gain else {
                    continue
                }
                guard state.moveKeepsBalance(i, to: b) else { continue }
                state.move(i, to: b)
                var applied = false
                for r in returns {
                    if r.cost >= gain { break }
                    let k = r.unit, away = Int(state.assign[k]), home = Int(inst.current[k])
                    guard k != i, away != home, state.moveKeepsBalance(k, to: home) else { continue }
                    state.move(k, to: home)
                    guard state.budgetHolds else {
                        state.move(k, to: away)
                        continue
                    }
                    applied = true
                    break
                }
                if applied {
                    improved = true
                    returns = rankedReturns(state)
                    break
                }
                state.move(i, to: a)
            }
        }
        return improved
    }

    /// Moved units and the cost of sending each home, cheapest first (ties by unit).
    private func rankedReturns(_ state: AssignmentState) -> [(cost: Double, unit: Int)] {
        let inst = instance
        return movedUnits(state).map { k in
            (inst.c(k, Int(inst.current[k])) - inst.c(k, Int(state.assign[k])), k)
        }.sorted { ($0.cost, $0.unit) < ($1.cost, $1.unit) }
    }
}
