import SalesData

/// The ASC 340-40 schedule of a ledger: journal entries and roll-forward, and how it ties to the ledger.
///
/// Invariant: `ledgerCosts == Σ rollForward.additions + Σ rollForward.expensedAsIncurred`.
public struct LedgerExpenseReport: Sendable, Hashable {
    public var accounting: CommissionAccountingReport
    /// Commission costs posted in the paid periods reported (earnings, adjustments, clawbacks, top-ups).
    public var ledgerCosts: Money

    /// Additions plus costs expensed as incurred over the months reported.
    public var accountedCosts: Money {
        accounting.rollForward.reduce(.zero) { $0 + $1.additions + $1.expensedAsIncurred }
    }

    /// `journal.csv`: one row per entry.
    public func journalCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["month", "kind", "cost", "reason", "debit", "credit", "amount"])
        for e in accounting.entries {
            writer.writeRow([
                e.month.description, e.kind.rawValue, e.cost, e.reason.rawValue, e.debit.rawValue, e.credit.rawValue,
                e.amount.description,
            ])
        }
        return writer.bytes
    }

    /// `rollforward.csv`: one row per month.
    public func rollForwardCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow([
            "month", "opening", "additions", "amortization", "impairment", "closing", "current", "non_current",
            "expensed_as_incurred",
        ])
        for r in accounting.rollForward {
            writer.writeRow(
                [r.month.description]
                    + [
                        r.opening, r.additions, r.amortization, r.impairment, r.closing, r.current, r.nonCurrent,
                        r.expensedAsIncurred,
                    ].map(\.description))
        }
        return writer.bytes
    }

    /// A short terminal summary with the tie.
    public var summaryText: String {
        var text = "month     opening       additions     amortization  impairment    closing       expensed\n"
        for r in accounting.rollForward {
            text +=
                [
                    r.month.description, r.opening.formatted, r.additions.formatted, r.amortization.formatted,
                    r.impairment.formatted, r.closing.formatted, r.expensedAsIncurred.formatted,
                ].map { $0.padding(toLength: max(13, $0.count), withPad: " ", startingAt: 0) }.joined(separator: " ")
                + "\n"
        }
        text += "ledger commission costs \(ledgerCosts.formatted) = additions + expensed \(accountedCosts.formatted)"
        text += ledgerCosts == accountedCosts ? " (ties)\n" : " (DOES NOT TIE)\n"
        return text
    }
}

extension CommissionLedger {
    /// The ASC 340-40 schedule of the paid periods from the first through `last`.
    ///
    /// - Throws: ``LedgerError`` when no period through `last` is paid.
    public func expense(through last: CompPeriod, policy: LedgerPolicy) throws -> LedgerExpenseReport {
        let costs = try commissionCosts(through: last, policy: policy)
        guard let first = costs.map(\.incurred).min() else {
            throw LedgerError(
                field: "--through", value: last.description, expected: "a month with a paid period on or before it")
        }
        let books = try CommissionAccounting(costs: costs)
        return LedgerExpenseReport(
            accounting: books.report(from: first, through: last),
            ledgerCosts: costs.reduce(.zero) { $0 + $1.amount })
    }
}

extension LedgerStatement {
    /// `statements.csv` rows of many statements: person, line, kind, component, amount, reference, reason.
    public static func csv(_ statements: [LedgerStatement]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["person_id", "period", "line_id", "kind", "component", "amount", "references", "reason"])
        for statement in statements {
            for line in statement.lines {
                writer.writeRow([
                    statement.person, statement.period.description, line.id, line.kind.rawValue, line.component,
                    line.amount.description, line.references ?? "", line.reason ?? "",
                ])
            }
            writer.writeRow([
                statement.person, statement.period.description, "\(statement.person)/\(statement.period)/payable",
                "total", "", statement.payable.description, "", "",
            ])
        }
        return writer.bytes
    }
}

extension PaymentRecord {
    /// The ADP-style payroll CSV (`docs/payroll.md`).
    public static func payrollCSV(_ payments: [PaymentRecord]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["employee_id", "earning_code", "amount", "currency", "pay_period", "batch_id"])
        for p in payments {
            writer.writeRow([p.person, p.earningCode, p.amount.description, p.currency, p.period.description, p.batch])
        }
        return writer.bytes
    }
}

extension PersonVersion {
    /// The versions of one person's period as text: number, when recorded, why, and the earnings.
    public static func text(_ versions: [PersonVersion], person: String, period: CompPeriod) -> String {
        var text = "\(person) \(period): \(versions.count) version\(versions.count == 1 ? "" : "s")\n"
        for version in versions {
            text += "v\(version.number) recorded in \(version.recordedIn)"
            text += version.reason.map { " (\($0))" } ?? " (original)"
            text += ": total \(version.total.formatted)\n"
            for earning in version.earnings {
                text +=
                    "  \(earning.component): \(earning.amount.formatted) (tier \(earning.tier), rate \(earning.rate))\n"
            }
        }
        return text
    }
}
