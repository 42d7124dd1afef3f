import Foundation
import RunStore
import SalesData

/// Everything a ledger run reads: the calculation's request (any period; the ledger sets it), the
/// ledger policy, customer payments, and a content hash of every input other than the transactions.
///
/// ```swift
/// let input = try LedgerInput.load(dataset: demo, plans: plans, quotas: quotas, policy: policyFile)
/// try CommissionLedger(store: store).run(march, input: input)
/// ```
///
/// Invariant: `inputs` changes whenever an input other than the transactions changes; the ledger hashes
/// the transactions itself, per period, so a closed period is recalculated only when something it reads
/// changed.
public struct LedgerInput: Sendable {
    public var request: CompRequest
    public var policy: LedgerPolicy
    /// Transaction id → the day the customer paid it (for holds released on customer payment).
    public var customerPayments: [TransactionID: CalendarDate]
    /// Input name → SHA-256 of its content (`plans`, `quotas`, `reps.csv`, `policy`, …), without transactions.
    public var inputs: [String: String]

    public init(
        request: CompRequest, policy: LedgerPolicy = LedgerPolicy(),
        customerPayments: [TransactionID: CalendarDate] = [:], inputs: [String: String]
    ) {
        self.request = request
        self.policy = policy
        self.customerPayments = customerPayments
        self.inputs = inputs
    }

    /// Loads the files of a ledger run and hashes them.
    ///
    /// - Parameters:
    ///   - dataset: the dataset folder (reps, accounts, transactions, splits, alignment history).
    ///   - plans: the plan folder.
    ///   - quotas: the quota file.
    ///   - scores: the MBO score file, or none.
    ///   - policy: a ledger policy YAML file (`docs/commission-accounting.md`), or none.
    ///   - customerPayments: `transaction_id,paid_date` CSV, or none.
    ///   - planYear: the plan year the quota file is read for (the year of the period run).
    /// - Returns: the request, policy, payments and input hashes.
    /// - Throws: ``IncentivesError`` located at the bad file, line and column.
    public static func load(
        dataset: URL, plans: URL, quotas: URL, scores: URL? = nil, policy: URL? = nil, customerPayments: URL? = nil,
        planYear: Int
    ) throws(IncentivesError) -> LedgerInput {
        guard let january = CompPeriod(year: planYear, month: 1) else {
            throw .invalidNumber(String(planYear), expected: "a plan year 1…9999")
        }
        let request = try CompInputs.load(
            dataset: dataset, plans: plans, quotas: quotas, scores: scores, period: january)
        var inputs: [String: String] = [:]
        let datasetFiles = [
            "reps.csv", "accounts.csv", "territories.csv", "account_territory_history.csv", "rep_territory_history.csv",
        ]
        for name in datasetFiles {
            let url = dataset.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { inputs["dataset/" + name] = try digest(url) }
        }
        let planFiles: [String]
        do { planFiles = try FileManager.default.contentsOfDirectory(atPath: plans.path).sorted() } catch {
            throw .unreadable(path: plans.path, reason: error.localizedDescription)
        }
        for name in planFiles where name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name == "assignments.csv" {
            inputs["plans/" + name] = try digest(plans.appendingPathComponent(name))
        }
        inputs["quotas"] = try digest(quotas)
        if let scores { inputs["scores"] = try digest(scores) }
        var ledgerPolicy = LedgerPolicy()
        if let policy {
            inputs["policy"] = try digest(policy)
            ledgerPolicy = try LedgerPolicy(yaml: try text(policy), file: policy.lastPathComponent)
        }
        var payments: [TransactionID: CalendarDate] = [:]
        if let customerPayments {
            inputs["customer-payments"] = try digest(customerPayments)
            let table = try TableFile.read(customerPayments, required: ["transaction_id", "paid_date"])
            for row in table.rows {
                guard let day = try? CalendarDate(iso8601: table.value(row, "paid_date")) else {
                    throw table.error(row, "paid_date", expected: "a date YYYY-MM-DD")
                }
                payments[TransactionID(table.value(row, "transaction_id"))] = day
            }
        }
        return LedgerInput(request: request, policy: ledgerPolicy, customerPayments: payments, inputs: inputs)
    }

    private static func text(_ url: URL) throws(IncentivesError) -> String {
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    private static func digest(_ url: URL) throws(IncentivesError) -> String {
        do { return SHA256Digest.hex(of: try Data(contentsOf: url)) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// SHA-256 of each month's transactions of plan year `year` (index 0 is January), in request order:
    /// every field, so a late, changed or removed transaction changes its month's digest.
    ///
    /// Each transaction's fields are joined by U+001F and ended by U+001E; chunks of transactions are
    /// encoded in parallel and joined in order, so the digest does not depend on the number of threads.
    ///
    /// - Complexity: one pass over the transactions.
    func monthlyDigests(year: Int) -> [String] {
        let transactions = request.transactions
        let count = max(1, min(256, transactions.count / 32_768))
        let ranges = (0..<count).map { (transactions.count * $0 / count)..<(transactions.count * ($0 + 1) / count) }
        let parts = ParallelMap.map(ranges, chunks: count) { range in
            var months = [[UInt8]](repeating: [], count: 12)
            for t in transactions[range] where t.date.year == year {
                Self.encode(t, into: &months[t.date.month - 1])
            }
            return months
        }
        var months = [[UInt8]](repeating: [], count: 12)
        for part in parts {
            for month in 0..<12 { months[month] += part[month] }
        }
        return months.map { SHA256Digest.hex(of: $0) }
    }

    /// Appends one transaction's digest text: its fields joined by U+001F, then U+001E.
    private static func encode(_ t: Transaction, into bytes: inout [UInt8]) {
        func field(_ text: String?, last: Bool = false) {
            if let text { bytes.append(contentsOf: text.utf8) }
            bytes.append(last ? 0x1E : 0x1F)
        }
        field(t.id.rawValue)
        field(t.kind.rawValue)
        t.date.appendISO(to: &bytes)
        bytes.append(0x1F)
        field(t.accountID.rawValue)
        field(t.opportunityID?.rawValue)
        field(t.product?.rawValue)
        field(t.amount.description)
        field(t.currency)
        field(t.orderType)
        field(t.ownerID?.rawValue)
        field(t.originalID?.rawValue, last: t.splits.isEmpty)
        for (index, split) in t.splits.enumerated() {
            field(split.repID.rawValue)
            field(split.percentage.description)
            field(split.kind.rawValue, last: index == t.splits.count - 1)
        }
    }

    /// The hash of everything a calculation of `period` reads, and its parts; `digests` are
    /// ``monthlyDigests(year:)`` of the period's year.
    func hash(of period: CompPeriod, digests: [String]) -> (hash: String, parts: [String: String]) {
        var parts = inputs
        parts["transactions"] = SHA256Digest.hex(of: digests.prefix(period.month).joined(separator: "\n"))
        parts["period"] = period.description
        let text = parts.keys.sorted().map { "\($0)=\(parts[$0] ?? "")" }.joined(separator: "\n")
        return (SHA256Digest.hex(of: text), parts)
    }
}
