import Foundation
import SalesData

/// A small CSV table read with the shared ``CSVReader``: named columns and each row's line, for the
/// comp inputs (quotas, scores, plan assignments, alignment history).
struct TableFile {
    struct Row {
        let line: Int
        let fields: [String]
    }

    let file: String
    let header: [String]
    let rows: [Row]

    /// Reads `url`, requiring the `required` columns.
    static func read(_ url: URL, required: [String]) throws(IncentivesError) -> TableFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(Array(data), file: url.lastPathComponent, required: required)
    }

    static func parse(_ bytes: [UInt8], file: String, required: [String]) throws(IncentivesError) -> TableFile {
        var header: [String] = []
        var rows: [Row] = []
        var malformed: IncentivesError?
        CSVReader(bytes: bytes).forEachRecord { record in
            let fields = (0..<record.count).map { record.string(at: $0).trimmingCharacters(in: .whitespaces) }
            if header.isEmpty { header = fields } else { rows.append(Row(line: record.line, fields: fields)) }
        } onMalformed: { line, column, message in
            if malformed == nil {
                malformed = .invalidInput(file: file, line: line, column: column, value: "", expected: message)
            }
        }
        if let malformed { throw malformed }
        for name in required where !header.contains(name) {
            throw .invalidInput(
                file: file, line: 1, column: 1, value: header.joined(separator: ","),
                expected: "a header with the column \(name)")
        }
        return TableFile(file: file, header: header, rows: rows)
    }

    /// Column index of `name`.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The value of `name` in `row` ("" when absent or short).
    func value(_ row: Row, _ name: String) -> String {
        guard let index = column(name), index < row.fields.count else { return "" }
        return row.fields[index]
    }

    /// A located error about `name` in `row`.
    func error(_ row: Row, _ name: String, expected: String) -> IncentivesError {
        .invalidInput(
            file: file, line: row.line, column: (column(name) ?? 0) + 1, value: value(row, name), expected: expected)
    }
}
