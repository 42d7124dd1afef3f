/// Reads and writes `transactions.csv`: bookings, orders, refunds and cancellations.
///
/// ```swift
/// let csv = "id,type,date,account_id,amount,owner_id\nX-1,booking,2025-02-03,A-1,\"12,000\",R-1\nX-2,refund,2025-03-01,A-1,-500,R-1\n"
/// let lines = try TransactionCSV.decode(Array(csv.utf8))
/// lines[1].amount     // -500
/// ```
///
/// Bookings and orders have amounts ≥ 0, refunds and cancellations ≤ 0. A refund may and a
/// cancellation must name the line it takes back in `original_id`; only refunds and cancellations
/// may. Credit splits come from `splits.csv` (``SplitCSV``) when a dataset folder is loaded.
public enum TransactionCSV {
    enum Column: Int, CaseIterable {
        case id, kind, date, accountID, opportunityID, product, amount, currency, orderType, ownerID, originalID
    }

    /// The columns of `transactions.csv`.
    public static let schema = CSVSchema(
        fileName: "transactions.csv",
        columns: [
            CSVColumn(
                "id", aliases: ["Id", "transaction_id", "OrderId", "order_number"], required: true, "Unique line id."),
            CSVColumn(
                "type", aliases: ["kind", "transaction_type"], required: true, "booking, order, refund or cancellation."
            ),
            CSVColumn(
                "date", aliases: ["EffectiveDate", "booking_date", "transaction_date"], required: true, "YYYY-MM-DD."),
            CSVColumn("account_id", aliases: ["AccountId"], required: true, "Account; must exist in accounts.csv."),
            CSVColumn("opportunity_id", aliases: ["OpportunityId"], "Opportunity; must exist in opportunities.csv."),
            CSVColumn("product", aliases: ["Product2Id", "product_id", "ProductCode"], "Product id."),
            CSVColumn(
                "amount", aliases: ["Amount", "TotalAmount"], required: true, thousandsSeparators: true,
                "Signed amount: ≥ 0 for booking/order, ≤ 0 for refund/cancellation."),
            CSVColumn("currency", aliases: ["CurrencyIsoCode"], "ISO 4217 code; default USD."),
            CSVColumn("order_type", aliases: ["OrderType"], "new, renewal, upsell, …"),
            CSVColumn(
                "owner_id", aliases: ["OwnerId", "rep_id"],
                "Rep credited when there are no splits; must exist in reps.csv."),
            CSVColumn(
                "original_id", aliases: ["OriginalOrderId", "original_transaction_id"],
                "Refund/cancellation only (required for a cancellation): the booking or order it takes back; same account, not later."
            ),
        ])

    static let kinds: [String: Transaction.Kind] = [
        "booking": .booking, "order": .order, "refund": .refund, "return": .refund, "cancellation": .cancellation,
        "cancel": .cancellation,
    ]

    /// Decodes and validates the transactions in `bytes` (without splits).
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "transactions.csv", issueLimit: Int = 100) throws
        -> [Transaction]
    {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<Transaction> {
        schema.decode(bytes, file: file, log: &log, id: { $0.id.rawValue }) { row -> Transaction? in
            typealias C = Column
            let id = row.identifier(C.id.rawValue).map(TransactionID.init)
            let kind = row.choice(C.kind.rawValue, kinds, required: true)
            let date = row.date(C.date.rawValue, required: true)
            let account = row.identifier(C.accountID.rawValue).map(AccountID.init)
            let amount = row.double(C.amount.rawValue, required: true)
            if let amount, let kind {
                if kind.isReversal && amount > 0 {
                    row.invalid(
                        C.amount.rawValue, .outOfRange, expected: "an amount ≤ 0 for a \(kind.rawValue)",
                        problem: "is positive")
                } else if !kind.isReversal && amount < 0 {
                    row.invalid(
                        C.amount.rawValue, .negative,
                        expected: "an amount ≥ 0 for a \(kind.rawValue) (use type refund for returns)",
                        problem: "is negative")
                }
            }
            let original = row.identifier(C.originalID.rawValue, required: kind == .cancellation).map(
                TransactionID.init)
            if let kind, original != nil, !kind.isReversal {
                row.invalid(
                    C.originalID.rawValue, .invalidValue,
                    expected: "no original_id on a \(kind.rawValue) (only refunds and cancellations take back a line)",
                    problem: "is set")
            }
            let currency = row.identifier(C.currency.rawValue, required: false)
            if let currency, !OpportunityCSV.isCurrencyCode(currency) {
                row.invalid(
                    C.currency.rawValue, .invalidValue, expected: "a three-letter ISO 4217 code such as USD",
                    problem: "is not a currency code")
            }
            return Transaction(
                id: id ?? "", kind: kind ?? .booking, date: date ?? CalendarDate(daysSinceEpoch: 0),
                accountID: account ?? "",
                opportunityID: row.identifier(C.opportunityID.rawValue, required: false).map(OpportunityID.init),
                product: row.identifier(C.product.rawValue, required: false).map(ProductID.init), amount: amount ?? 0,
                currency: currency ?? "USD", orderType: row.string(C.orderType.rawValue, required: false),
                ownerID: row.identifier(C.ownerID.rawValue, required: false).map(RepID.init), originalID: original)
        }
    }

    /// Writes `transactions` with the canonical header (splits go to `splits.csv`, see ``SplitCSV``).
    public static func encode(_ transactions: [Transaction]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        for line in transactions {
            writer.field(line.id.rawValue)
            writer.field(line.kind.rawValue)
            writer.date(line.date)
            writer.field(line.accountID.rawValue)
            writer.field(line.opportunityID?.rawValue)
            writer.field(line.product?.rawValue)
            writer.number(line.amount, decimals: 2)
            writer.field(line.currency)
            writer.field(line.orderType)
            writer.field(line.ownerID?.rawValue)
            writer.field(line.originalID?.rawValue)
            writer.endRow()
        }
        return writer.bytes
    }
}
