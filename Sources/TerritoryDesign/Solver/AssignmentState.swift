/// A complete assignment with its loads, membership lists and disruption counters, updated in
/// O(K) per move so local search can evaluate and apply moves cheaply.
struct AssignmentState: Sendable {
    let instance: DenseInstance
    private(set) var assign: [Int32]
    /// Raw loads, territory-major `m × K`.
    private(set) var loads: [Double]
    private(set) var members: [[Int32]]
    private var position: [Int32]
    private(set) var movedCount: Double = 0
    private(set) var movedValue: Double = 0
    private(set) var cost: Double = 0

    init(instance: DenseInstance, assignment: [Int32]) {
        self.instance = instance
        let m = instance.m, kCount = instance.measureCount
        var assign = assignment
        for i in 0..<instance.n where instance.locked[i] { assign[i] = instance.current[i] }
        self.assign = assign
        loads = Array(repeating: 0, count: m * kCount)
        members = Array(repeating: [], count: m)
        position = Array(repeating: 0, count: instance.n)
        for i in 0..<instance.n {
            let j = Int(assign[i])
            position[i] = Int32(members[j].count)
            members[j].append(Int32(i))
            for k in 0..<kCount { loads[j * kCount + k] += instance.values[i * kCount + k] }
            cost += instance.c(i, j)
            if instance.current[i] >= 0 && instance.current[i] != assign[i] {
                movedCount += 1
                movedValue += instance.moveValue[i]
            }
        }
    }

    /// Scaled violation of row `q = j * K + k` at load `load`.
    @inline(__always) func violation(_ q: Int, load: Double) -> Double {
        let inst = instance
        if load > inst.upper[q] { return (load - inst.upper[q]) * inst.scale[q] }
        if load < inst.lower[q] { return (inst.lower[q] - load) * inst.scale[q] }
        return 0
    }

    /// Total scaled balance violation.
    var totalViolation: Double {
        var v = 0.0
        for q in 0..<loads.count { v += violation(q, load: loads[q]) }
        return v
    }

    /// Largest relative violation of any bound, `max excess / target`.
    var maxViolation: Double {
        var v = 0.0
        for q in 0..<loads.count { v = max(v, violation(q, load: loads[q])) }
        return v
    }

    /// Change in moved count and value if unit `i` goes to `b`.
    @inline(__always) func disruptionDelta(_ i: Int, to b: Int) -> (count: Double, value: Double) {
        let cur = Int(instance.current[i])
        guard cur >= 0 else { return (0, 0) }
        let a = Int(assign[i])
        let before = a != cur ? 1.0 : 0, after = b != cur ? 1.0 : 0
        return (after - before, (after - before) * instance.moveValue[i])
    }

    /// Whether the disruption budget holds now.
    var budgetHolds: Bool {
        movedCount <= instance.maxMovedCount + 1e-9 && movedValue <= instance.maxMovedValue * (1 + 1e-12) + 1e-9
    }

    /// Whether the disruption budget holds after the given change.
    @inline(__always) func budgetAllows(count: Double, value: Double) -> Bool {
        (count <= 0 || movedCount + count <= instance.maxMovedCount + 1e-9)
            && (value <= 0 || movedValue + value <= instance.maxMovedValue * (1 + 1e-12) + 1e-9)
    }

    /// Violation change of moving unit `i` from its territory to `b`, each row's change times
    /// `weight(row)` (1 by default).
    @inline(__always) func violationDelta(_ i: Int, to b: Int, weight: (Int) -> Double = { _ in 1 }) -> Double {
        let kCount = instance.measureCount
        let a = Int(assign[i])
        var delta = 0.0
        for k in 0..<kCount {
            let v = instance.values[i * kCount + k]
            if v == 0 { continue }
            let qa = a * kCount + k, qb = b * kCount + k
            delta += weight(qa) * (violation(qa, load: loads[qa] - v) - violation(qa, load: loads[qa]))
            delta += weight(qb) * (violation(qb, load: loads[qb] + v) - violation(qb, load: loads[qb]))
        }
        return delta
    }

    /// Violation change if `i` and `i2` (in different territories) trade places, each row's change
    /// times `weight(row)` (1 by default).
    @inline(__always) func swapViolationDelta(_ i: Int, _ i2: Int, weight: (Int) -> Double = { _ in 1 }) -> Double {
        let kCount = instance.measureCount
        let a = Int(assign[i]), b = Int(assign[i2])
        var delta = 0.0
        for k in 0..<kCount {
            let d = instance.values[i2 * kCount + k] - instance.values[i * kCount + k]
            if d == 0 { continue }
            let qa = a * kCount + k, qb = b * kCount + k
            delta += weight(qa) * (violation(qa, load: loads[qa] + d) - violation(qa, load: loads[qa]))
            delta += weight(qb) * (violation(qb, load: loads[qb] - d) - violation(qb, load: loads[qb]))
        }
        return delta
    }

    /// Whether moving `i` to `b` keeps both territories within every bound.
    func moveKeepsBalance(_ i: Int, to b: Int) -> Bool {
        let kCount = instance.measureCount
        let a = Int(assign[i])
        for k in 0..<kCount {
            let v = instance.values[i * kCount + k]
            if v == 0 { continue }
            if loads[a * kCount + k] - v < instance.lower[a * kCount + k] - 1e-9 { return false }
            if loads[b * kCount + k] + v > instance.upper[b * kCount + k] + 1e-9 { return false }
        }
        return true
    }

    /// Whether swapping `i` (in `a`) and `i2` (in `b`) keeps both territories within every bound.
    func swapKeepsBalance(_ i: Int, _ i2: Int) -> Bool {
        let kCount = instance.measureCount
        let a = Int(assign[i]), b = Int(assign[i2])
        for k in 0..<kCount {
            let d = instance.values[i2 * kCount + k] - instance.values[i * kCount + k]
            if d == 0 { continue }
            let la = loads[a * kCount + k] + d, lb = loads[b * kCount + k] - d
            if la < instance.lower[a * kCount + k] - 1e-9 || la > instance.upper[a * kCount + k] + 1e-9 { return false }
            if lb < instance.lower[b * kCount + k] - 1e-9 || lb > instance.upper[b * kCount + k] + 1e-9 { return false }
        }
        return true
    }

    /// Moves unit `i` to territory `b`.
    mutating func move(_ i: Int, to b: Int) {
        let a = Int(assign[i])
        guard a != b else { return }
        let kCount = instance.measureCount
        let (dc, dv) = disruptionDelta(i, to: b)
        movedCount += dc
        movedValue += dv
        cost += instance.c(i, b) - instance.c(i, a)
        for k in 0..<kCount {
            let v = instance.values[i * kCount + k]
            loads[a * kCount + k] -= v
            loads[b * kCount + k] += v
        }
        let p = Int(position[i])
        let last = members[a].removeLast()
        if Int(last) != i {
            members[a][p] = last
            position[Int(last)] = Int32(p)
        }
        position[i] = Int32(members[b].count)
        members[b].append(Int32(i))
        assign[i] = Int32(b)
    }

    /// Recomputes the cost from scratch (avoids drift from incremental updates).
    mutating func refreshCost() {
        var total = 0.0
        for i in 0..<instance.n { total += instance.c(i, Int(assign[i])) }
        cost = total
    }
}
