import ArgumentParser
import Foundation
import SalesData
import Segmentation

extension Meridian {
    /// `meridian segment`: k-means clusters, ABC/decile tiers and rule buckets for accounts.
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Segment accounts: k-means clusters, ABC/decile tiers and rule buckets.",
            discussion: """
                Writes one row per account (id, segment_cluster, segment_abc, segment_decile, segment_bucket, \
                segment_rule) and prints a summary.
                """ + "\n\n" + ExitStatus.helpText)

        @Option(help: .config(keys: SegmentationRequest.configurationKeys)) var config: String?
        @Option(help: "Accounts CSV.") var input: String?
        @Option(help: "Output CSV.") var output: String
        @Option(help: "Account id column (default \(SegmentationRequest().idColumn)).") var idColumn: String?
        @Option(parsing: .upToNextOption, help: "Numeric feature columns for k-means (standardized).") var features:
            [String] = []
        @Option(parsing: .upToNextOption, help: "Features to transform with log(1 + x) first.") var logFeatures:
            [String] = []
        @Option(help: "Number of clusters, or 'auto' to choose by silhouette in --k-min...--k-max.") var k: String?
        @Option(help: "Smallest k tried by --k auto (default \(SegmentationRequest().kMin)).") var kMin: Int?
        @Option(help: "Largest k tried by --k auto (default \(SegmentationRequest().kMax)).") var kMax: Int?
        @Option(help: "k-means restarts, run in parallel (default \(SegmentationRequest().restarts)).") var restarts:
            Int?
        @Option(help: "Column to rank for ABC and decile tiers.") var tierMeasure: String?
        @Option(help: "YAML file of rule buckets.") var rules: String?
        @Option(help: "Random seed; omitted: one is picked and printed.") var seed: UInt64?

        func validate() throws {
            if let k, k != "auto" && Int(k) == nil { throw ValidationError("--k must be a number or 'auto'") }
            if config == nil && input == nil { throw ValidationError("give --input or --config") }
        }

        func run() throws {
            let request = try Meridian.buildRequest(SegmentationRequest(), config: config, overlay: overlay)
            let result = try SegmentationJob(request: request, seed: UInt64.random(in: 0..<(1 << 32))).run()
            try AtomicFile.write(result.csv(), to: URL(fileURLWithPath: output))
            print(result.summary(), terminator: "")
        }

        /// The request these arguments describe (config, then flags), validated.
        func request() throws(RequestBuildError) -> SegmentationRequest {
            try Meridian.assembleRequest(SegmentationRequest(), config: config, overlay: overlay)
        }

        /// Lays the given flags over the request.
        private func overlay(_ r: inout SegmentationRequest) throws {
            if let input { r.input = input }
            if let idColumn { r.idColumn = idColumn }
            if !features.isEmpty { r.features = features }
            if !logFeatures.isEmpty { r.logFeatures = logFeatures }
            if let k { r.clusterCount = Int(k) }
            if let kMin { r.kMin = kMin }
            if let kMax { r.kMax = kMax }
            if let restarts { r.restarts = restarts }
            if let tierMeasure { r.tierMeasure = tierMeasure }
            if let rules { r.rules = rules }
            if let seed { r.seed = seed }
        }
    }
}
