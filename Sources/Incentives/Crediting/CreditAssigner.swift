import SalesData

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
///
/// People are integer indices (``people``, then people met only in splits or the alignment, per
/// chunk); each person's managers are resolved once, not per transaction. A transaction's rows are
/// produced overlay first, then revenue, then roll-up, which is the order of ``CreditKind``.
struct CreditAssigner: Sendable {
    let alignment: any AlignmentHistory
    /// Person index → id: the request's people, then managers named only as `manager_id`.
    let people: [RepID]
    let index: [RepID: Int32]
    /// Person index → its managers, nearest first (a cycle stops at the first repeat).
    let chains: [[Int32]]

    /// The first rule codes; a territory rule is `territoryRule + its index in the chunk's table`.
    static let revenueSplitRule: Int32 = 0
    static let ownerRule: Int32 = 1
    static let overlaySplitRule: Int32 = 2
    static let rollupRule: Int32 = 3
    static let territoryRule: Int32 = 4

    init(alignment: any AlignmentHistory, people reps: [Rep]) {
        self.alignment = alignment
        var people: [RepID] = []
        var index: [RepID: Int32] = [:]
        func intern(_ id: RepID) -> Int32 {
            if let known = index[id] { return known }
            index[id] = Int32(people.count)
            people.append(id)
            return Int32(people.count - 1)
        }
        for rep in reps { _ = intern(rep.id) }
        var managers: [RepID: RepID] = [:]
        for rep in reps {
            if let manager = rep.managerID {
                managers[rep.id] = manager
                _ = intern(manager)
            }
        }
        var chains: [[Int32]] = []
        chains.reserveCapacity(people.count)
        for id in people {
            var chain: [RepID] = [id]
            var current = id
            while let manager = managers[current], !chain.contains(manager) {
                chain.append(manager)
                current = manager
            }
            chains.append(chain.dropFirst().map { index[$0] ?? -1 })
        }
        self.people = people
        self.index = index
        self.chains = chains
    }

    /// The credits of transactions `range` of `transactions` dated in `first...last` (day numbers since
    /// 1970-01-01); stops at the first amount that is not a finite number of cents below 10^13.
    func credit(
        _ transactions: [Transaction], range: Range<Int>, first: Int, monthFirst: Int, last: Int
    ) -> CreditChunk {
        var chunk = CreditChunk(range: range)
        chunk.days.reserveCapacity(range.count)
        chunk.columns.reserve(range.count)
        var revenue: [(person: Int32, share: Int64, rule: Int32)] = []
        var rollup: [(manager: Int32, share: Int64)] = []
        for t in range {
            let transaction = transactions[t]
            let day = transaction.date.daysSinceEpoch
            chunk.days.append(Int32(clamping: day))
            guard day >= first, day <= last else { continue }
            guard let money = Money(exactly: transaction.amount), abs(money.cents) <= 1_000_000_000_000_000 else {
                chunk.failure = .amount(t)
                return chunk
            }
            let cents = money.cents
            revenue.removeAll(keepingCapacity: true)
            for split in transaction.splits where split.kind == .revenue {
                guard let share = Self.share(split.percentage) else {
                    chunk.failure = .share(t, split.percentage)
                    return chunk
                }
                revenue.append((chunk.person(split.repID, index), share, Self.revenueSplitRule))
            }
            if revenue.isEmpty {
                if let territory = alignment.territory(of: transaction.accountID, on: transaction.date),
                    let holder = alignment.holder(of: territory, on: transaction.date)
                {
                    revenue.append((chunk.person(holder, index), Rate.unit, chunk.territoryRule(territory)))
                } else if let owner = transaction.ownerID {
                    revenue.append((chunk.person(owner, index), Rate.unit, Self.ownerRule))
                }
            }
            let row = Int32(t)
            for split in transaction.splits where split.kind == .overlay {
                guard let share = Self.share(split.percentage) else {
                    chunk.failure = .share(t, split.percentage)
                    return chunk
                }
                chunk.columns.append(
                    row, chunk.person(split.repID, index), .overlay, share, cents, Self.overlaySplitRule)
            }
            // Managers in first-reached order with their summed shares (a chain is a few levels).
            rollup.removeAll(keepingCapacity: true)
            for (person, share, rule) in revenue {
                chunk.columns.append(row, person, .revenue, share, cents, rule)
                guard person >= 0 else { continue }
                for manager in chains[Int(person)] {
                    if let found = rollup.firstIndex(where: { $0.manager == manager }) {
                        rollup[found].share += share
                    } else {
                        rollup.append((manager, share))
                    }
                }
            }
            for (manager, total) in rollup {
                chunk.columns.append(row, manager, .rollup, min(total, Rate.unit), cents, Self.rollupRule)
            }
            if revenue.isEmpty && day >= monthFirst { chunk.uncredited.append(t) }
        }
        return chunk
    }

    /// A split percentage (60 for 60 %) as millionths, read through its shortest decimal text; `nil` when
    /// it is not finite or beyond ±200,000 % (the column holds 32 bits).
    static func share(_ percentage: Double) -> Int64? {
        guard percentage.isFinite, abs(percentage) < 200_000 else { return nil }
        if let decimal = DecimalText(percentage.description), let micros = decimal.scaled(to: 4) {
            return micros
        }
        return Int64((percentage * 10_000).rounded())
    }

    /// `cents × micros / 10⁶`, rounded half to even (exact: no floating point).
    static func apply(share micros: Int64, to cents: Int64) -> Int64 {
        if micros == Rate.unit { return cents }
        let product = Int128(cents) * Int128(micros)
        let unit = Int128(Rate.unit)
        var quotient = product / unit  // truncates toward zero
        let twice = (product - quotient * unit).magnitude * 2
        if twice > unit.magnitude || (twice == unit.magnitude && quotient % 2 != 0) {
            quotient += product < 0 ? -1 : 1
        }
        return Int64(quotient)
    }
}

/// The credits of one contiguous range of transactions, in transaction order.
struct CreditChunk: Sendable {
    /// Why crediting stopped.
    enum Failure: Sendable {
        /// The amount of this transaction is not a finite number of cents below 10^13.
        case amount(Int)
        /// A split percentage of this transaction is not finite or beyond ±200,000 %.
        case share(Int, Double)
    }

    let range: Range<Int>
    var columns = CreditColumns()
    /// Day number of each transaction of `range`.
    var days: [Int32] = []
    /// People met here that the assigner does not know; a row's person `-(k + 1)` is `extras[k]`.
    var extras: [RepID] = []
    private var extraIndex: [RepID: Int32] = [:]
    /// Territories of the rows' territory rules, in first-met order.
    var territories: [TerritoryID] = []
    private var territoryIndex: [TerritoryID: Int32] = [:]
    /// Transactions of the month nobody got revenue credit for.
    var uncredited: [Int] = []
    var failure: Failure?

    init(range: Range<Int>) { self.range = range }

    mutating func person(_ id: RepID, _ index: [RepID: Int32]) -> Int32 {
        if let known = index[id] { return known }
        if let extra = extraIndex[id] { return extra }
        extras.append(id)
        extraIndex[id] = -Int32(extras.count)
        return -Int32(extras.count)
    }

    mutating func territoryRule(_ territory: TerritoryID) -> Int32 {
        if let known = territoryIndex[territory] { return CreditAssigner.territoryRule + known }
        territoryIndex[territory] = Int32(territories.count)
        territories.append(territory)
        return CreditAssigner.territoryRule + Int32(territories.count - 1)
    }
}

/// Credit rows as columns, in the order they were produced.
struct CreditColumns: Sendable {
    var transaction: [Int32] = []
    var person: [Int32] = []
    var kind: [CreditKind] = []
    var share: [Int32] = []
    var amount: [Int64] = []
    var rule: [Int32] = []

    var count: Int { transaction.count }

    mutating func reserve(_ capacity: Int) {
        transaction.reserveCapacity(capacity)
        person.reserveCapacity(capacity)
        kind.reserveCapacity(capacity)
        share.reserveCapacity(capacity)
        amount.reserveCapacity(capacity)
        rule.reserveCapacity(capacity)
    }

    /// Appends one credit: `share` of `cents` (rounded half to even) to `person`.
    mutating func append(
        _ transaction: Int32, _ person: Int32, _ kind: CreditKind, _ share: Int64, _ cents: Int64, _ rule: Int32
    ) {
        self.transaction.append(transaction)
        self.person.append(person)
        self.kind.append(kind)
        self.share.append(Int32(share))
        self.amount.append(CreditAssigner.apply(share: share, to: cents))
        self.rule.append(rule)
    }
}
