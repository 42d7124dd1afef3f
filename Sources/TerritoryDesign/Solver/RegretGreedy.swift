/// A capacity-respecting greedy start (Martello–Toth regret order) on Lagrangian reduced costs:
/// units with the largest gap between their best and second-best candidate choose first, each
/// taking its cheapest candidate territory with room under every upper bound (and within the
/// disruption budget).
///
/// It gives a near-feasible alignment long before the multipliers converge.
enum RegretGreedy {
    static func assign(_ relaxation: LagrangianRelaxation, candidates: CandidateLists) -> [Int32] {
        let inst = relaxation.instance
        let n = inst.n, kCount = inst.measureCount, width = candidates.width
        var price = [Double](repeating: 0, count: inst.m * kCount)
        for q in price.indices { price[q] = (relaxation.up[q] - relaxation.down[q]) * inst.scale[q] }
        func reduced(_ i: Int, _ j: Int) -> Double {
            var r = inst.c(i, j)
            for k in 0..<kCount { r += inst.values[i * kCount + k] * price[j * kCount + k] }
            return r
        }
        var assign = [Int32](repeating: -1, count: n)
        var loads = [Double](repeating: 0, count: inst.m * kCount)
        var moved = 0.0, movedValue = 0.0
        for i in 0..<n where inst.locked[i] {
            let j = Int(inst.current[i])
            assign[i] = Int32(j)
            for k in 0..<kCount { loads[j * kCount + k] += inst.values[i * kCount + k] }
        }
        var regret = [(Double, Int)]()
        regret.reserveCapacity(n)
        for i in 0..<n where !inst.locked[i] {
            var best = Double.infinity, second = Double.infinity
            for s in 0..<width {
                let r = reduced(i, Int(candidates.territories[i * width + s]))
                if r < best { second = best; best = r } else if r < second { second = r }
            }
            regret.append((second - best, i))
        }
        regret.sort { ($0.0, $1.1) > ($1.0, $0.1) }
        var order = [(Double, Int)](repeating: (0, 0), count: width)
        for (_, i) in regret {
            for s in 0..<width {
                let j = Int(candidates.territories[i * width + s])
                order[s] = (reduced(i, j), j)
            }
            order.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            let cur = Int(inst.current[i])
            var chosen = -1
            var leastExcess = Double.infinity, leastExcessJ = order[0].1
            for (_, j) in order {
                if cur >= 0 && j != cur
                    && (moved + 1 > inst.maxMovedCount + 1e-9
                        || movedValue + inst.moveValue[i] > inst.maxMovedValue * (1 + 1e-12) + 1e-9)
                {
                    continue
                }
                var excess = 0.0
                for k in 0..<kCount {
                    let q = j * kCount + k
                    excess += max(0, loads[q] + inst.values[i * kCount + k] - inst.upper[q]) * inst.scale[q]
                }
                if excess <= 0 { chosen = j; break }
                if excess < leastExcess { leastExcess = excess; leastExcessJ = j }
            }
            if chosen < 0 { chosen = cur >= 0 && (moved + 1 > inst.maxMovedCount + 1e-9) ? cur : leastExcessJ }
            assign[i] = Int32(chosen)
            for k in 0..<kCount { loads[chosen * kCount + k] += inst.values[i * kCount + k] }
            if cur >= 0 && chosen != cur {
                moved += 1
                movedValue += inst.moveValue[i]
            }
        }
        return assign
    }
}
