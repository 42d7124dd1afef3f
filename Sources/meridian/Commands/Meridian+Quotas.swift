import ArgumentParser
import Foundation
import QuotaPlanning
import SalesData

extension Meridian {
    /// `meridian quotas …`: top-down quota planning.
    struct Quotas: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan quotas top-down through the sales hierarchy.", discussion: ExitStatus.helpText,
            subcommands: [Allocate.self])
    }
}

extension Meridian.Quotas {
    /// `meridian quotas allocate`: cascade a company target to every node.
    struct Allocate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cascade a company target to every region, district and rep.",
            discussion: """
                Reads the hierarchy with its seats and measures (--nodes, optional --accounts), takes the plan \
                from --config quota.yaml and/or flags (flags win), and writes quotas.csv, quota_levels.csv and \
                quota_checks.csv (or quotas.json with --format json) to --output, or the table to stdout.
                """ + "\n\n" + ExitStatus.helpText)

        enum Format: String, ExpressibleByArgument { case csv, json }

        @Option(help: "Dataset folder (territories.csv, reps.csv, accounts.csv, opportunities.csv).") var dataset:
            String?
        @Option(help: "Node file: the hierarchy with seats and measures (see QuotaInput).") var nodes: String?
        @Option(help: "Optional account file rolled up to its owners.") var accounts: String?
        @Option(help: "Account column used as potential.") var potentialAttribute = "potential"
        @Option(help: .config(keys: QuotaPlanConfiguration.configurationKeys, see: "Data/plans/quota.yaml")) var config:
            String?
        @Option(help: "Company target.") var target: Double?
        @Option(help: "Basis blend, e.g. history:0.5,potential:0.5.") var basis: String?
        @Option(help: "Over-assignment per level, comma-separated (last repeats), e.g. 0.10.") var overAssign: String?
        @Option(help: "Growth floor vs prior year, e.g. 0.") var growthFloor: Double?
        @Option(help: "Growth cap vs prior year, e.g. 0.30.") var growthCap: Double?
        @Option(help: "Share of first-line pools held as attrition relief.") var attritionRelief: Double?
        @Option(help: "Ramp by month in seat, e.g. 0,0.25,0.5,0.75,1.") var ramp: String?
        @Option(help: "First day of the plan year (YYYY-MM-01).") var planStart: String?
        @Option(help: "Vacancies: hold (at the manager) or ramp (from the expected start).") var vacancies: String?
        @Option(help: "Manual quota, NODE=AMOUNT (repeatable).") var override: [String] = []
        @Option(help: "annual, quarterly or monthly.") var periods: String?
        @Option(help: "Rounding unit, e.g. 1000.") var roundingUnit: Double?
        @Option(help: "Fairness: basis, equal-probability (one level, whole plan) or equal-probability-siblings.")
        var fairness: String?
        @Option(help: "Sales distribution: normal or lognormal.") var distribution: String?
        @Option(help: "Warn when the expected share of reps at or above quota is under this.") var warnBelow: Double?
        @Option(help: "Output format: csv or json.") var format: Format = .csv
        @Option(help: "Output folder; without it the quotas go to stdout and the summary to stderr.") var output:
            String?

        func validate() throws {
            if config == nil && target == nil { throw ValidationError("give --target or --config") }
            if (dataset == nil) == (nodes == nil) { throw ValidationError("give either --dataset DIR or --nodes FILE") }
            for item in override where !item.contains("=") {
                throw ValidationError("--override expects NODE=AMOUNT, got '\(item)'")
            }
            // target, rounding unit, growth bounds and over-assignment are checked by the library
            // (QuotaPlanConfiguration.apply), whose refusal becomes a usage error in run()
            try FlagChecks.share(attritionRelief, "--attrition-relief", in: 0...0.999)
            try FlagChecks.share(warnBelow, "--warn-below")
        }

        func run() throws {
            let configuration = try Meridian.buildRequest(
                QuotaPlanConfiguration(target: 0), config: config, overlay: overlay)
            let tree = try loadHierarchy()
            let plan = try QuotaCascade(hierarchy: tree, configuration: configuration).allocate()
            try QuotaPlanWriter(format: format == .json ? .json : .csv).write(
                plan, to: output.map { URL(fileURLWithPath: $0) })
        }

        /// The quota tree from a dataset folder or a node file.
        func loadHierarchy() throws -> QuotaHierarchy {
            if let dataset {
                let folder = URL(fileURLWithPath: dataset)
                return try QuotaHierarchy(
                    dataset: try SalesDataset.load(from: folder), potentialMeasure: potentialAttribute,
                    accountsFile: dataset.hasSuffix("/") ? dataset + "accounts.csv" : dataset + "/accounts.csv")
            }
            return try QuotaInput.load(
                nodes: URL(fileURLWithPath: nodes ?? ""), accounts: accounts.map { URL(fileURLWithPath: $0) },
                potentialAttribute: potentialAttribute)
        }

        /// The plan these arguments describe: the YAML plan (if any), then the flags, validated.
        func makeConfiguration() throws(RequestBuildError) -> QuotaPlanConfiguration {
            try Meridian.assembleRequest(QuotaPlanConfiguration(target: 0), config: config, overlay: overlay)
        }

        /// Lays the given flags over the plan.
        private func overlay(_ c: inout QuotaPlanConfiguration) throws {
            try c.apply(
                QuotaPlanConfiguration.Flags(
                    target: target, basis: basis, overAssignment: overAssign, growthFloor: growthFloor,
                    growthCap: growthCap, attritionRelief: attritionRelief, ramp: ramp, planStart: planStart,
                    vacancies: vacancies, overrides: override, periods: periods, roundingUnit: roundingUnit,
                    fairness: fairness, distribution: distribution, warnBelow: warnBelow))
        }
    }
}
