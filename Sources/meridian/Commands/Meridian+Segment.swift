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

        @Option(help: "Accounts CSV.") var input: String
        @Option(help: "Output CSV.") var output: String
        @Option(help: "Account id column.") var idColumn = "id"
        @Option(parsing: .upToNextOption, help: "Numeric feature columns for k-means (standardized).") var features: [String] = []
        @Option(parsing: .upToNextOption, help: "Features to transform with log(1 + x) first.") var logFeatures: [String] = []
        @Option(help: "Number of clusters, or 'auto' to choose by silhouette in --k-min...--k-max.") var k = "auto"
        @Option(help: "Smallest k tried by --k auto.") var kMin = 2
        @Option(help: "Largest k tried by --k auto.") var kMax = 10
        @Option(help: "k-means restarts (run in parallel).") var restarts = 10
        @Option(help: "Column to rank for ABC and decile tiers.") var tierMeasure: String?
        @Option(help: "YAML file of rule buckets.") var rules: String?
        @Option(help: "Random seed; omitted: one is picked and printed.") var seed: UInt64?

        func validate() throws {
            if k != "auto" && Int(k) == nil { throw ValidationError("--k must be a number or 'auto'") }
            if let fixed = Int(k), fixed < 1 { throw ValidationError("--k must be at least 1") }
            if kMin < 2 || kMax < kMin { throw ValidationError("need 2 ≤ --k-min ≤ --k-max") }
            if restarts < 1 { throw ValidationError("--restarts must be at least 1") }
            if features.isEmpty && tierMeasure == nil && rules == nil {
                throw ValidationError("nothing to do: give --features, --tier-measure or --rules")
            }
        }

        func run() throws {
            let seed = seed ?? UInt64.random(in: 0..<(1 << 32))
            let table = try ColumnTable(contentsOf: URL(fileURLWithPath: input))
            let segmenter = AccountSegmenter(
                idColumn: idColumn, features: features, logFeatures: Set(logFeatures),
                clusters: Int(k).map { .fixed($0) } ?? .automatic(kMin...kMax), restarts: restarts, seed: seed,
                tierMeasure: tierMeasure, rules: try rules.map { try BucketRules(contentsOf: URL(fileURLWithPath: $0)) })
            let result = try segmenter.segment(table)
            try AtomicFile.write(result.csv(), to: URL(fileURLWithPath: output))
            print(result.summary(), terminator: "")
        }
    }
}
