/// Reads and writes `splits.csv`: credit splits of transactions or opportunities (Salesforce
/// `OpportunitySplit`: `OpportunityId`, `SplitOwnerId`, `SplitPercentage`).
///
/// ```swift
/// let csv = "transaction_id,rep_id,percentage,type\nX-1,R-1,60,revenue\nX-1,R-2,40,revenue\n"
/// let splits = try SplitCSV.decode(Array(csv.utf8))
/// splits.map(\.split.percentage)    // [60, 40]
/// ```
///
/// Each row names exactly one of `transaction_id` and `opportunity_id`. The revenue splits of one
/// transaction or opportunity must sum to 100 (± 0.01); overlay splits may sum to anything.
public enum SplitCSV {
    /// One row: the split and what it belongs to.
    public struct Row: Sendable, Hashable {
        public var transactionID: TransactionID?
        public var opportunityID: OpportunityID?
        public var split: CreditSplit
    }

    enum Column: Int, CaseIterable {
        case transactionID, opportunityID, repID, percentage, kind
    }

    /// The columns of `splits.csv`.
    public static let schema = CSVSchema(
        fileName: "splits.csv",
        columns: [
            CSVColumn("transaction_id", aliases: ["TransactionId"], "The split transaction (or give opportunity_id)."),
            CSVColumn("opportunity_id", aliases: ["OpportunityId"], "The split opportunity (or give transaction_id)."),
            CSVColumn(
                "rep_id", aliases: ["SplitOwnerId", "owner_id"], required: true, "Credited rep; must exist in reps.csv."
            ),
            CSVColumn(
                "percentage", aliases: ["SplitPercentage", "percent", "split_percent"], required: true,
                "Share in percent, 0...100."),
            CSVColumn("type", aliases: ["SplitTypeId", "split_type", "kind"], "revenue (default) or overlay."),
        ])

    static let kinds: [String: CreditSplit.Kind] = ["revenue": .revenue, "overlay": .overlay]

    /// Tolerance on the 100 % total of revenue splits.
    public static let totalTolerance = 0.01

    /// Decodes the splits in `bytes` and checks that revenue splits of each parent sum to 100.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "splits.csv", issueLimit: Int = 100) throws -> [Row] {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<Row> {
        let decoded = schema.decode(bytes, file: file, log: &log) { row -> Row? in
            typealias C = Column
            let transaction = row.identifier(C.transactionID.rawValue, required: false).map(TransactionID.init)
            let opportunity = row.identifier(C.opportunityID.rawValue, required: false).map(OpportunityID.init)
            if (transaction == nil) == (opportunity == nil) {
                row.report(
                    .missingValue, field: 0, column: "transaction_id", value: nil,
                    expected: "exactly one of transaction_id, opportunity_id",
                    message:
                        "a split names \(transaction == nil ? "neither" : "both") transaction_id and opportunity_id; expected exactly one"
                )
            }
            let rep = row.identifier(C.repID.rawValue).map(RepID.init)
            let percentage = row.double(
                C.percentage.rawValue, required: true, range: 0...100, rangeText: "a percentage in 0...100")
            let kind = row.choice(C.kind.rawValue, kinds) ?? .revenue
            return Row(
                transactionID: transaction, opportunityID: opportunity,
                split: CreditSplit(repID: rep ?? "", percentage: percentage ?? 0, kind: kind))
        }
        // Revenue splits per parent must total 100.
        var totals: [String: (total: Double, line: Int)] = [:]
        var order: [String] = []
        for (index, row) in decoded.values.enumerated() where row.split.kind == .revenue {
            let key =
                row.transactionID.map { "transaction \($0)" } ?? row.opportunityID.map { "opportunity \($0)" } ?? ""
            if let current = totals[key] {
                totals[key] = (current.total + row.split.percentage, current.line)
            } else {
                totals[key] = (row.split.percentage, decoded.lines[index])
                order.append(key)
            }
        }
        for key in order {
            guard let entry = totals[key], abs(entry.total - 100) > totalTolerance else { continue }
            log.add(
                SalesDataIssue(
                    .splitSum, file: file, line: entry.line, column: 0, field: "percentage",
                    value: entry.total.compactText,
                    expected: "revenue splits summing to 100",
                    message:
                        "revenue splits of \(key) sum to \(entry.total.compactText)%; expected 100% (mark extra credit as type overlay)"
                ))
        }
        return decoded
    }

    /// Writes the splits of `transactions` and `opportunities` with the canonical header.
    public static func encode(transactions: [Transaction], opportunities: [Opportunity] = []) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        func write(_ transaction: String?, _ opportunity: String?, _ split: CreditSplit) {
            writer.field(transaction)
            writer.field(opportunity)
            writer.field(split.repID.rawValue)
            writer.number(split.percentage, decimals: 4)
            writer.field(split.kind.rawValue)
            writer.endRow()
        }
        for line in transactions { for split in line.splits { write(line.id.rawValue, nil, split) } }
        for deal in opportunities { for split in deal.splits { write(nil, deal.id.rawValue, split) } }
        return writer.bytes
    }
}
