import Foundation
import SalesData

/// Writes a ``QuotaPlan``: to a folder (whole, via `AtomicFolder`) or to stdout.
///
/// ```swift
/// try QuotaPlanWriter(format: .csv).write(plan, to: URL(fileURLWithPath: "out"))
/// // out/quotas.csv, out/quota_levels.csv, out/quota_checks.csv, out/quota_summary.txt
/// ```
public struct QuotaPlanWriter: Sendable {
    public enum Format: Sendable { case csv, json }
    public let format: Format

    public init(format: Format) { self.format = format }

    /// Every file a quota folder may hold (CSV or JSON runs).
    static let fileNames: Set<String> = [
        "quotas.csv", "quota_levels.csv", "quota_checks.csv", "quotas.json", "quota_summary.txt",
    ]

    /// With a folder: writes the files and prints the summary to stdout.
    ///
    /// Without: prints the quotas (CSV or JSON) to stdout and the summary to stderr.
    public func write(_ plan: QuotaPlan, to folder: URL?) throws {
        let summary = Data(plan.summaryText().utf8)
        guard let folder else {
            FileHandle.standardOutput.write(
                format == .json ? try plan.json() + Data("\n".utf8) : Data(plan.quotasCSV().utf8))
            FileHandle.standardError.write(summary)
            return
        }
        try AtomicFolder.write(try files(for: plan), to: folder, owned: Self.fileNames)
        FileHandle.standardOutput.write(summary)
    }

    /// The files of a quota folder, in memory: the CSVs (or `quotas.json`) and `quota_summary.txt`.
    public func files(for plan: QuotaPlan) throws -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)]
        switch format {
        case .csv:
            files = [
                ("quotas.csv", Data(plan.quotasCSV().utf8)), ("quota_levels.csv", Data(plan.levelsCSV().utf8)),
                ("quota_checks.csv", Data(plan.checksCSV().utf8)),
            ]
        case .json:
            files = [("quotas.json", try plan.json())]
        }
        files.append(("quota_summary.txt", Data(plan.summaryText().utf8)))
        return files
    }
}
