/// Reads and writes `rep_territory_history.csv`: reps taking or leaving seats, effective-dated.
///
/// ```swift
/// let csv = "rep_id,territory_id,effective_date\nR-1,T-3,2026-08-01\nR-2,,2026-08-01\n"
/// let moves = try RepTerritoryHistoryCSV.decode(Array(csv.utf8))
/// moves[1].territoryID   // nil: R-2 holds no seat from 2026-08-01
/// ```
///
/// From `effective_date` (inclusive) the rep holds `territory_id` (an empty one: no seat) until that
/// rep's next row; before the first row, `reps.csv`'s `territory_id` applies. Hire and termination
/// dates stay in `reps.csv`. One row per rep and date.
public enum RepTerritoryHistoryCSV {
    enum Column: Int, CaseIterable {
        case repID, territoryID, effectiveDate
    }

    /// The columns of `rep_territory_history.csv`.
    public static let schema = CSVSchema(
        fileName: "rep_territory_history.csv",
        columns: [
            CSVColumn(
                "rep_id", aliases: ["UserId", "employee_id", "worker_id"], required: true,
                "Rep; must exist in reps.csv."),
            CSVColumn(
                "territory_id", aliases: ["TerritoryId", "Territory2Id"],
                "Seat from this date on (empty: none); must exist in territories.csv."),
            CSVColumn(
                "effective_date", aliases: ["EffectiveDate", "start_date", "valid_from"], required: true,
                "YYYY-MM-DD, first day in the seat."),
        ])

    /// Decodes the seat changes in `bytes`, rejecting a second row for the same rep and date.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "rep_territory_history.csv", issueLimit: Int = 100)
        throws
        -> [RepTerritoryChange]
    {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<RepTerritoryChange> {
        let decoded = schema.decode(bytes, file: file, log: &log) { row -> RepTerritoryChange? in
            typealias C = Column
            let rep = row.identifier(C.repID.rawValue).map(RepID.init)
            let territory = row.identifier(C.territoryID.rawValue, required: false).map(TerritoryID.init)
            let date = row.date(C.effectiveDate.rawValue, required: true)
            guard let rep, let date else { return nil }
            return RepTerritoryChange(repID: rep, territoryID: territory, effectiveDate: date)
        }
        reportRepeatedDates(decoded, file: file, subject: "rep", log: &log) { ($0.repID.rawValue, $0.effectiveDate) }
        return decoded
    }

    /// Writes `changes` with the canonical header.
    public static func encode(_ changes: [RepTerritoryChange]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        for change in changes {
            writer.field(change.repID.rawValue)
            writer.field(change.territoryID?.rawValue)
            writer.date(change.effectiveDate)
            writer.endRow()
        }
        return writer.bytes
    }
}
