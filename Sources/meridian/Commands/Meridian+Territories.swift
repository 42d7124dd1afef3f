import ArgumentParser
import Foundation
import SalesData
import TerritoryDesign
import TerritoryDesignExact

extension Meridian {
    /// `meridian territories …`: territory design commands.
    struct Territories: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Territory design: balanced, compact, contiguous alignments.", discussion: ExitStatus.helpText,
            subcommands: [Design.self, PMedian.self])
    }
}

extension Meridian.Territories {
    /// `meridian territories design`: one alignment run.
    struct Design: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign accounts to territories balanced on measures, compact, within a disruption budget.",
            discussion: ExitStatus.helpText)

        @Option(help: .config(keys: TerritoryDesignRequest.configurationKeys)) var config: String?
        @Option(help: "Accounts CSV: id, latitude/longitude or x/y, measure columns, territory, locked.") var accounts:
            String?
        @Option(help: "Territories or candidate centres CSV: id, location, capacity, target_<measure>.")
        var territories: String?
        @Option(help: "Output folder for assignment.csv, territories.csv, metrics.json, territories_before.csv.")
        var output: String?
        @Option(
            name: .customLong("measure"),
            help:
                "Balance measure name[:tolerance[:equal|capacity|given]], or name:max:LIMIT for at most LIMIT per territory (repeatable)."
        )
        var measures: [String] = []
        @Option(
            help:
                "Tolerance of every measure given without one, from flags or --config (default \(TerritoryDesignRequest().tolerance))."
        )
        var tolerance: Double?
        @Option(help: "Distance metric: haversine or euclidean (default from the location columns).") var metric:
            DistanceMetric?
        @Option(help: "Measure that weights travel distance (default: every account weighs 1).") var weight: String?
        @Option(help: "Current-territory column of the accounts CSV.") var territoryColumn: String?
        @Option(help: "Lock column of the accounts CSV (true/1/yes = never moves).") var locksColumn: String?
        @Option(help: "Largest share of accounts that may change territory (0...1).") var maxMovedShare: Double?
        @Option(help: "Largest share of value that may change territory (0...1).") var maxMovedValueShare: Double?
        @Option(help: "Objective penalty per unit of moved value.") var movePenalty: Double?
        @Option(help: "Measure that defines an account's value for disruption (default: the first).") var valueMeasure:
            String?
        @Option(help: "Adjacency pairs CSV (two id columns) for contiguous territories.") var adjacency: String?
        @Option(help: "With --choose-centres, how many candidate centres to open.") var territoryCount: Int?
        @Flag(help: "Treat the territories file as candidate centres and choose --territory-count of them.")
        var chooseCentres = false
        @Option(help: "Relocate centres (location-allocation) for at most this many rounds.") var relocate: Int?
        @Option(help: "Peel and grow: territories to open where workload is highest.") var add: Int?
        @Option(help: "Peel and grow: territories to close where workload is lowest.") var remove: Int?
        @Option(help: "Measure that drives peel and grow (default: the last measure).") var workloadMeasure: String?
        @Flag(help: "An opened centre serves itself: an account whose id is a territory's id stays in it.")
        var centreServesItself = false
        @Option(help: "Time limit in seconds (default \(TerritoryDesignRequest().timeLimit)).") var timeLimit: Double?
        @Option(help: "Seed for every randomized step.") var seed: UInt64?
        @Option(help: "Parallel workers.") var workers: Int?
        @Option(help: "Stop at this relative gap to the bound.") var gap: Double?
        @Option(help: "Summary format on stdout: text or json.") var format: String = "text"
        @Flag(help: "No progress line on stderr.") var quiet = false

        func validate() throws {
            if config == nil && (accounts == nil || territories == nil || measures.isEmpty) {
                throw ValidationError("give --accounts, --territories and at least one --measure, or --config")
            }
            guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
            try FlagChecks.timeLimit(timeLimit)
            try FlagChecks.atLeast(workers, 1, "--workers")
            try FlagChecks.nonNegative(gap, "--gap")
            try FlagChecks.atLeast(add, 0, "--add")
            try FlagChecks.atLeast(remove, 0, "--remove")
            try FlagChecks.atLeast(relocate, 1, "--relocate")
            try FlagChecks.atLeast(territoryCount, 1, "--territory-count")
            try FlagChecks.nonNegative(tolerance, "--tolerance")
            try FlagChecks.share(maxMovedShare, "--max-moved-share")
            try FlagChecks.share(maxMovedValueShare, "--max-moved-value-share")
            try FlagChecks.nonNegative(movePenalty, "--move-penalty")
        }

        func run() throws {
            let request = try Meridian.buildRequest(TerritoryDesignRequest(), config: config, overlay: overlay)
            // the progress line ends with a line break whether the job succeeds or throws
            defer { if !quiet { FileHandle.standardError.write(Data("\n".utf8)) } }
            let plan = try TerritoryDesignJob(request: request).runBlocking(progress: quiet ? nil : Self.progressLine)
            let writer = AlignmentWriter(plan: plan)
            if let output { try writer.write(to: URL(fileURLWithPath: output)) }
            print(format == "json" ? writer.metricsJSON(pretty: false) : writer.textSummary(), terminator: "")
        }

        private static let progressLine: @Sendable (AlignmentProgress) -> Void = { p in
            let line = String(
                format: "\r[%@] incumbent %@ bound %.6g gap %@ elapsed %.1fs", p.phase,
                p.incumbent.map { String(format: "%.6g", $0) } ?? "-", p.bound,
                p.gap.map { String(format: "%.3f%%", $0 * 100) } ?? "-", p.elapsed)
            FileHandle.standardError.write(Data(line.utf8))
        }

        /// Lays the given flags over the request (from `--config` or the defaults).
        private func overlay(_ r: inout TerritoryDesignRequest) throws {
            if let accounts { r.accounts = accounts }
            if let territories { r.territories = territories }
            if !measures.isEmpty { r.measures = try measures.map { try MeasureSpec(parsing: $0) } }
            if let tolerance { r.tolerance = tolerance }
            if let metric { r.metric = metric }
            if let weight { r.weightMeasure = weight }
            if let territoryColumn { r.territoryColumn = territoryColumn }
            if let locksColumn { r.lockedColumn = locksColumn }
            if let maxMovedShare { r.maxMovedShare = maxMovedShare }
            if let maxMovedValueShare { r.maxMovedValueShare = maxMovedValueShare }
            if let movePenalty { r.movePenalty = movePenalty }
            if let valueMeasure { r.valueMeasure = valueMeasure }
            if let adjacency { r.adjacency = adjacency }
            if let territoryCount { r.territoryCount = territoryCount }
            if chooseCentres { r.chooseCentres = true }
            if let relocate { r.relocateRounds = relocate }
            if let add { r.add = add }
            if let remove { r.remove = remove }
            if let workloadMeasure { r.workloadMeasure = workloadMeasure }
            if centreServesItself { r.centreServesItself = true }
            if let timeLimit { r.timeLimit = timeLimit }
            if let seed { r.seed = seed }
            if let workers { r.workers = workers }
            if let gap { r.gap = gap }
        }

        /// The request these arguments describe (config, then flags), validated.
        func request() throws(RequestBuildError) -> TerritoryDesignRequest {
            try Meridian.assembleRequest(TerritoryDesignRequest(), config: config, overlay: overlay)
        }
    }
}

extension DistanceMetric: ExpressibleByArgument {}

extension Meridian.Territories {
    /// `meridian territories pmedian`: the exact (capacitated) p-median engine on user CSVs.
    struct PMedian: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pmedian",
            abstract:
                "Open --count centres serving every account at least weighted travel, within capacities (exact engine).",
            discussion: ExitStatus.discussion(
                """
                Proves optimality (or prints a proven bound and gap) on plans of up to a few hundred \
                accounts; for balance bands, locks, disruption budgets or larger plans use `territories design`.
                """))

        @Option(help: .config(keys: PMedianRequest.configurationKeys)) var config: String?
        @Option(
            help:
                "Accounts CSV: id, latitude/longitude or x/y, the demand and weight columns; every account is a candidate centre."
        ) var accounts: String?
        @Option(help: "How many centres to open.") var count: Int?
        @Option(help: "Accounts column whose values fill a centre's capacity.") var demand: String?
        @Option(help: "Capacity of every centre, in demand units.") var capacity: Double?
        @Option(help: "Accounts column with each account's capacity when it opens as a centre.")
        var capacityColumn: String?
        @Option(help: "Accounts column that weights travel (default: every account weighs 1).") var weight: String?
        @Option(help: "Distance metric: haversine or euclidean (default from the location columns).") var metric:
            DistanceMetric?
        @Flag(inversion: .prefixedNo, help: "An opened centre serves its own account (the p-median convention).")
        var centreServesItself: Bool?
        @Option(help: "Time limit in seconds (default \(PMedianRequest().timeLimit)).") var timeLimit: Double?
        @Option(help: "Seed for every randomized step.") var seed: UInt64?
        @Option(help: "Output folder for assignment.csv, centres.csv, metrics.json.") var output: String?
        @Option(help: "Summary format on stdout: text or json.") var format: String = "text"

        func validate() throws {
            if config == nil && (accounts == nil || count == nil) {
                throw ValidationError("give --accounts and --count, or --config")
            }
            guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
            try FlagChecks.timeLimit(timeLimit)
            try FlagChecks.atLeast(count, 1, "--count")
            try FlagChecks.positive(capacity, "--capacity")
        }

        func run() throws {
            let request = try Meridian.buildRequest(PMedianRequest(), config: config, overlay: overlay)
            let plan = try PMedianJob(request: request).run()
            let writer = PMedianWriter(plan: plan)
            if let output { try writer.write(to: URL(fileURLWithPath: output)) }
            print(format == "json" ? writer.metricsJSON(pretty: false) : writer.textSummary(), terminator: "")
            if let code = Meridian.exitCode(for: plan.termination) { throw code }
        }

        /// Lays the given flags over the request (from `--config` or the defaults).
        private func overlay(_ r: inout PMedianRequest) throws {
            if let accounts { r.accounts = accounts }
            if let count { r.count = count }
            if let demand { r.demand = demand }
            if let capacity { r.capacity = capacity }
            if let capacityColumn { r.capacityColumn = capacityColumn }
            if let weight { r.weightMeasure = weight }
            if let metric { r.metric = metric }
            if let centreServesItself { r.centreServesItself = centreServesItself }
            if let timeLimit { r.timeLimit = timeLimit }
            if let seed { r.seed = seed }
        }
    }
}
