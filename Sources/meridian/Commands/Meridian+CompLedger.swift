import ArgumentParser
import Foundation
import Incentives
import SalesData

extension Meridian.Comp {
    /// `--ledger`, the SQLite ledger file shared by the ledger commands.
    struct LedgerOptions: ParsableArguments {
        @Option(help: "The SQLite ledger file (created by the first `comp run`).") var ledger: String

        /// The ledger; with `creating == false` the file must exist.
        func open(creating: Bool = false) throws -> CommissionLedger {
            guard creating || FileManager.default.fileExists(atPath: ledger) else {
                throw LedgerError(
                    field: "--ledger", value: ledger,
                    expected: "an existing ledger file (`meridian comp run` creates it)")
            }
            return CommissionLedger(store: try SQLiteLedgerStore(path: ledger))
        }
    }

    /// Parses `--as-of`, a usage error (64) when malformed.
    static func day(_ text: String) throws -> CalendarDate {
        do { return try CalendarDate(iso8601: text) } catch {
            throw ValidationError("--as-of: \"\(text.prefix(200))\": expected a date YYYY-MM-DD")
        }
    }

    /// `meridian comp run`: calculate a period into the ledger.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calculate a month into the ledger (idempotent while open; restates changed paid months).",
            discussion: ExitStatus.helpText)
        @OptionGroup var inputs: Inputs
        @OptionGroup var store: LedgerOptions
        @Option(help: "The month, YYYY-MM.") var period: String
        @Option(help: "Ledger policy YAML: clawback, holds, draws, accounting.") var policy: String?
        @Option(help: "Customer payments: transaction_id,paid_date (holds released on payment).")
        var customerPayments: String?

        func validate() throws { _ = try Meridian.Comp.period(period) }

        func run() throws {
            let month = try Meridian.Comp.period(period)
            let input = try LedgerInput.load(
                dataset: URL(fileURLWithPath: inputs.dataset), plans: URL(fileURLWithPath: inputs.plans),
                quotas: URL(fileURLWithPath: inputs.quotas), scores: inputs.scores.map { URL(fileURLWithPath: $0) },
                policy: policy.map { URL(fileURLWithPath: $0) },
                customerPayments: customerPayments.map { URL(fileURLWithPath: $0) }, planYear: month.year)
            let summary = try store.open(creating: true).run(month, input: input)
            print(summary.text, terminator: "")
        }
    }

    /// `meridian comp approve`: freeze a calculated period.
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a calculated month for payment.", discussion: ExitStatus.helpText)
        @OptionGroup var store: LedgerOptions
        @Option(help: "The month, YYYY-MM.") var period: String

        func validate() throws { _ = try Meridian.Comp.period(period) }

        func run() throws {
            let month = try Meridian.Comp.period(period)
            try store.open().approve(month)
            print("comp approve \(month): approved")
        }
    }

    /// `meridian comp pay`: pay and close an approved period.
    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pay an approved month: write its payments and close it (immutable from then on).",
            discussion: ExitStatus.helpText)
        @OptionGroup var store: LedgerOptions
        @Option(help: "The month, YYYY-MM.") var period: String
        @Option(help: "Currency of the payments.") var currency = "USD"

        func validate() throws { _ = try Meridian.Comp.period(period) }

        func run() throws {
            let month = try Meridian.Comp.period(period)
            let payments = try store.open().pay(month, currency: currency)
            let total = payments.reduce(Money.zero) { $0 + $1.amount }
            print(
                "comp pay \(month): paid \(payments.count) payroll rows, \(total.formatted), batch \(payments.first?.batch ?? "-")"
            )
        }
    }

    /// `meridian comp statements`: every posted line of a period, per person.
    struct Statements: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a month's statements: earnings, adjustments, clawbacks, holds and draws as lines.",
            discussion: ExitStatus.helpText)
        @OptionGroup var store: LedgerOptions
        @Option(help: "The month, YYYY-MM.") var period: String
        @Option(help: "CSV file to write (written whole: temporary file, then rename).") var out: String

        func validate() throws { _ = try Meridian.Comp.period(period) }

        func run() throws {
            let month = try Meridian.Comp.period(period)
            let statements = try store.open().statements(month)
            try AtomicFile.write(Data(LedgerStatement.csv(statements)), to: URL(fileURLWithPath: out))
            let total = statements.reduce(Money.zero) { $0 + $1.payable }
            print("comp statements \(month): \(statements.count) people, payable \(total.formatted) → \(out)")
        }
    }

    /// `meridian comp history`: every version of one person's period.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every version of one person's month, optionally as it stood on a date.",
            discussion: ExitStatus.helpText)
        @OptionGroup var store: LedgerOptions
        @Option(help: "The person, e.g. R012.") var person: String
        @Option(help: "The month, YYYY-MM.") var period: String
        @Option(help: "Only versions recorded by the end of this date's month, YYYY-MM-DD.") var asOf: String?

        func validate() throws {
            _ = try Meridian.Comp.period(period)
            if let asOf { _ = try Meridian.Comp.day(asOf) }
        }

        func run() throws {
            let month = try Meridian.Comp.period(period)
            let versions = try store.open().history(
                person: person, period: month, asOf: try asOf.map(Meridian.Comp.day))
            print(PersonVersion.text(versions, person: person, period: month), terminator: "")
        }
    }

    /// `meridian comp payroll`: the payroll file of a paid period.
    struct Payroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a paid month's payroll CSV (docs/payroll.md).", discussion: ExitStatus.helpText)
        @OptionGroup var store: LedgerOptions
        @Option(help: "The month, YYYY-MM.") var period: String
        @Option(help: "CSV file to write (written whole: temporary file, then rename).") var out: String

        func validate() throws { _ = try Meridian.Comp.period(period) }

        func run() throws {
            let month = try Meridian.Comp.period(period)
            let rows = try store.open().payroll(month)
            try AtomicFile.write(Data(PaymentRecord.payrollCSV(rows)), to: URL(fileURLWithPath: out))
            print("comp payroll \(month): \(rows.count) rows → \(out)")
        }
    }

    /// `meridian comp expense`: the ASC 340-40 schedule.
    struct Expense: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the ASC 340-40 / IFRS 15 journal and roll-forward of the paid months through a month.",
            discussion: ExitStatus.helpText)
        @OptionGroup var store: LedgerOptions
        @Option(help: "The last month, YYYY-MM.") var through: String
        @Option(help: "Ledger policy YAML (its accounting section).") var policy: String?
        @Option(help: "Output folder: journal.csv and rollforward.csv (written whole).") var out: String

        func validate() throws { _ = try Meridian.Comp.period(through) }

        func run() throws {
            let month = try Meridian.Comp.period(through)
            let policyValue = try policy.map { path in
                try LedgerPolicy(
                    yaml: try String(contentsOfFile: path, encoding: .utf8),
                    file: URL(fileURLWithPath: path).lastPathComponent)
            }
            let report = try store.open().expense(through: month, policy: policyValue ?? LedgerPolicy())
            try AtomicFolder.write(
                [("journal.csv", report.journalCSV()), ("rollforward.csv", report.rollForwardCSV())],
                to: URL(fileURLWithPath: out))
            print(report.summaryText, terminator: "")
        }
    }
}
