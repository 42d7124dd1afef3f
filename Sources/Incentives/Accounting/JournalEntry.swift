/// One monthly journal entry for commission costs: debit one account, credit another, same amount.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// What the entry records.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Dr deferred commissions (asset), Cr commissions payable.
        case capitalize
        /// Dr commission expense, Cr commissions payable: a cost not capitalized.
        case expense
        /// Dr commission expense (amortization), Cr deferred commissions.
        case amortize
        /// Dr impairment of deferred commissions, Cr deferred commissions: the balance left at churn.
        case impair
        /// Dr commissions payable, Cr commission expense: a clawback or downward adjustment (a negative cost).
        case reverse
    }

    /// General-ledger accounts used by the entries.
    public enum Account: String, Sendable, Hashable, Codable {
        case deferredCommissions = "Deferred commissions (asset)"
        case commissionsPayable = "Commissions payable"
        case commissionExpense = "Commission expense"
        case amortizationExpense = "Commission expense - amortization"
        case impairmentExpense = "Impairment of deferred commissions"
    }

    public var month: CompPeriod
    public var kind: Kind
    /// The ``CommissionCost/id`` the entry belongs to.
    public var cost: String
    public var reason: CostTreatment.ReasonCode
    public var debit: Account
    public var credit: Account
    /// Always > 0.
    public var amount: Money
}

/// One month of the deferred-commissions roll-forward.
///
/// Invariant: `opening + additions − amortization − impairment == closing`, `closing == current + nonCurrent`,
/// and each month's `opening` is the previous month's `closing`.
public struct RollForwardMonth: Sendable, Hashable, Codable {
    public var month: CompPeriod
    public var opening: Money
    public var additions: Money
    public var amortization: Money
    public var impairment: Money
    public var closing: Money
    /// The part of `closing` to be amortized within the next 12 months.
    public var current: Money
    public var nonCurrent: Money
    /// Costs expensed when incurred this month, net of reversals (not part of the asset).
    public var expensedAsIncurred: Money
}
