import SalesData

extension CompResult {
    /// The chain for one person: transactions → credits → measure → attainment → tier → amount, with the
    /// rule that fired at each step.
    public func explanation(for person: RepID) -> String {
        guard let statement = statements.first(where: { $0.person == person }) else {
            return "\(person) has no statement for \(period)\n"
        }
        var text =
            "\(statement.name) (\(person)), \(period), plan \(statement.plan) (version from \(statement.planVersion))\n"
        let own = credits.filter { $0.person == person }
        text += "\nCredits this month (\(own.count)):\n"
        for c in own {
            text +=
                "  \(c.transactionID) \(c.date) \(c.kind.rawValue) \(c.share.percentText) = \(c.amount.formatted)  ← \(c.rule)\n"
        }
        for earning in earnings where earning.person == person {
            text += "\nComponent \(earning.component):\n"
            for step in earning.trace { text += "  → \(step)\n" }
        }
        text += "\nStatement total: \(statement.total.formatted) (\(statement.lines.count) lines)\n"
        return text
    }
}
