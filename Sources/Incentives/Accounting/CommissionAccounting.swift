/// ASC 340-40 / IFRS 15 accounting for commission costs: classify, capitalize, amortize, impair, and
/// produce monthly journal entries and a roll-forward that ties.
///
/// ```swift
/// let books = try CommissionAccounting(costs: costs)
/// let report = books.report(from: jan2026, through: nov2026)
/// report.rollForward.last?.closing      // deferred commissions at the end of November
/// ```
///
/// Policies (see `docs/commission-accounting.md`): full-month convention (amortization starts in the
/// month incurred); month `k` of `n` amortizes `round(A·k/n) − round(A·(k−1)/n)` cents, half to even,
/// so the months sum to `A` exactly; in the churn month nothing is amortized and the whole carrying
/// amount is impaired.
public struct CommissionAccounting: Sendable, Hashable {
    public private(set) var costs: [CommissionCost]

    /// Checks every cost.
    ///
    /// A negative amount (a clawback or downward adjustment netted per month) reverses expense when
    /// incurred (`EXP-REVERSAL`); it never reduces the asset.
    ///
    /// - Throws: ``LedgerError`` naming the cost and field for a contract shorter than a month, a benefit period shorter than the contract, a churn before the cost, or a duplicate id.
    public init(costs: [CommissionCost]) throws(LedgerError) {
        var seen: Set<String> = []
        for cost in costs {
            let field = "cost[\(cost.id)]"
            guard seen.insert(cost.id).inserted else {
                throw LedgerError(field: field + ".id", value: cost.id, expected: "a unique id")
            }
            guard cost.contractMonths >= 1 else {
                throw LedgerError(
                    field: field + ".contractMonths", value: String(cost.contractMonths), expected: "at least 1")
            }
            guard cost.expectedBenefitMonths >= cost.contractMonths else {
                throw LedgerError(
                    field: field + ".expectedBenefitMonths", value: String(cost.expectedBenefitMonths),
                    expected: "at least the contract term (\(cost.contractMonths) months)")
            }
            if let churned = cost.churned, churned < cost.incurred {
                throw LedgerError(
                    field: field + ".churned", value: churned.description, expected: "\(cost.incurred) or later")
            }
        }
        self.costs = costs
    }

    /// How `cost` is accounted for.
    ///
    /// Not incremental → expensed. Otherwise the amortization period is the contract term when renewals
    /// earn a commensurate commission, else the expected benefit period including anticipated renewals;
    /// twelve months or less → expensed under the practical expedient; else capitalized.
    public static func treatment(of cost: CommissionCost) -> CostTreatment {
        guard cost.amount >= .zero else { return .expensed(.reversal) }
        guard cost.category.isIncremental else { return .expensed(.notIncremental) }
        let months = cost.renewalCommensurate ? cost.contractMonths : cost.expectedBenefitMonths
        guard months > 12 else { return .expensed(.practicalExpedient) }
        switch cost.category {
        case .upsell: return .capitalized(.incrementalUpsell, months: months)
        case .renewal: return .capitalized(.incrementalRenewal, months: months)
        default: return .capitalized(.incrementalNew, months: months)
        }
    }

    /// Straight-line amortization of `amount` over `months` (≥ 1): month `k` gets
    /// `round(A·k/n) − round(A·(k−1)/n)`, so the schedule sums to `amount` exactly.
    public static func straightLine(_ amount: Money, months: Int) -> [Money] {
        let total = ExactAmount(amount)
        let n = ExactAmount(numerator: Int128(max(months, 1)), denominator: 1)
        var previous = Money.zero
        return (1...max(months, 1)).map { k in
            let cumulative = (total * ExactAmount(numerator: Int128(k), denominator: 1) / n).rounded()
            defer { previous = cumulative }
            return cumulative - previous
        }
    }

    /// Journal entries and the roll-forward for every month from `first` through `last` (inclusive).
    ///
    /// The opening balance of `first` includes every cost capitalized before it, net of its amortization and
    /// impairment, so a report can start at any month and still tie.
    ///
    /// - Complexity: O(costs × months).
    public func report(from first: CompPeriod, through last: CompPeriod) -> CommissionAccountingReport {
        let months = first.months(until: last) + 1
        guard months >= 1 else { return CommissionAccountingReport(entries: [], rollForward: []) }
        var journal: [JournalEntry] = []
        var rows: [RollForwardMonth] = []
        var opening = costs.reduce(Money.zero) { $0 + carrying(of: $1, atEndOf: first.adding(months: -1)) }
        for offset in 0..<months {
            guard let month = first.adding(months: offset) else { break }
            var row = RollForwardMonth(
                month: month, opening: opening, additions: .zero, amortization: .zero, impairment: .zero,
                closing: .zero, current: .zero, nonCurrent: .zero, expensedAsIncurred: .zero)
            for cost in costs {
                for entry in entries(for: cost, in: month) {
                    journal.append(entry)
                    switch entry.kind {
                    case .capitalize: row.additions += entry.amount
                    case .expense: row.expensedAsIncurred += entry.amount
                    case .reverse: row.expensedAsIncurred += -entry.amount
                    case .amortize: row.amortization += entry.amount
                    case .impair: row.impairment += entry.amount
                    }
                }
                row.current += scheduled(for: cost, after: month, within: 12)
            }
            row.closing = row.opening + row.additions - row.amortization - row.impairment
            row.nonCurrent = row.closing - row.current
            rows.append(row)
            opening = row.closing
        }
        return CommissionAccountingReport(entries: journal, rollForward: rows)
    }

    /// The entries `cost` produces in `month`.
    func entries(for cost: CommissionCost, in month: CompPeriod) -> [JournalEntry] {
        switch Self.treatment(of: cost) {
        case .expensed(.reversal):
            guard month == cost.incurred else { return [] }
            return [
                JournalEntry(
                    month: month, kind: .reverse, cost: cost.id, reason: .reversal, debit: .commissionsPayable,
                    credit: .commissionExpense, amount: -cost.amount)
            ]
        case .expensed(let reason):
            guard month == cost.incurred, cost.amount > .zero else { return [] }
            return [
                JournalEntry(
                    month: month, kind: .expense, cost: cost.id, reason: reason, debit: .commissionExpense,
                    credit: .commissionsPayable, amount: cost.amount)
            ]
        case .capitalized(let reason, let months):
            var result: [JournalEntry] = []
            let index = cost.incurred.months(until: month)
            guard index >= 0 else { return [] }
            if index == 0, cost.amount > .zero {
                result.append(
                    JournalEntry(
                        month: month, kind: .capitalize, cost: cost.id, reason: reason, debit: .deferredCommissions,
                        credit: .commissionsPayable, amount: cost.amount))
            }
            if let churned = cost.churned, !(month < churned) {
                guard month == churned else { return result }
                let remaining =
                    carrying(of: cost, atEndOf: month.adding(months: -1), includingChurn: false)
                    + (index == 0 ? cost.amount : .zero)
                if remaining > .zero {
                    result.append(
                        JournalEntry(
                            month: month, kind: .impair, cost: cost.id, reason: reason, debit: .impairmentExpense,
                            credit: .deferredCommissions, amount: remaining))
                }
                return result
            }
            let schedule = Self.straightLine(cost.amount, months: months)
            if index < schedule.count, schedule[index] > .zero {
                result.append(
                    JournalEntry(
                        month: month, kind: .amortize, cost: cost.id, reason: reason, debit: .amortizationExpense,
                        credit: .deferredCommissions, amount: schedule[index]))
            }
            return result
        }
    }

    /// The asset left for `cost` at the end of `month` (zero when `month` is `nil`, before any month).
    func carrying(of cost: CommissionCost, atEndOf month: CompPeriod?, includingChurn: Bool = true) -> Money {
        guard let month, case .capitalized(_, let months) = Self.treatment(of: cost) else { return .zero }
        let elapsed = cost.incurred.months(until: month) + 1
        guard elapsed >= 1 else { return .zero }
        if includingChurn, let churned = cost.churned, !(month < churned) { return .zero }
        let schedule = Self.straightLine(cost.amount, months: months)
        return schedule.dropFirst(min(elapsed, schedule.count)).reduce(.zero, +)
    }

    /// Amortization scheduled for `cost` in the `count` months after `month` (zero before it is incurred and once churned).
    ///
    /// A churn in a later month is not anticipated: the split reflects the schedule as known at `month`.
    func scheduled(for cost: CommissionCost, after month: CompPeriod, within count: Int) -> Money {
        guard case .capitalized(_, let months) = Self.treatment(of: cost) else { return .zero }
        if let churned = cost.churned, !(month < churned) { return .zero }
        let schedule = Self.straightLine(cost.amount, months: months)
        let start = cost.incurred.months(until: month) + 1
        guard start >= 1, start < schedule.count else { return .zero }
        let end = min(schedule.count, start + count)
        return schedule[start..<end].reduce(.zero, +)
    }
}

/// The journal entries and roll-forward of a range of months.
public struct CommissionAccountingReport: Sendable, Hashable, Codable {
    /// In month order, then cost order, then capitalize/expense before amortize/impair.
    public var entries: [JournalEntry]
    public var rollForward: [RollForwardMonth]
}
