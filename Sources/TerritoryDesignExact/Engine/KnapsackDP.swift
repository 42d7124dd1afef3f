import TerritoryDesign

/// 0/1 minimisation knapsack by dynamic programming over integer capacities.
///
/// Used by the Lagrangian bound of the capacitated p-median: with the assignment rows relaxed,
/// each candidate centre independently picks the units with negative reduced cost that fit.
///
/// ```swift
/// let best = KnapsackDP.minimize(values: [-5, -4, -3], weights: [4, 3, 2], capacity: 5)
/// best.value     // -7.0: items 1 and 2 (weight 5)
/// ```
enum KnapsackDP {
    /// Minimum of `Σ values[k]·z[k]` subject to `Σ weights[k]·z[k] ≤ capacity`, `z` binary.
    ///
    /// Items with a non-negative value are never taken.
    /// - Complexity: O(candidates × capacity), where candidates are the items with negative value.
    static func minimize(values: [Double], weights: [Int], capacity: Int) -> (value: Double, taken: [Bool]) {
        let count = values.count
        var taken = [Bool](repeating: false, count: count)
        guard capacity >= 0 else { return (0, taken) }
        var items: [Int] = []
        for k in 0..<count where values[k] < 0 && weights[k] <= capacity { items.append(k) }
        if items.isEmpty { return (0, taken) }
        // Everything fits: take all.
        if items.reduce(0, { $0 + weights[$1] }) <= capacity {
            var total = 0.0
            for k in items {
                taken[k] = true
                total += values[k]
            }
            return (total, taken)
        }
        let width = capacity + 1
        var best = [Double](repeating: 0, count: width)
        var keep = [Bool](repeating: false, count: items.count * width)
        for (r, k) in items.enumerated() {
            let w = weights[k]
            let v = values[k]
            var c = capacity
            while c >= w {
                let candidate = best[c - w] + v
                if candidate < best[c] {
                    best[c] = candidate
                    keep[r * width + c] = true
                }
                c -= 1
            }
        }
        var c = capacity
        for r in stride(from: items.count - 1, through: 0, by: -1) where keep[r * width + c] {
            taken[items[r]] = true
            c -= weights[items[r]]
        }
        return (best[capacity], taken)
    }

    /// For every item `k`: the minimum with item `k` forced into the knapsack
    /// (`values[k]` plus the best of the others within `capacity − weights[k]`), or `+∞` if it
    /// does not fit.
    ///
    /// - Complexity: O(items × capacity) time and memory (prefix and suffix tables).
    static func minimizeWithEachItemForced(values: [Double], weights: [Int], capacity: Int) -> [Double] {
        let count = values.count
        let width = max(capacity, 0) + 1
        // prefix[k][c]: best over items < k within c; suffix[k][c]: best over items >= k within c.
        var prefix = [Double](repeating: 0, count: (count + 1) * width)
        for k in 0..<count {
            let base = k * width
            let next = (k + 1) * width
            for c in 0..<width {
                var value = prefix[base + c]
                if values[k] < 0 && weights[k] <= c {
                    value = min(value, prefix[base + c - weights[k]] + values[k])
                }
                prefix[next + c] = value
            }
        }
        var suffix = [Double](repeating: 0, count: (count + 1) * width)
        for k in stride(from: count - 1, through: 0, by: -1) {
            let base = (k + 1) * width
            let here = k * width
            for c in 0..<width {
                var value = suffix[base + c]
                if values[k] < 0 && weights[k] <= c {
                    value = min(value, suffix[base + c - weights[k]] + values[k])
                }
                suffix[here + c] = value
            }
        }
        var result = [Double](repeating: .infinity, count: count)
        for k in 0..<count where weights[k] <= capacity {
            let room = capacity - weights[k]
            var others = Double.infinity
            let p = k * width
            let s = (k + 1) * width
            for c in 0...room {
                others = min(others, prefix[p + c] + suffix[s + room - c])
            }
            result[k] = values[k] + others
        }
        return result
    }
}
