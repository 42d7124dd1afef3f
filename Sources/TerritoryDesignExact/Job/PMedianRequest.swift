import LinearProgramming
import SalesData
import TerritoryDesign

/// Everything a `territories pmedian` run needs, as the CLI flags or a `--config` YAML give it.
///
/// The exact (capacitated) p-median: open ``count`` centres among the accounts (the p-median
/// convention) and serve every account from one of them, minimizing weighted travel, each centre's
/// demand within its capacity. Every default is written once, here.
///
/// ```swift
/// var request = PMedianRequest(accounts: "accounts.csv", count: 5)
/// request.demand = "workload"
/// request.capacity = 40
/// try request.validate()
/// ```
public struct PMedianRequest: Sendable, Hashable, Codable {
    /// Accounts CSV: id, latitude/longitude or x/y, and the ``demand`` / ``weightMeasure`` columns.
    public var accounts = ""
    /// How many centres to open (≥ 1, at most the number of candidates).
    public var count = 0
    /// Accounts column whose values fill a centre's capacity; uncapacitated when `nil`.
    public var demand: String?
    /// Capacity of every centre, in ``demand`` units (> 0).
    public var capacity: Double?
    /// Accounts column giving the capacity of each account when it opens as a centre, in
    /// ``demand`` units; overrides ``capacity``.
    public var capacityColumn: String?
    /// Accounts column that weights travel (every account weighs 1 when `nil`).
    public var weightMeasure: String?
    /// `haversine` or `euclidean`; inferred from the location columns when `nil`.
    public var metric: DistanceMetric?
    /// Whether an opened centre serves its own account (the p-median convention).
    public var centreServesItself = true
    /// Time limit in seconds (0 < limit ≤ `Deadline.maximumSeconds`).
    public var timeLimit = 60.0
    /// Seed for every randomized step.
    public var seed: UInt64 = 1

    /// The largest number of accounts the exact engine takes.
    ///
    /// Its cost matrix is dense: 5,000² entries are 200 MB. Larger plans belong to `territories design`.
    public static let maximumUnits = 5_000

    /// A request with every default.
    public init() {}

    /// A request for these accounts and this many centres, every other setting at its default.
    public init(accounts: String, count: Int) {
        self.accounts = accounts
        self.count = count
    }

    /// The config keys, in the order the help text lists them.
    public static var configurationKeys: [String] { CodingKeys.allCases.map(\.stringValue) }
}

extension PMedianRequest: ValidatedRequest {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case accounts, count, demand, capacity, capacityColumn, weightMeasure, metric, centreServesItself
        case timeLimit, seed
    }

    /// Decodes a config (YAML or JSON); every absent key keeps the default of `PMedianRequest()`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        accounts = try c.decodeIfPresent(String.self, forKey: .accounts) ?? accounts
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? count
        demand = try c.decodeIfPresent(String.self, forKey: .demand)
        capacity = try c.decodeIfPresent(Double.self, forKey: .capacity)
        capacityColumn = try c.decodeIfPresent(String.self, forKey: .capacityColumn)
        weightMeasure = try c.decodeIfPresent(String.self, forKey: .weightMeasure)
        metric = try c.decodeIfPresent(DistanceMetric.self, forKey: .metric)
        centreServesItself = try c.decodeIfPresent(Bool.self, forKey: .centreServesItself) ?? centreServesItself
        timeLimit = try c.decodeIfPresent(Double.self, forKey: .timeLimit) ?? timeLimit
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
    }

    /// Every problem with the request's values, each naming its config key.
    public func problems() -> [any RequestKeyError] {
        var list: [TerritoryError] = []
        func check(_ ok: Bool, _ key: String, _ value: @autoclosure () -> String, _ expected: String) {
            if !ok { list.append(.invalidRequest(key: key, value: ErrorText.quoted(value()), expected: expected)) }
        }
        check(!accounts.isEmpty, "accounts", accounts, "the accounts CSV file")
        check(count >= 1, "count", "\(count)", "at least 1 centre to open")
        for (key, column) in [("demand", demand), ("capacityColumn", capacityColumn), ("weightMeasure", weightMeasure)]
        {
            if let column { check(!column.isEmpty, key, column, "a column name") }
        }
        if let capacity {
            check(capacity.isFinite && capacity > 0, "capacity", "\(capacity)", "a finite capacity > 0")
        }
        let capacitated = capacity != nil || capacityColumn != nil
        check(
            capacitated == (demand != nil), capacitated ? "demand" : "capacity", "",
            capacitated ? "the demand column that fills the capacity" : "a capacity (or capacityColumn) for the demand")
        check(
            timeLimit.isFinite && timeLimit > 0 && timeLimit <= Deadline.maximumSeconds, "timeLimit", "\(timeLimit)",
            "seconds in (0, \(Int(Deadline.maximumSeconds))]")
        return list
    }
}
