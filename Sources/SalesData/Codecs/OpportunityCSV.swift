/// Reads and writes `opportunities.csv` (Salesforce `Opportunity` export names accepted).
///
/// ```swift
/// let csv = "Id,AccountId,OwnerId,Amount,StageName,Probability,CreatedDate,CloseDate,IsClosed,IsWon\n"
///     + "O-1,A-1,R-1,\"48,000\",Closed Won,100,2025-01-08,2025-03-31,true,true\n"
/// let deals = try OpportunityCSV.decode(Array(csv.utf8))
/// deals[0].probability    // 1.0 (the file holds percent)
/// ```
public enum OpportunityCSV {
    enum Column: Int, CaseIterable {
        case id, accountID, ownerID, amount, currency, stage, probability, createdDate, closeDate, isClosed, isWon,
            product
    }

    /// The columns of `opportunities.csv`.
    public static let schema = CSVSchema(
        fileName: "opportunities.csv",
        columns: [
            CSVColumn(
                "id", aliases: ["Id", "opportunity_id", "OpportunityId"], required: true, "Unique opportunity id."),
            CSVColumn(
                "account_id", aliases: ["AccountId", "account"], required: true, "Account; must exist in accounts.csv."),
            CSVColumn("owner_id", aliases: ["OwnerId", "rep_id"], "Owner; must exist in reps.csv."),
            CSVColumn("amount", aliases: ["Amount"], required: true, thousandsSeparators: true, "Deal value, ≥ 0."),
            CSVColumn("currency", aliases: ["CurrencyIsoCode"], "ISO 4217 code; default USD."),
            CSVColumn("stage", aliases: ["StageName"], required: true, "Sales stage label."),
            CSVColumn("probability", aliases: ["Probability"], "Win probability in percent, 0...100; default 0."),
            CSVColumn("created_date", aliases: ["CreatedDate"], required: true, "YYYY-MM-DD."),
            CSVColumn("close_date", aliases: ["CloseDate"], required: true, "YYYY-MM-DD."),
            CSVColumn("is_closed", aliases: ["IsClosed", "closed"], "true/false; default false."),
            CSVColumn("is_won", aliases: ["IsWon", "won"], "true/false; default false; won implies closed."),
            CSVColumn("product", aliases: ["Product2Id", "product_id", "ProductCode"], "Product id."),
        ])

    /// Decodes and validates the opportunities in `bytes`.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "opportunities.csv", issueLimit: Int = 100) throws
        -> [Opportunity]
    {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<Opportunity> {
        schema.decode(bytes, file: file, log: &log, id: { $0.id.rawValue }) { row -> Opportunity? in
            typealias C = Column
            let id = row.identifier(C.id.rawValue).map(OpportunityID.init)
            let account = row.identifier(C.accountID.rawValue).map(AccountID.init)
            let owner = row.identifier(C.ownerID.rawValue, required: false).map(RepID.init)
            let amount = row.double(
                C.amount.rawValue, required: true, range: 0...Double.greatestFiniteMagnitude, rangeText: "an amount ≥ 0"
            )
            let currency = row.identifier(C.currency.rawValue, required: false)
            if let currency, !Self.isCurrencyCode(currency) {
                row.invalid(
                    C.currency.rawValue, .invalidValue, expected: "a three-letter ISO 4217 code such as USD",
                    problem: "is not a currency code")
            }
            let stage = row.string(C.stage.rawValue, required: true)
            let probability =
                row.double(C.probability.rawValue, range: 0...100, rangeText: "a percentage in 0...100") ?? 0
            let created = row.date(C.createdDate.rawValue, required: true)
            let close = row.date(C.closeDate.rawValue, required: true)
            let isWon = row.bool(C.isWon.rawValue)
            let isClosed = row.bool(C.isClosed.rawValue, default: isWon)
            if isWon && !isClosed {
                row.invalid(
                    C.isClosed.rawValue, .invalidValue, expected: "true when is_won is true",
                    problem: "contradicts is_won")
            }
            let product = row.identifier(C.product.rawValue, required: false).map(ProductID.init)
            let epoch = CalendarDate(daysSinceEpoch: 0)
            return Opportunity(
                id: id ?? "", accountID: account ?? "", ownerID: owner, amount: amount ?? 0,
                currency: currency ?? "USD",
                stage: stage ?? "", probability: probability / 100, createdDate: created ?? epoch,
                closeDate: close ?? epoch,
                isClosed: isClosed, isWon: isWon, product: product)
        }
    }

    static func isCurrencyCode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// Writes `opportunities` with the canonical header (probability in percent).
    public static func encode(_ opportunities: [Opportunity]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        for deal in opportunities {
            writer.field(deal.id.rawValue)
            writer.field(deal.accountID.rawValue)
            writer.field(deal.ownerID?.rawValue)
            writer.number(deal.amount, decimals: 2)
            writer.field(deal.currency)
            writer.field(deal.stage)
            writer.number(deal.probability * 100, decimals: 4)
            writer.date(deal.createdDate)
            writer.date(deal.closeDate)
            writer.field(deal.isClosed ? "true" : "false")
            writer.field(deal.isWon ? "true" : "false")
            writer.field(deal.product?.rawValue)
            writer.endRow()
        }
        return writer.bytes
    }
}
