import SalesData

/// The credits of a calculation as columns: one row per person, transaction and credit kind.
///
/// A collection of ``Credit`` values made on access. A month of ten million transactions gives tens of
/// millions of credits; as columns (integer person, transaction and rule indices, amounts in cents) a
/// credit costs 25 bytes instead of a struct holding strings.
///
/// ```swift
/// let result = try CompCalculator().calculate(request)
/// result.credits.count                        // credits of the period's month
/// result.credits.first?.rule                  // "territory T012 holder"
/// ```
///
/// Invariant: the visible rows (`0..<count`) are the credits dated in the period's month, ordered by
/// person id, then by transaction, then in the order the crediting rules produce them (revenue,
/// overlay, roll-up). Rows past `count` hold the earlier months of the plan year (by person too); only
/// the calculation reads them.
public struct CreditTable: RandomAccessCollection, Sendable {
    /// The request's transactions, which `transaction` indexes.
    let transactions: [Transaction]
    /// Person index → id.
    let people: [RepID]
    /// Rule index → rule.
    let rules: [CreditRule]
    /// Transaction index of each row.
    let transaction: [Int32]
    /// Person index of each row.
    let person: [Int32]
    let kind: [CreditKind]
    /// Share of the transaction, in millionths.
    let share: [Int32]
    /// Credited amount in cents.
    let amount: [Int64]
    /// Rule index of each row.
    let rule: [Int32]
    /// Rows `0..<visible` are the period's month.
    let visible: Int

    /// No credits.
    public init() {
        self.init(
            transactions: [], people: [], rules: [], transaction: [], person: [], kind: [], share: [], amount: [],
            rule: [], visible: 0)
    }

    init(
        transactions: [Transaction], people: [RepID], rules: [CreditRule], transaction: [Int32], person: [Int32],
        kind: [CreditKind], share: [Int32], amount: [Int64], rule: [Int32], visible: Int
    ) {
        self.transactions = transactions
        self.people = people
        self.rules = rules
        self.transaction = transaction
        self.person = person
        self.kind = kind
        self.share = share
        self.amount = amount
        self.rule = rule
        self.visible = visible
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { visible }

    public subscript(position: Int) -> Credit { row(position) }

    /// Any row, including the earlier months' rows past `endIndex`.
    func row(_ position: Int) -> Credit {
        let t = Int(transaction[position])
        let transaction = transactions[t]
        return Credit(
            transactionID: transaction.id, date: transaction.date, person: people[Int(person[position])],
            kind: kind[position], share: Rate(micros: Int64(share[position])),
            amount: Money(cents: amount[position]), reason: rules[Int(rule[position])], transactionIndex: t)
    }
}

extension CreditTable: Hashable {
    /// Tables are equal when they hold the same credits in the same order.
    public static func == (lhs: CreditTable, rhs: CreditTable) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for credit in self { hasher.combine(credit) }
    }
}
