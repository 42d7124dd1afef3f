/// One balance measure as the CLI and YAML configs name it: `name[:tolerance[:target]]`.
public struct MeasureSpec: Sendable, Hashable, Codable {
    public var name: String
    public var tolerance: Double
    public var target: BalanceTarget

    public init(name: String, tolerance: Double = 0.05, target: BalanceTarget = .equal) {
        self.name = name
        self.tolerance = tolerance
        self.target = target
    }

    /// Parses `potential`, `potential:0.05` or `workload:0.1:capacity`.
    ///
    /// ```swift
    /// try MeasureSpec(parsing: "workload:0.1:capacity").tolerance   // 0.1
    /// ```
    public init(parsing text: String, defaultTolerance: Double = 0.05) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty, parts.count <= 3 else {
            throw TerritoryError.invalidMeasure(text, reason: "expected name[:tolerance[:equal|capacity|given]]")
        }
        var tolerance = defaultTolerance
        if parts.count > 1 {
            guard let t = Double(parts[1]), t.isFinite, t >= 0 else {
                throw TerritoryError.invalidMeasure(name, reason: "tolerance \"\(parts[1])\" is not a number ≥ 0")
            }
            tolerance = t
        }
        var target = BalanceTarget.equal
        if parts.count > 2 {
            guard let t = BalanceTarget(rawValue: parts[2]) else {
                throw TerritoryError.invalidMeasure(name, reason: "target \"\(parts[2])\"; expected equal, capacity or given")
            }
            target = t
        }
        self.init(name: name, tolerance: tolerance, target: target)
    }
}

/// Everything a territory-design run needs, as the CLI flags or a `--config` YAML give it.
///
/// ```swift
/// var request = TerritoryDesignRequest(accounts: "accounts.csv", territories: "territories.csv",
///                                      measures: [MeasureSpec(name: "potential")])
/// request.maxMovedShare = 0.15
/// ```
public struct TerritoryDesignRequest: Sendable, Hashable, Codable {
    public var accounts: String
    public var territories: String
    public var measures: [MeasureSpec]
    /// `haversine` or `euclidean`; inferred from the location columns when `nil`.
    public var metric: DistanceMetric?
    /// The measure that weights travel distance; every account weighs 1 when `nil`.
    public var weightMeasure: String?
    public var territoryColumn: String
    public var lockedColumn: String
    public var maxMovedShare: Double?
    public var maxMovedValueShare: Double?
    public var movePenalty: Double
    /// The measure that defines an account's value for disruption; the first measure when `nil`.
    public var valueMeasure: String?
    /// Adjacency pairs file for contiguous territories.
    public var adjacency: String?
    /// With `chooseCentres`, how many of the candidate centres to open.
    public var territoryCount: Int?
    public var chooseCentres: Bool
    /// Location-allocation rounds (relocate centres); `nil` keeps home bases.
    public var relocateRounds: Int?
    /// Peel and grow: territories to open where workload is highest / close where it is lowest.
    public var add: Int
    public var remove: Int
    /// The measure that drives peel and grow; the last measure when `nil`.
    public var workloadMeasure: String?
    public var timeLimit: Double
    public var seed: UInt64
    public var workers: Int
    public var gap: Double

    public init(
        accounts: String, territories: String, measures: [MeasureSpec], metric: DistanceMetric? = nil,
        weightMeasure: String? = nil, territoryColumn: String = "territory", lockedColumn: String = "locked",
        maxMovedShare: Double? = nil, maxMovedValueShare: Double? = nil, movePenalty: Double = 0,
        valueMeasure: String? = nil, adjacency: String? = nil, territoryCount: Int? = nil, chooseCentres: Bool = false,
        relocateRounds: Int? = nil, add: Int = 0, remove: Int = 0, workloadMeasure: String? = nil,
        timeLimit: Double = 60, seed: UInt64 = 1, workers: Int = 2, gap: Double = 1e-4
    ) {
        self.accounts = accounts
        self.territories = territories
        self.measures = measures
        self.metric = metric
        self.weightMeasure = weightMeasure
        self.territoryColumn = territoryColumn
        self.lockedColumn = lockedColumn
        self.maxMovedShare = maxMovedShare
        self.maxMovedValueShare = maxMovedValueShare
        self.movePenalty = movePenalty
        self.valueMeasure = valueMeasure
        self.adjacency = adjacency
        self.territoryCount = territoryCount
        self.chooseCentres = chooseCentres
        self.relocateRounds = relocateRounds
        self.add = add
        self.remove = remove
        self.workloadMeasure = workloadMeasure
        self.timeLimit = timeLimit
        self.seed = seed
        self.workers = workers
        self.gap = gap
    }
}
