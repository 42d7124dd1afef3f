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

/// Turns transactions into credits: revenue splits or territory crediting, overlays, manager roll-ups.
///
/// Rules, in order, for each transaction:
/// 1. **Revenue.** Its revenue splits when it has any (they total 100 %, checked when loaded); otherwise
///    100 % to the holder of the account's territory on the transaction date (the effective-dated
///    alignment); otherwise 100 % to the transaction's owner; otherwise it stays uncredited.
/// 2. **Overlay.** Each overlay split (a named relationship such as the SE on a deal), any total.
/// 3. **Roll-up.** Every manager above a revenue-credited person, once per transaction, with the sum of
///    the revenue shares of their people, at most 100 %: a manager whose two reps split a deal is
///    credited the deal once.
struct CreditAssigner {
    let alignment: any AlignmentHistory
    /// Person → manager.
    let managers: [RepID: RepID]

    init(alignment: any AlignmentHistory, people: [Rep]) {
        self.alignment = alignment
        var managers: [RepID: RepID] = [:]
        for rep in people { if let manager = rep.managerID { managers[rep.id] = manager } }
        self.managers = managers
    }

    /// The credits of `transaction` (at `index` in the request), appended to `credits`; returns false when
    /// nobody gets revenue credit.
    func credit(_ transaction: Transaction, cents: Int64, index: Int, into credits: inout [Credit]) -> Bool {
        var revenue: [(RepID, Rate, CreditRule)] = []
        for split in transaction.splits where split.kind == .revenue {
            let share = Self.share(split.percentage)
            revenue.append((split.repID, share, .revenueSplit))
        }
        if revenue.isEmpty {
            if let territory = alignment.territory(of: transaction.accountID, on: transaction.date),
                let holder = alignment.holder(of: territory, on: transaction.date)
            {
                revenue.append((holder, .one, .territory(territory)))
            } else if let owner = transaction.ownerID {
                revenue.append((owner, .one, .owner))
            }
        }
        func add(_ person: RepID, _ kind: CreditKind, _ share: ExactAmount, _ rule: CreditRule) {
            // share × cents, rounded half to even; a whole share (the usual case) needs no arithmetic.
            let amount = share == .one ? Money(cents: cents) : (ExactAmount(cents: cents) * share).rounded()
            credits.append(
                Credit(
                    transactionID: transaction.id, date: transaction.date, person: person, kind: kind,
                    share: share.rate,
                    amount: amount, reason: rule, transactionIndex: index))
        }
        // Managers in first-reached order with their summed shares (a short list: a chain is a few levels).
        var rollup: [(manager: RepID, share: ExactAmount)] = []
        for (person, share, rule) in revenue {
            add(person, .revenue, share.exact, rule)
            var chain: [RepID] = [person]
            var current = person
            while let manager = managers[current], !chain.contains(manager) {
                chain.append(manager)
                if let index = rollup.firstIndex(where: { $0.manager == manager }) {
                    rollup[index].share = rollup[index].share + share.exact
                } else {
                    rollup.append((manager, share.exact))
                }
                current = manager
            }
        }
        for split in transaction.splits where split.kind == .overlay {
            let share = Self.share(split.percentage)
            add(split.repID, .overlay, share.exact, .overlaySplit)
        }
        for (manager, total) in rollup {
            add(manager, .rollup, min(total, .one), .rollup)
        }
        return !revenue.isEmpty
    }

    /// A split percentage (60 for 60 %) as a fraction, read through its shortest decimal text.
    static func share(_ percentage: Double) -> Rate {
        guard let decimal = DecimalText(percentage.description), let micros = decimal.scaled(to: 4) else {
            return Rate(micros: Int64((percentage * 10_000).rounded()))
        }
        return Rate(micros: micros)
    }
}
