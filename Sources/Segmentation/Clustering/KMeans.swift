import Foundation
import SalesData

/// k-means clustering: greedy k-means++ seeding, several seeded restarts run in parallel, Lloyd
/// iterations until no point changes cluster, then Hartigan single-point moves (each strictly
/// lowers the inertia) until none helps, which escapes many of Lloyd's poorer fixed points.
///
/// The best restart is then polished by centre swaps: each centre in turn moves to the worst-served point and Lloyd +
/// Hartigan run again, keeping the swap when the inertia drops.
///
/// The result is the restart with the lowest inertia (ties: the lowest restart index), so it is
/// the same whatever order the parallel restarts finish in.
///
/// ```swift
/// let points = try PointMatrix(rows: [[0, 0], [0, 1], [10, 10], [10, 11]])
/// let result = try await KMeans(clusterCount: 2, restarts: 4, seed: 1).fit(points)
/// result.inertia   // 1.0
/// ```
///
/// - Complexity: O(restarts × iterations × n × k × d).
public struct KMeans: Sendable, Hashable, Codable {
    public var clusterCount: Int
    public var restarts: Int
    public var maxIterations: Int
    public var seed: UInt64

    public init(clusterCount: Int, restarts: Int = 10, maxIterations: Int = 300, seed: UInt64) {
        self.clusterCount = clusterCount
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.seed = seed
    }

    func validate(_ points: PointMatrix) throws {
        guard clusterCount >= 1 else {
            throw SegmentationError.invalidParameter(name: "clusterCount", value: "\(clusterCount)", expected: "≥ 1")
        }
        guard restarts >= 1 else {
            throw SegmentationError.invalidParameter(name: "restarts", value: "\(restarts)", expected: "≥ 1")
        }
        guard maxIterations >= 1 else {
            throw SegmentationError.invalidParameter(name: "maxIterations", value: "\(maxIterations)", expected: "≥ 1")
        }
        guard points.count >= clusterCount else {
            throw SegmentationError.tooFewPoints(points: points.count, clusters: clusterCount)
        }
    }

    /// Runs the restarts concurrently in a task group and keeps the best.
    public func fit(_ points: PointMatrix) async throws -> KMeansResult {
        try validate(points)
        let results = await withTaskGroup(of: (Int, KMeansResult).self) { group in
            for r in 0..<restarts {
                group.addTask { (r, self.run(restart: r, points)) }
            }
            var all = [KMeansResult?](repeating: nil, count: restarts)
            for await (r, result) in group { all[r] = result }
            return all.compactMap { $0 }
        }
        return Self.swapRefinement(points, Self.best(results), maxIterations: maxIterations)
    }

    /// The same computation for synchronous callers: restarts run on `concurrentPerform` threads.
    public func fitBlocking(_ points: PointMatrix) throws -> KMeansResult {
        try validate(points)
        let slots = ResultSlots(count: restarts)
        DispatchQueue.concurrentPerform(iterations: restarts) { r in
            slots.set(r, run(restart: r, points))
        }
        return Self.swapRefinement(points, Self.best(slots.values), maxIterations: maxIterations)
    }

    static func best(_ results: [KMeansResult]) -> KMeansResult {
        var best = results[0]
        for result in results.dropFirst() where result.inertia < best.inertia { best = result }
        return best
    }

    func run(restart: Int, _ points: PointMatrix) -> KMeansResult {
        var generator = SplitMixGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(restart + 1))
        let centres = Self.plusPlusCentres(points, clusterCount, using: &generator)
        var result = Self.hartiganRefinement(
            points, Self.lloyd(points, initialCentres: centres, maxIterations: maxIterations))
        result.restart = restart
        return result
    }

    /// Greedy k-means++ (Arthur & Vassilvitskii, with scikit-learn's 2 + ⌊ln k⌋ candidate trials
    /// per centre): each new centre is the candidate, sampled in proportion to squared distance,
    /// that most reduces the potential.
    static func plusPlusCentres(_ points: PointMatrix, _ k: Int, using generator: inout SplitMixGenerator) -> [Double] {
        let n = points.count
        let d = points.dimension
        let trials = 2 + Int(log(Double(k)))
        var centres = [Double]()
        centres.reserveCapacity(k * d)
        let first = generator.unbiasedInt(below: n)
        centres.append(contentsOf: points.values[(first * d)..<((first + 1) * d)])
        var closest = (0..<n).map { points.squaredDistance($0, to: centres, 0) }
        var potential = closest.reduce(0, +)
        for _ in 1..<max(k, 1) {
            var bestCandidate = -1
            var bestPotential = Double.infinity
            var bestDistances: [Double] = []
            for _ in 0..<trials {
                let target = generator.uniform() * potential
                var cumulative = 0.0
                var candidate = n - 1
                for i in 0..<n {
                    cumulative += closest[i]
                    if cumulative > target {
                        candidate = i
                        break
                    }
                }
                let candidateCentre = Array(points.values[(candidate * d)..<((candidate + 1) * d)])
                var distances = closest
                var total = 0.0
                for i in 0..<n {
                    distances[i] = min(distances[i], points.squaredDistance(i, to: candidateCentre, 0))
                    total += distances[i]
                }
                if total < bestPotential {
                    bestPotential = total
                    bestCandidate = candidate
                    bestDistances = distances
                }
            }
            centres.append(contentsOf: points.values[(bestCandidate * d)..<((bestCandidate + 1) * d)])
            closest = bestDistances
            potential = bestPotential
        }
        return centres
    }

    /// Lloyd's algorithm from given centres (row-major, `k × dimension`) until no point changes
    /// cluster or `maxIterations` assignment steps have run.
    ///
    /// Ties go to the lower cluster index; a cluster that empties takes the point farthest from its centre.
    public static func lloyd(_ points: PointMatrix, initialCentres: [Double], maxIterations: Int = 300) -> KMeansResult
    {
        let n = points.count
        let d = points.dimension
        let k = initialCentres.count / d
        precondition(k * d == initialCentres.count && k >= 1, "centres must be k × dimension")
        var centres = initialCentres
        var labels = [Int](repeating: -1, count: n)
        var converged = false
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var changed = 0
            for i in 0..<n {
                let label = nearest(points, i, centres, k)
                if label != labels[i] {
                    labels[i] = label
                    changed += 1
                }
            }
            if changed == 0 {
                converged = true
                break
            }
            centres = means(points, labels, k, previous: centres, labels: &labels)
        }
        if !converged {
            for i in 0..<n { labels[i] = nearest(points, i, centres, k) }
        }
        var inertia = 0.0
        for i in 0..<n { inertia += points.squaredDistance(i, to: centres, labels[i]) }
        return KMeansResult(
            centres: centres, dimension: d, labels: labels, inertia: inertia, iterations: iterations,
            converged: converged, restart: 0)
    }

    /// Centre swaps on the best restart (deterministic: clusters are tried in index order).
    static func swapRefinement(_ points: PointMatrix, _ start: KMeansResult, maxIterations: Int, passes: Int = 3)
        -> KMeansResult
    {
        let k = start.clusterCount
        let d = points.dimension
        guard k > 1 && points.count > k else { return start }
        var best = start
        var pass = 0
        var improved = true
        while improved && pass < passes {
            improved = false
            pass += 1
            for c in 0..<k {
                var far = 0
                var farDistance = -1.0
                for i in 0..<points.count where best.labels[i] != c {
                    let distance = points.squaredDistance(i, to: best.centres, best.labels[i])
                    if distance > farDistance {
                        farDistance = distance
                        far = i
                    }
                }
                var centres = best.centres
                for j in 0..<d { centres[c * d + j] = points.values[far * d + j] }
                let candidate = hartiganRefinement(
                    points, lloyd(points, initialCentres: centres, maxIterations: maxIterations))
                if candidate.inertia < best.inertia * (1 - 1e-12) {
                    best = KMeansResult(
                        centres: candidate.centres, dimension: d, labels: candidate.labels, inertia: candidate.inertia,
                        iterations: candidate.iterations, converged: candidate.converged, restart: start.restart)
                    improved = true
                }
            }
        }
        return best
    }

    /// Hartigan's refinement: move single points between clusters while a move lowers the
    /// inertia, that is while `n_b/(n_b+1)·‖x−c_b‖² < n_a/(n_a−1)·‖x−c_a‖²` for the point's cluster a.
    ///
    /// Its local optima are also fixed points of Lloyd's algorithm.
    static func hartiganRefinement(_ points: PointMatrix, _ start: KMeansResult) -> KMeansResult {
        let n = points.count
        let d = points.dimension
        let k = start.clusterCount
        guard k > 1 else { return start }
        var labels = start.labels
        var sizes = [Int](repeating: 0, count: k)
        var sums = [Double](repeating: 0, count: k * d)
        for i in 0..<n {
            sizes[labels[i]] += 1
            for j in 0..<d { sums[labels[i] * d + j] += points.values[i * d + j] }
        }
        var centres = sums
        for c in 0..<k where sizes[c] > 0 { for j in 0..<d { centres[c * d + j] = sums[c * d + j] / Double(sizes[c]) } }
        var moved = true
        var passes = 0
        while moved && passes < 100 {
            moved = false
            passes += 1
            for i in 0..<n {
                let a = labels[i]
                guard sizes[a] > 1 else { continue }
                let removal = Double(sizes[a]) / Double(sizes[a] - 1) * points.squaredDistance(i, to: centres, a)
                var best = a
                var bestCost = removal * (1 - 1e-12)
                for b in 0..<k where b != a {
                    let addition = Double(sizes[b]) / Double(sizes[b] + 1) * points.squaredDistance(i, to: centres, b)
                    if addition < bestCost {
                        bestCost = addition
                        best = b
                    }
                }
                guard best != a else { continue }
                labels[i] = best
                sizes[a] -= 1
                sizes[best] += 1
                for j in 0..<d {
                    let v = points.values[i * d + j]
                    sums[a * d + j] -= v
                    sums[best * d + j] += v
                    centres[a * d + j] = sums[a * d + j] / Double(sizes[a])
                    centres[best * d + j] = sums[best * d + j] / Double(sizes[best])
                }
                moved = true
            }
        }
        guard passes > 1 || moved else { return start }
        // Recompute the means from scratch so that no rounding drift from the updates remains.
        var fresh = labels
        let exact = means(points, labels, k, previous: centres, labels: &fresh)
        var inertia = 0.0
        for i in 0..<n { inertia += points.squaredDistance(i, to: exact, fresh[i]) }
        guard inertia < start.inertia else { return start }
        return KMeansResult(
            centres: exact, dimension: d, labels: fresh, inertia: inertia, iterations: start.iterations + passes,
            converged: start.converged, restart: start.restart)
    }

    @inline(__always) static func nearest(_ points: PointMatrix, _ i: Int, _ centres: [Double], _ k: Int) -> Int {
        var best = 0
        var bestDistance = points.squaredDistance(i, to: centres, 0)
        for c in 1..<max(k, 1) {
            let distance = points.squaredDistance(i, to: centres, c)
            if distance < bestDistance {
                bestDistance = distance
                best = c
            }
        }
        return best
    }

    static func means(_ points: PointMatrix, _ assigned: [Int], _ k: Int, previous: [Double], labels: inout [Int])
        -> [Double]
    {
        let d = points.dimension
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for i in 0..<points.count {
            let c = assigned[i]
            counts[c] += 1
            for j in 0..<d { sums[c * d + j] += points.values[i * d + j] }
        }
        let empty = (0..<k).filter { counts[$0] == 0 }
        if !empty.isEmpty {
            // Relocate each empty cluster to the point farthest from its current centre.
            var distances = (0..<points.count).map { points.squaredDistance($0, to: previous, assigned[$0]) }
            for c in empty {
                var far = 0
                for i in 1..<points.count where distances[i] > distances[far] { far = i }
                let old = labels[far]
                if counts[old] > 1 {
                    counts[old] -= 1
                    for j in 0..<d { sums[old * d + j] -= points.values[far * d + j] }
                }
                counts[c] = 1
                for j in 0..<d { sums[c * d + j] = points.values[far * d + j] }
                labels[far] = c
                distances[far] = 0
            }
        }
        for c in 0..<k where counts[c] > 0 {
            for j in 0..<d { sums[c * d + j] /= Double(counts[c]) }
        }
        return sums
    }
}

/// A clustering: centres, the cluster of each point, and its inertia (sum of squared distances).
public struct KMeansResult: Sendable, Hashable, Codable {
    /// Row-major `k × dimension` centres.
    public let centres: [Double]
    public let dimension: Int
    /// The cluster (0-based) of each point.
    public let labels: [Int]
    public let inertia: Double
    /// Assignment steps run.
    public let iterations: Int
    /// True when the last assignment step changed no label.
    public let converged: Bool
    /// The restart this result came from.
    public internal(set) var restart: Int

    public var clusterCount: Int { centres.count / dimension }
    /// Points per cluster.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: clusterCount)
        for label in labels { sizes[label] += 1 }
        return sizes
    }
}

/// Results written by parallel restarts, each into its own slot.
///
/// `@unchecked Sendable`: every slot is written by exactly one iteration, under a lock, and read
/// only after `concurrentPerform` has returned.
final class ResultSlots: @unchecked Sendable {
    private var slots: [KMeansResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: KMeansResult) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [KMeansResult] { slots.compactMap { $0 } }
}
