import SalesData

/// Everything one period's calculation reads: the calculation is a pure function of this value, so a
/// ledger can store it and re-run it, and a simulation can call it with drawn transactions.
///
/// ```swift
/// let request = CompRequest(plans: book, people: reps, alignment: alignment, quotas: quotas,
///                           transactions: lines, period: try CompPeriod(parsing: "2026-03"))
/// let result = try CompCalculator().calculate(request)
/// ```
public struct CompRequest: Sendable {
    public var plans: PlanBook
    /// Everyone who may hold a plan, as in reps.csv (file order: a person's line is its index + 2).
    public var people: [Rep]
    public var alignment: any AlignmentHistory
    public var quotas: QuotaBook
    public var scores: ScoreBook
    /// Transactions with their splits; only those dated in the plan year up to the period's end count.
    public var transactions: [Transaction]
    public var period: CompPeriod
    /// Only these people are calculated (all when `nil`); `explain` and `estimate` use one.
    public var only: Set<RepID>?
    /// Hierarchy nodes a manager owns (territories.csv `owner_id`), whose quotas are theirs.
    public var ownedNodes: [RepID: [TerritoryID]]

    public init(
        plans: PlanBook, people: [Rep], alignment: any AlignmentHistory, quotas: QuotaBook,
        scores: ScoreBook = ScoreBook(),
        transactions: [Transaction], period: CompPeriod, only: Set<RepID>? = nil,
        ownedNodes: [RepID: [TerritoryID]] = [:]
    ) {
        self.ownedNodes = ownedNodes
        self.plans = plans
        self.people = people
        self.alignment = alignment
        self.quotas = quotas
        self.scores = scores
        self.transactions = transactions
        self.period = period
        self.only = only
    }
}

/// A prospective deal for ``CompCalculator/estimate(_:person:deal:)``.
public struct ProspectiveDeal: Sendable, Hashable {
    public var amount: Money
    public var date: CalendarDate
    public var product: ProductID?
    public var orderType: String?

    public init(amount: Money, date: CalendarDate, product: ProductID? = nil, orderType: String? = nil) {
        self.amount = amount
        self.date = date
        self.product = product
        self.orderType = orderType
    }

    /// Parses `amount=120000,product=P-CORE,date=2026-12-15[,order_type=new]`.
    ///
    /// - Throws: ``IncentivesError/invalidNumber(_:expected:)`` naming the bad part.
    public init(parsing text: String) throws(IncentivesError) {
        var amount: Money?
        var date: CalendarDate?
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw .invalidNumber(String(part), expected: "key=value") }
            switch pair[0] {
            case "amount": amount = try Money(parsing: pair[1])
            case "date":
                guard let d = try? CalendarDate(iso8601: pair[1]) else {
                    throw .invalidNumber(pair[1], expected: "a date YYYY-MM-DD")
                }
                date = d
            case "product": product = ProductID(pair[1])
            case "order_type": orderType = pair[1]
            default: throw .invalidNumber(pair[0], expected: "one of amount, date, product, order_type")
            }
        }
        guard let amount, let date else {
            throw .invalidNumber(text, expected: "amount=…,date=YYYY-MM-DD[,product=…][,order_type=…]")
        }
        self.amount = amount
        self.date = date
    }
}
