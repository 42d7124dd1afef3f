import SalesData

/// What a prospective deal would pay one person: the month with and without it, per component.
public struct CompEstimate: Sendable, Hashable {
    public var person: RepID
    public var period: CompPeriod
    public var deal: ProspectiveDeal
    public var before: [Earning]
    public var after: [Earning]
    public var beforeMeasurements: [Measurement]
    public var afterMeasurements: [Measurement]

    /// The extra pay of the month.
    public var difference: Money {
        after.reduce(Money.zero) { $0 + $1.amount } - before.reduce(Money.zero) { $0 + $1.amount }
    }

    /// Per component: attainment and tier before → after, the pay difference, and any tier crossed.
    public var summaryText: String {
        var text =
            "Estimate for \(person): deal \(deal.amount.formatted) on \(deal.date)\(deal.product.map { " (\($0))" } ?? "") in \(period)\n"
        for earning in after {
            let old = before.first { $0.component == earning.component }
            let oldM = beforeMeasurements.first { $0.component == earning.component }
            let newM = afterMeasurements.first { $0.component == earning.component }
            let change = earning.amount - (old?.amount ?? .zero)
            text +=
                "  \(earning.component): \(old?.amount.formatted ?? "$0.00") → \(earning.amount.formatted) (\(change.cents >= 0 ? "+" : "")\(change.formatted))"
            if let a = oldM?.attainment, let b = newM?.attainment {
                text += ", attainment \(a.percentText) → \(b.percentText)"
            }
            if let old, old.tier != earning.tier {
                text += ", crosses from tier \(old.tier) into \(earning.tier)"
            } else {
                text += ", tier \(earning.tier)"
            }
            text += "\n"
        }
        text += "The deal would pay \(difference.formatted) this month.\n"
        return text
    }
}

extension CompCalculator {
    /// What `deal` would pay `person`: the deal's month calculated with and without it, the deal credited
    /// 100 % to the person as a revenue split.
    ///
    /// ```swift
    /// let estimate = try CompCalculator().estimate(request, person: "R012",
    ///     deal: try ProspectiveDeal(parsing: "amount=120000,product=P-CORE,date=2026-12-15"))
    /// estimate.difference   // e.g. $7,400.00
    /// ```
    ///
    /// - Throws: as ``calculate(_:)``.
    public func estimate(_ request: CompRequest, person: RepID, deal: ProspectiveDeal) throws(IncentivesError)
        -> CompEstimate
    {
        var base = request
        base.period = CompPeriod(containing: deal.date)
        base.only = [person]
        let before = try calculate(base)
        var with = base
        with.transactions.append(
            Transaction(
                id: "ESTIMATE", kind: .booking, date: deal.date, accountID: "ESTIMATE", product: deal.product,
                amount: Double(deal.amount.cents) / 100, orderType: deal.orderType ?? "new", ownerID: person,
                splits: [CreditSplit(repID: person, percentage: 100)]))
        let after = try calculate(with)
        return CompEstimate(
            person: person, period: base.period, deal: deal, before: before.earnings, after: after.earnings,
            beforeMeasurements: before.measurements, afterMeasurements: after.measurements)
    }
}
