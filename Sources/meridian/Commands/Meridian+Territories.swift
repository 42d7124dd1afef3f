import ArgumentParser
import Foundation
import TerritoryDesign
import SalesData

extension Meridian {
    /// `meridian territories …`: territory design commands.
    struct Territories: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Territory design: balanced, compact, contiguous alignments.",
            subcommands: [Design.self])
    }
}

extension Meridian.Territories {
    /// `meridian territories design`: one alignment run.
    ///
    /// Exit codes: 0 ok, 1 error, 3 no feasible alignment (with the reasons), 4 limit hit without
    /// a feasible alignment, 64 usage, 65 bad data.
    struct Design: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign accounts to territories balanced on measures, compact, within a disruption budget.")

        @Option(help: .config(keys: TerritoryDesignRequest.configurationKeys)) var config: String?
        @Option(help: "Accounts CSV: id, latitude/longitude or x/y, measure columns, territory, locked.") var accounts: String?
        @Option(help: "Territories or candidate centres CSV: id, location, capacity, target_<measure>.") var territories: String?
        @Option(help: "Output folder for assignment.csv, territories.csv, metrics.json.") var output: String?
        @Option(name: .customLong("measure"), help: "Balance measure name[:tolerance[:equal|capacity|given]] (repeatable).")
        var measures: [String] = []
        @Option(help: "Tolerance of every measure given without one, from flags or --config (default \(TerritoryDesignRequest().tolerance)).")
        var tolerance: Double?
        @Option(help: "Distance metric: haversine or euclidean (default from the location columns).") var metric: DistanceMetric?
        @Option(help: "Measure that weights travel distance (default: every account weighs 1).") var weight: String?
        @Option(help: "Current-territory column of the accounts CSV.") var territoryColumn: String?
        @Option(help: "Lock column of the accounts CSV (true/1/yes = never moves).") var locksColumn: String?
        @Option(help: "Largest share of accounts that may change territory (0...1).") var maxMovedShare: Double?
        @Option(help: "Largest share of value that may change territory (0...1).") var maxMovedValueShare: Double?
        @Option(help: "Objective penalty per unit of moved value.") var movePenalty: Double?
        @Option(help: "Measure that defines an account's value for disruption (default: the first).") var valueMeasure: String?
        @Option(help: "Adjacency pairs CSV (two id columns) for contiguous territories.") var adjacency: String?
        @Option(help: "With --choose-centres, how many candidate centres to open.") var territoryCount: Int?
        @Flag(help: "Treat the territories file as candidate centres and choose --territory-count of them.") var chooseCentres = false
        @Option(help: "Relocate centres (location-allocation) for at most this many rounds.") var relocate: Int?
        @Option(help: "Peel and grow: territories to open where workload is highest.") var add: Int?
        @Option(help: "Peel and grow: territories to close where workload is lowest.") var remove: Int?
        @Option(help: "Measure that drives peel and grow (default: the last measure).") var workloadMeasure: String?
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
        }

        func run() throws {
            let request = try Meridian.buildRequest(TerritoryDesignRequest(), config: config, overlay: overlay)
            let plan: TerritoryPlan
            do {
                plan = try TerritoryDesignJob(request: request).runBlocking(progress: quiet ? nil : Self.progressLine)
            } catch let error as TerritoryError {
                FileHandle.standardError.write(Data("\nerror: \(error)\n".utf8))
                switch error {
                case .infeasible: throw ExitCode(3)
                case .noFeasibleAlignmentFound: throw ExitCode(4)
                default: throw ExitCode(65)
                }
            }
            if !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
            let writer = AlignmentWriter(plan: plan)
            if let output { try writer.write(to: URL(fileURLWithPath: output)) }
            print(format == "json" ? writer.metricsJSON(pretty: false) : writer.textSummary(), terminator: "")
        }

        private static let progressLine: @Sendable (AlignmentProgress) -> Void = { p in
            let line = String(format: "\r[%@] incumbent %@ bound %.6g gap %@ elapsed %.1fs", p.phase,
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
