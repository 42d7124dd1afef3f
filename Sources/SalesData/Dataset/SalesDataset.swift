import Foundation

/// Everything Meridian plans with, loaded from one folder of CSV files and checked across files.
///
/// ```swift
/// let data = try SalesDataset.load(from: URL(fileURLWithPath: "Data/demo"))
/// data.accounts.count                          // 20000
/// data.hierarchy.leaves.count                  // 120 territories
/// try data.write(to: URL(fileURLWithPath: "out/copy"))
/// ```
///
/// A folder holds `accounts.csv` and `reps.csv` (required) and optionally `territories.csv`,
/// `opportunities.csv`, `transactions.csv`, `splits.csv`, `activities.csv` and the effective-dated
/// alignment `account_territory_history.csv` and `rep_territory_history.csv` (see
/// ``AlignmentHistory``); see `docs/data-format.md`.
public struct SalesDataset: Sendable, Hashable {
    public var accounts: [Account]
    public var reps: [Rep]
    /// Every hierarchy node (company, regions, districts, territories) as read.
    public var territories: [Territory]
    /// The hierarchy built from ``territories``.
    public var hierarchy: Hierarchy
    public var opportunities: [Opportunity]
    /// Transactions with their splits attached.
    public var transactions: [Transaction]
    public var activities: [Activity]
    /// Account moves after the alignment of `accounts.csv` (``AccountTerritoryChange``).
    public var accountTerritoryHistory: [AccountTerritoryChange]
    /// Seat changes after the seats of `reps.csv` (``RepTerritoryChange``).
    public var repTerritoryHistory: [RepTerritoryChange]
    public var fiscalCalendar: FiscalCalendar

    /// Assembles a dataset from values; the hierarchy is checked, references are not (use ``validate(issueLimit:)``).
    ///
    /// - Throws: the ``Hierarchy`` errors.
    public init(
        accounts: [Account], reps: [Rep], territories: [Territory] = [], opportunities: [Opportunity] = [],
        transactions: [Transaction] = [], activities: [Activity] = [],
        accountTerritoryHistory: [AccountTerritoryChange] = [],
        repTerritoryHistory: [RepTerritoryChange] = [], fiscalCalendar: FiscalCalendar = .calendarYear
    ) throws {
        self.accounts = accounts
        self.reps = reps
        self.territories = territories
        self.hierarchy = try Hierarchy(territories)
        self.opportunities = opportunities
        self.transactions = transactions
        self.activities = activities
        self.accountTerritoryHistory = accountTerritoryHistory
        self.repTerritoryHistory = repTerritoryHistory
        self.fiscalCalendar = fiscalCalendar
    }

    /// The effective-dated alignment of this dataset.
    public var alignmentHistory: AlignmentHistory { AlignmentHistory(dataset: self) }

    /// Names of the files of a dataset folder, in load order.
    public static let fileNames = [
        AccountCSV.schema.fileName, RepCSV.schema.fileName, TerritoryCSV.schema.fileName,
        OpportunityCSV.schema.fileName,
        TransactionCSV.schema.fileName, SplitCSV.schema.fileName, ActivityCSV.schema.fileName,
        AccountTerritoryHistoryCSV.schema.fileName, RepTerritoryHistoryCSV.schema.fileName,
    ]

    /// Loads and checks every file of `folder`, collecting up to `issueLimit` problems.
    ///
    /// - Throws: ``SalesDataError/missingFile(path:)`` when `accounts.csv` or `reps.csv` is absent;
    ///   ``SalesDataError/invalidData(_:truncated:)`` with every problem found (nothing is loaded then).
    /// - Complexity: Linear in the total file size; large files are decoded on all cores.
    public static func load(from folder: URL, issueLimit: Int = 100) throws -> SalesDataset {
        var files: [String: [UInt8]] = [:]
        for name in fileNames {
            let url = folder.appendingPathComponent(name)
            let required = name == AccountCSV.schema.fileName || name == RepCSV.schema.fileName
            if !required && !FileManager.default.fileExists(atPath: url.path) { continue }
            files[name] = try FileBytes.read(url)
        }
        return try decode(files: files, issueLimit: issueLimit)
    }

    /// Decodes and checks a dataset from the contents of its files, keyed by file name (see
    /// ``fileNames``); `accounts.csv` and `reps.csv` are required.
    ///
    /// - Throws: as ``load(from:issueLimit:)``.
    public static func decode(files: [String: [UInt8]], issueLimit: Int = 100) throws -> SalesDataset {
        var log = IssueLog(limit: issueLimit)
        guard let accountBytes = files[AccountCSV.schema.fileName] else {
            throw SalesDataError.missingFile(path: AccountCSV.schema.fileName)
        }
        guard let repBytes = files[RepCSV.schema.fileName] else {
            throw SalesDataError.missingFile(path: RepCSV.schema.fileName)
        }
        let accounts = AccountCSV.decode(accountBytes, file: AccountCSV.schema.fileName, log: &log)
        let reps = RepCSV.decode(repBytes, file: RepCSV.schema.fileName, log: &log)
        var parts = LoadedParts(accounts: accounts, reps: reps)
        if let data = files[TerritoryCSV.schema.fileName] {
            parts.territories = TerritoryCSV.decode(data, file: TerritoryCSV.schema.fileName, log: &log)
        }
        if let data = files[OpportunityCSV.schema.fileName] {
            parts.opportunities = OpportunityCSV.decode(data, file: OpportunityCSV.schema.fileName, log: &log)
        }
        if let data = files[TransactionCSV.schema.fileName] {
            parts.transactions = TransactionCSV.decode(data, file: TransactionCSV.schema.fileName, log: &log)
        }
        if let data = files[SplitCSV.schema.fileName] {
            parts.splits = SplitCSV.decode(data, file: SplitCSV.schema.fileName, log: &log)
        }
        if let data = files[ActivityCSV.schema.fileName] {
            parts.activities = ActivityCSV.decode(data, file: ActivityCSV.schema.fileName, log: &log)
        }
        if let data = files[AccountTerritoryHistoryCSV.schema.fileName] {
            parts.accountHistory = AccountTerritoryHistoryCSV.decode(
                data, file: AccountTerritoryHistoryCSV.schema.fileName, log: &log)
        }
        if let data = files[RepTerritoryHistoryCSV.schema.fileName] {
            parts.repHistory = RepTerritoryHistoryCSV.decode(
                data, file: RepTerritoryHistoryCSV.schema.fileName, log: &log)
        }
        parts.checkReferences(log: &log)
        try log.throwIfAny()
        return try parts.assemble()
    }

    /// The contents of each file ``write(to:extraFiles:)`` writes, keyed by file name.
    public func encodedFiles() -> [(name: String, bytes: [UInt8])] {
        [
            (AccountCSV.schema.fileName, AccountCSV.encode(accounts)),
            (RepCSV.schema.fileName, RepCSV.encode(reps)),
            (TerritoryCSV.schema.fileName, TerritoryCSV.encode(territories)),
            (OpportunityCSV.schema.fileName, OpportunityCSV.encode(opportunities)),
            (TransactionCSV.schema.fileName, TransactionCSV.encode(transactions)),
            (SplitCSV.schema.fileName, SplitCSV.encode(transactions: transactions, opportunities: opportunities)),
            (ActivityCSV.schema.fileName, ActivityCSV.encode(activities)),
            (AccountTerritoryHistoryCSV.schema.fileName, AccountTerritoryHistoryCSV.encode(accountTerritoryHistory)),
            (RepTerritoryHistoryCSV.schema.fileName, RepTerritoryHistoryCSV.encode(repTerritoryHistory)),
        ]
    }

    /// Checks the references between the in-memory collections (what ``load(from:issueLimit:)``
    /// checks across files), reporting each problem at its record's position in file order.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)``.
    public func validate(issueLimit: Int = 100) throws {
        var log = IssueLog(limit: issueLimit)
        var parts = LoadedParts(accounts: .init(accounts), reps: .init(reps))
        parts.territories = .init(territories)
        parts.opportunities = .init(opportunities)
        parts.transactions = .init(transactions)
        parts.activities = .init(activities)
        parts.accountHistory = .init(accountTerritoryHistory)
        parts.repHistory = .init(repTerritoryHistory)
        parts.splits = .init(
            transactions.flatMap { line in
                line.splits.map { SplitCSV.Row(transactionID: line.id, opportunityID: nil, split: $0) }
            })
        parts.checkReferences(log: &log)
        try log.throwIfAny()
    }

    /// Writes every collection to `folder` with canonical headers, as one ``AtomicFolder``: the
    /// folder is the previous one or the complete new one, even after `kill -9`.
    ///
    /// - Parameters:
    ///   - folder: The dataset folder, replaced as a whole.
    ///   - extraFiles: Further files written into the same folder (e.g. the generator's truth file).
    /// - Throws: ``AtomicFolderError`` naming the path; the folder is then untouched.
    public func write(to folder: URL, extraFiles: [(name: String, data: Data)] = []) throws {
        let files = encodedFiles().map { (name: $0.name, data: Data($0.bytes)) } + extraFiles
        try AtomicFolder.write(files, to: folder, owned: Set(files.map(\.name)))
    }
}

extension Decoded {
    /// Values with their position `i + 2` (as if written after a header), for in-memory checks.
    init(_ values: [Value]) {
        self.values = values
        self.lines = values.indices.map { $0 + 2 }
    }
}
