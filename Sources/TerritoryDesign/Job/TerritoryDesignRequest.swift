import SalesData

/// One balance measure as the CLI and YAML configs name it: `name[:tolerance[:target]]`, or
/// `name:max:LIMIT` for a one-sided measure (every territory's total at most `LIMIT`).
///
/// Invariant: a nil `tolerance` means "the request's ``TerritoryDesignRequest/tolerance``", so the
/// default is written once, on the request, and `--tolerance` reaches measures from a config too.
/// With ``maximum`` set the measure is one-sided and has no tolerance.
public struct MeasureSpec: Sendable, Hashable, Codable {
    public var name: String
    /// Largest relative deviation from the target; nil takes the request's default tolerance.
    public var tolerance: Double?
    public var target: BalanceTarget
    /// The largest total of every territory (config key `maximum`): a one-sided measure
    /// (``BalanceTarget/upperLimit``) such as the hours a rep can work; `nil` for a ±band.
    public var maximum: Double?

    public init(name: String, tolerance: Double? = nil, target: BalanceTarget = .equal) {
        self.name = name
        self.tolerance = tolerance
        self.target = target
    }

    /// A one-sided measure: every territory's total at most `maximum`.
    public init(name: String, maximum: Double) {
        self.init(name: name, target: .upperLimit)
        self.maximum = maximum
    }

    /// Parses `potential`, `potential:0.05`, `workload:0.1:capacity` or `hours:max:1600`.
    ///
    /// ```swift
    /// try MeasureSpec(parsing: "workload:0.1:capacity").tolerance   // 0.1
    /// try MeasureSpec(parsing: "hours:max:1600").maximum            // 1600
    /// ```
    public init(parsing text: String) throws(TerritoryError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty, parts.count <= 3 else {
            throw .invalidMeasure(
                ErrorText.quoted(text), reason: "expected name[:tolerance[:equal|capacity|given]] or name:max:LIMIT")
        }
        if parts.count > 1 && parts[1] == "max" {
            guard parts.count == 3, let limit = Double(parts[2]), limit.isFinite, limit > 0 else {
                throw .invalidMeasure(
                    ErrorText.quoted(name),
                    reason: "upper limit \"\(ErrorText.quoted(parts.count == 3 ? parts[2] : ""))\"; "
                        + "expected name:max:LIMIT with a finite LIMIT > 0")
            }
            self.init(name: name, maximum: limit)
            return
        }
        var tolerance: Double?
        if parts.count > 1 {
            guard let t = Double(parts[1]), t.isFinite, t >= 0 else {
                throw .invalidMeasure(
                    ErrorText.quoted(name), reason: "tolerance \"\(ErrorText.quoted(parts[1]))\" is not a number ≥ 0")
            }
            tolerance = t
        }
        var target = BalanceTarget.equal
        if parts.count > 2 {
            guard let t = BalanceTarget(rawValue: parts[2]), t != .upperLimit else {
                throw .invalidMeasure(
                    ErrorText.quoted(name),
                    reason: "target \"\(ErrorText.quoted(parts[2]))\"; expected equal, capacity or given")
            }
            target = t
        }
        self.init(name: name, tolerance: tolerance, target: target)
    }

}

/// Everything a territory-design run needs, as the CLI flags or a `--config` YAML give it.
///
/// Every default is written once, here, as the property's initial value; the YAML decoder, the CLI
/// and library callers start from `TerritoryDesignRequest()` and change what they were given.
///
/// ```swift
/// var request = TerritoryDesignRequest(accounts: "accounts.csv", territories: "territories.csv",
///                                      measures: [MeasureSpec(name: "potential")])
/// request.maxMovedShare = 0.15
/// try request.validate()
/// ```
public struct TerritoryDesignRequest: Sendable, Hashable, Codable {
    /// Accounts CSV: id, latitude/longitude or x/y, measure columns, territory, locked.
    public var accounts = ""
    /// Territories (or candidate centres) CSV: id, location, capacity, target_<measure>.
    public var territories = ""
    /// Balance measures, at least one, names unique.
    public var measures: [MeasureSpec] = []
    /// Tolerance of every measure that does not give its own.
    public var tolerance = 0.05
    /// `haversine` or `euclidean`; inferred from the location columns when `nil`.
    public var metric: DistanceMetric?
    /// The measure that weights travel distance; every account weighs 1 when `nil`.
    public var weightMeasure: String?
    /// Current-territory column of the accounts CSV.
    public var territoryColumn = "territory"
    /// Lock column of the accounts CSV (true/1/yes = never moves).
    public var lockedColumn = "locked"
    /// Largest share of accounts that may change territory (0...1); no limit when `nil`.
    public var maxMovedShare: Double?
    /// Largest share of value that may change territory (0...1); no limit when `nil`.
    public var maxMovedValueShare: Double?
    /// Objective penalty per unit of moved value (≥ 0).
    public var movePenalty = 0.0
    /// The measure that defines an account's value for disruption; the first measure when `nil`.
    public var valueMeasure: String?
    /// Adjacency pairs file for contiguous territories.
    public var adjacency: String?
    /// With `chooseCentres`, how many of the candidate centres to open (≥ 1).
    public var territoryCount: Int?
    /// Treat the territories file as candidate centres and open `territoryCount` of them.
    public var chooseCentres = false
    /// Location-allocation rounds (relocate centres); `nil` keeps home bases.
    public var relocateRounds: Int?
    /// Peel and grow: territories to open where workload is highest.
    public var add = 0
    /// Peel and grow: territories to close where workload is lowest.
    public var remove = 0
    /// The measure that drives peel and grow; the last measure when `nil`.
    public var workloadMeasure: String?
    /// Whether an opened centre serves itself: an account whose id is a territory's id stays in
    /// that territory whenever it opens (the p-median convention; a rep's home-base account).
    public var centreServesItself = false
    /// Time limit in seconds (0 < limit ≤ `Deadline.maximumSeconds`).
    public var timeLimit = 60.0
    /// Seed for every randomized step.
    public var seed: UInt64 = 1
    /// Parallel workers (1...``maximumWorkers``).
    public var workers = 2
    /// Stop at this relative gap to the bound (≥ 0).
    public var gap = 1e-4

    /// The largest number of parallel workers accepted.
    public static let maximumWorkers = 1024

    /// A request with every default.
    public init() {}

    /// A request for these files and measures, every other setting at its default.
    public init(accounts: String, territories: String, measures: [MeasureSpec]) {
        self.accounts = accounts
        self.territories = territories
        self.measures = measures
    }

    /// The measures with the request's default tolerance filled in.
    public var balanceMeasures: [BalanceMeasure] {
        measures.map { spec in
            if let maximum = spec.maximum { return BalanceMeasure.upperLimit(name: spec.name, limit: maximum) }
            return BalanceMeasure(name: spec.name, tolerance: spec.tolerance ?? tolerance, target: spec.target)
        }
    }

    /// The config keys, in the order the help text lists them (from `CodingKeys`, so never stale).
    public static var configurationKeys: [String] { CodingKeys.allCases.map(\.stringValue) }
}
