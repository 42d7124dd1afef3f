import SalesData

/// Chooses the number of clusters: runs k-means for each k in a range and reports the inertia
/// (for the elbow) and the mean silhouette of each.
///
/// The recommended k is the one with the highest mean silhouette (ties: the smaller k); the elbow
/// k is the point of the inertia curve farthest from the chord joining its ends (Kneedle).
///
/// ```swift
/// let choice = try ClusterCountSelection(range: 2...6, seed: 3).evaluate(points)
/// choice.recommended   // the k with the best silhouette
/// ```
public struct ClusterCountSelection: Sendable, Hashable {
    public var range: ClosedRange<Int>
    public var restarts: Int
    public var seed: UInt64
    /// Silhouettes use at most this many points (a seeded sample beyond it).
    public var silhouetteSampleSize: Int

    public init(range: ClosedRange<Int>, restarts: Int = 10, seed: UInt64, silhouetteSampleSize: Int = 3_000) {
        self.range = range
        self.restarts = restarts
        self.seed = seed
        self.silhouetteSampleSize = silhouetteSampleSize
    }

    /// One candidate k.
    public struct Candidate: Sendable, Hashable, Codable {
        public let clusterCount: Int
        public let inertia: Double
        public let silhouette: Double
    }

    /// The evaluated range.
    public struct Choice: Sendable, Hashable, Codable {
        public let candidates: [Candidate]
        public let recommended: Int
        public let elbow: Int
    }

    public func evaluate(_ points: PointMatrix) throws -> Choice {
        guard range.lowerBound >= 2 else {
            throw SegmentationError.invalidParameter(
                name: "k range", value: "\(range)", expected: "k ≥ 2 (silhouettes need two clusters)")
        }
        guard points.count > range.upperBound else {
            throw SegmentationError.tooFewPoints(points: points.count, clusters: range.upperBound)
        }
        var candidates: [Candidate] = []
        for k in range {
            let result = try KMeans(clusterCount: k, restarts: restarts, seed: seed).fitBlocking(points)
            let s = Silhouette.mean(
                points, labels: result.labels, clusterCount: k, sampleSize: silhouetteSampleSize, seed: seed)
            candidates.append(Candidate(clusterCount: k, inertia: result.inertia, silhouette: s))
        }
        var recommended = candidates[0]
        for c in candidates.dropFirst() where c.silhouette > recommended.silhouette { recommended = c }
        return Choice(candidates: candidates, recommended: recommended.clusterCount, elbow: Self.elbow(candidates))
    }

    /// The k farthest below the straight line from the first to the last (k, inertia) point.
    static func elbow(_ candidates: [Candidate]) -> Int {
        guard let first = candidates.first, let last = candidates.last, candidates.count > 2 else {
            return candidates.first?.clusterCount ?? 0
        }
        let x0 = Double(first.clusterCount)
        let x1 = Double(last.clusterCount)
        var best = first
        var bestGap = -Double.infinity
        for c in candidates {
            let t = (Double(c.clusterCount) - x0) / (x1 - x0)
            let chord = first.inertia + t * (last.inertia - first.inertia)
            let gap = chord - c.inertia
            if gap > bestGap {
                bestGap = gap
                best = c
            }
        }
        return best.clusterCount
    }
}

/// Silhouette coefficients: for each point, (b − a) / max(a, b), where a is its mean distance to
/// its own cluster and b the smallest mean distance to another cluster; 0 for singletons.
public enum Silhouette {
    /// The mean silhouette over all points, or over a seeded sample of `sampleSize` points (whose
    /// a and b are still computed against every point).
    ///
    /// - Complexity: O(min(n, sampleSize) × n × d).
    public static func mean(
        _ points: PointMatrix, labels: [Int], clusterCount k: Int, sampleSize: Int = .max, seed: UInt64 = 0
    ) -> Double {
        let n = points.count
        var sample = Array(0..<n)
        if n > sampleSize {
            var generator = SplitMixGenerator(seed: seed)
            for i in 0..<sampleSize { sample.swapAt(i, i + generator.unbiasedInt(below: n - i)) }
            sample = Array(sample[0..<sampleSize]).sorted()
        }
        var sizes = [Int](repeating: 0, count: k)
        for label in labels { sizes[label] += 1 }
        var total = 0.0
        var sums = [Double](repeating: 0, count: k)
        for i in sample {
            for c in 0..<k { sums[c] = 0 }
            for j in 0..<n where j != i {
                var s = 0.0
                for t in 0..<points.dimension {
                    let d = points.values[i * points.dimension + t] - points.values[j * points.dimension + t]
                    s += d * d
                }
                sums[labels[j]] += s.squareRoot()
            }
            let own = labels[i]
            guard sizes[own] > 1 else { continue }
            let a = sums[own] / Double(sizes[own] - 1)
            var b = Double.infinity
            for c in 0..<k where c != own && sizes[c] > 0 { b = min(b, sums[c] / Double(sizes[c])) }
            guard b.isFinite else { continue }
            let m = max(a, b)
            total += m > 0 ? (b - a) / m : 0
        }
        return total / Double(sample.count)
    }
}
