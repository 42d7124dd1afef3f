import Foundation

/// The numeric form of an ``AlignmentProblem`` for fixed centres: dense costs, measure values,
/// bounds and disruption data, in flat arrays indexed by unit and territory.
///
/// `cost[i * m + j]` is unit `i`'s weighted travel to centre `j` plus the disruption penalty when
/// `j` is not its current territory.
struct DenseInstance: Sendable {
    let n: Int
    let m: Int
    let measureCount: Int
    /// Unit-major costs, `n × m`.
    let cost: [Float]
    /// Unit-major measure values, `n × K`.
    let values: [Double]
    /// Territory-major targets, bounds and row scales (`1 / target`), `m × K`.
    let target: [Double]
    let lower: [Double]
    let upper: [Double]
    let scale: [Double]
    /// Current territory index per unit, or -1.
    let current: [Int32]
    let locked: [Bool]
    /// Disruption value per unit and the limits (`.infinity` when absent).
    let moveValue: [Double]
    let maxMovedCount: Double
    let maxMovedValue: Double
    let totalMoveValue: Double
    let unitsWithCurrent: Int

    /// Builds the instance for `centres` (one per territory of `problem`, possibly relocated).
    static func build(_ problem: AlignmentProblem, centres: [Location], workers: Int) async -> DenseInstance {
        let n = problem.units.count
        let m = centres.count
        let kCount = problem.measures.count
        var values = [Double](repeating: 0, count: n * kCount)
        for (i, unit) in problem.units.enumerated() {
            for k in 0..<kCount { values[i * kCount + k] = unit.measures[k] }
        }
        var target = [Double](repeating: 0, count: m * kCount)
        var lower = target, upper = target, scale = target
        for k in 0..<kCount {
            let t = problem.targets(measure: k)
            let tau = problem.measures[k].tolerance
            let mean = max(t.reduce(0, +) / Double(max(m, 1)), 1e-12)
            for j in 0..<m {
                target[j * kCount + k] = t[j]
                lower[j * kCount + k] = t[j] * (1 - tau)
                upper[j * kCount + k] = t[j] * (1 + tau)
                scale[j * kCount + k] = 1 / max(t[j], 1e-9 * mean)
            }
        }
        var territoryIndex: [String: Int32] = [:]
        for (j, territory) in problem.territories.enumerated() { territoryIndex[territory.id] = Int32(j) }
        let current = problem.units.map { unit -> Int32 in unit.currentTerritory.flatMap { territoryIndex[$0] } ?? -1 }
        let locked = problem.units.map { $0.locked }
        let budget = problem.disruption
        let moveValue: [Double] =
            budget.isActive && budget.valueMeasure < kCount
            ? problem.units.map { $0.measures[budget.valueMeasure] } : Array(repeating: 1, count: n)
        let unitsWithCurrent = current.filter { $0 >= 0 }.count
        let totalMoveValue = zip(moveValue, current).reduce(0) { $0 + ($1.1 >= 0 ? $1.0 : 0) }
        let maxMovedCount =
            budget.maxMovedAccountShare.map { ($0 * Double(unitsWithCurrent)).rounded(.down) } ?? .infinity
        let maxMovedValue = budget.maxMovedValueShare.map { $0 * totalMoveValue } ?? .infinity
        let weights = problem.units.map { unit in problem.compactnessMeasure.map { unit.measures[$0] } ?? 1 }
        let cost = await computeCosts(
            problem, centres: centres, weights: weights, current: current, moveValue: moveValue, workers: workers)
        return DenseInstance(
            n: n, m: m, measureCount: kCount, cost: cost, values: values, target: target, lower: lower, upper: upper,
            scale: scale, current: current, locked: locked, moveValue: moveValue, maxMovedCount: maxMovedCount,
            maxMovedValue: maxMovedValue, totalMoveValue: totalMoveValue, unitsWithCurrent: unitsWithCurrent)
    }

    /// Weighted distances (plus move penalties), computed in parallel over chunks of units.
    private static func computeCosts(
        _ problem: AlignmentProblem, centres: [Location], weights: [Double], current: [Int32], moveValue: [Double],
        workers: Int
    ) async -> [Float] {
        let n = problem.units.count
        let m = centres.count
        let metric = problem.metric
        let penalty = problem.disruption.penaltyPerMovedValue
        let u1 = problem.units.map { $0.location.first }, u2 = problem.units.map { $0.location.second }
        let c1 = centres.map { $0.first }, c2 = centres.map { $0.second }
        let chunks = ChunkPlan(count: n, workers: workers)
        let parts = await withTaskGroup(of: (Int, [Float]).self) { group in
            for (chunk, range) in chunks.ranges.enumerated() {
                group.addTask {
                    var block = [Float](repeating: 0, count: range.count * m)
                    for i in range {
                        let row = (i - range.lowerBound) * m
                        for j in 0..<m {
                            var c = weights[i] * metric.distance(u1[i], u2[i], c1[j], c2[j])
                            if penalty > 0, current[i] >= 0, Int(current[i]) != j { c += penalty * moveValue[i] }
                            block[row + j] = Float(c)
                        }
                    }
                    return (chunk, block)
                }
            }
            var parts = [[Float]](repeating: [], count: chunks.ranges.count)
            for await (chunk, block) in group { parts[chunk] = block }
            return parts
        }
        var cost = [Float]()
        cost.reserveCapacity(n * m)
        for part in parts { cost.append(contentsOf: part) }
        return cost
    }

    /// The same instance with every band `[target(1 − τ), target(1 + τ)]` narrowed to `τ · factor`
    /// (costs shared, not copied): relaxed assignments for it leave slack in the real bands.
    func narrowed(by factor: Double) -> DenseInstance {
        DenseInstance(
            n: n, m: m, measureCount: measureCount, cost: cost, values: values, target: target,
            lower: zip(target, lower).map { t, l in t - (t - l) * factor },
            upper: zip(target, upper).map { t, u in t + (u - t) * factor },
            scale: scale, current: current, locked: locked, moveValue: moveValue, maxMovedCount: maxMovedCount,
            maxMovedValue: maxMovedValue, totalMoveValue: totalMoveValue, unitsWithCurrent: unitsWithCurrent)
    }

    /// Total scaled violation of the real bands by territory loads.
    func violation(loads: [Double]) -> Double {
        var v = 0.0
        for q in 0..<loads.count {
            if loads[q] > upper[q] { v += (loads[q] - upper[q]) * scale[q] }
            if loads[q] < lower[q] { v += (lower[q] - loads[q]) * scale[q] }
        }
        return v
    }

    /// The cost of unit `i` in territory `j`.
    @inline(__always) func c(_ i: Int, _ j: Int) -> Double { Double(cost[i * m + j]) }
}

/// Contiguous index ranges for parallel work, a fixed function of the count and worker number so
/// results reduce in the same order on every run.
struct ChunkPlan: Sendable {
    let ranges: [Range<Int>]
    init(count: Int, workers: Int) {
        let pieces = max(1, min(count, max(1, workers) * 4))
        let size = (count + pieces - 1) / pieces
        ranges = stride(from: 0, to: count, by: max(size, 1)).map { $0..<min(count, $0 + max(size, 1)) }
    }
}
