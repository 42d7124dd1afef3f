import ArgumentParser
import Foundation
import Incentives
import Planning
import SalesData
import Simulation

extension Meridian {
    /// `meridian simulate backtest`: the simulated plan year against the realized one.
    struct SimulateBacktest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backtest",
            abstract:
                "Backtest the simulation: calibrate on history before the plan year, compare with the realized year.",
            discussion: ExitStatus.discussion(
                """
                Simulates the plan year from history before it only, and compares it with the realized year \
                through the last closed month (the engine's year-to-date credit, annualized by the history's \
                seasonality): the realized share at quota and total payout against the simulated P10-P90, \
                and the share of people whose realized attainment lies in their own P10-P90 (docs/simulation.md). \
                The inputs are simulate's options, given after backtest (--config, --quotas, --dataset, --plans, \
                --component, --trials, --seed, --market-correlation); --out writes backtest.csv and backtest.txt.
                """))

        @ParentCommand var simulate: Simulate
        @Option(help: "Last realized month YYYY-MM (default: the data's last closed month of the plan year).")
        var through: String?

        func validate() throws {
            if let through, (try? CompPeriod(parsing: through)) == nil {
                throw ValidationError("--through: expected a month YYYY-MM, got \(through.prefix(200))")
            }
        }

        func run() throws {
            let configuration = try simulate.configuration()
            let last = through.flatMap { try? CompPeriod(parsing: $0).last }
            let report = try Meridian.waitFor { () async throws(SimulationError) in
                try await SimulationStudy().backtest(configuration, through: last)
            }
            if let out = simulate.out { try AtomicFolder.write(report.files(), to: URL(fileURLWithPath: out)) }
            print(report.table(), terminator: "")
        }
    }

    /// `meridian simulate solve`: the plan parameter value that meets a cost target.
    struct SimulateSolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "solve",
            abstract: "Find the value of one plan parameter that meets a cost target at P50, P90 or the mean.",
            discussion: ExitStatus.discussion(
                """
                A root search (bracket, then Brent's method) over the simulation with common random numbers: \
                every value is paid on the same draws, so the cost is monotone in the parameter. Prints the \
                value with its Monte Carlo standard error and the achieved P10/P50/P90. A target that no value \
                in the bracket meets exits 3. The inputs are simulate's options, given after solve: --plan FILE \
                (the plan's steps up to its quotas, from the step cache when unchanged, and its simulation \
                section, as `simulate --plan` runs them), or --config, --quotas, --dataset, --plans; and \
                --component, --trials, --seed, --market-correlation over either.
                """))

        @ParentCommand var simulate: Simulate
        @Option(help: "cost-of-sales=RATIO or payout=AMOUNT.") var target: String
        @Option(help: "The statistic that must meet the target: mean, p50 or p90 (default p50).") var at: String = "p50"
        @Option(help: "The parameter varied: accelerator, cap, threshold or over-assignment.") var vary: String
        @Option(help: "The values searched, LOW,HIGH (default per parameter).") var bracket: String?

        func validate() throws {
            guard PlanCostTarget.Statistic(rawValue: at) != nil else {
                throw ValidationError("--at: expected mean, p50 or p90, got \(at.prefix(200))")
            }
            guard PlanParameter(rawValue: vary) != nil else {
                throw ValidationError(
                    "--vary: expected accelerator, cap, threshold or over-assignment, got \(vary.prefix(200))")
            }
            do { _ = try PlanCostTarget(parsing: target) } catch { throw ValidationError("--target: \(error)") }
            if let bracket, Self.bracket(bracket) == nil {
                throw ValidationError("--bracket: expected LOW,HIGH with LOW below HIGH, got \(bracket.prefix(200))")
            }
        }

        static func bracket(_ text: String) -> ClosedRange<Double>? {
            let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let low = parts[0], let high = parts[1], low.isFinite, high.isFinite, low < high
            else { return nil }
            return low...high
        }

        func run() throws {
            let goal = try PlanCostTarget(parsing: target, at: PlanCostTarget.Statistic(rawValue: at) ?? .p50)
            let parameter = PlanParameter(rawValue: vary) ?? .accelerator
            let range = bracket.flatMap(Self.bracket)
            let solution: PlanCostSolution
            if let plan = simulate.plan {
                let inputs = try simulate.planRunner(plan).simulationInputs()
                solution = try Meridian.waitFor { () async throws(SimulationError) in
                    try await SimulationStudy().solve(
                        inputs.configuration, dataset: inputs.dataset, alignment: inputs.alignment,
                        plans: inputs.plans, quotas: inputs.quotas, parameter: parameter, target: goal, bracket: range)
                }
            } else {
                let configuration = try simulate.configuration()
                solution = try Meridian.waitFor { () async throws(SimulationError) in
                    try await SimulationStudy().solve(configuration, parameter: parameter, target: goal, bracket: range)
                }
            }
            print(solution.text(), terminator: "")
        }
    }
}
