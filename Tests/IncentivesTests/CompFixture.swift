import SalesData

@testable import Incentives

/// A tiny company for hand-worked comp tests: people, accounts, one plan in YAML, quotas in CSV.
struct CompFixture {
    var people: [Rep] = [
        Rep(id: "R1", name: "Ada", role: "Account Executive", territoryID: "T1", hireDate: date("2020-01-01"))
    ]
    var accounts: [Account] = [
        Account(id: "A1", name: "Acme", location: GeoPoint(latitude: 40, longitude: -100), territoryID: "T1"),
        Account(id: "A2", name: "Beta", location: GeoPoint(latitude: 40, longitude: -100), territoryID: "T2"),
    ]
    var accountMoves: [EffectiveDatedAlignment.Move<AccountID>] = []
    var repMoves: [EffectiveDatedAlignment.Move<RepID>] = []
    var transactions: [Transaction] = []
    var plans: [String] = []
    var quotas = "id,period,amount,quota\n"
    var scores = ScoreBook()

    /// Adds a booking on account A1 (or `account`), credited by territory unless splits are given.
    mutating func book(
        _ amount: Double, on day: String, account: AccountID = "A1", product: ProductID? = "P-CORE",
        kind: Transaction.Kind = .booking,
        splits: [CreditSplit] = []
    ) {
        let id = TransactionID("X\(transactions.count + 1)")
        transactions.append(
            Transaction(
                id: id, kind: kind, date: date(day), accountID: account, product: product, amount: amount,
                orderType: "new", splits: splits))
    }

    func request(_ period: String, only: Set<RepID>? = nil) throws -> CompRequest {
        let book = try PlanBook(
            plans: plans.enumerated().map { index, text in try CompPlan(yaml: text, file: "plan\(index).yaml") })
        let alignment = EffectiveDatedAlignment(
            accounts: accounts, reps: people, accountMoves: accountMoves, repMoves: repMoves)
        return CompRequest(
            plans: book, people: people, alignment: alignment, quotas: try QuotaBook(csv: quotas, file: "quotas.csv"),
            scores: scores, transactions: transactions, period: try CompPeriod(parsing: period), only: only)
    }

    func calculate(_ period: String) throws -> CompResult {
        try CompCalculator().calculate(request(period))
    }
}

func date(_ text: String) -> CalendarDate {
    (try? CalendarDate(iso8601: text)) ?? CalendarDate(daysSinceEpoch: 0)
}

func dollars(_ value: Int64) -> Money { Money(cents: value * 100) }

extension CompResult {
    func earning(_ person: RepID, _ component: String) -> Earning? {
        earnings.first { $0.person == person && $0.component == component }
    }
    func measurement(_ person: RepID, _ component: String) -> Measurement? {
        measurements.first { $0.person == person && $0.component == component }
    }
    func total(_ person: RepID) -> Money? { statements.first { $0.person == person }?.total }
    func credit(_ person: RepID, _ transaction: TransactionID, _ kind: CreditKind) -> Money? {
        credits.first { $0.person == person && $0.transactionID == transaction && $0.kind == kind }?.amount
    }
}

/// A one-version plan for Account Executives with the given component YAML (indented 6 spaces).
func aePlan(targetIncentive: String = "100000", extra: String = "", components: String) -> String {
    """
    plan: AE
    versions:
      - effective: 2026-01-01
        assign: {roles: [Account Executive]}
        target_incentive: \(targetIncentive)
    \(extra)    components:
    \(components)
    """
}
