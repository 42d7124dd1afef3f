import Foundation

/// The moved-count budget row, priced exactly.
///
/// For fixed balance prices the Lagrangian is, as a function of the count rate `ρ` (the count
/// multiplier per unit), `L(ρ) = Σ_i min(stay_i, move_i + ρ) − ρ · B`: `stay_i` is unit `i`'s
/// reduced cost in its current territory, `move_i` its least reduced cost elsewhere, `B` the budget.
/// `L` is concave with slope `#{i : stay_i − move_i > ρ} − B`, so it is largest at the saving of the
/// `(B + 1)`-th best mover (0 when at most `B` units gain by moving): one selection over the units
/// instead of a subgradient coordinate that has to find that price by steps, which couples badly with
/// thousands of balance prices when the budget binds.
///
/// ```swift
/// var relaxation = LagrangianRelaxation(instance: instance, workers: 2)
/// let evaluation = await relaxation.evaluate()  // sets relaxation.countMultiplier
/// print(evaluation.value, evaluation.movedCount <= instance.maxMovedCount)
/// ```
extension LagrangianRelaxation {
    /// One unit's two choices at the current balance prices: stay (`stay`, in `current`) or move
    /// (`move`, to `target`, including the value-budget rate); `target < 0` when it cannot move.
    private struct Choices: Sendable {
        var stay: [Double] = []
        var move: [Double] = []
        var target: [Int32] = []
        /// The territory of a unit that cannot move or has no current territory.
        var fixed: [Int32] = []
    }

    /// ``evaluate()`` with the count multiplier set to its best value for the balance prices.
    mutating func evaluateWithBestCountPrice() async -> Evaluation {
        let inst = instance
        let m = inst.m, kCount = inst.measureCount
        let (prices, pricesD) = balancePrices()
        let valueRate = valuesMoves ? valueMultiplier / max(inst.totalMoveValue, 1e-300) : 0
        let ranges = chunks.ranges
        let parts = await withTaskGroup(of: (Int, Choices).self) { group in
            for (chunk, range) in ranges.enumerated() {
                group.addTask {
                    (chunk, Self.choices(inst, range: range, price: prices, priceD: pricesD, valueRate: valueRate))
                }
            }
            var parts = [Choices?](repeating: nil, count: ranges.count)
            for await (chunk, part) in group { parts[chunk] = part }
            return parts
        }
        var all = Choices()
        for case let part? in parts {
            all.stay += part.stay
            all.move += part.move
            all.target += part.target
            all.fixed += part.fixed
        }
        // the movers: the B largest positive savings (ties by index); the rate: the next saving
        let budget = max(0, Int(inst.maxMovedCount.rounded(.down)))
        var savers: [(saving: Double, unit: Int)] = []
        for i in 0..<inst.n where all.target[i] >= 0 && all.stay[i] - all.move[i] > 0 {
            savers.append((all.stay[i] - all.move[i], i))
        }
        savers.sort { ($0.saving, $1.unit) > ($1.saving, $0.unit) }
        let rate = savers.count > budget ? savers[budget].saving : 0
        var moves = [Bool](repeating: false, count: inst.n)
        for s in savers.prefix(budget) { moves[s.unit] = true }
        countMultiplier = rate * Double(max(inst.unitsWithCurrent, 1))

        var total = Evaluation(
            value: 0, assignment: [], loads: Array(repeating: 0, count: m * kCount),
            movedCount: 0, movedValue: 0)
        total.assignment.reserveCapacity(inst.n)
        for i in 0..<inst.n {
            let j: Int
            if all.target[i] < 0 {
                j = Int(all.fixed[i])
                total.value += all.stay[i]
            } else if moves[i] {
                j = Int(all.target[i])
                total.value += all.move[i] + rate
                total.movedCount += 1
                total.movedValue += inst.moveValue[i]
            } else {
                j = Int(inst.current[i])
                total.value += all.stay[i]
            }
            for k in 0..<kCount { total.loads[j * kCount + k] += inst.values[i * kCount + k] }
            total.assignment.append(Int32(j))
        }
        for q in 0..<(m * kCount) {
            let tau = (inst.upper[q] - inst.target[q]) * inst.scale[q]
            total.value += -up[q] * (1 + tau) + down[q] * (1 - tau)
        }
        total.value -= rate * inst.maxMovedCount
        if valuesMoves { total.value -= valueMultiplier * inst.maxMovedValue / max(inst.totalMoveValue, 1e-300) }
        return total
    }

    /// Each unit's stay and best-move reduced costs over `range`, in double precision for the
    /// territories chosen in single precision; each is lowered by the same rounding allowance as
    /// ``evaluate()``'s values, so any choice between them stays a proven lower bound.
    private static func choices(
        _ inst: DenseInstance, range: Range<Int>, price p: [Float], priceD: [Double], valueRate: Double
    ) -> Choices {
        let m = inst.m, kCount = inst.measureCount
        var result = Choices()
        result.stay.reserveCapacity(range.count)
        var largestPrice = [Double](repeating: 0, count: kCount)
        for k in 0..<kCount { for j in 0..<m { largestPrice[k] = max(largestPrice[k], abs(priceD[j * kCount + k])) } }
        func reduced(_ i: Int, _ j: Int) -> Double {
            var value = inst.c(i, j)
            for k in 0..<kCount { value += inst.values[i * kCount + k] * priceD[j * kCount + k] }
            return value
        }
        var r = [Float](repeating: 0, count: m)
        inst.cost.withUnsafeBufferPointer { cost in
            p.withUnsafeBufferPointer { p in
                for i in range {
                    let cur = Int(inst.current[i])
                    var priceTerms = 0.0
                    for k in 0..<kCount { priceTerms += abs(inst.values[i * kCount + k]) * largestPrice[k] }
                    func allowance(_ value: Double, move: Double) -> Double {
                        0x1p-20 * (abs(value) + Double(kCount + 2) * priceTerms + 2 * move)
                    }
                    if inst.locked[i] && cur >= 0 {
                        result.stay.append(reduced(i, cur))
                        result.move.append(0)
                        result.target.append(-1)
                        result.fixed.append(Int32(cur))
                        continue
                    }
                    if m < 2 {
                        // a single territory: nowhere to move (and no other territory to scan)
                        let only = reduced(i, 0)
                        result.stay.append(only - allowance(only, move: 0))
                        result.move.append(0)
                        result.target.append(-1)
                        result.fixed.append(0)
                        continue
                    }
                    // the cheapest territory other than the current one (any, without a current one)
                    let best: Int
                    if kCount == 2 {
                        let a0 = Float(inst.values[i * 2]), a1 = Float(inst.values[i * 2 + 1])
                        best = Self.cheapest(cost, row: i * m, m: m, a0: a0, a1: a1, prices: p, excluding: cur).1
                    } else {
                        for j in 0..<m { r[j] = cost[i * m + j] }
                        for k in 0..<kCount {
                            let a = Float(inst.values[i * kCount + k])
                            if a == 0 { continue }
                            for j in 0..<m { r[j] += a * p[k * m + j] }
                        }
                        var b = cur == 0 ? 1 : 0
                        for j in 0..<m where j != cur && r[j] < r[b] { b = j }
                        best = b
                    }
                    let move = reduced(i, best)
                    if cur < 0 {
                        result.stay.append(move - allowance(move, move: 0))
                        result.move.append(0)
                        result.target.append(-1)
                        result.fixed.append(Int32(best))
                        continue
                    }
                    let stay = reduced(i, cur)
                    let moveCost = valueRate * inst.moveValue[i]
                    result.stay.append(stay - allowance(stay, move: 0))
                    result.move.append(move + moveCost - allowance(move, move: moveCost))
                    result.target.append(Int32(best))
                    result.fixed.append(Int32(cur))
                }
            }
        }
        return result
    }
}
