/// The terms of a draw: an amount guaranteed each period against earnings.
///
/// ```swift
/// let terms = DrawTerms(amount: Money(cents: 100_000), kind: .recoverable, recoveryStartsAt: 3)
/// let periods = try DrawSchedule(terms: terms).run(earnings: [50_000, 70_000, 40_000, 180_000].map(Money.init(cents:)))
/// periods.map(\.paid)      // 1,000 each; balance 500, 800, 1,400, 600
/// ```
///
/// Recovery rule (the one that yields the figures): from `recoveryStartsAt` on, a recoverable
/// balance is recovered only out of earnings **above** the draw, at most `maxRecoveryPerPeriod`, so the
/// draw amount itself is always paid. Before that period nothing is recovered. See
/// `docs/commission-accounting.md`, "Draws".
public struct DrawTerms: Sendable, Hashable, Codable {
    /// Whether a draw paid above earnings is owed back.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An advance against future earnings: builds a balance recovered later.
        case recoverable
        /// A guarantee: the top-up above earnings is never owed.
        case nonRecoverable = "non_recoverable"
    }

    /// What happens to a recoverable balance left when the person leaves.
    public enum AtTermination: String, Sendable, Hashable, Codable, CaseIterable {
        /// The balance is written off (a forgiveness line; nothing owed).
        case forgive
        /// The balance is owed by the person (collected outside payroll).
        case repay
    }

    /// Guaranteed pay per period (≥ 0).
    public var amount: Money
    public var kind: Kind
    /// Index (0-based) of the first period in which a balance is recovered.
    public var recoveryStartsAt: Int
    /// The most recovered in one period; `nil` for no limit.
    public var maxRecoveryPerPeriod: Money?
    public var atTermination: AtTermination

    public init(
        amount: Money, kind: Kind, recoveryStartsAt: Int = 0, maxRecoveryPerPeriod: Money? = nil,
        atTermination: AtTermination = .forgive
    ) {
        self.amount = amount
        self.kind = kind
        self.recoveryStartsAt = recoveryStartsAt
        self.maxRecoveryPerPeriod = maxRecoveryPerPeriod
        self.atTermination = atTermination
    }
}

/// One period of a draw: what was earned, advanced, recovered and paid, and the balance after.
///
/// Invariant: `paid == earned + advance - recovered`, and for a recoverable draw
/// `balance == previous balance + advance - recovered`; a non-recoverable draw keeps `balance == 0`.
public struct DrawPeriod: Sendable, Hashable, Codable {
    public var earned: Money
    /// Paid above earnings: an advance (recoverable) or a top-up never owed (non-recoverable).
    public var advance: Money
    /// Taken back from earnings against the balance (≥ 0).
    public var recovered: Money
    public var paid: Money
    /// Recoverable balance still owed after this period.
    public var balance: Money
}

/// The outcome of a termination for a draw balance.
public struct DrawSettlement: Sendable, Hashable, Codable {
    /// Written off (a `drawForgiveness` line); zero under `repay`.
    public var forgiven: Money
    /// Owed back by the person; zero under `forgive`.
    public var owed: Money
}

/// Applies ``DrawTerms`` to a run of period earnings.
public struct DrawSchedule: Sendable, Hashable {
    public var terms: DrawTerms

    /// Checks the terms.
    ///
    /// - Throws: ``LedgerError`` for a negative amount or maximum, or a negative start period.
    public init(terms: DrawTerms) throws(LedgerError) {
        guard terms.amount >= .zero else {
            throw LedgerError(field: "draw.amount", value: terms.amount.description, expected: "an amount ≥ 0")
        }
        guard terms.recoveryStartsAt >= 0 else {
            throw LedgerError(
                field: "draw.recoveryStartsAt", value: String(terms.recoveryStartsAt), expected: "a period index ≥ 0")
        }
        if let limit = terms.maxRecoveryPerPeriod, limit < .zero {
            throw LedgerError(field: "draw.maxRecoveryPerPeriod", value: limit.description, expected: "an amount ≥ 0")
        }
        self.terms = terms
    }

    /// One period: `index` counts from the first period of the draw; `balance` is owed before it.
    public func period(index: Int, earned: Money, balance: Money) -> DrawPeriod {
        let advance = max(.zero, terms.amount - earned)
        var recovered = Money.zero
        if terms.kind == .recoverable, index >= terms.recoveryStartsAt {
            recovered = min(balance, max(.zero, earned - terms.amount))
            if let limit = terms.maxRecoveryPerPeriod { recovered = min(recovered, limit) }
        }
        let newBalance = terms.kind == .recoverable ? balance + advance - recovered : .zero
        return DrawPeriod(
            earned: earned, advance: advance, recovered: recovered, paid: earned + advance - recovered,
            balance: newBalance)
    }

    /// Every period in order, starting from `openingBalance`.
    ///
    /// - Complexity: O(n) in the number of periods.
    public func run(earnings: [Money], openingBalance: Money = .zero) -> [DrawPeriod] {
        var balance = openingBalance
        return earnings.enumerated().map { index, earned in
            let result = period(index: index, earned: earned, balance: balance)
            balance = result.balance
            return result
        }
    }

    /// Settles a balance when the person leaves: forgiven or owed, per ``DrawTerms/atTermination``.
    public func terminate(balance: Money) -> DrawSettlement {
        switch terms.atTermination {
        case .forgive: return DrawSettlement(forgiven: balance, owed: .zero)
        case .repay: return DrawSettlement(forgiven: .zero, owed: balance)
        }
    }
}
