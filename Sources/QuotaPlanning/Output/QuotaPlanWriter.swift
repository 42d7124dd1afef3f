import Foundation
import SalesData

/// Writes a ``QuotaPlan``: to a folder (each file atomically, via `AtomicFile`) or to stdout.
///
/// ```swift
/// try QuotaPlanWriter(format: .csv).write(plan, to: URL(fileURLWithPath: "out"))
/// // out/quotas.csv, out/quota_levels.csv, out/quota_checks.csv, out/quota_summary.txt
/// ```
public struct QuotaPlanWriter: Sendable {
    public enum Format: Sendable { case csv, json }
    public let format: Format

    public init(format: Format) { self.format = format }

    /// With a folder: writes the files and prints the summary to stdout. Without: prints the
    /// quotas (CSV or JSON) to stdout and the summary to stderr.
    public func write(_ plan: QuotaPlan, to folder: URL?) throws {
        let summary = Data(plan.summaryText().utf8)
        guard let folder else {
            FileHandle.standardOutput.write(format == .json ? try plan.json() + Data("\n".utf8) : Data(plan.quotasCSV().utf8))
            FileHandle.standardError.write(summary)
            return
        }
        switch format {
        case .csv:
            try AtomicFile.write(plan.quotasCSV(), to: folder.appendingPathComponent("quotas.csv"))
            try AtomicFile.write(plan.levelsCSV(), to: folder.appendingPathComponent("quota_levels.csv"))
            try AtomicFile.write(plan.checksCSV(), to: folder.appendingPathComponent("quota_checks.csv"))
        case .json:
            try AtomicFile.write(try plan.json(), to: folder.appendingPathComponent("quotas.json"))
        }
        try AtomicFile.write(summary, to: folder.appendingPathComponent("quota_summary.txt"))
        FileHandle.standardOutput.write(summary)
    }
}
