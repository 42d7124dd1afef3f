import ArgumentParser
import Foundation
import Reports

extension Meridian {
    /// `meridian report DIR`: re-render the HTML report of a run folder.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render report.html from a run folder (territory, quota, pay, scenario, insight outputs).",
            discussion: ExitStatus.discussion(
                """
                Looks for the step outputs in DIR and its subfolders (assignment.csv + territories.csv, \
                quotas.csv, comp/ or pay/, scenarios/, insights/); sections without inputs are left out and the \
                page says which. With statements.csv in the comp folder, one statement page per person goes to \
                statements/ beside the report. The map needs account locations: accounts.csv in DIR or DIR/inputs, or --accounts. \
                Re-rendering from the run store (report RUN) is not available yet.
                """))

        @Argument(help: "Run folder: a plan run's out folder or a single command's --output folder.") var folder: String
        @Option(help: "Output file (default DIR/report.html), written atomically.") var out: String?
        @Option(help: "Accounts CSV with id, latitude, longitude and the measure columns.") var accounts: String?
        @Option(help: "State outline CSV (default Data/geo/us-states.csv, searched from here and the binary).")
        var geo: String?
        @Option(
            help: "Balance band of a measure when metrics.json has none, MEASURE=τ (repeatable), e.g. potential=0.15.")
        var tolerance: [String] = []
        @Option(help: "Page title.") var title: String?

        func validate() throws { _ = try tolerances() }

        func run() throws {
            var sources = try ReportSources.discover(in: URL(fileURLWithPath: folder))
            if let accounts { sources.accounts = URL(fileURLWithPath: accounts) }
            sources.stateOutline =
                geo.map { URL(fileURLWithPath: $0) }
                ?? ReportSources.findStateOutline(executable: URL(fileURLWithPath: CommandLine.arguments[0]))
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
