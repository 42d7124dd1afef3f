import Foundation
import SalesData

/// Segments a table of accounts in one call: k-means clusters on standardized features (k fixed
/// or chosen by silhouette), ABC and decile tiers by a measure, and rule buckets.
///
/// ```swift
/// let segmenter = AccountSegmenter(features: ["employees", "annualRevenue"], clusters: .fixed(5), seed: 42)
/// let result = try segmenter.segment(table)
/// try AtomicFile.write(result.csv(), to: output)
/// ```
public struct AccountSegmenter: Sendable {
    /// How many clusters.
    public enum ClusterCount: Sendable, Hashable {
        case fixed(Int)
        /// Evaluate every k in the range; use the best mean silhouette.
        case automatic(ClosedRange<Int>)
    }

    public var idColumn: String
    /// Feature columns for k-means; empty for no clustering.
    public var features: [String]
    /// Feature columns to log-transform (`log(1 + x)`) before standardizing.
    public var logFeatures: Set<String>
    public var clusters: ClusterCount
    public var restarts: Int
    public var seed: UInt64
    /// Measure for ABC and decile tiers; nil for none.
    public var tierMeasure: String?
    public var rules: BucketRules?

    public init(
        idColumn: String = "id", features: [String] = [], logFeatures: Set<String> = [],
        clusters: ClusterCount = .fixed(4),
        restarts: Int = 10, seed: UInt64, tierMeasure: String? = nil, rules: BucketRules? = nil
    ) {
        self.idColumn = idColumn
        self.features = features
        self.logFeatures = logFeatures
        self.clusters = clusters
        self.restarts = restarts
        self.seed = seed
        self.tierMeasure = tierMeasure
        self.rules = rules
    }

    public func segment(_ table: ColumnTable) throws -> AccountSegments {
        let ids = try table.strings(idColumn).enumerated().map { $1 ?? "row-\($0 + 1)" }
        var clustering: KMeansResult?
        var choice: ClusterCountSelection.Choice?
        if !features.isEmpty {
            var raw = try PointMatrix(table, columns: features)
            if !logFeatures.isEmpty {
                var values = raw.values
                for (j, name) in features.enumerated() where logFeatures.contains(name) {
                    for i in 0..<raw.count {
                        let v = values[i * raw.dimension + j]
                        guard v > -1 else {
                            throw SegmentationError.invalidParameter(
                                name: "\(name) at line \(table.lineNumbers[i])", value: "\(v)",
                                expected: "> −1 for a log feature")
                        }
                        values[i * raw.dimension + j] = log1p(v)
                    }
                }
                raw = try PointMatrix(count: raw.count, dimension: raw.dimension, values: values)
            }
            let points = raw.standardized().points
            var k: Int
            switch clusters {
            case .fixed(let fixed): k = fixed
            case .automatic(let range):
                let selected = try ClusterCountSelection(range: range, restarts: restarts, seed: seed).evaluate(points)
                choice = selected
                k = selected.recommended
            }
            clustering = try KMeans(clusterCount: k, restarts: restarts, seed: seed).fitBlocking(points)
        }
        var abc: [String]?
        var deciles: [Int]?
        if let tierMeasure {
            let values = try table.numbers(tierMeasure)
            abc = try TierAssignment.abc(ids: ids, values: values)
            deciles = try TierAssignment.deciles(ids: ids, values: values)
        }
        let buckets = try rules?.assign(table)
        return AccountSegments(
            idColumn: idColumn, ids: ids, seed: seed, clustering: clustering, selection: choice, abcTiers: abc,
            deciles: deciles,
            buckets: buckets)
    }
}

/// Segments per account, plus what clustering measured.
public struct AccountSegments: Sendable, Hashable {
    public let idColumn: String
    public let ids: [String]
    public let seed: UInt64
    public let clustering: KMeansResult?
    public let selection: ClusterCountSelection.Choice?
    public let abcTiers: [String]?
    public let deciles: [Int]?
    public let buckets: [BucketAssignment]?

    /// One row per account: id, then `segment_cluster` (1-based), `segment_abc`, `segment_decile`,
    /// `segment_bucket`, `segment_rule` for whichever parts ran.
    public func csv() -> String {
        var header = [idColumn]
        if clustering != nil { header.append("segment_cluster") }
        if abcTiers != nil { header += ["segment_abc", "segment_decile"] }
        if buckets != nil { header += ["segment_bucket", "segment_rule"] }
        var out = header.joined(separator: ",") + "\n"
        for i in ids.indices {
            var row = [ColumnTable.quote(ids[i])]
            if let clustering { row.append("\(clustering.labels[i] + 1)") }
            if let abcTiers, let deciles { row += [abcTiers[i], "\(deciles[i])"] }
            if let buckets { row += [ColumnTable.quote(buckets[i].bucket), ColumnTable.quote(buckets[i].rule)] }
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A short human-readable report.
    public func summary() -> String {
        var lines = ["seed: \(seed)", "accounts: \(ids.count)"]
        if let selection {
            lines.append("k    inertia        silhouette")
            for c in selection.candidates {
                lines.append(String(format: "%-4d %-14.6f %.4f", c.clusterCount, c.inertia, c.silhouette))
            }
            lines.append("recommended k (best silhouette): \(selection.recommended); elbow k: \(selection.elbow)")
        }
        if let clustering {
            let inertia = String(format: "%.6f", clustering.inertia)
            let stop = clustering.converged ? "converged" : "iteration limit"
            lines.append(
                "k-means: k = \(clustering.clusterCount), inertia \(inertia), \(clustering.iterations) iterations, \(stop), best of restart \(clustering.restart)"
            )
            lines.append("cluster sizes: " + clustering.sizes.map(String.init).joined(separator: " "))
        }
        if let abcTiers {
            let counts = ["A", "B", "C"].map { tier in "\(tier) \(abcTiers.filter { $0 == tier }.count)" }
            lines.append("ABC tiers: " + counts.joined(separator: ", "))
        }
        if let buckets {
            var counts: [String: Int] = [:]
            for b in buckets { counts[b.bucket, default: 0] += 1 }
            lines.append(
                "buckets: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
