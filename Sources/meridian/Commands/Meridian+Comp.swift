import ArgumentParser
import Foundation
import Incentives
import SalesData

extension Meridian {
    /// `meridian comp …`: incentive compensation.
    struct Comp: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calculate, explain and estimate incentive compensation.",
            subcommands: [
                Calculate.self, Explain.self, Estimate.self,
                // the ledger: Meridian+CompLedger.swift
                Run.self, Approve.self, Pay.self, Statements.self, History.self, Payroll.self, Expense.self,
            ])
    }
}

extension Meridian.Comp {
    /// Input files shared by the comp commands.
    struct Inputs: ParsableArguments {
        @Option(help: "Dataset folder (accounts, reps, transactions, splits; optional alignment history).")
        var dataset = "Data/demo"
        @Option(help: "Plan folder: *.yaml plans and an optional assignments.csv.") var plans = "Data/demo/plans"
        @Option(
            help: """
                Quotas: the quota step's output folder or its quotas.csv \
                (meridian quotas allocate --dataset Data/demo --config Data/plans/demo-quota.yaml --output DIR), \
                or a file id,period,amount[,quota].
                """)
        var quotas: String
        @Option(help: "MBO scores: person_id,period,component,score.") var scores: String?

        /// The request for `period`.
        func request(period: CompPeriod) throws -> CompRequest {
            try CompInputs.load(
                dataset: URL(fileURLWithPath: dataset), plans: URL(fileURLWithPath: plans),
                quotas: URL(fileURLWithPath: quotas), scores: scores.map { URL(fileURLWithPath: $0) },
                period: period)
        }
    }

    /// Parses `--period`, a usage error (64) when malformed.
    static func period(_ text: String) throws -> CompPeriod {
        do { return try CompPeriod(parsing: text) } catch { throw ValidationError("--period: \(error)") }
    }

    /// `meridian comp calculate`: credits, measurements, earnings and statements for one month.
    ///
    /// Exit codes: 0 ok, 1 I/O error, 64 usage, 65 bad data (nothing written).
    struct Calculate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calculate one month's comp and write credits, measurements, earnings and statements.",
            discussion: ExitStatus.helpText)
        @OptionGroup var inputs: Inputs
        @Option(help: "The month, YYYY-MM.") var period: String
        @Option(help: "Output folder (written whole: temporary folder, then rename).") var out: String

        func validate() throws { _ = try Meridian.Comp.period(period) }

        func run() throws {
            let request = try inputs.request(period: try Meridian.Comp.period(period))
            let result = try CompCalculator().calculate(request)
            try CompResultWriter().write(result, to: URL(fileURLWithPath: out))
            print(result.summaryText(), terminator: "")
        }
    }

    /// `meridian comp explain`: the chain for one person.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain one person's month: transactions → credits → measure → attainment → tier → amount.",
            discussion: ExitStatus.helpText)
        @OptionGroup var inputs: Inputs
        @Option(help: "The person, e.g. R012.") var person: String
        @Option(help: "The month, YYYY-MM.") var period: String

        func validate() throws { _ = try Meridian.Comp.period(period) }

        func run() throws {
            var request = try inputs.request(period: try Meridian.Comp.period(period))
            request.only = [RepID(person)]
            let result = try CompCalculator().calculate(request)
            print(result.explanation(for: RepID(person)), terminator: "")
        }
    }

    /// `meridian comp estimate`: what a prospective deal would pay.
    struct Estimate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate what a prospective deal would pay one person.",
            discussion: ExitStatus.helpText)
        @OptionGroup var inputs: Inputs
        @Option(help: "The person, e.g. R012.") var person: String
        @Option(help: "The deal: amount=120000,product=P-CORE,date=2026-12-15[,order_type=new].") var deal: String

        func validate() throws {
            do { _ = try ProspectiveDeal(parsing: deal) } catch { throw ValidationError("--deal: \(error)") }
        }

        func run() throws {
            let prospective = try ProspectiveDeal(parsing: deal)
            let request = try inputs.request(period: CompPeriod(containing: prospective.date))
            let estimate = try CompCalculator().estimate(request, person: RepID(person), deal: prospective)
            print(estimate.summaryText, terminator: "")
        }
    }
}
