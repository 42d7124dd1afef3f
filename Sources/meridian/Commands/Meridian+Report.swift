import ArgumentParser
import Foundation
import Reports
import RunStore

extension Meridian {
    /// `meridian report DIR|RUN`: re-render the HTML report of a run folder or of a recorded run.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Render report.html from a run folder or a recorded run (territory, quota, pay, scenario, insight outputs).",
            discussion: ExitStatus.discussion(
                """
                Looks for the step outputs in DIR and its subfolders (assignment.csv + territories.csv, \
                quotas.csv, comp/ or pay/, simulation/, compare.json or scenarios/compare.json, insights/); sections \
                without inputs are left out and the page says which. With statements.csv in the comp folder, one \
                statement page per person goes to statements/ beside the report. The map needs account locations: \
                accounts.csv in DIR or DIR/inputs, or --accounts. With --store, RUN is a run id (meridian runs list): \
                the report renders the run's output folder after checking that every file the run recorded is there \
                with the bytes it wrote (exit 65 naming the files otherwise).
                """))

        @Argument(
            help:
                "Run folder (a plan run's out folder or a single command's --output folder), or with --store a run id.")
        var folder: String
        @Option(
            help: ArgumentHelp(
                "Run store (an SQLite file or a postgresql:// URL, as for `meridian runs`): render the recorded run RUN.",
                valueName: "file|url"))
        var store: String?
        @Option(help: "Output file (default DIR/report.html), written atomically.") var out: String?
        @Option(help: "Comp plan folder (*.yaml) for the payout curves (default: plans/ in DIR or its comp folder).")
        var plans: String?
        @Option(help: "Scenario comparison (compare.json of `meridian scenarios compare`; default: found in DIR).")
        var scenarios: String?
        @Option(help: "Accounts CSV with id, latitude, longitude and the measure columns.") var accounts: String?
        @Option(help: "State outline CSV (default Data/geo/us-states.csv, searched from here and the binary).")
        var geo: String?
        @Option(
            help:
                "County outline CSV, drawn when territories are built from counties (default Data/geo/us-counties.csv, searched as --geo is)."
        )
        var counties: String?
        @Option(
            help: "Balance band of a measure when metrics.json has none, MEASURE=τ (repeatable), e.g. potential=0.15.")
        var tolerance: [String] = []
        @Option(help: "Page title.") var title: String?

        func validate() throws {
            _ = try tolerances()
            if let store { _ = try Meridian.usage { try RunStoreLocation(parsing: store) } }
        }

        func run() throws {
            var sources = try ReportSources.discover(in: URL(fileURLWithPath: try runFolder()))
            if let accounts { sources.accounts = URL(fileURLWithPath: accounts) }
            if let plans { sources.plans = URL(fileURLWithPath: plans) }
            if let scenarios { sources.scenarios = URL(fileURLWithPath: scenarios) }
            sources.stateOutline =
                geo.map { URL(fileURLWithPath: $0) }
                ?? ReportSources.findStateOutline(executable: URL(fileURLWithPath: CommandLine.arguments[0]))
            sources.countyOutline =
                counties.map { URL(fileURLWithPath: $0) }
                ?? ReportSources.findCountyOutline(executable: URL(fileURLWithPath: CommandLine.arguments[0]))
            let file = out.map { URL(fileURLWithPath: $0) } ?? sources.root.appendingPathComponent("report.html")
            try HTMLReport(sources: sources, tolerances: try tolerances(), title: title).write(to: file)
            print("wrote \(file.path)")
            if let pay = sources.pay, StatementPages(folder: pay).exists {
                let folder = file.deletingLastPathComponent().appendingPathComponent("statements")
                print(
                    "wrote \(try StatementPages(folder: pay).write(to: folder)) statements, one per person, to \(folder.path)"
                )
            }
        }

        /// The folder to render: the argument, or with `--store` the recorded run's output folder once
        /// every output the run recorded (but the report step's) is there unchanged.
        private func runFolder() throws -> String {
            guard let store else { return folder }
            let id = folder
            let location = try RunStoreLocation(parsing: store)
            let run = try Meridian.waitFor {
                let opened = try await location.open(create: false)
                let run: RunRecord?
                do { run = try await opened.run(id: id) } catch {
                    await opened.close()
                    throw error
                }
                await opened.close()
                guard let run else { throw RunStoreError.runNotFound(id: id, location: location.description) }
                return run
            }
            let changed = run.changedOutputs(ignoringSteps: ["report"])
            guard changed.isEmpty else {
                throw RunStoreError.outputsChanged(id: id, folder: run.outputFolder, files: changed)
            }
            return run.outputFolder
        }

        /// `--tolerance MEASURE=τ` flags as a dictionary; τ finite and non-negative.
        private func tolerances() throws -> [String: Double] {
            var out: [String: Double] = [:]
            for item in tolerance {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, let tau = Double(parts[1]), tau.isFinite, tau >= 0 else {
                    throw ValidationError("--tolerance expects MEASURE=τ with τ ≥ 0, got '\(item.prefix(200))'")
                }
                out[parts[0]] = tau
            }
            return out
        }
    }
}
