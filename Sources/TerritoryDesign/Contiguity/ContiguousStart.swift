/// Starting assignments for ``ContiguousSearch``: every territory connected where the graph allows.
enum ContiguousStart {
    /// Region growing from the unit nearest each centre; locked units start in their territory.
    static func grow(_ inst: DenseInstance, _ graph: UnitAdjacency) -> [Int32] {
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

    /// Makes a (possibly disconnected) assignment contiguous: each territory keeps its component
    /// of largest scaled load (components holding a locked unit always stay), and the units of the
    /// other components join, cheapest first, a territory they touch.
    static func connect(_ assignment: [Int32], _ inst: DenseInstance, _ graph: UnitAdjacency) -> [Int32] {
        let n = inst.n, kCount = inst.measureCount
        var assign = assignment
        var seen = [Bool](repeating: false, count: n)
        var best = [Double](repeating: -1, count: inst.m)
        var components: [(territory: Int, units: [Int], weight: Double, locked: Bool)] = []
        for start in 0..<n where !seen[start] {
            let t = assign[start]
            var units = [start], stack = [start]
            seen[start] = true
            while let u = stack.popLast() {
                for v in graph.neighbours[u] where !seen[v] && assign[v] == t {
                    seen[v] = true
                    units.append(v)
                    stack.append(v)
                }
            }
            var weight = 0.0
            for i in units {
                for k in 0..<kCount { weight += inst.values[i * kCount + k] * inst.scale[Int(t) * kCount + k] }
            }
            weight += Double(units.count) * 1e-12
            components.append((Int(t), units, weight, units.contains { inst.locked[$0] }))
            best[Int(t)] = max(best[Int(t)], weight)
        }
        var kept = [Bool](repeating: false, count: inst.m)
        for component in components {
            let t = component.territory
            if component.locked || (component.weight == best[t] && !kept[t]) {
                if !component.locked { kept[t] = true }
                continue
            }
            for i in component.units { assign[i] = -1 }
        }
        var remaining = assign.filter { $0 < 0 }.count
        while remaining > 0 {
            var choice = (cost: Double.infinity, i: -1, b: -1)
            for i in 0..<n where assign[i] < 0 {
                for v in graph.neighbours[i] where assign[v] >= 0 {
                    let b = Int(assign[v])
                    if inst.c(i, b) < choice.cost { choice = (inst.c(i, b), i, b) }
                }
            }
            guard choice.i >= 0 else { break }
            assign[choice.i] = Int32(choice.b)
            remaining -= 1
        }
        if remaining > 0 {
            // unreachable from any kept component: back to the relaxed territory (reported as not connected)
            for i in 0..<n where assign[i] < 0 { assign[i] = assignment[i] }
        }
        return assign
    }
}
