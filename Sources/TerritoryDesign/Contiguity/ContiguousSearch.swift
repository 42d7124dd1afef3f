import LinearProgramming
import SalesData

/// Local search over an adjacency graph that never breaks a connected territory: unit `i` may go
/// from `a` to `b` only when it has a neighbour in `b` and `a` without `i` stays connected and
/// non-empty (an articulation check by a breadth-first search inside `a` that stops as soon as
/// every neighbour of `i` in `a` is reached).
///
/// Locked units never move; every move and swap keeps the disruption budget.
///
/// *Balance* minimizes, lexicographically, the total balance violation and then the squared
/// relative deviation of every territory from its target, by moves (cheapest first) and then
/// swaps. The second key makes load flow from heavier to lighter neighbours even when no single
/// move removes violation, so chains of moves carry load across several territories (ejection
/// chains without enumerating them). *Improve* then lowers the cost by moves and swaps that keep
/// every band.
struct ContiguousSearch {
    let instance: DenseInstance
    let graph: UnitAdjacency
    let deadline: Deadline
    /// Per unit: the breadth-first search stamp (scratch for connectivity checks).
    private var mark: [UInt32]
    private var stamp: UInt32 = 0
    private var stack: [Int] = []
    /// Per balance row: the weight of its violation during ``balance(_:)`` (raised on rows that
    /// stay violated at a local optimum, so load is pushed through territories in the way).
    private var rowWeight: [Double]

    init(instance: DenseInstance, graph: UnitAdjacency, deadline: Deadline) {
        self.instance = instance
        self.graph = graph
        self.deadline = deadline
        mark = Array(repeating: 0, count: instance.n)
        rowWeight = Array(repeating: 1, count: instance.m * instance.measureCount)
    }

    // MARK: Connectivity

    private mutating func nextStamp() -> UInt32 {
        stamp &+= 1
        if stamp == 0 {
            for i in mark.indices { mark[i] = 0 }
            stamp = 1
        }
        return stamp
    }

    /// Whether `i`'s territory stays connected and non-empty without `i`.
    mutating func canLeave(_ state: AssignmentState, _ i: Int) -> Bool {
        let a = state.assign[i]
        guard state.members[Int(a)].count > 1 else { return false }
        var wanted = 0, first = -1
        for v in graph.neighbours[i] where state.assign[v] == a {
            wanted += 1
            if first < 0 { first = v }
        }
        // a unit with no neighbour at home was already cut off: leaving only helps
        if wanted <= 1 { return true }
        let s = nextStamp()
        mark[i] = s
        mark[first] = s
        stack.removeAll(keepingCapacity: true)
        stack.append(first)
        var found = 1
        while let u = stack.popLast() {
            for v in graph.neighbours[u] where state.assign[v] == a && mark[v] != s {
                mark[v] = s
                stack.append(v)
                if graph.neighbours[i].contains(v) {
                    found += 1
                    if found == wanted { return true }
                }
            }
        }
        return false
    }

    /// Whether territory `t` is connected.
    mutating func isConnected(_ state: AssignmentState, _ t: Int) -> Bool {
        let members = state.members[t]
        guard let first = members.first.map(Int.init) else { return true }
        let s = nextStamp()
        mark[first] = s
        stack.removeAll(keepingCapacity: true)
        stack.append(first)
        var reached = 1
        while let u = stack.popLast() {
            for v in graph.neighbours[u] where state.assign[v] == Int32(t) && mark[v] != s {
                mark[v] = s
                stack.append(v)
                reached += 1
            }
        }
        return reached == members.count
    }

    /// Territories adjacent to unit `i` other than its own, ascending.
    func targets(_ state: AssignmentState, _ i: Int) -> [Int] {
        let a = state.assign[i]
        var out: [Int] = []
        for v in graph.neighbours[i] where state.assign[v] != a {
            let b = Int(state.assign[v])
            if !out.contains(b) { out.append(b) }
        }
        return out.sorted()
    }

    // MARK: Balance

    /// Change of `Σ ((load − target) · scale)²` over the rows of `i`'s territory and `b` if `i` moves to `b`.
    func spreadDelta(_ state: AssignmentState, _ i: Int, to b: Int) -> Double {
        let inst = instance, kCount = inst.measureCount
        let a = Int(state.assign[i])
        var delta = 0.0
        for k in 0..<kCount {
            let v = inst.values[i * kCount + k]
            if v == 0 { continue }
            let qa = a * kCount + k, qb = b * kCount + k
            let da = (state.loads[qa] - inst.target[qa]) * inst.scale[qa]
            let db = (state.loads[qb] - inst.target[qb]) * inst.scale[qb]
            let va = v * inst.scale[qa], vb = v * inst.scale[qb]
            delta += (da - va) * (da - va) - da * da + (db + vb) * (db + vb) - db * db
        }
        return delta
    }

    /// Whether `(dv, ds)` improves `(violation, spread)` lexicographically.
    @inline(__always) private func improves(_ dv: Double, _ ds: Double) -> Bool {
        dv < -1e-12 || (dv <= 1e-12 && ds < -1e-12)
    }

    /// Balances by moves and swaps that lower (weighted violation, spread); returns whether every
    /// band holds.
    ///
    /// At a local optimum that still violates a band, the weights of the violated rows double (at most `weightRounds`
    /// times), which lets moves shift violation onto rows that can
    /// pass it on; the state of least true violation seen is returned.
    mutating func balance(_ state: inout AssignmentState, weightRounds: Int = 40) -> Bool {
        for q in rowWeight.indices { rowWeight[q] = 1 }
        var best = state
        var rounds = 0
        while !deadline.hasPassed && state.totalViolation > 1e-12 {
            if moveSweep(&state) || swapSweep(&state, balancing: true) {
                if state.totalViolation < best.totalViolation - 1e-12 { best = state }
                continue
            }
            guard rounds < weightRounds else { break }
            rounds += 1
            for q in rowWeight.indices where state.violation(q, load: state.loads[q]) > 0 { rowWeight[q] *= 2 }
        }
        if state.totalViolation > best.totalViolation + 1e-12 { state = best }
        return state.totalViolation <= 1e-12
    }

    /// One batch of balancing moves: every improving move is scored by its cost change and the
    /// batch is applied cheapest first, each re-checked against the state it meets.
    private mutating func moveSweep(_ state: inout AssignmentState) -> Bool {
        let inst = instance
        var options: [(dc: Double, i: Int, b: Int)] = []
        for i in 0..<inst.n where !inst.locked[i] {
            let a = Int(state.assign[i])
            for b in targets(state, i) {
                guard improves(state.violationDelta(i, to: b, weight: { rowWeight[$0] }), spreadDelta(state, i, to: b))
                else { continue }
                options.append((inst.c(i, b) - inst.c(i, a), i, b))
            }
        }
        options.sort { ($0.dc, $0.i, $0.b) < ($1.dc, $1.i, $1.b) }
        var moved = false
        for option in options {
            if state.totalViolation <= 1e-12 { break }
            let i = option.i, b = option.b
            guard state.assign[i] != Int32(b), graph.neighbours[i].contains(where: { state.assign[$0] == Int32(b) }),
                improves(state.violationDelta(i, to: b, weight: { rowWeight[$0] }), spreadDelta(state, i, to: b))
            else { continue }
            let (dc, dval) = state.disruptionDelta(i, to: b)
            guard state.budgetAllows(count: dc, value: dval), canLeave(state, i) else { continue }
            state.move(i, to: b)
            moved = true
        }
        return moved
    }

    // MARK: Cost

    /// Applies cost-lowering moves and swaps that keep every band, the budget and contiguity.
    mutating func improve(_ state: inout AssignmentState, maxPasses: Int = 200) {
        let inst = instance
        for _ in 0..<maxPasses {
            var improved = false
            for i in 0..<inst.n where !inst.locked[i] {
                if deadline.hasPassed { return }
                let a = Int(state.assign[i])
                var best = (gain: 1e-9 * max(1, inst.c(i, a)), b: -1)
                for b in targets(state, i) {
                    let gain = inst.c(i, a) - inst.c(i, b)
                    guard gain > best.gain, state.moveKeepsBalance(i, to: b) else { continue }
                    let (dc, dv) = state.disruptionDelta(i, to: b)
                    guard state.budgetAllows(count: dc, value: dv) else { continue }
                    best = (gain, b)
                }
                if best.b >= 0 && canLeave(state, i) {
                    state.move(i, to: best.b)
                    improved = true
                }
            }
            if swapSweep(&state, balancing: false) { improved = true }
            if !improved { return }
        }
    }

    /// Swaps of unit `i` (in `a`) with a unit `k` (in a neighbouring territory `b`) within two
    /// steps of `i`.
    ///
    /// Balancing swaps must lower (violation, spread); cost swaps must keep every band and lower the cost. Each swap
    /// keeps both territories connected (checked after the
    /// swap, undone otherwise). Returns whether any swap was applied.
    private mutating func swapSweep(_ state: inout AssignmentState, balancing: Bool) -> Bool {
        let inst = instance
        var swapped = false
        for i in 0..<inst.n where !inst.locked[i] {
            if deadline.hasPassed { return swapped }
            let a = Int(state.assign[i])
            guard state.members[a].count > 1 else { continue }
            var best: (key: Double, k: Int)?
            for b in targets(state, i) {
                for k in partners(state, of: i, in: b) where !inst.locked[k] {
                    let key: Double
                    if balancing {
                        let (dv, ds) = swapBalanceDelta(state, i, k)
                        guard improves(dv, ds) else { continue }
                        key = dv * 1e6 + ds
                    } else {
                        let gain = inst.c(i, a) + inst.c(k, b) - inst.c(i, b) - inst.c(k, a)
                        guard gain > 1e-9 * max(1, inst.c(i, a)), state.swapKeepsBalance(i, k) else { continue }
                        key = -gain
                    }
                    guard key < (best?.key ?? .infinity) else { continue }
                    let (c1, v1) = state.disruptionDelta(i, to: b)
                    let (c2, v2) = state.disruptionDelta(k, to: a)
                    guard state.budgetAllows(count: c1 + c2, value: v1 + v2) else { continue }
                    best = (key, k)
                }
            }
            guard let k = best?.k else { continue }
            let b = Int(state.assign[k])
            state.move(i, to: b)
            state.move(k, to: a)
            if isConnected(state, a) && isConnected(state, b) {
                swapped = true
            } else {
                state.move(k, to: b)
                state.move(i, to: a)
            }
        }
        return swapped
    }

    /// Units of territory `b` adjacent to `i` or to one of `i`'s neighbours (excluding `i`).
    private func partners(_ state: AssignmentState, of i: Int, in b: Int) -> [Int] {
        var out: [Int] = []
        let tb = Int32(b)
        for v in graph.neighbours[i] {
            if state.assign[v] == tb && !out.contains(v) { out.append(v) }
            for w in graph.neighbours[v] where w != i && state.assign[w] == tb && !out.contains(w) { out.append(w) }
        }
        return out
    }

    /// Change of (weighted violation, spread) if `i` and `k` (in different territories) trade places.
    private func swapBalanceDelta(_ state: AssignmentState, _ i: Int, _ k: Int) -> (Double, Double) {
        let inst = instance, kCount = inst.measureCount
        let a = Int(state.assign[i]), b = Int(state.assign[k])
        let dv = state.swapViolationDelta(i, k, weight: { rowWeight[$0] })
        var ds = 0.0
        for m in 0..<kCount {
            let d = inst.values[k * kCount + m] - inst.values[i * kCount + m]
            if d == 0 { continue }
            let qa = a * kCount + m, qb = b * kCount + m
            let da = (state.loads[qa] - inst.target[qa]) * inst.scale[qa]
            let db = (state.loads[qb] - inst.target[qb]) * inst.scale[qb]
            let ea = da + d * inst.scale[qa], eb = db - d * inst.scale[qb]
            ds += ea * ea - da * da + eb * eb - db * db
        }
        return (dv, ds)
    }

    // MARK: Perturbation

    /// Random contiguity-preserving moves of up to `count` units to neighbouring territories (a kick
    /// for iterated local search); may break balance, which ``balance(_:)`` then restores.
    mutating func perturb(_ state: inout AssignmentState, count: Int, using generator: inout SplitMixGenerator) {
        let inst = instance
        var done = 0, attempts = 0
        while done < count && attempts < 50 * count {
            attempts += 1
            let i = generator.int(below: inst.n)
            guard !inst.locked[i] else { continue }
            let options = targets(state, i)
            guard !options.isEmpty else { continue }
            let b = options[generator.int(below: options.count)]
            let (dc, dval) = state.disruptionDelta(i, to: b)
            guard state.budgetAllows(count: dc, value: dval), canLeave(state, i) else { continue }
            state.move(i, to: b)
            done += 1
        }
    }
}
