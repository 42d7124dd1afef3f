import SalesData

/// One person's credit for one transaction, with the rule that produced it.
///
/// Invariant: `amount` is the transaction amount × `share`, rounded half to even to the cent; a refund
/// or cancellation (negative amount) gives a negative credit.
public struct Credit: Sendable, Hashable {
    public var transactionID: TransactionID
    public var date: CalendarDate
    public var person: RepID
    public var kind: CreditKind
    /// Fraction of the transaction credited (0.6 for a 60 % split).
    public var share: Rate
    public var amount: Money
    /// Why this person got this credit (kept compact: a credit run holds tens of millions of them).
    public var reason: CreditRule
    /// Why this person got this credit, for example `territory T012 holder on 2026-03-14`.
    public var rule: String { reason.text(date: date) }
    /// Index of the transaction in the request, for filters.
    public var transactionIndex: Int
}

/// The crediting rule that produced a ``Credit``.
public enum CreditRule: Sendable, Hashable {
    /// A revenue split of the transaction.
    case revenueSplit
    /// The holder of the account's territory on the transaction date.
    case territory(TerritoryID)
    /// The transaction's owner, when no territory holder was seated.
    case owner
    /// An overlay split (a named relationship such as the SE on a deal).
    case overlaySplit
    /// A manager above revenue-credited people, once per transaction.
    case rollup

    /// The rule in words.
    func text(date: CalendarDate) -> String {
        switch self {
        case .revenueSplit: "revenue split"
        case .territory(let territory): "territory \(territory) holder"
        case .owner: "owner (no seated territory holder)"
        case .overlaySplit: "overlay split"
        case .rollup: "roll-up: manager of revenue-credited people, once per transaction"
        }
    }
}
