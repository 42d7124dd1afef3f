import Foundation
import SalesData

/// Reads quotas for a period from CSV: a rep column (`rep_id`, `node` or `id`) and a `quota` column.
///
/// ```swift
/// let quotas = try QuotaTable.load(from: URL(fileURLWithPath: "quotas-2026-Q3.csv"))
/// quotas["R001"]   // 250000
/// ```
public enum QuotaTable {
    /// - Throws: ``InsightsError/malformedFile(file:line:column:reason:)`` for a missing column, a bad
    ///   number or a repeated rep; ``InsightsError/fileFailed(path:reason:)`` when unreadable.
    public static func load(from url: URL) throws(InsightsError) -> [String: Double] {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: url)) } catch {
            throw .fileFailed(path: url.path, reason: "cannot read the quota file (\(error.localizedDescription))")
        }
        return try decode(bytes, file: url.lastPathComponent)
    }

    /// Decodes quota CSV bytes; see ``load(from:)``.
    public static func decode(_ bytes: [UInt8], file: String) throws(InsightsError) -> [String: Double] {
        var repColumn: Int?
        var quotaColumn: Int?
        var quotas: [String: Double] = [:]
        var failure: InsightsError?
        var header = true
        CSVReader(bytes: bytes).forEachRecord { record in
            guard failure == nil else { return }
            if header {
                header = false
                let names = (0..<record.count).map { record.string(at: $0).lowercased() }
                repColumn = ["rep_id", "node", "id"].lazy.compactMap { names.firstIndex(of: $0) }.first
                quotaColumn = names.firstIndex(of: "quota")
                if repColumn == nil || quotaColumn == nil {
                    failure = .malformedFile(
                        file: file, line: record.line, column: 1, reason: "expected columns 'rep_id' and 'quota'")
                }
                return
            }
            guard let repColumn, let quotaColumn, repColumn < record.count, quotaColumn < record.count else {
                failure = .malformedFile(
                    file: file, line: record.line, column: record.count + 1, reason: "missing field")
                return
            }
            let rep = record.string(at: repColumn)
            let text = record.string(at: quotaColumn)
            guard let quota = Double(text), quota.isFinite, quota >= 0 else {
                failure = .malformedFile(
                    file: file, line: record.line, column: quotaColumn + 1,
                    reason: "quota '\(InsightsError.clip(text))' is not a finite amount >= 0")
                return
            }
            guard quotas.updateValue(quota, forKey: rep) == nil else {
                failure = .malformedFile(
                    file: file, line: record.line, column: repColumn + 1,
                    reason: "rep '\(InsightsError.clip(rep))' appears twice")
                return
            }
        } onMalformed: { line, column, message in
            if failure == nil { failure = .malformedFile(file: file, line: line, column: column, reason: message) }
        }
        if let failure { throw failure }
        return quotas
    }
}
