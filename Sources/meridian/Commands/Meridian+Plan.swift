import ArgumentParser
import Foundation
import Planning
import RunStore
import SalesData

extension Meridian {
    /// `meridian plan …`: planning steps.
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "Run a whole plan file, or one planning step (capacity).",
            subcommands: [Run.self, Capacity.self])
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

extension Meridian.PlanCommand {
    /// `meridian plan run PLAN.yaml [--out DIR] [--cache DIR | --no-cache]`.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Run a plan file: segmentation, scoring, territories, quotas, capacity, insights, comp, simulation, report.",
            discussion: """
                Runs the plan's steps in order (docs/plans.md), each handing its results to the next; writes \
                one subfolder per step (the files its single command writes), report.html, plan.yaml and run.json \
                to --out, replacing the folder whole. A step whose inputs, section, seeds and code version are \
                unchanged is taken from the step cache and printed as a cache hit.
                """ + "\n\n" + ExitStatus.helpText)

        @Argument(help: "The plan file (YAML).") var plan: String
        @Option(help: "Output folder (default: out/<plan name>, or out/<folder> for a file named plan.yaml).")
        var out: String?
        @Option(help: "Step cache folder (default: .meridian-cache beside the output folder).") var cache: String?
        @Flag(help: "Run every step; read and write no cache.") var noCache = false
        @Option(
            help: ArgumentHelp(
                "Run store: an SQLite file or a postgresql:// URL (default: OUT/runs.sqlite).", valueName: "file|url"))
        var store: String?

        func validate() throws {
            if noCache && cache != nil { throw ValidationError("give --cache or --no-cache, not both") }
            if let store { _ = try Meridian.usage { try RunStoreLocation(parsing: store) } }
        }

        func run() throws {
            let url = URL(fileURLWithPath: plan)
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = try PlanFile(yaml: text, file: plan)
            let output = URL(fileURLWithPath: out ?? PlanRunner.defaultOutput(for: plan))
            let cacheFolder = noCache ? nil : URL(fileURLWithPath: cache ?? PlanRunner.defaultCache(for: output).path)
            let runner = PlanRunner(plan: file, planText: text, planPath: plan, cacheFolder: cacheFolder) { print($0) }
            let location = try PlanRecorder.location(store: store, output: output)
            let result = try runner.run(to: output) {
                ExitStatus(classifying: $0).rawValue
            } record: { record in
                try Meridian.waitFor { try await PlanRecorder.record(record, at: location) }
            }
            print("run \(result.record.id): files in \(output.path)/, recorded in \(location)")
            if let unsolved = result.unsolvedStep {
                throw (unsolved.provenInfeasible ? ExitStatus.infeasible : .limitWithoutSolution).exitCode
            }
        }
    }
}
