import SalesData

extension PlanComponent {
    /// The payout of this quota component for one attainment window, from its credit, quota and the
    /// person's annual target incentive alone.
    ///
    /// The engine's own steps for a window without gates or modifiers: target = annual TI × weight ×
    /// months of the window ÷ 12 → attainment = credit ÷ quota → threshold → rule (tiers, curve or steps)
    /// → period cap; exact until rounded once, half to even, to the cent. A simulation calls this per drawn
    /// outcome instead of crediting drawn transactions.
    ///
    /// ```swift
    /// // year window, 8 % of credit to quota, 16 % above, capped at 3 × target
    /// component.payout(credit: Money(cents: 60_000_000), quota: Money(cents: 50_000_000),
    ///                  annualTargetIncentive: Money(cents: 4_000_000))    // $56,000.00
    /// ```
    ///
    /// - Returns: `nil` when the component is not a `quota` component, has a gate or modifiers (they
    ///   need other components' attainment), or `quota` is not above zero.
    public func payout(credit: Money, quota: Money, annualTargetIncentive: Money) -> Money? {
        guard kind == .quota, gate == nil, modifiers.isEmpty, quota > .zero else { return nil }
        let months: Int128 = period == .year ? 12 : period == .quarter ? 3 : 1
        let target = ExactAmount(annualTargetIncentive) * weight.exact * ExactAmount(numerator: months, denominator: 12)
        let credit = ExactAmount(credit)
        let quota = ExactAmount(quota)
        let attainment = credit / quota
        if let threshold, attainment < threshold.exact { return .zero }
        var payout = PersonCalculation.pay(
            rule, attainment: attainment, credit: credit, quota: quota, target: target, explained: false
        ).0
        if let limit = PersonCalculation.periodCap(self, target: target), limit < payout { payout = limit }
        return payout.rounded()
    }
}

extension PlanComponent {
    /// The payout of this SPIFF component for one month's qualifying credits (each a credited
    /// transaction's amount, refunds and cancellations negative): the engine's rule
    /// (``Spiff/amounts(credits:)``) summed, for a simulation that draws deals instead of crediting
    /// transactions.
    ///
    /// ```swift
    /// // $250 per qualifying booking; a cancelled one takes its $250 back
    /// spiff.spiffPayout(monthCredits: [Money(cents: 1_200_000), Money(cents: 300_000), Money(cents: -300_000)])  // $250.00
    /// ```
    ///
    /// - Returns: `nil` when the component is not a SPIFF.
    public func spiffPayout(monthCredits: [Money]) -> Money? {
        guard case .spiff(let spiff) = kind else { return nil }
        return spiff.amounts(credits: monthCredits).reduce(.zero, +)
    }
}

extension Spiff {
    /// What the SPIFF pays for one month's qualifying credits: per transaction, one amount per credit
    /// (a flat amount, taken back for a negative credit; or the percentage of the credit, rounded to the
    /// cent); per period, one amount when the month's credits add up to more than zero (the flat amount
    /// or the percentage of the total), else none.
    public func amounts(credits: [Money]) -> [Money] {
        switch (pays, per) {
        case (.flat(let money), .transaction):
            return credits.map { $0.cents < 0 ? -money : money }
        case (.percent(let rate), .transaction):
            return credits.map { (rate.exact * ExactAmount($0)).rounded() }
        case (.flat(let money), .period):
            return credits.reduce(0, { $0 + $1.cents }) > 0 ? [money] : []
        case (.percent(let rate), .period):
            let total = ExactAmount(cents: credits.reduce(0) { $0 + $1.cents })
            return total > .zero ? [(rate.exact * total).rounded()] : []
        }
    }
}

extension PlanComponent {
    /// Whether `transaction` passes this component's filter (and, for `bookings`, is not an order): the
    /// engine's own test, for callers that measure history by component (a simulation's calibration).
    public func qualifies(_ transaction: Transaction) -> Bool { PersonCalculation.matches(self, transaction) }
}
