import SalesData

extension QuotaHierarchy {
    /// Builds the quota tree from the sales-data domain: the territory `Hierarchy` gives the
    /// structure (leaf territories are seats), each seat takes its staffing from the rep who covers
    /// it (`Rep.territoryID`, else `Territory.ownerID`), and accounts roll up by territory (else by
    /// their owner's territory): prior-year and trailing-12-month sales, and as potential any
    /// account measure (`employees`, `annualRevenue`, or a named attribute).
    ///
    /// A leaf without a rep, or whose rep is vacant, is a vacancy; a to-be-hired rep's hire date is
    /// the seat's expected start.
    ///
    /// ```swift
    /// let tree = try QuotaHierarchy(hierarchy: territories, reps: reps, accounts: accounts,
    ///                               potentialMeasure: "annualRevenue")
    /// ```
    /// - Throws: ``QuotaError/badInput(file:line:position:column:value:expected:)`` (at `accountsFile`, line 1)
    ///   when no account knows `potentialMeasure`, listing the measures the accounts do have;
    ///   ``QuotaError/invalidHierarchy(_:)`` for a forest.
    public init(
        hierarchy: Hierarchy, reps: [Rep], accounts: [Account], potentialMeasure: String = "annualRevenue",
        pipeline: [TerritoryID: Double] = [:], accountsFile: String = "accounts.csv"
    ) throws(QuotaError) {
        if !accounts.isEmpty && !accounts.contains(where: { $0.measure(potentialMeasure) != nil }) {
            let known = Account.builtInMeasures + Set(accounts.flatMap(\.attributes.keys)).sorted()
            throw .badInput(
                file: accountsFile, line: 1, column: potentialMeasure, value: potentialMeasure,
                expected: "a numeric account column as potential; known: \(known.joined(separator: ", "))")
        }
        guard hierarchy.roots.count == 1 else {
            throw .invalidHierarchy(
                "the territory hierarchy has \(hierarchy.roots.count) roots; quotas cascade from one company node")
        }
        var repByTerritory: [TerritoryID: Rep] = [:]
        let repByID = Dictionary(reps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for rep in reps.sorted(by: { $0.id < $1.id }) {
            if let t = rep.territoryID, repByTerritory[t] == nil { repByTerritory[t] = rep }
        }
        var sums: [TerritoryID: BasisMeasures] = [:]
        for account in accounts {
            guard let territory = account.territoryID ?? account.ownerID.flatMap({ repByID[$0]?.territoryID }) else {
                continue
            }
            sums[territory, default: BasisMeasures()].accumulate(
                BasisMeasures(
                    priorYear: account.priorYearSales, trailing12Months: account.trailingTwelveMonthSales,
                    potential: account.measure(potentialMeasure) ?? 0))
        }
        var nodes: [QuotaNode] = []
        for territory in hierarchy.nodes {
            let isLeaf = hierarchy.children(of: territory.id).isEmpty
            let rep = repByTerritory[territory.id] ?? territory.ownerID.flatMap { repByID[$0] }
            var measures =
                isLeaf
                ? (sums[territory.id] ?? BasisMeasures(priorYear: 0, trailing12Months: 0, potential: 0))
                : BasisMeasures()
            if isLeaf { measures.pipeline = pipeline[territory.id] }
            var status = QuotaNode.Status.active
            var expected: CalendarDate? = nil
            if isLeaf {
                switch rep?.status {
                case .none, .vacant: status = .vacant
                case .toBeHired:
                    status = .toBeHired
                    expected = rep?.hireDate
                case .active: status = .active
                }
            }
            nodes.append(
                QuotaNode(
                    id: QuotaNodeID(territory.id.rawValue), name: territory.name,
                    parent: territory.parentID.map { QuotaNodeID($0.rawValue) }, role: isLeaf ? .seat : .unit,
                    status: status, hireDate: status == .active ? rep?.hireDate : nil, expectedStart: expected,
                    measures: measures))
        }
        try self.init(nodes)
    }
}

extension QuotaHierarchy {
    /// Builds the quota tree from a loaded dataset folder: territories, reps and accounts as in
    /// ``init(hierarchy:reps:accounts:potentialMeasure:pipeline:accountsFile:)``, with pipeline = the expected
    /// amount (amount × probability) of open opportunities, by their account's territory.
    ///
    /// ```swift
    /// let tree = try QuotaHierarchy(dataset: try SalesDataset.load(from: URL(fileURLWithPath: "Data/demo")),
    ///                               potentialMeasure: "potential")
    /// ```
    public init(dataset: SalesDataset, potentialMeasure: String = "potential", accountsFile: String = "accounts.csv")
        throws(QuotaError)
    {
        let territoryOfAccount = Dictionary(
            dataset.accounts.compactMap { a in a.territoryID.map { (a.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        var pipeline: [TerritoryID: Double] = [:]
        for opportunity in dataset.opportunities where !opportunity.isClosed {
            if let territory = territoryOfAccount[opportunity.accountID] {
                pipeline[territory, default: 0] += opportunity.expectedAmount
            }
        }
        try self.init(
            hierarchy: dataset.hierarchy, reps: dataset.reps, accounts: dataset.accounts,
            potentialMeasure: potentialMeasure, pipeline: pipeline, accountsFile: accountsFile)
    }
}
