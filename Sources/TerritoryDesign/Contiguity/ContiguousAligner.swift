/// Contiguous alignment over an adjacency graph.
///
/// 1. Bound: the Lagrangian bound of the same problem without contiguity (still a valid lower bound).
/// 2. Seeds: the unit nearest each centre; regions grow over the graph, always extending the
///    territory with the smallest relative load by its cheapest adjacent unit.
/// 3. Repair and improvement by contiguity-preserving moves: a unit may join a territory only if
///    it has a neighbour there, and may leave only if its territory stays connected (and non-empty).
struct ContiguousAligner {
    let problem: AlignmentProblem
    let centres: [Location]
    let options: AlignmentOptions

    func align(_ instance: DenseInstance, start: Double, deadline: Double) async throws -> Alignment {
        guard let graph = problem.adjacency else { throw TerritoryError.invalidProblem("contiguity needs an adjacency graph") }
        let boundDeadline = start + (deadline - start) * 0.3
        var boundOptions = options
        boundOptions.targetGap = 0
        let relaxed = await FixedCentreSolver(instance: instance, options: boundOptions, start: start, deadline: boundDeadline).solve()
        var state = AssignmentState(instance: instance, assignment: grow(instance, graph))
        var search = ContiguousSearch(instance: instance, graph: graph, deadline: deadline)
        let feasible = search.repair(&state)
        if !feasible {
            throw TerritoryError.noFeasibleAlignmentFound(
                violation: state.maxViolation,
                reasons: [.contiguity(detail: "contiguity-preserving moves could not balance every territory")]
                    + InfeasibilityExplainer(problem: problem).elasticReasons())
        }
        search.improve(&state)
        state.refreshCost()
        let bound = min(relaxed.bound, state.cost)
        let gap = state.cost > 0 ? (state.cost - bound) / state.cost : 0
        let termination: AlignmentTermination = gap <= 1e-9 ? .optimal : gap <= options.targetGap ? .gapReached
            : Clock.now > deadline ? .timeLimit : .searchExhausted
        return AlignmentReport(problem: problem, centres: centres).alignment(
            assignment: state.assign.map(Int.init), objective: state.cost, bound: bound, termination: termination,
            seconds: Clock.now - start)
    }

    /// Region growing from the unit nearest each centre; locked units start in their territory.
    func grow(_ inst: DenseInstance, _ graph: UnitAdjacency) -> [Int32] {
        let n = inst.n, m = inst.m, kCount = inst.measureCount
        var assign = [Int32](repeating: -1, count: n)
        var loads = [Double](repeating: 0, count: m * kCount)
        var members = [[Int]](repeating: [], count: m)
        func take(_ i: Int, _ j: Int) {
            assign[i] = Int32(j)
            members[j].append(i)
            for k in 0..<kCount { loads[j * kCount + k] += inst.values[i * kCount + k] }
        }
        for i in 0..<n where inst.locked[i] { take(i, Int(inst.current[i])) }
        for j in 0..<m {
            var best = -1, bestCost = Double.infinity
            for i in 0..<n where assign[i] < 0 {
                let c = inst.c(i, j)
                if c < bestCost { bestCost = c; best = i }
            }
            if best >= 0 && members[j].isEmpty { take(best, j) }
        }
        var remaining = assign.filter { $0 < 0 }.count
        while remaining > 0 {
            // territories by relative load, smallest first; extend the first that has a frontier
            let order = (0..<m).sorted { a, b in
                let la = (0..<kCount).reduce(0.0) { $0 + loads[a * kCount + $1] * inst.scale[a * kCount + $1] }
                let lb = (0..<kCount).reduce(0.0) { $0 + loads[b * kCount + $1] * inst.scale[b * kCount + $1] }
                return (la, a) < (lb, b)
            }
            var grew = false
            for j in order {
                var best = -1, bestCost = Double.infinity
                for i in members[j] {
                    for v in graph.neighbours[i] where assign[v] < 0 {
                        let c = inst.c(v, j)
                        if c < bestCost || (c == bestCost && v < best) { bestCost = c; best = v }
                    }
                }
                if best >= 0 { take(best, j); remaining -= 1; grew = true; break }
            }
            if !grew {
                // units unreachable from any seed: nearest centre (reported as not connected)
                for i in 0..<n where assign[i] < 0 {
                    var best = 0
                    for j in 1..<m where inst.c(i, j) < inst.c(i, best) { best = j }
                    take(i, best)
                }
                remaining = 0
            }
        }
        return assign
    }
}
