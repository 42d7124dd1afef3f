/// Moves that keep every territory connected: unit `i` may go from `a` to `b` only when it has a
/// neighbour in `b` and `a` minus `i` stays connected and non-empty.
struct ContiguousSearch {
    let instance: DenseInstance
    let graph: UnitAdjacency
    let deadline: Double

    /// Whether territory `a` stays connected without unit `i`.
    func canLeave(_ state: AssignmentState, _ i: Int) -> Bool {
        let a = state.assign[i]
        let members = state.members[Int(a)]
        guard members.count > 1 else { return false }
        let sameNeighbours = graph.neighbours[i].filter { state.assign[$0] == a }
        if sameNeighbours.count <= 1 { return true }
        var seen = Set<Int>([i, sameNeighbours[0]])
        var stack = [sameNeighbours[0]]
        var found = 1
        while let u = stack.popLast() {
            for v in graph.neighbours[u] where state.assign[v] == a && seen.insert(v).inserted {
                stack.append(v)
                if sameNeighbours.contains(v) { found += 1; if found == sameNeighbours.count { return true } }
            }
        }
        return found == sameNeighbours.count
    }

    /// Territories adjacent to unit `i` other than its own.
    func targets(_ state: AssignmentState, _ i: Int) -> [Int] {
        var out: [Int] = []
        for v in graph.neighbours[i] {
            let b = Int(state.assign[v])
            if b != Int(state.assign[i]) && !out.contains(b) { out.append(b) }
        }
        return out.sorted()
    }

    /// Drives balance violation to zero by contiguity-preserving moves, least cost per violation removed.
    mutating func repair(_ state: inout AssignmentState) -> Bool {
        let inst = instance
        while state.totalViolation > 1e-12 {
            if Clock.now > deadline { return false }
            var best = (score: Double.infinity, i: -1, b: -1)
            for i in 0..<inst.n where !inst.locked[i] {
                let a = Int(state.assign[i])
                let options = targets(state, i)
                if options.isEmpty { continue }
                var leaveChecked: Bool?
                for b in options {
                    let dv = state.violationDelta(i, to: b)
                    guard dv < -1e-12 else { continue }
                    let (dc, dval) = state.disruptionDelta(i, to: b)
                    guard state.budgetAllows(count: dc, value: dval) else { continue }
                    let score = (inst.c(i, b) - inst.c(i, a)) / -dv
                    guard score < best.score else { continue }
                    if leaveChecked == nil { leaveChecked = canLeave(state, i) }
                    if leaveChecked == true { best = (score, i, b) }
                }
            }
            guard best.i >= 0 else { return false }
            state.move(best.i, to: best.b)
        }
        return true
    }

    /// Applies improving moves that keep balance, budget and contiguity until none is left.
    mutating func improve(_ state: inout AssignmentState, maxPasses: Int = 100) {
        let inst = instance
        for _ in 0..<maxPasses {
            var improved = false
            for i in 0..<inst.n where !inst.locked[i] {
                if Clock.now > deadline { return }
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
            if !improved { return }
        }
    }
}
