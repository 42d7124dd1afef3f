/// Reads and writes `account_territory_history.csv`: account moves between territories, effective-dated.
///
/// ```swift
/// let csv = "account_id,territory_id,effective_date\nA-1,T-2,2026-07-01\n"
/// let moves = try AccountTerritoryHistoryCSV.decode(Array(csv.utf8))
/// moves[0].territoryID   // "T-2"
/// ```
///
/// From `effective_date` (inclusive) the account belongs to `territory_id` until that account's next
/// row; before its first row, `accounts.csv`'s `territory_id` applies. One row per account and date.
public enum AccountTerritoryHistoryCSV {
    enum Column: Int, CaseIterable {
        case accountID, territoryID, effectiveDate
    }

    /// The columns of `account_territory_history.csv`.
    public static let schema = CSVSchema(
        fileName: "account_territory_history.csv",
        columns: [
            CSVColumn("account_id", aliases: ["AccountId"], required: true, "Account; must exist in accounts.csv."),
            CSVColumn(
                "territory_id", aliases: ["TerritoryId", "Territory2Id"], required: true,
                "Territory from this date on; must exist in territories.csv."),
            CSVColumn(
                "effective_date", aliases: ["EffectiveDate", "start_date", "valid_from"], required: true,
                "YYYY-MM-DD, first day in the territory."),
        ])

    /// Decodes the moves in `bytes`, rejecting a second row for the same account and date.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "account_territory_history.csv", issueLimit: Int = 100)
        throws
        -> [AccountTerritoryChange]
    {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<AccountTerritoryChange> {
        let decoded = schema.decode(bytes, file: file, log: &log) { row -> AccountTerritoryChange? in
            typealias C = Column
            let account = row.identifier(C.accountID.rawValue).map(AccountID.init)
            let territory = row.identifier(C.territoryID.rawValue).map(TerritoryID.init)
            let date = row.date(C.effectiveDate.rawValue, required: true)
            guard let account, let territory, let date else { return nil }
            return AccountTerritoryChange(accountID: account, territoryID: territory, effectiveDate: date)
        }
        reportRepeatedDates(decoded, file: file, subject: "account", log: &log) {
            ($0.accountID.rawValue, $0.effectiveDate)
        }
        return decoded
    }

    /// Writes `changes` with the canonical header.
    public static func encode(_ changes: [AccountTerritoryChange]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        for change in changes {
            writer.field(change.accountID.rawValue)
            writer.field(change.territoryID.rawValue)
            writer.date(change.effectiveDate)
            writer.endRow()
        }
        return writer.bytes
    }
}

/// Logs every row of an effective-dated history that repeats the (subject, date) of an earlier row.
func reportRepeatedDates<Value>(
    _ decoded: Decoded<Value>, file: String, subject: String, log: inout IssueLog,
    key: (Value) -> (String, CalendarDate)
) {
    var firstLine: [String: Int] = [:]
    for (index, value) in decoded.values.enumerated() {
        let (id, date) = key(value)
        let composite = "\(id)\u{1F}\(date)"
        if let first = firstLine[composite] {
            log.add(
                SalesDataIssue(
                    .duplicateID, file: file, line: decoded.lines[index], column: 0, field: "effective_date",
                    value: date.description,
                    expected: "one row per \(subject) and date",
                    message:
                        "\(subject) \(id) already changes on \(date) (line \(first)); expected one row per \(subject) and date"
                ))
        } else {
            firstLine[composite] = decoded.lines[index]
        }
    }
}
