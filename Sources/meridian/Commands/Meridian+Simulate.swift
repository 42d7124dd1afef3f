import ArgumentParser
import Foundation
import Planning
import SalesData
import Simulation

extension Meridian {
    /// `meridian simulate`: Monte Carlo of attainment and plan cost through the comp engine.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate a plan year: cost, cost of sales and attainment at P10/P50/P90.",
            discussion: """
                Calibrates per-person lognormal sales from the quota step's expected sales and the history's \
                volatility (docs/simulation.md), pays every draw through the comp engine, and writes \
                summary.csv, reps.csv and summary.txt to --out (a temporary folder, then rename). Scenarios \
                in the config are paid on the same draws (common random numbers). With --plan, runs the plan \
                file's steps up to its simulation section (segmentation, scoring, territories, quotas; each from \
                the step cache beside the plan's default output when unchanged) and simulates its quotas and comp \
                plans; --trials, --seed, --component, --market-correlation and --spiff override the section.
                """ + "\n\n" + ExitStatus.helpText,
            subcommands: [SimulateBacktest.self, SimulateSolve.self])

        @Option(help: "A plan file with comp and simulation sections (docs/plans.md).") var plan: String?
        @Option(help: "With --plan: the step cache (default: .meridian-cache beside the plan's default output).")
        var cache: String?
        @Option(help: .config(keys: SimulationConfiguration.configurationKeys)) var config: String?
        @Option(help: "The quota step's output folder (or its quotas.csv).") var quotas: String?
        @Option(help: "Dataset folder (default Data/demo).") var dataset: String?
        @Option(help: "Plan folder (default Data/demo/plans).") var plans: String?
        @Option(help: "The quota component simulated (default new-business).") var component: String?
        @Option(help: "Trials, at least 2 (default 10000).") var trials: Int?
        @Option(help: "Random seed (default 2026).") var seed: UInt64?
        @Option(help: "Market correlation in [0, 1) (default: calibrated from history).") var marketCorrelation: Double?
        @Option(
            name: .customLong("spiff"),
            help: "A SPIFF of the same plans paid on drawn deals (repeatable; replaces the config's spiffs).")
        var spiffs: [String] = []
        @Option(help: "Output folder (required without a subcommand; backtest writes there when given).")
        var out: String?

        func validate() throws {
            if plan != nil && (config != nil || quotas != nil || dataset != nil || plans != nil) {
                throw ValidationError(
                    "--plan supplies the dataset, plans and quotas: drop --config, --quotas, --dataset, --plans")
            }
            if plan == nil && cache != nil { throw ValidationError("--cache needs --plan") }
            if plan == nil && config == nil && quotas == nil {
                throw ValidationError("give --plan FILE, --config FILE or --quotas DIR")
            }
            if let trials, !(2...1_000_000).contains(trials) { throw ValidationError("--trials: expected 2...1000000") }
            if let rho = marketCorrelation, !(rho >= 0 && rho < 1) {
                throw ValidationError("--market-correlation: expected a number in [0, 1)")
            }
        }

        /// The configuration file (if any) with the flags over it; `backtest` and `solve` read it too.
        func configuration() throws -> SimulationConfiguration {
            if plan != nil { throw ValidationError("backtest reads --config or --quotas, not --plan") }
            return try Meridian.buildRequest(SimulationConfiguration(), config: config) { request in
                if let quotas { request.quotas = quotas }
                if let dataset { request.dataset = dataset }
                if let plans { request.plans = plans }
                if let component { request.component = component }
                if let trials { request.trials = trials }
                if let seed { request.seed = seed }
                if let marketCorrelation { request.marketCorrelation = marketCorrelation }
                if !spiffs.isEmpty { request.spiffs = spiffs }
            }
        }

        func run() throws {
            guard let out else { throw ValidationError("give --out DIR") }
            if let plan {
                try runPlan(plan, out: out)
                return
            }
            let request = try configuration()
            let report = try Meridian.waitFor { () async throws(SimulationError) in
                try await SimulationStudy().run(request)
            }
            try AtomicFolder.write(report.files(), to: URL(fileURLWithPath: out))
            print(report.summaryText(), terminator: "")
        }

        /// `--plan`: the plan's steps up to its simulation, through the plan runner and its step cache.
        private func runPlan(_ path: String, out: String) throws {
            let files = try planRunner(path).simulationFiles()
            try AtomicFolder.write(files, to: URL(fileURLWithPath: out))
            print("simulation files in \(out)/")
        }

        /// The runner of the plan file at `path` with --trials, --seed, --component and
        /// --market-correlation over its simulation section; `solve --plan` reads its inputs from it.
        func planRunner(_ path: String) throws -> PlanRunner {
            let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
            var file = try PlanFile(yaml: text, file: path)
            if let trials { file.simulation?.trials = trials }
            if let seed { file.simulation?.seed = seed }
            if let component { file.simulation?.component = component }
            if let marketCorrelation { file.simulation?.marketCorrelation = marketCorrelation }
            if !spiffs.isEmpty { file.simulation?.spiffs = spiffs }
            return Meridian.stepRunner(file, text: text, path: path, cache: cache)
        }
    }

    /// The runner `simulate --plan` and `insights --plan` take one step's files from: each step's line
    /// printed, the step cache `cache` or else the one beside the plan's default output (where
    /// `plan run` keeps it).
    static func stepRunner(_ plan: PlanFile, text: String, path: String, cache: String?) -> PlanRunner {
        let folder =
            cache.map { URL(fileURLWithPath: $0) }
            ?? PlanRunner.defaultCache(for: URL(fileURLWithPath: PlanRunner.defaultOutput(for: path)))
        return PlanRunner(plan: plan, planText: text, planPath: path, cacheFolder: folder) { print($0) }
    }
}
