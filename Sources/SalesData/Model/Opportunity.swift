/// A potential deal with an account (Salesforce `Opportunity`).
///
/// ```swift
/// let deal = Opportunity(id: "O-1", accountID: "A-1", ownerID: "R-001", amount: 48_000, stage: "Negotiation",
///                        probability: 0.6, createdDate: CalendarDate(year: 2025, month: 1, day: 8)!,
///                        closeDate: CalendarDate(year: 2025, month: 3, day: 31)!)
/// deal.expectedAmount   // 28800
/// ```
public struct Opportunity: Sendable, Hashable, Codable, Identifiable {
    public var id: OpportunityID
    public var accountID: AccountID
    public var ownerID: RepID?
    /// Deal value in ``currency``; never negative.
    public var amount: Double
    public var currency: String
    /// Sales stage, for example `Prospecting`, `Closed Won`.
    public var stage: String
    /// Win probability as a fraction in `0...1` (the CSV column holds percent, as Salesforce does).
    public var probability: Double
    public var createdDate: CalendarDate
    public var closeDate: CalendarDate
    public var isClosed: Bool
    public var isWon: Bool
    public var product: ProductID?
    /// How the deal's credit is shared; empty means all to ``ownerID``.
    public var splits: [CreditSplit]

    public init(
        id: OpportunityID, accountID: AccountID, ownerID: RepID? = nil, amount: Double, currency: String = "USD",
        stage: String, probability: Double, createdDate: CalendarDate, closeDate: CalendarDate,
        isClosed: Bool = false, isWon: Bool = false, product: ProductID? = nil, splits: [CreditSplit] = []
    ) {
        self.id = id
        self.accountID = accountID
        self.ownerID = ownerID
        self.amount = amount
        self.currency = currency
        self.stage = stage
        self.probability = probability
        self.createdDate = createdDate
        self.closeDate = closeDate
        self.isClosed = isClosed
        self.isWon = isWon
        self.product = product
        self.splits = splits
    }

    /// `amount × probability`.
    public var expectedAmount: Double { amount * probability }
}
