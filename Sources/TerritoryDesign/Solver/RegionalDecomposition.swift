import Foundation
import LinearProgramming

/// Regional decomposition for large fixed-centre alignments (hundreds of territories).
///
/// The dense solver converges in seconds at about 50 territories, but its subgradient needs far
/// more iterations, each far more expensive, at 500. So large instances are solved region by region:
///
/// 1. **Regions.** Territories are grouped into regions of about ``AlignmentOptions/regionSize``
///    by recursive coordinate bisection of their centres (ties by index).
/// 2. **Units to regions.** The same alignment one level up: each region is one "territory" whose
///    cost for a unit is that of its cheapest territory and whose bands are the sums of its
///    territories' targets, narrowed to a share of each tolerance, so every region keeps
///    slack for its own territories. Locks and a share of the disruption budget carry over.
/// 3. **Regions solved.** Each region's units and territories form an ordinary
///    ``FixedCentreSolver`` instance, solved one after another, sharing the remaining time.
/// 4. **Joined.** The regional assignments and multipliers are joined into a warm start for the
///    whole problem: ``FixedCentreSolver`` repairs and improves the joined assignment over *all*
///    territories (region borders are not fixed) and continues the subgradient over all territories
///    from the joined multipliers, so the bound it reports is valid for the whole problem.
struct RegionalDecomposition {
    let instance: DenseInstance
    let centres: [Location]
    let options: AlignmentOptions
    /// The window of the whole solve; the phases below get shares of it.
    let deadline: Deadline

    /// Region-level attempts, tightest first: the share of each tolerance the region-level bands
    /// keep (the rest is slack for the territories) and the share of the disruption budget the
    /// region-level assignment may spend.
    ///
    /// The wider attempt serves when a tight budget cannot balance the regions that closely.
    static let regionLevelAttempts: [(bandShare: Double, budgetShare: Double)] = [(0.1, 0.3), (0.3, 0.6)]
    /// Shares of the time limit by which the region-level problem and all regions end.
    static let regionLevelShare = 0.08
    static let regionsShare = 0.32
    static let levelsShare = 0.37

    /// Number of regions for `m` territories, or 1 when the instance is small enough to solve whole.
    static func regionCount(territories m: Int, regionSize: Int) -> Int {
        guard regionSize > 0, m > 3 * regionSize else { return 1 }
        return max(2, Int((Double(m) / Double(regionSize)).rounded()))
    }

    /// Territory indices per region, by recursive coordinate bisection of the centres: each cut
    /// splits along the wider coordinate spread (longitudes scaled by the cosine of the latitude),
    /// in proportion to the number of regions on each side.
    ///
    /// Deterministic: ties by index.
    static func regions(of centres: [Location], count: Int) -> [[Int]] {
        var result: [[Int]] = []
        func key(_ j: Int, alongFirst: Bool) -> Double {
            switch centres[j] {
            case .planar(let x, let y): alongFirst ? x : y
            case .geographic(let latitude, let longitude):
                alongFirst ? latitude : longitude * cos(latitude * .pi / 180)
            }
        }
        func split(_ members: [Int], _ regions: Int) {
            guard regions > 1, members.count > 1 else {
                result.append(members.sorted())
                return
            }
            func spread(_ alongFirst: Bool) -> Double {
                let values = members.map { key($0, alongFirst: alongFirst) }
                return (values.max() ?? 0) - (values.min() ?? 0)
            }
            let alongFirst = spread(true) >= spread(false)
            let sorted = members.sorted { a, b in
                (key(a, alongFirst: alongFirst), a) < (key(b, alongFirst: alongFirst), b)
            }
            let left = regions / 2
            let cut = members.count * left / regions
            split(Array(sorted[..<cut]), left)
            split(Array(sorted[cut...]), regions - left)
        }
        split(Array(centres.indices), count)
        return result
    }

    /// A start for the whole problem: a complete assignment and multipliers for every territory.
    struct WarmStart: Sendable {
        var assignment: [Int32]
        var multipliers: LagrangeMultipliers
        /// Whether a clock (a share of the time limit) ended any of its solves or the level fit,
        /// so that the start depends on the machine's speed.
        var timedOut: Bool
    }

    /// Solves the instance region by region and returns the joined assignment (balanced within each
    /// region whenever the region could be) and the joined multipliers: each region's own, shifted by
    /// its price from the region-level problem, so the regions' prices are comparable across borders.
    ///
    /// `nil` when units could not be balanced across regions.
    func warmStart() async -> WarmStart? {
        let inst = instance
        let kCount = inst.measureCount
        let regions = Self.regions(
            of: centres, count: Self.regionCount(territories: inst.m, regionSize: options.regionSize))
        var regionOf = [Int](repeating: 0, count: inst.m)
        for (g, members) in regions.enumerated() { for j in members { regionOf[j] = g } }

        // units to regions
        report("regions")
        var upperInstance: DenseInstance?
        var upperOutcome: FixedCentreSolver.Outcome?
        var timedOut = false
        for (index, attempt) in Self.regionLevelAttempts.enumerated() {
            let upper = regionLevelInstance(regions: regions, regionOf: regionOf, attempt: attempt)
            upperInstance = upper
            var upperOptions = options
            upperOptions.targetGap = 1e-3
            upperOptions.progress = nil
            upperOptions.maxBoundIterations = 200
            let end = deadline.share(Self.regionLevelShare * Double(index + 1) / Double(Self.regionLevelAttempts.count))
                .end
            var upperSolver = FixedCentreSolver(instance: upper, options: upperOptions, deadline: Deadline(end: end))
            if upper.current.allSatisfy({ $0 >= 0 }) { upperSolver.seeds = [upper.current] }
            let outcome = await upperSolver.solve()
            upperOutcome = outcome
            timedOut = timedOut || outcome.timedOut
            if outcome.assignment != nil { break }
        }
        guard let upper = upperInstance, let upperOutcome, let unitRegion = upperOutcome.assignment else { return nil }

        // each region alone
        let parts = RegionParts(instance: inst, regions: regions, regionOf: regionOf, unitRegion: unitRegion)
        var assignment = [Int32](repeating: -1, count: inst.n)
        var joined = LagrangeMultipliers(
            up: Array(repeating: 0, count: inst.m * kCount), down: Array(repeating: 0, count: inst.m * kCount),
            count: 0, value: 0)
        let regionsEnd = deadline.share(Self.regionsShare)
        for g in regions.indices {
            report("region \(g + 1)/\(regions.count)")
            let sub = parts.instance(region: g)
            guard sub.instance.n > 0 else { continue }
            let share = regionsEnd.remaining / (regions.count - g)
            var subOptions = options
            subOptions.progress = nil
            subOptions.targetGap = max(options.targetGap, 1e-3)
            var solver = FixedCentreSolver(
                instance: sub.instance, options: subOptions, deadline: Deadline(limit: max(share, .milliseconds(500))))
            if sub.instance.current.allSatisfy({ $0 >= 0 }) { solver.seeds = [sub.instance.current] }
            let outcome = await solver.solve()
            timedOut = timedOut || outcome.timedOut
            let local = outcome.assignment ?? outcome.bestAttempt ?? sub.nearest()
            for (a, i) in sub.units.enumerated() { assignment[i] = Int32(regions[g][Int(local[a])]) }
            guard let multipliers = outcome.multipliers else { continue }
            for (b, j) in regions[g].enumerated() {
                for k in 0..<kCount {
                    var net = multipliers.up[b * kCount + k] - multipliers.down[b * kCount + k]
                    if let regionPrices = upperOutcome.multipliers {
                        // the region's price per unit of measure k, in territory j's scaled units
                        let q = g * kCount + k
                        net += (regionPrices.up[q] - regionPrices.down[q]) * upper.scale[q] / inst.scale[j * kCount + k]
                    }
                    joined.up[j * kCount + k] = max(net, 0)
                    joined.down[j * kCount + k] = max(-net, 0)
                }
            }
            // per-unit rates of the disruption rows add up over regions
            joined.count += multipliers.count
            joined.value += multipliers.value
        }
        let (fitted, fitTimedOut) = await fitRegionLevels(
            joined, regions: regions, until: deadline.share(Self.levelsShare))
        return WarmStart(assignment: assignment, multipliers: fitted, timedOut: timedOut || fitTimedOut)
    }

    /// Each region's prices were fitted to its own units only, so their levels differ across
    /// borders; this shifts every region's prices of each measure by one amount, fitted by
    /// sign-based steps on the whole problem's Lagrangian (one evaluation over all territories per
    /// step), and returns the multipliers of the best value and whether `end` cut the 60 steps short.
    private func fitRegionLevels(
        _ joined: LagrangeMultipliers, regions: [[Int]], until end: Deadline
    ) async -> (LagrangeMultipliers, timedOut: Bool) {
        let inst = instance
        let kCount = inst.measureCount, rows = inst.m * inst.measureCount
        let base = (0..<rows).map { joined.up[$0] - joined.down[$0] }
        let magnitudes = (0..<rows).map { abs(base[$0]) * inst.scale[$0] }.filter { $0 > 0 }
        let typical = magnitudes.isEmpty ? 1.0 : magnitudes.reduce(0, +) / Double(magnitudes.count)
        var shift = [Double](repeating: 0, count: regions.count * kCount)
        var steps = [Double](repeating: 0.1 * typical, count: shift.count)
        var lastSign = [Double](repeating: 0, count: shift.count)
        var relaxation = LagrangianRelaxation(instance: inst, workers: options.workers)
        var best = -Double.infinity, bestMultipliers = joined
        var timedOut = false
        for _ in 0..<60 {
            var multipliers = joined
            for (g, members) in regions.enumerated() {
                for j in members {
                    for k in 0..<kCount {
                        let q = j * kCount + k
                        let net = base[q] + shift[g * kCount + k] / inst.scale[q]
                        multipliers.up[q] = max(net, 0)
                        multipliers.down[q] = max(-net, 0)
                    }
                }
            }
            relaxation.multipliers = multipliers
            let evaluation = await relaxation.evaluate()
            if evaluation.value > best {
                best = evaluation.value
                bestMultipliers = relaxation.multipliers  // with the count price the evaluation chose
            }
            if end.hasPassed { timedOut = true; break }
            for (g, members) in regions.enumerated() {
                for k in 0..<kCount {
                    var gradient = 0.0
                    for j in members {
                        let q = j * kCount + k
                        let ratio = evaluation.loads[q] * inst.scale[q]
                        let above = (inst.upper[q] - inst.target[q]) * inst.scale[q]
                        let below = (inst.target[q] - inst.lower[q]) * inst.scale[q]
                        let up = multipliers.up[q] > 0 || ratio > 1 + above
                        let down = multipliers.down[q] > 0 || ratio < 1 - below
                        if up {
                            gradient += inst.target[q] * (ratio - 1 - above)
                        } else if down {
                            gradient += inst.target[q] * (ratio - 1 + below)
                        }
                    }
                    let r = g * kCount + k
                    if gradient == 0 { lastSign[r] = 0; continue }
                    let sign: Double = gradient > 0 ? 1 : -1
                    if lastSign[r] != 0 { steps[r] *= sign == lastSign[r] ? 1.2 : 0.5 }
                    lastSign[r] = sign
                    shift[r] += sign * steps[r]
                }
            }
        }
        return (bestMultipliers, timedOut)
    }

    private func report(_ phase: String) {
        options.progress?(
            AlignmentProgress(phase: phase, incumbent: nil, bound: -.infinity, elapsed: deadline.elapsed.inSeconds))
    }

    /// One "territory" per region: a unit's cost is its cheapest territory's in the region, targets
    /// are the sums of the region's targets, and bands keep `attempt.bandShare` of each tolerance.
    private func regionLevelInstance(
        regions: [[Int]], regionOf: [Int], attempt: (bandShare: Double, budgetShare: Double)
    ) -> DenseInstance {
        let inst = instance
        let n = inst.n, m = inst.m, kCount = inst.measureCount, r = regions.count
        var cost = [Float](repeating: .infinity, count: n * r)
        inst.cost.withUnsafeBufferPointer { full in
            for i in 0..<n {
                for j in 0..<m where full[i * m + j] < cost[i * r + regionOf[j]] {
                    cost[i * r + regionOf[j]] = full[i * m + j]
                }
            }
        }
        var target = [Double](repeating: 0, count: r * kCount)
        var lower = target, upper = target
        for j in 0..<m {
            for k in 0..<kCount {
                target[regionOf[j] * kCount + k] += inst.target[j * kCount + k]
                lower[regionOf[j] * kCount + k] += inst.lower[j * kCount + k]
                upper[regionOf[j] * kCount + k] += inst.upper[j * kCount + k]
            }
        }
        let share = attempt.bandShare
        for q in 0..<(r * kCount) {
            lower[q] = target[q] - share * (target[q] - lower[q])
            upper[q] = target[q] + share * (upper[q] - target[q])
        }
        var scale = target
        for k in 0..<kCount {
            let mean = max((0..<r).reduce(0.0) { $0 + target[$1 * kCount + k] } / Double(r), 1e-12)
            for g in 0..<r { scale[g * kCount + k] = 1 / max(target[g * kCount + k], 1e-9 * mean) }
        }
        return DenseInstance(
            n: n, m: r, measureCount: kCount, cost: cost, values: inst.values, target: target, lower: lower,
            upper: upper, scale: scale, current: inst.current.map { $0 >= 0 ? Int32(regionOf[Int($0)]) : -1 },
            locked: inst.locked, moveValue: inst.moveValue,
            maxMovedCount: (inst.maxMovedCount * attempt.budgetShare).rounded(.down),
            maxMovedValue: inst.maxMovedValue * attempt.budgetShare, totalMoveValue: inst.totalMoveValue,
            unitsWithCurrent: inst.unitsWithCurrent)
    }
}

/// The per-region sub-instances of a ``RegionalDecomposition``, with the disruption budget left
/// after the units that changed region shared in proportion to each region's units.
private struct RegionParts {
    let instance: DenseInstance
    let regions: [[Int]]
    let regionOf: [Int]
    let unitRegion: [Int32]
    /// Moves already spent by units that left their current territory's region.
    let forcedCount: Double
    let forcedValue: Double
    /// Per region: units (and their value) that stayed in their current territory's region.
    let stayingCount: [Double]
    let stayingValue: [Double]

    init(instance: DenseInstance, regions: [[Int]], regionOf: [Int], unitRegion: [Int32]) {
        self.instance = instance
        self.regions = regions
        self.regionOf = regionOf
        self.unitRegion = unitRegion
        var forcedCount = 0.0, forcedValue = 0.0
        var stayingCount = [Double](repeating: 0, count: regions.count), stayingValue = stayingCount
        for i in 0..<instance.n where instance.current[i] >= 0 {
            let g = Int(unitRegion[i])
            if regionOf[Int(instance.current[i])] == g {
                stayingCount[g] += 1
                stayingValue[g] += instance.moveValue[i]
            } else {
                forcedCount += 1
                forcedValue += instance.moveValue[i]
            }
        }
        self.forcedCount = forcedCount
        self.forcedValue = forcedValue
        self.stayingCount = stayingCount
        self.stayingValue = stayingValue
    }

    struct Part {
        let units: [Int]
        let instance: DenseInstance
        /// Each unit's cheapest territory (a last-resort start).
        func nearest() -> [Int32] {
            (0..<instance.n).map { a in
                var best = 0
                for b in 1..<max(instance.m, 1) where instance.c(a, b) < instance.c(a, best) { best = b }
                return Int32(best)
            }
        }
    }

    func instance(region g: Int) -> Part {
        let inst = instance
        let m = inst.m, kCount = inst.measureCount
        let units = (0..<inst.n).filter { Int(unitRegion[$0]) == g }
        let territories = regions[g]
        let mg = territories.count
        var local = [Int32](repeating: -1, count: m)
        for (b, j) in territories.enumerated() { local[j] = Int32(b) }
        var cost = [Float](repeating: 0, count: units.count * mg)
        var values = [Double](repeating: 0, count: units.count * kCount)
        var current = [Int32](repeating: -1, count: units.count)
        var locked = [Bool](repeating: false, count: units.count)
        var moveValue = [Double](repeating: 0, count: units.count)
        for (a, i) in units.enumerated() {
            for (b, j) in territories.enumerated() { cost[a * mg + b] = inst.cost[i * m + j] }
            for k in 0..<kCount { values[a * kCount + k] = inst.values[i * kCount + k] }
            if inst.current[i] >= 0 { current[a] = local[Int(inst.current[i])] }
            locked[a] = inst.locked[i] && current[a] >= 0
            moveValue[a] = inst.moveValue[i]
        }
        func rows(_ array: [Double]) -> [Double] {
            territories.flatMap { j in (0..<kCount).map { array[j * kCount + $0] } }
        }
        let withCurrent = current.filter { $0 >= 0 }.count
        let totalMoveValue = zip(current, moveValue).reduce(0) { $0 + ($1.0 >= 0 ? $1.1 : 0) }
        let allStayingCount = max(stayingCount.reduce(0, +), 1),
            allStayingValue = max(stayingValue.reduce(0, +), 1e-300)
        let maxMovedCount =
            inst.maxMovedCount.isFinite
            ? (max(0, inst.maxMovedCount - forcedCount) * stayingCount[g] / allStayingCount).rounded(.down) : .infinity
        let maxMovedValue =
            inst.maxMovedValue.isFinite
            ? max(0, inst.maxMovedValue - forcedValue) * stayingValue[g] / allStayingValue : .infinity
        let sub = DenseInstance(
            n: units.count, m: mg, measureCount: kCount, cost: cost, values: values, target: rows(inst.target),
            lower: rows(inst.lower), upper: rows(inst.upper), scale: rows(inst.scale), current: current,
            locked: locked, moveValue: moveValue, maxMovedCount: maxMovedCount, maxMovedValue: maxMovedValue,
            totalMoveValue: totalMoveValue, unitsWithCurrent: withCurrent)
        return Part(units: units, instance: sub)
    }
}
