import Foundation
import SalesData

/// Everything one `segment` run needs, as the CLI flags or a YAML config give it.
///
/// Every default is written once, here. ``SegmentationJob`` runs it.
///
/// ```swift
/// var request = SegmentationRequest(input: "accounts.csv")
/// request.features = ["employees", "annual_revenue"]
/// request.clusterCount = 5
/// try request.validate()
/// ```
public struct SegmentationRequest: Sendable, Hashable, Codable {
    /// Accounts CSV.
    public var input = ""
    /// Account id column.
    public var idColumn = "id"
    /// Numeric feature columns for k-means (standardized); empty for no clustering.
    public var features: [String] = []
    /// Features transformed with `log(1 + x)` first.
    public var logFeatures: [String] = []
    /// Number of clusters; nil chooses k by silhouette in `kMin...kMax`.
    public var clusterCount: Int?
    /// Smallest k tried when `clusterCount` is nil (≥ 2).
    public var kMin = 2
    /// Largest k tried when `clusterCount` is nil (≥ `kMin`).
    public var kMax = 10
    /// k-means restarts (1...``maximumRestarts``).
    public var restarts = 10
    /// Column ranked for ABC and decile tiers; nil for none.
    public var tierMeasure: String?
    /// YAML file of rule buckets; nil for none.
    public var rules: String?
    /// Seed of every randomized step; nil lets the caller pick one (and print it).
    public var seed: UInt64?

    /// The largest number of restarts accepted.
    public static let maximumRestarts = 10_000
    /// The largest number of clusters accepted.
    public static let maximumClusters = 10_000

    /// A request with every default.
    public init() {}

    /// A request for this accounts file, every other setting at its default.
    public init(input: String) { self.input = input }

    /// The config keys (from `CodingKeys`, so never stale).
    public static var configurationKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case input, idColumn, features, logFeatures, clusterCount, kMin, kMax, restarts, tierMeasure, rules, seed
    }

    /// Decodes a config; every absent key keeps the default of `SegmentationRequest()`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        input = try c.decodeIfPresent(String.self, forKey: .input) ?? input
        idColumn = try c.decodeIfPresent(String.self, forKey: .idColumn) ?? idColumn
        features = try c.decodeIfPresent([String].self, forKey: .features) ?? features
        logFeatures = try c.decodeIfPresent([String].self, forKey: .logFeatures) ?? logFeatures
        clusterCount = try c.decodeIfPresent(Int.self, forKey: .clusterCount) ?? clusterCount
        kMin = try c.decodeIfPresent(Int.self, forKey: .kMin) ?? kMin
        kMax = try c.decodeIfPresent(Int.self, forKey: .kMax) ?? kMax
        restarts = try c.decodeIfPresent(Int.self, forKey: .restarts) ?? restarts
        tierMeasure = try c.decodeIfPresent(String.self, forKey: .tierMeasure) ?? tierMeasure
        rules = try c.decodeIfPresent(String.self, forKey: .rules) ?? rules
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
    }
}

extension SegmentationRequest: ValidatedRequest {
    /// Every problem with the request's values, each naming its key.
    public func problems() -> [any RequestKeyError] {
        var list: [SegmentationError] = []
        func check(_ ok: Bool, _ key: String, _ value: @autoclosure () -> String, _ expected: String) {
            if !ok { list.append(.invalidRequest(key: key, value: value(), expected: expected)) }
        }
        check(!input.isEmpty, "input", input, "the accounts CSV file")
        check(!idColumn.isEmpty, "idColumn", idColumn, "a column name")
        if let k = clusterCount {
            check(
                (1...Self.maximumClusters).contains(k), "clusterCount", "\(k)", "1...\(Self.maximumClusters) clusters")
        }
        check((2...Self.maximumClusters).contains(kMin), "kMin", "\(kMin)", "2...\(Self.maximumClusters)")
        check(
            kMax >= kMin && kMax <= Self.maximumClusters, "kMax", "\(kMax)", "kMin (\(kMin))...\(Self.maximumClusters)")
        check((1...Self.maximumRestarts).contains(restarts), "restarts", "\(restarts)", "1...\(Self.maximumRestarts)")
        for (i, name) in logFeatures.enumerated() {
            check(
                features.contains(name), "logFeatures[\(i)]", name,
                "one of the features (\(ErrorText.quoted(features.joined(separator: ", "))))")
        }
        check(
            !features.isEmpty || tierMeasure != nil || rules != nil, "features", "[]",
            "something to do: features, tierMeasure or rules")
        return list
    }
}

/// Runs a ``SegmentationRequest``: reads the accounts and the rules, segments (the CLI's one
/// library call).
///
/// ```swift
/// let result = try SegmentationJob(request: request, seed: 42).run()
/// try AtomicFile.write(result.csv(), to: output)
/// ```
public struct SegmentationJob: Sendable {
    public let request: SegmentationRequest
    /// The seed used: the request's, else the one the caller picked.
    public let seed: UInt64

    public init(request: SegmentationRequest, seed: UInt64) {
        self.request = request
        self.seed = request.seed ?? seed
    }

    /// Validates, loads and segments.
    public func run() throws -> AccountSegments {
        try request.validate()
        return try run(on: ColumnTable(contentsOf: URL(fileURLWithPath: request.input)))
    }

    /// Segments accounts already loaded (a plan hands its accounts table over instead of
    /// re-reading ``SegmentationRequest/input``); validates every setting but `input`.
    public func run(on table: ColumnTable) throws -> AccountSegments {
        var checked = request
        if checked.input.isEmpty { checked.input = table.file }
        try checked.validate()
        let segmenter = AccountSegmenter(
            idColumn: request.idColumn, features: request.features, logFeatures: Set(request.logFeatures),
            clusters: request.clusterCount.map { .fixed($0) } ?? .automatic(request.kMin...request.kMax),
            restarts: request.restarts, seed: seed, tierMeasure: request.tierMeasure,
            rules: try request.rules.map { try BucketRules(contentsOf: URL(fileURLWithPath: $0)) })
        return try segmenter.segment(table)
    }
}
