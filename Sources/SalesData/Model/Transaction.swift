/// A share of a deal's credit assigned to one rep (Salesforce `OpportunitySplit`).
///
/// Revenue splits of one deal must sum to 100 %; overlay splits (specialists credited on top) need not.
public struct CreditSplit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Shares the deal's revenue; the revenue splits of a deal sum to 100.
        case revenue
        /// Extra credit on top of the revenue (e.g. a specialist); any total.
        case overlay
    }

    public var repID: RepID
    /// Share in percent, `0...100` for revenue splits.
    public var percentage: Double
    public var kind: Kind

    public init(repID: RepID, percentage: Double, kind: Kind = .revenue) {
        self.repID = repID
        self.percentage = percentage
        self.kind = kind
    }
}

/// A booking, order, refund or cancellation line from the ledger.
///
/// ```swift
/// let booking = Transaction(id: "X-1", kind: .booking, date: CalendarDate(year: 2025, month: 2, day: 3)!,
///                           accountID: "A-1", amount: 12_000,
///                           splits: [CreditSplit(repID: "R-001", percentage: 60), CreditSplit(repID: "R-002", percentage: 40)])
/// booking.credit(to: "R-002")   // 4800
/// ```
public struct Transaction: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A won deal booked; amount ≥ 0.
        case booking
        /// A run-rate order outside the deal process; amount ≥ 0.
        case order
        /// Money returned on an earlier line (``Transaction/originalID``); amount ≤ 0.
        case refund
        /// An earlier booking voided (``Transaction/originalID`` is required); amount ≤ 0, in the demo
        /// the negated booking amount.
        case cancellation

        /// Whether the line takes back (part of) an earlier line: a refund or a cancellation.
        public var isReversal: Bool { self == .refund || self == .cancellation }
    }

    public var id: TransactionID
    public var kind: Kind
    public var date: CalendarDate
    public var accountID: AccountID
    /// The opportunity this line closes, if any.
    public var opportunityID: OpportunityID?
    public var product: ProductID?
    /// Signed amount in ``currency``: refunds and cancellations are zero or negative, bookings and
    /// orders zero or positive.
    public var amount: Double
    /// ISO 4217 code, for example `USD`.
    public var currency: String
    /// Order type such as `new`, `renewal`, `upsell`.
    public var orderType: String?
    /// The rep credited when there are no ``splits``.
    public var ownerID: RepID?
    /// Credit assignments; empty means 100 % to ``ownerID``.
    public var splits: [CreditSplit]
    /// For a refund or cancellation, the booking or order it takes back (same account, not later).
    public var originalID: TransactionID?

    public init(
        id: TransactionID, kind: Kind, date: CalendarDate, accountID: AccountID, opportunityID: OpportunityID? = nil,
        product: ProductID? = nil, amount: Double, currency: String = "USD", orderType: String? = nil,
        ownerID: RepID? = nil, splits: [CreditSplit] = [], originalID: TransactionID? = nil
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.accountID = accountID
        self.opportunityID = opportunityID
        self.product = product
        self.amount = amount
        self.currency = currency
        self.orderType = orderType
        self.ownerID = ownerID
        self.splits = splits
        self.originalID = originalID
    }

    /// The revenue splits, or 100 % to ``ownerID`` when there are none.
    public var effectiveRevenueSplits: [CreditSplit] {
        let revenue = splits.filter { $0.kind == .revenue }
        if !revenue.isEmpty { return revenue }
        return ownerID.map { [CreditSplit(repID: $0, percentage: 100)] } ?? []
    }

    /// The amount credited to `rep` by revenue and overlay splits.
    public func credit(to rep: RepID) -> Double {
        let shares = effectiveRevenueSplits + splits.filter { $0.kind == .overlay }
        return shares.filter { $0.repID == rep }.reduce(0) { $0 + amount * $1.percentage / 100 }
    }
}
