/// Ejection chains for repair: when every territory next to a violated one is itself at its bound,
/// no single move or swap helps, but a chain does: an over-full territory passes a unit to a
/// neighbour, which passes a similar unit on, until a territory with room takes the last one (and
/// the reverse for an under-full territory). A chain is kept only if it lowers the total violation.
extension LocalSearch {
    /// Territory graph of the candidate lists: `outgoing[a]` are the territories some unit of `a`
    /// may move to; `incoming[b]` the territories holding some unit that may move to `b`.
    struct TerritoryGraph {
        var outgoing: [[Int]]
        var incoming: [[Int]]

        init(state: AssignmentState, candidates: CandidateLists) {
            let m = state.instance.m, width = candidates.width
            let words = (m + 63) / 64
            var bits = [UInt64](repeating: 0, count: m * words)  // row a: the territories a reaches
            for i in 0..<state.instance.n where !state.instance.locked[i] {
                let a = Int(state.assign[i])
                for s in 0..<width {
                    let b = Int(candidates.territories[i * width + s])
                    bits[a * words + b / 64] |= 1 << UInt64(b % 64)
                }
            }
            outgoing = (0..<m).map { a in
                (0..<m).filter { b in b != a && bits[a * words + b / 64] & (1 << UInt64(b % 64)) != 0 }
            }
            var into = [[Int]](repeating: [], count: m)
            for a in 0..<m { for b in outgoing[a] { into[b].append(a) } }
            incoming = into
        }
    }

    /// Tries chains of up to `depth` moves that lower the violation of row `q`; true when one did.
    func repairByChain(_ state: inout AssignmentState, row q: Int, graph: TerritoryGraph, depth: Int = 5) -> Bool {
        let inst = instance
        let kCount = inst.measureCount
        let start = q / kCount, k = q % kCount
        let over = state.loads[q] > inst.upper[q]
        // breadth-first over territories (along moves when over-full, against them when under-full)
        var parent = [Int](repeating: -1, count: inst.m)
        var level = [Int](repeating: -1, count: inst.m)
        level[start] = 0
        var frontier = [start]
        var ends: [Int] = []
        while !frontier.isEmpty, ends.isEmpty || ends.count < 4 {
            var next: [Int] = []
            for x in frontier where level[x] < depth {
                for y in (over ? graph.outgoing[x] : graph.incoming[x]) where level[y] < 0 {
                    level[y] = level[x] + 1
                    parent[y] = x
                    next.append(y)
                    if hasRoom(state, territory: y, measure: k, over: over) { ends.append(y) }
                }
            }
            frontier = next.sorted()
        }
        for end in ends.sorted(by: { (level[$0], $0) < (level[$1], $1) }) {
            var path = [end]
            while let last = path.last, last != start { path.append(parent[last]) }
            path.reverse()  // start … end
            // over-full: start → … → end; under-full: the start's neighbour fills it first, and so on out
            var hops: [(from: Int, to: Int)] = []
            for h in 0..<(path.count - 1) {
                hops.append(over ? (from: path[h], to: path[h + 1]) : (from: path[h + 1], to: path[h]))
            }
            if tryChain(&state, hops: hops, measure: k, over: over) { return true }
        }
        return false
    }

    /// Whether territory `t` can take more of measure `k` (when relieving an over-full row) or give
    /// some up (when filling an under-full one) without leaving its band.
    private func hasRoom(_ state: AssignmentState, territory t: Int, measure k: Int, over: Bool) -> Bool {
        let inst = instance
        let r = t * inst.measureCount + k
        let slack = over ? inst.upper[r] - state.loads[r] : state.loads[r] - inst.lower[r]
        return slack > 1e-9 * max(1, inst.target[r])
    }

    /// Moves one unit along each hop, in order: the unit whose move leaves the least violation,
    /// then the one relieving the most of the chain's row (up to what it needs), then the cheapest;
    /// rolls back unless the total violation fell.
    private func tryChain(_ state: inout AssignmentState, hops: [(from: Int, to: Int)], measure k: Int, over: Bool)
        -> Bool
    {
        let inst = instance
        let width = candidates.width, kCount = inst.measureCount
        let before = state.totalViolation
        var done: [(unit: Int, from: Int)] = []
        var used = Set<Int>()
        func rollback() { for step in done.reversed() { state.move(step.unit, to: step.from) } }
        for (from, to) in hops {
            let need =
                over
                ? max(0, state.loads[from * kCount + k] - inst.upper[from * kCount + k])
                : max(0, inst.lower[to * kCount + k] - state.loads[to * kCount + k])
            var best = (delta: Double.infinity, relief: -Double.infinity, cost: Double.infinity, unit: -1)
            for i32 in state.members[from] where !inst.locked[Int(i32)] && !used.contains(Int(i32)) {
                let i = Int(i32)
                var listed = false
                for s in 0..<width where Int(candidates.territories[i * width + s]) == to { listed = true; break }
                guard listed else { continue }
                let (dc, dv) = state.disruptionDelta(i, to: to)
                guard state.budgetAllows(count: dc, value: dv) else { continue }
                let delta = state.violationDelta(i, to: to)
                let relief = min(inst.values[i * kCount + k], need)
                let cost = inst.c(i, to) - inst.c(i, from)
                if isBetter(delta: delta, relief: relief, cost: cost, unit: i, than: best) {
                    best = (delta, relief, cost, i)
                }
            }
            guard best.unit >= 0 else {
                rollback()
                return false
            }
            state.move(best.unit, to: to)
            used.insert(best.unit)
            done.append((best.unit, from))
        }
        if state.totalViolation < before - 1e-12 { return true }
        rollback()
        return false
    }

    private func isBetter(
        delta: Double, relief: Double, cost: Double, unit: Int,
        than best: (delta: Double, relief: Double, cost: Double, unit: Int)
    ) -> Bool {
        if delta < best.delta - 1e-15 { return true }
        if delta > best.delta + 1e-15 { return false }
        if relief > best.relief + 1e-12 { return true }
        if relief < best.relief - 1e-12 { return false }
        if cost != best.cost { return cost < best.cost }
        return unit < best.unit
    }
}
