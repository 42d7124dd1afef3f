import SalesData

extension CompResult {
    /// `credits.csv`: one row per person, transaction and credit kind of the period's month.
    public func creditsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["person_id", "transaction_id", "date", "kind", "share", "amount", "rule"])
        // Millions of rows repeat few dates, shares and rules: format each once.
        var dates: [CalendarDate: String] = [:]
        var shares: [Int64: String] = [:]
        var rules: [CreditRule: String] = [:]
        for c in credits {
            let date = dates[c.date] ?? c.date.description
            dates[c.date] = date
            let share = shares[c.share.micros] ?? c.share.description
            shares[c.share.micros] = share
            let rule = rules[c.reason] ?? c.rule
            rules[c.reason] = rule
            writer.writeRow([
                c.person.rawValue, c.transactionID.rawValue, date, c.kind.rawValue, share, c.amount.description, rule,
            ])
        }
        return writer.bytes
    }

    /// `measurements.csv`: credit, quota and attainment per person and quota component, to date.
    public func measurementsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["person_id", "plan", "component", "window", "credit", "quota", "attainment", "proration"])
        for m in measurements {
            writer.writeRow([
                m.person.rawValue, m.plan, m.component, m.window, m.credit.description, m.quota?.description ?? "",
                m.attainment?.description ?? "", m.proration.description,
            ])
        }
        return writer.bytes
    }

    /// `earnings.csv`: what each component pays each person this period.
    public func earningsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow([
            "person_id", "plan", "component", "amount", "to_date", "paid_before", "tier", "rate", "cap", "proration",
        ])
        for e in earnings {
            writer.writeRow([
                e.person.rawValue, e.plan, e.component, e.amount.description, e.toDate.description,
                e.paidBefore.description,
                e.tier, e.rate, e.cap, e.proration.description,
            ])
        }
        return writer.bytes
    }

    /// `statements.csv`: every statement line of every person; per person the lines add up to the total.
    public func statementsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow([
            "person_id", "component", "transaction_id", "date", "credit", "rate", "tier", "cap", "proration", "amount",
        ])
        for statement in statements {
            for line in statement.lines {
                writer.writeRow([
                    statement.person.rawValue, line.component, line.transactionID?.rawValue ?? "",
                    line.date?.description ?? "",
                    line.credit?.description ?? "", line.rate, line.tier, line.cap, line.proration.description,
                    line.amount.description,
                ])
            }
        }
        return writer.bytes
    }

    /// `statement_totals.csv`: one total per person.
    public func totalsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["person_id", "name", "plan", "plan_version", "total"])
        for s in statements {
            writer.writeRow([s.person.rawValue, s.name, s.plan, s.planVersion.description, s.total.description])
        }
        return writer.bytes
    }

    /// A short summary for the terminal.
    public func summaryText() -> String {
        let total = statements.reduce(Money.zero) { $0 + $1.total }
        var text =
            "Comp \(period): \(statements.count) statements, \(credits.count) credits, total \(total.formatted)\n"
        if !uncredited.isEmpty {
            text += "\(uncredited.count) transaction(s) with no revenue credit (vacant territory, no owner): "
            text +=
                uncredited.prefix(10).map(\.rawValue).joined(separator: ", ") + (uncredited.count > 10 ? ", …" : "")
                + "\n"
        }
        return text
    }
}
