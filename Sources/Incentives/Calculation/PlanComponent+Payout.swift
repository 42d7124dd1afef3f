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
    /// Whether `transaction` passes this component's filter (and, for `bookings`, is not an order): the
    /// engine's own test, for callers that measure history by component (a simulation's calibration).
    public func qualifies(_ transaction: Transaction) -> Bool { PersonCalculation.matches(self, transaction) }
}
