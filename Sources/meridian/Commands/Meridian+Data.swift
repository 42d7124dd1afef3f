import ArgumentParser
import Foundation
import SalesData

extension Meridian {
    /// `meridian data …`: check and generate sales data folders.
    struct DataCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "data",
            abstract: "Check a sales data folder, or generate the demo company.", discussion: ExitStatus.helpText,
            subcommands: [Validate.self, Generate.self]
        )
    }
}

extension Meridian.DataCommand {
    /// `meridian data validate DIR`.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every file of a dataset folder and print each problem as file:line:column: message.",
            discussion: ExitStatus.discussion(
                "Problems are printed to standard output, one per line; their count to standard error.")
        )

        @Argument(
            help:
                "Folder holding accounts.csv, reps.csv and optional territories, opportunities, transactions, splits, activities and alignment history."
        )
        var folder: String

        @Option(help: "Stop after this many problems (default \(DatasetCheckRequest(folder: "").maxIssues)).")
        var maxIssues: Int?

        /// The request these arguments describe, validated.
        func request() throws(RequestBuildError) -> DatasetCheckRequest {
            try Meridian.assembleRequest(DatasetCheckRequest(folder: folder), config: nil, overlay: overlay)
        }

        /// Lays the given flags over the request.
        private func overlay(_ r: inout DatasetCheckRequest) {
            if let maxIssues { r.maxIssues = maxIssues }
        }

        func run() throws {
            let request = try Meridian.buildRequest(DatasetCheckRequest(folder: folder), config: nil, overlay: overlay)
            do {
                let data = try request.run()
                print(
                    "\(folder): ok (\(data.accounts.count) accounts, \(data.reps.count) reps, \(data.territories.count) hierarchy nodes, \(data.opportunities.count) opportunities, \(data.transactions.count) transactions, \(data.activities.count) activities, \(data.accountTerritoryHistory.count + data.repTerritoryHistory.count) alignment changes)"
                )
            } catch let SalesDataError.invalidData(issues, truncated) {
                for issue in issues { print(issue.located(in: folder)) }
                FileHandle.standardError.write(Data("\(issues.count)\(truncated ? "+" : "") problem(s) found\n".utf8))
                throw ExitStatus.badData.exitCode
            }
        }
    }

    /// `meridian data generate --seed 42 --accounts N --reps M --out DIR`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the deterministic demo company on real US places.",
            discussion: ExitStatus.discussion(
                """
                The same seed and sizes give byte-identical files. Writes the dataset files (history 2024-2025, plan year \
                2026 through 2026-11-30, effective-dated alignment) and accounts_truth.csv \
                as one folder: a run killed at any moment leaves the previous folder or the complete new one.
                """)
        )

        @Option(help: .config(keys: Request.configurationKeys)) var config: String?
        @Option(help: "Random seed (default \(Request().seed)).") var seed: UInt64?
        @Option(help: "Number of accounts (default \(Request().accounts)).") var accounts: Int?
        @Option(help: "Number of territory reps, at least \(Request.minimumReps) (default \(Request().reps)).")
        var reps: Int?
        @Option(help: "Output folder.") var out: String
        @Option(help: "Folder with cities.csv, counties.csv and county_adjacency.csv.") var geography = "Data/geo"
        @Flag(help: "Generate accounts, reps and territories only (no opportunities, transactions or activities).")
        var noHistory = false

        typealias Request = DemoCompanyGenerator.Configuration

        /// The request these arguments describe (config, then flags), validated.
        func request() throws(RequestBuildError) -> Request {
            try Meridian.assembleRequest(Request(), config: config, overlay: overlay)
        }

        /// Lays the given flags over the request.
        private func overlay(_ r: inout Request) {
            if let seed { r.seed = seed }
            if let accounts { r.accounts = accounts }
            if let reps { r.reps = reps }
            if noHistory { r.includeHistory = false }
        }

        func run() throws {
            let configuration = try Meridian.buildRequest(Request(), config: config, overlay: overlay)
            let geo = try USGeography.load(from: URL(fileURLWithPath: geography))
            let company = try DemoCompanyGenerator(configuration, geography: geo).generate()
            try company.write(to: URL(fileURLWithPath: out))
            print(
                "wrote \(out): \(company.dataset.accounts.count) accounts, \(company.dataset.reps.count) reps, \(company.dataset.opportunities.count) opportunities, \(company.dataset.transactions.count) transactions, \(company.dataset.activities.count) activities"
            )
            for event in company.events { print("  \(event)") }
        }
    }
}
