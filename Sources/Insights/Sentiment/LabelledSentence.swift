import Foundation
import SalesData

/// One sentence of a labelled evaluation set, such as `Data/sentiment/sales_sentences.csv`.
///
/// ```swift
/// let set = try LabelledSentence.load(from: URL(fileURLWithPath: "Data/sentiment/sales_sentences.csv"))
/// set.count                         // 632
/// set.filter { $0.split == "test" } // every third sentence, held out while the lexicon was tuned
/// ```
public struct LabelledSentence: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public var label: SentimentLabel
    /// `dev` or `test` (free text; empty when the file has no `split` column).
    public var split: String

    public init(id: String, text: String, label: SentimentLabel, split: String = "") {
        self.id = id
        self.text = text
        self.label = label
        self.split = split
    }

    /// Reads a CSV with the columns `id`, `text`, `label` (`positive`, `neutral` or `negative`) and
    /// optionally `split`, in any order.
    ///
    /// - Throws: ``InsightsError/malformedFile(file:line:column:reason:)`` for a missing column, a
    ///   malformed record or an unknown label; ``InsightsError/fileFailed(path:reason:)`` when unreadable.
    public static func load(from url: URL) throws(InsightsError) -> [LabelledSentence] {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: url)) } catch {
            throw .fileFailed(path: url.path, reason: "cannot read the labelled set (\(error.localizedDescription))")
        }
        return try decode(bytes, file: url.lastPathComponent)
    }

    /// Decodes the CSV bytes of a labelled set; see ``load(from:)``.
    public static func decode(_ bytes: [UInt8], file: String) throws(InsightsError) -> [LabelledSentence] {
        var columns: [String: Int] = [:]
        var sentences: [LabelledSentence] = []
        var failure: InsightsError?
        CSVReader(bytes: bytes).forEachRecord { record in
            guard failure == nil else { return }
            if columns.isEmpty {
                for index in 0..<record.count { columns[record.string(at: index).lowercased()] = index }
                for name in ["id", "text", "label"] where columns[name] == nil {
                    failure = .malformedFile(
                        file: file, line: record.line, column: 1, reason: "missing column '\(name)'")
                }
                return
            }
            func field(_ name: String) -> String? {
                guard let index = columns[name], index < record.count else { return nil }
                return record.string(at: index)
            }
            guard let id = field("id"), let text = field("text"), let labelText = field("label") else {
                failure = .malformedFile(
                    file: file, line: record.line, column: record.count + 1,
                    reason: "expected \(columns.count) fields, found \(record.count)")
                return
            }
            guard let label = SentimentLabel(rawValue: labelText.lowercased()) else {
                failure = .malformedFile(
                    file: file, line: record.line, column: (columns["label"] ?? 0) + 1,
                    reason: "label '\(InsightsError.clip(labelText))' is not positive, neutral or negative")
                return
            }
            sentences.append(LabelledSentence(id: id, text: text, label: label, split: field("split") ?? ""))
        } onMalformed: { line, column, message in
            if failure == nil { failure = .malformedFile(file: file, line: line, column: column, reason: message) }
        }
        if let failure { throw failure }
        return sentences
    }
}
