import ArgumentParser
import Foundation
import Planning
import SalesData

extension Meridian {
    /// `meridian plan …`: planning steps.
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "Planning steps (capacity).", subcommands: [Capacity.self])
    }
}

extension Meridian.PlanCommand {
    /// `meridian plan capacity --config FILE --out DIR`.
    ///
    /// Exit codes: 0 ok, 1 I/O error, 3 infeasible (shortfalls written), 4 limit hit without a plan,
    /// 64 usage, 65 bad configuration.
    struct Capacity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hires by role and month so each quarter's capacity covers the quota at least cost.",
            discussion: """
                Reads a CapacityPlanRequest (YAML, see docs/capacity.md) and writes hires.csv, headcount.csv, \
                quarters.csv and summary.txt to --out, replacing the folder whole.
                """ + "\n\n" + ExitStatus.helpText)

        @Option(help: "Capacity plan request (YAML).") var config: String
        @Option(help: "Output folder.") var out: String

        func run() throws {
            let text = try String(contentsOf: URL(fileURLWithPath: config), encoding: .utf8)
            let plan = try CapacityPlanner.plan(try CapacityPlanRequest(yaml: text, file: config))
            try AtomicFolder.write(plan.files(), to: URL(fileURLWithPath: out))
            print(plan.summary)
            if let code = Meridian.exitCode(for: plan.termination) { throw code }
        }
    }
}
