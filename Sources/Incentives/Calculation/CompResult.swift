import SalesData

/// The outcome of one period: credits, measurements, earnings per component and one statement per person.
///
/// Invariant: each statement's lines add up to its total exactly, and the totals of the earnings of a
/// person equal their statement total.
public struct CompResult: Sendable, Hashable {
    public var period: CompPeriod
    /// Credits of the period's month, by person then transaction (columns; ``Credit`` values on access).
    public var credits: CreditTable
    public var measurements: [Measurement]
    public var earnings: [Earning]
    public var statements: [Statement]
    /// Transactions of the month nobody got revenue credit for (vacant territory, no owner).
    public var uncredited: [TransactionID]
}

/// A component's measure against its quota for a person, as of the period's end.
public struct Measurement: Sendable, Hashable {
    public var person: RepID
    public var plan: String
    public var component: String
    /// `2026-03`, `2026-Q1` or `2026`.
    public var window: String
    public var credit: Money
    /// The quota after proration, territory blending and ramp; `nil` for MBOs and SPIFFs.
    public var quota: Money?
    public var attainment: Rate?
    /// Days in seat ÷ days in the window.
    public var proration: Rate
}

/// What one component pays one person this period.
public struct Earning: Sendable, Hashable {
    public var person: RepID
    public var plan: String
    public var component: String
    public var amount: Money
    /// The window's payout to date (after caps) and what earlier months of the window paid.
    public var toDate: Money
    public var paidBefore: Money
    public var tier: String
    /// The rate of the tier reached, as written in the plan.
    public var rate: String
    /// Which cap bound, if any.
    public var cap: String
    public var proration: Rate
    /// The rules that fired, in order (for `comp explain`).
    public var trace: [String]
}

/// One person's statement: lines that add up to the total exactly.
public struct Statement: Sendable, Hashable {
    public var person: RepID
    public var name: String
    public var plan: String
    public var planVersion: CalendarDate
    public var lines: [StatementLine]
    public var total: Money
}

/// A statement line: a component's earnings, or its share attributed to one credited transaction.
public struct StatementLine: Sendable, Hashable {
    public var component: String
    public var transactionID: TransactionID?
    public var date: CalendarDate?
    public var credit: Money?
    public var rate: String
    public var tier: String
    public var cap: String
    public var proration: Rate
    public var amount: Money
}
