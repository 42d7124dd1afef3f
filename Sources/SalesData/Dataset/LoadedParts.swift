/// The decoded files of a dataset folder before they are checked against each other.
struct LoadedParts {
    var accounts: Decoded<Account>
    var reps: Decoded<Rep>
    var territories = Decoded<Territory>()
    var opportunities = Decoded<Opportunity>()
    var transactions = Decoded<Transaction>()
    var splits = Decoded<SplitCSV.Row>()
    var activities = Decoded<Activity>()
    var accountHistory = Decoded<AccountTerritoryChange>()
    var repHistory = Decoded<RepTerritoryChange>()

    init(accounts: Decoded<Account>, reps: Decoded<Rep>) {
        self.accounts = accounts
        self.reps = reps
    }

    /// Builds id indexes for in-memory values (files fill them while decoding).
    private mutating func indexInMemoryValues() {
        func index<V>(_ decoded: inout Decoded<V>, _ id: (V) -> String) {
            guard decoded.lineOfID.isEmpty else { return }
            for offset in decoded.values.indices {
                decoded.lineOfID.insert(id(decoded.values[offset]), line: decoded.lines[offset])
            }
        }
        index(&accounts, \.id.rawValue)
        index(&reps, \.id.rawValue)
        index(&territories, \.id.rawValue)
        index(&opportunities, \.id.rawValue)
        index(&transactions, \.id.rawValue)
        index(&activities, \.id.rawValue)
    }

    /// Logs every reference to a missing account, rep, territory, opportunity or transaction.
    mutating func checkReferences(log: inout IssueLog) {
        indexInMemoryValues()
        let accountIDs = accounts
        let repIDs = reps
        let territoryIDs = territories
        let opportunityIDs = opportunities
        let transactionIDs = transactions
        // a file whose header failed holds no ids to check against: one error, not one per reference
        let usable: [String: Bool] = [
            "accounts.csv": accounts.isUsable, "reps.csv": reps.isUsable, "territories.csv": territories.isUsable,
            "opportunities.csv": opportunities.isUsable, "transactions.csv": transactions.isUsable,
        ]
        let fieldNumbers: [String: [String: Int]] = [
            "accounts.csv": accounts.fieldNumbers, "reps.csv": reps.fieldNumbers,
            "territories.csv": territories.fieldNumbers, "opportunities.csv": opportunities.fieldNumbers,
            "transactions.csv": transactions.fieldNumbers, "splits.csv": splits.fieldNumbers,
            "activities.csv": activities.fieldNumbers,
        ]
        func dangling(_ file: String, _ line: Int, _ field: String, _ value: String, _ target: String) {
            guard usable[target] ?? true else { return }
            log.add(
                SalesDataIssue(
                    .danglingReference, file: file, line: line, column: fieldNumbers[file]?[field] ?? 0, field: field,
                    value: value,
                    expected: "an id in \(target)",
                    message: "\(field): \(ErrorText.quoted(value)) does not exist in \(target)"))
        }
        let hasTerritories = !territories.values.isEmpty || !territories.lineOfID.isEmpty
        for (index, account) in accounts.values.enumerated() {
            if let owner = account.ownerID, !repIDs.contains(owner) {
                dangling("accounts.csv", accounts.lines[index], "owner_id", owner.rawValue, "reps.csv")
            }
            if hasTerritories, let territory = account.territoryID, !territoryIDs.contains(territory) {
                dangling("accounts.csv", accounts.lines[index], "territory_id", territory.rawValue, "territories.csv")
            }
            if log.isFull { return }
        }
        for (index, rep) in reps.values.enumerated() {
            if hasTerritories, let territory = rep.territoryID, !territoryIDs.contains(territory) {
                dangling("reps.csv", reps.lines[index], "territory_id", territory.rawValue, "territories.csv")
            }
        }
        for (index, node) in territories.values.enumerated() {
            if let owner = node.ownerID, !repIDs.contains(owner) {
                dangling("territories.csv", territories.lines[index], "owner_id", owner.rawValue, "reps.csv")
            }
        }
        for (index, deal) in opportunities.values.enumerated() {
            if !accountIDs.contains(deal.accountID) {
                dangling(
                    "opportunities.csv", opportunities.lines[index], "account_id", deal.accountID.rawValue,
                    "accounts.csv")
            }
            if let owner = deal.ownerID, !repIDs.contains(owner) {
                dangling("opportunities.csv", opportunities.lines[index], "owner_id", owner.rawValue, "reps.csv")
            }
            if log.isFull { return }
        }
        for (index, line) in transactions.values.enumerated() {
            if !accountIDs.contains(line.accountID) {
                dangling(
                    "transactions.csv", transactions.lines[index], "account_id", line.accountID.rawValue, "accounts.csv"
                )
            }
            if let deal = line.opportunityID, !opportunityIDs.contains(deal) {
                dangling(
                    "transactions.csv", transactions.lines[index], "opportunity_id", deal.rawValue, "opportunities.csv")
            }
            if let owner = line.ownerID, !repIDs.contains(owner) {
                dangling("transactions.csv", transactions.lines[index], "owner_id", owner.rawValue, "reps.csv")
            }
            if log.isFull { return }
        }
        for (index, row) in splits.values.enumerated() {
            if let transaction = row.transactionID, !transactionIDs.contains(transaction) {
                dangling("splits.csv", splits.lines[index], "transaction_id", transaction.rawValue, "transactions.csv")
            }
            if let deal = row.opportunityID, !opportunityIDs.contains(deal) {
                dangling("splits.csv", splits.lines[index], "opportunity_id", deal.rawValue, "opportunities.csv")
            }
            if !repIDs.contains(row.split.repID) {
                dangling("splits.csv", splits.lines[index], "rep_id", row.split.repID.rawValue, "reps.csv")
            }
        }
        for (index, activity) in activities.values.enumerated() {
            if !accountIDs.contains(activity.accountID) {
                dangling(
                    "activities.csv", activities.lines[index], "account_id", activity.accountID.rawValue, "accounts.csv"
                )
            }
            if let rep = activity.repID, !repIDs.contains(rep) {
                dangling("activities.csv", activities.lines[index], "rep_id", rep.rawValue, "reps.csv")
            }
            if let deal = activity.opportunityID, !opportunityIDs.contains(deal) {
                dangling(
                    "activities.csv", activities.lines[index], "opportunity_id", deal.rawValue, "opportunities.csv")
            }
            if log.isFull { return }
        }
        checkReversals(log: &log)
        checkAlignmentHistory(hasTerritories: hasTerritories, log: &log)
    }

    /// The checked dataset, with splits attached to their transactions and opportunities.
    func assemble() throws -> SalesDataset {
        var transactionSplits: [TransactionID: [CreditSplit]] = [:]
        var opportunitySplits: [OpportunityID: [CreditSplit]] = [:]
        for row in splits.values {
            if let id = row.transactionID { transactionSplits[id, default: []].append(row.split) }
            if let id = row.opportunityID { opportunitySplits[id, default: []].append(row.split) }
        }
        var transactions = transactions.values
        if !transactionSplits.isEmpty {
            for index in transactions.indices {
                transactions[index].splits = transactionSplits[transactions[index].id] ?? []
            }
        }
        var opportunities = opportunities.values
        if !opportunitySplits.isEmpty {
            for index in opportunities.indices {
                opportunities[index].splits = opportunitySplits[opportunities[index].id] ?? []
            }
        }
        return try SalesDataset(
            accounts: accounts.values, reps: reps.values, territories: territories.values, opportunities: opportunities,
            transactions: transactions, activities: activities.values, accountTerritoryHistory: accountHistory.values,
            repTerritoryHistory: repHistory.values)
    }
}
