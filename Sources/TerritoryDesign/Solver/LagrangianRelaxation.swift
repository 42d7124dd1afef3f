import Foundation

/// Lagrangian relaxation of the balance rows (and the disruption budget rows) of an alignment.
///
/// With multipliers `λ⁺, λ⁻ ≥ 0` on the scaled rows `load_jk / T_jk ≤ 1 + τ_k` and
/// `load_jk / T_jk ≥ 1 − τ_k`, the relaxed problem separates by unit: each unit goes to the
/// territory of least reduced cost `c_ij + Σ_k (λ⁺_jk − λ⁻_jk) a_ik / T_jk`. The subproblem has the
/// integrality property, so the best Lagrangian value equals the LP bound, and *every* value is a
/// valid lower bound on the optimal alignment.
struct LagrangianRelaxation: Sendable {
    var instance: DenseInstance
    let workers: Int
    let chunks: ChunkPlan
    /// Multipliers, territory-major `m × K`.
    var up: [Double]
    var down: [Double]
    /// Multipliers of the disruption rows (moved count / total, moved value / total).
    var countMultiplier = 0.0
    var valueMultiplier = 0.0

    init(instance: DenseInstance, workers: Int) {
        self.instance = instance
        self.workers = workers
        chunks = ChunkPlan(count: instance.n, workers: workers)
        up = Array(repeating: 0, count: instance.m * instance.measureCount)
        down = up
    }

    /// The result of one evaluation at the current multipliers.
    struct Evaluation: Sendable {
        var value: Double
        var assignment: [Int32]
        /// Raw loads, territory-major `m × K`.
        var loads: [Double]
        var movedCount: Double
        var movedValue: Double
    }

    var countsMoves: Bool { instance.maxMovedCount.isFinite }

    /// All multipliers at once (to save or warm-start them).
    var multipliers: LagrangeMultipliers {
        get { LagrangeMultipliers(up: up, down: down, count: countMultiplier, value: valueMultiplier) }
        set {
            up = newValue.up
            down = newValue.down
            countMultiplier = newValue.count
            valueMultiplier = newValue.value
        }
    }
    var valuesMoves: Bool { instance.maxMovedValue.isFinite }

    /// Solves the relaxed problem at the current multipliers over all territories, in parallel over
    /// chunks of units, reducing the chunks in index order; the value is a valid lower bound.
    ///
    /// With a moved-count budget, the count multiplier is not stepped but set here to its best value
    /// for the current balance prices (an exact 1-D maximization, see
    /// ``evaluateWithBestCountPrice()``), so every value is the best the balance prices allow.
    mutating func evaluate() async -> Evaluation {
        if countsMoves { return await evaluateWithBestCountPrice() }
        let inst = instance
        let m = inst.m, kCount = inst.measureCount
        let (prices, pricesD) = balancePrices()
        let valueRate = valuesMoves ? valueMultiplier / max(inst.totalMoveValue, 1e-300) : 0
        let parts = await withTaskGroup(of: (Int, Evaluation).self) { group in
            for (chunk, range) in chunks.ranges.enumerated() {
                group.addTask {
                    (chunk, Self.evaluate(inst, range: range, price: prices, priceD: pricesD, valueRate: valueRate))
                }
            }
            var parts = [Evaluation?](repeating: nil, count: chunks.ranges.count)
            for await (chunk, part) in group { parts[chunk] = part }
            return parts
        }
        var total = Evaluation(
            value: 0, assignment: [], loads: Array(repeating: 0, count: m * kCount),
            movedCount: 0, movedValue: 0)
        total.assignment.reserveCapacity(inst.n)
        for case let part? in parts {
            total.value += part.value
            total.assignment.append(contentsOf: part.assignment)
            for q in 0..<(m * kCount) { total.loads[q] += part.loads[q] }
            total.movedCount += part.movedCount
            total.movedValue += part.movedValue
        }
        for q in 0..<(m * kCount) {
            let tau = (inst.upper[q] - inst.target[q]) * inst.scale[q]
            total.value += -up[q] * (1 + tau) + down[q] * (1 - tau)
        }
        if valuesMoves { total.value -= valueMultiplier * inst.maxMovedValue / max(inst.totalMoveValue, 1e-300) }
        return total
    }

    /// Each territory's net balance price per unit of each measure at the current multipliers:
    /// `single[k * m + j]` (measure-major, for the single-precision pricing loops) and
    /// `double[j * K + k]` (the same values in double precision).
    func balancePrices() -> (single: [Float], double: [Double]) {
        let inst = instance
        let m = inst.m, kCount = inst.measureCount
        var single = [Float](repeating: 0, count: kCount * m)
        var double = [Double](repeating: 0, count: m * kCount)
        for j in 0..<m {
            for k in 0..<kCount {
                let p = (up[j * kCount + k] - down[j * kCount + k]) * inst.scale[j * kCount + k]
                single[k * m + j] = Float(p)
                double[j * kCount + k] = p
            }
        }
        return (single, double)
    }

    /// The relaxed choice of every unit in `range` (the problem has no moved-count row here: that
    /// one is priced exactly by ``evaluateWithBestCountPrice()``).
    private static func evaluate(
        _ inst: DenseInstance, range: Range<Int>, price flatPrice: [Float], priceD: [Double], valueRate: Double
    ) -> Evaluation {
        let m = inst.m, kCount = inst.measureCount
        var result = Evaluation(
            value: 0, assignment: [], loads: Array(repeating: 0, count: m * kCount),
            movedCount: 0, movedValue: 0)
        result.assignment.reserveCapacity(range.count)
        var reduced = [Float](repeating: 0, count: m)
        // The territory is chosen in single precision, so the true least reduced cost may lie below
        // the chosen one by the rounding of both; each unit's value gives up that much (a few 1e-7
        // of its terms) so the sum stays a proven lower bound.
        var largestPrice = [Double](repeating: 0, count: kCount)
        for k in 0..<kCount { for j in 0..<m { largestPrice[k] = max(largestPrice[k], abs(priceD[j * kCount + k])) } }
        inst.cost.withUnsafeBufferPointer { cost in
            flatPrice.withUnsafeBufferPointer { p in
                reduced.withUnsafeMutableBufferPointer { r in
                    for i in range {
                        let cur = Int(inst.current[i])
                        var best: Int
                        if inst.locked[i] {
                            best = cur
                        } else {
                            let row = i * m
                            let moveCost = cur >= 0 ? Float(valueRate * inst.moveValue[i]) : 0
                            if kCount == 2 {
                                // fused pass for the common two-measure case
                                let a0 = Float(inst.values[i * 2]), a1 = Float(inst.values[i * 2 + 1])
                                let (bestValue, bestIndex) = Self.cheapest(
                                    cost, row: row, m: m, a0: a0, a1: a1, prices: p)
                                best = bestIndex
                                if moveCost > 0 && cur >= 0 {
                                    let v = cost[row + cur] + a0 * p[cur] + a1 * p[m + cur] - moveCost
                                    if v < bestValue || (v == bestValue && cur < best) { best = cur }
                                }
                            } else {
                                for j in 0..<m { r[j] = cost[row + j] }
                                for k in 0..<kCount {
                                    let a = Float(inst.values[i * kCount + k])
                                    if a == 0 { continue }
                                    let base = k * m
                                    for j in 0..<m { r[j] += a * p[base + j] }
                                }
                                if cur >= 0 && moveCost > 0 { r[cur] -= moveCost }
                                best = 0
                                var bestValue = r[0]
                                for j in 1..<m where r[j] < bestValue {
                                    bestValue = r[j]
                                    best = j
                                }
                            }
                        }
                        var value = Double(cost[i * m + best])
                        var priceTerms = 0.0
                        for k in 0..<kCount {
                            let a = inst.values[i * kCount + k]
                            value += a * priceD[best * kCount + k]
                            priceTerms += abs(a) * largestPrice[k]
                            result.loads[best * kCount + k] += a
                        }
                        if cur >= 0 && best != cur {
                            value += valueRate * inst.moveValue[i]
                            result.movedCount += 1
                            result.movedValue += inst.moveValue[i]
                        }
                        if !inst.locked[i] {
                            let moveTerms = cur >= 0 ? valueRate * inst.moveValue[i] : 0
                            value -= 0x1p-20 * (abs(value) + Double(kCount + 2) * priceTerms + 2 * moveTerms)
                        }
                        result.value += value
                        result.assignment.append(Int32(best))
                    }
                }
            }
        }
        return result
    }

    /// The least `cost[row + j] + a0 · prices[j] + a1 · prices[m + j]` over `j` and its smallest
    /// index, eight territories at a time (the same arithmetic, in the same order, as one at a time).
    ///
    /// `excluding` (when in `0..<m`) is left out of the search.
    @inline(__always)
    static func cheapest(
        _ cost: UnsafeBufferPointer<Float>, row: Int, m: Int, a0: Float, a1: Float,
        prices p: UnsafeBufferPointer<Float>,
        excluding: Int = -1
    ) -> (Float, Int) {
        var bestValue = Float.infinity, best = 0
        var j = 0
        if m >= 16, let costBase = cost.baseAddress, let priceBase = p.baseAddress {
            let a0v = SIMD8<Float>(repeating: a0), a1v = SIMD8<Float>(repeating: a1)
            var lanesMin = SIMD8<Float>(repeating: .infinity)
            var lanesIndex = SIMD8<Int32>(repeating: 0)
            var index = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
            let excluded = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: excluding))
            let infinity = SIMD8<Float>(repeating: .infinity)
            let rowBase = UnsafeRawPointer(costBase + row), p0 = UnsafeRawPointer(priceBase)
            let p1 = UnsafeRawPointer(priceBase + m)
            let stride = MemoryLayout<Float>.stride
            while j + 8 <= m {
                let c = rowBase.loadUnaligned(fromByteOffset: j * stride, as: SIMD8<Float>.self)
                let q0 = p0.loadUnaligned(fromByteOffset: j * stride, as: SIMD8<Float>.self)
                let q1 = p1.loadUnaligned(fromByteOffset: j * stride, as: SIMD8<Float>.self)
                var v = c + a0v * q0 + a1v * q1
                if excluding >= j && excluding < j + 8 { v.replace(with: infinity, where: index .== excluded) }
                let smaller = v .< lanesMin
                lanesMin.replace(with: v, where: smaller)
                lanesIndex.replace(with: index, where: smaller)
                index &+= 8
                j += 8
            }
            bestValue = lanesMin.min()
            best = Int.max
            for lane in 0..<8 where lanesMin[lane] == bestValue { best = min(best, Int(lanesIndex[lane])) }
            if best == Int.max { best = 0 }
        }
        while j < m {
            if j == excluding { j += 1; continue }
            let v = cost[row + j] + a0 * p[j] + a1 * p[m + j]
            if v < bestValue { bestValue = v; best = j }
            j += 1
        }
        return (bestValue, best)
    }

    /// Subgradient components (projected onto the non-negative multipliers) for an evaluation.
    func subgradient(_ e: Evaluation) -> (up: [Double], down: [Double], count: Double, value: Double) {
        let inst = instance
        var gUp = [Double](repeating: 0, count: up.count), gDown = gUp
        for q in 0..<up.count {
            let ratio = e.loads[q] * inst.scale[q]
            let tau = (inst.upper[q] - inst.target[q]) * inst.scale[q]
            let a = ratio - (1 + tau)
            let b = (1 - tau) - ratio
            gUp[q] = (up[q] > 0 || a > 0) ? a : 0
            gDown[q] = (down[q] > 0 || b > 0) ? b : 0
        }
        var gCount = 0.0, gValue = 0.0
        if countsMoves {
            let a = (e.movedCount - inst.maxMovedCount) / Double(max(inst.unitsWithCurrent, 1))
            gCount = (countMultiplier > 0 || a > 0) ? a : 0
        }
        if valuesMoves {
            let a = (e.movedValue - inst.maxMovedValue) / max(inst.totalMoveValue, 1e-300)
            gValue = (valueMultiplier > 0 || a > 0) ? a : 0
        }
        return (gUp, gDown, gCount, gValue)
    }

    /// Per-coordinate adaptive (Rprop-style) step: each multiplier moves by its own step in the
    /// direction of its subgradient's sign; the step grows ×1.2 while the sign holds and halves when
    /// it flips.
    ///
    /// Each territory's price behaves like a 1-D root search on its excess load, which converges far faster than one
    /// global step length when there are many territories.
    mutating func adaptiveStep(
        _ g: (up: [Double], down: [Double], count: Double, value: Double), state: inout AdaptiveSteps
    ) {
        func update(_ value: inout Double, _ gradient: Double, _ step: inout Double, _ last: inout Double) {
            if gradient == 0 { last = 0; return }
            if last != 0 { step *= (gradient > 0) == (last > 0) ? 1.2 : 0.5 }
            last = gradient
            value = max(0, value + (gradient > 0 ? step : -step))
        }
        for q in 0..<up.count {
            update(&up[q], g.up[q], &state.up[q], &state.lastUp[q])
            update(&down[q], g.down[q], &state.down[q], &state.lastDown[q])
        }
        update(&countMultiplier, g.count, &state.count, &state.lastCount)
        update(&valueMultiplier, g.value, &state.value, &state.lastValue)
    }

    /// Takes a projected subgradient step of length `step`.
    mutating func step(_ g: (up: [Double], down: [Double], count: Double, value: Double), length step: Double) {
        for q in 0..<up.count {
            up[q] = max(0, up[q] + step * g.up[q])
            down[q] = max(0, down[q] + step * g.down[q])
        }
        countMultiplier = max(0, countMultiplier + step * g.count)
        valueMultiplier = max(0, valueMultiplier + step * g.value)
    }
}

/// The multipliers of a ``LagrangianRelaxation``: balance rows (territory-major `m × K`, upper
/// and lower) and the two disruption rows.
struct LagrangeMultipliers: Sendable {
    var up: [Double]
    var down: [Double]
    var count: Double
    var value: Double
}

/// Step sizes and last subgradient signs of ``LagrangianRelaxation/adaptiveStep(_:state:)``.
struct AdaptiveSteps: Sendable {
    var up: [Double], down: [Double], lastUp: [Double], lastDown: [Double]
    var count: Double, value: Double, lastCount = 0.0, lastValue = 0.0

    /// Forgets the last signs and (when `halving`) halves every step.
    mutating func restart(halving: Bool) {
        let factor = halving ? 0.5 : 1
        for q in up.indices {
            up[q] *= factor
            down[q] *= factor
            lastUp[q] = 0
            lastDown[q] = 0
        }
        count *= factor
        value *= factor
        lastCount = 0
        lastValue = 0
    }

    /// Initial steps of `initial` for every multiplier.
    init(rows: Int, initial: Double) {
        up = Array(repeating: initial, count: rows)
        down = up
        lastUp = Array(repeating: 0, count: rows)
        lastDown = lastUp
        count = initial
        value = initial
    }
}
