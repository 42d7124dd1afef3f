import Foundation
import SalesData

/// A parsed CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) with 1-based line
/// numbers kept for error messages.
///
/// ```swift
/// let table = try CSVTable(text: "id,x\na,1\n", file: "units.csv")
/// table.rows[0].fields   // ["a", "1"]
/// ```
public struct CSVTable: Sendable {
    /// One data row and the line it starts on.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }
    /// The file name used in messages.
    public let file: String
    /// Header names, trimmed.
    public let header: [String]
    /// Data rows (blank lines skipped).
    public let rows: [Row]

    /// Reads and parses a file.
    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw TerritoryError.badInput(file: url.path, line: 0, field: "", message: "cannot read the file (\(error.localizedDescription))")
        }
        try self.init(text: text, file: url.path)
    }

    /// Parses CSV text.
    public init(text: String, file: String) throws {
        self.file = file
        var records: [Row] = []
        var field = "", fields: [String] = []
        var inQuotes = false, line = 1, recordLine = 1, afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields = []; field = ""
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; afterQuote = true; pending = next }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: inQuotes = true
            case ",": fields.append(field); field = ""; afterQuote = false
            case "\r": continue
            case "\n": endRecord(); line += 1; recordLine = line; afterQuote = false
            default: field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw TerritoryError.badInput(file: file, line: recordLine, field: "", message: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else {
            throw TerritoryError.badInput(file: file, line: 1, field: "", message: "the file is empty; expected a header row")
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw TerritoryError.badInput(
                file: file, line: row.line, field: "",
                message: "has \(row.fields.count) fields, the header has \(header.count)")
        }
    }

    /// The index of the first header name among `names` (case-insensitive), if any.
    public func column(_ names: [String]) -> Int? {
        for name in names {
            if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return index }
        }
        return nil
    }

    /// Like ``column(_:)`` but throws a message naming the expected columns.
    public func requireColumn(_ names: [String]) throws -> Int {
        guard let index = column(names) else {
            throw TerritoryError.badInput(
                file: file, line: 1, field: names[0],
                message: "missing column; expected one of \(names.joined(separator: ", ")) in header \(header.joined(separator: ","))")
        }
        return index
    }

    /// The number in `row` at `column`, or a message naming file, line, column and value.
    public func number(_ row: Row, _ column: Int, allowEmpty: Double? = nil) throws -> Double {
        let raw = row.fields[column].trimmingCharacters(in: .whitespaces)
        if raw.isEmpty, let allowEmpty { return allowEmpty }
        guard let value = Double(raw), value.isFinite else {
            throw TerritoryError.badInput(
                file: file, line: row.line, field: header[column], message: "value \"\(raw)\" is not a finite number")
        }
        return value
    }

    /// A boolean (`true/false`, `1/0`, `yes/no`, `y/n`, empty = false).
    public func flag(_ row: Row, _ column: Int) throws -> Bool {
        switch row.fields[column].trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "0", "false", "no", "n", "f": return false
        case "1", "true", "yes", "y", "t": return true
        case let raw:
            throw TerritoryError.badInput(
                file: file, line: row.line, field: header[column], message: "value \"\(raw)\" is not a boolean (true/false, 1/0, yes/no)")
        }
    }
}

/// CSV field quoting for writers.
enum CSVField {
    static func quote(_ s: String) -> String { CSVWriter.quoted(s) }
    static func number(_ x: Double) -> String {
        if !x.isFinite { return x.isNaN ? "" : (x > 0 ? "inf" : "-inf") }
        return String(format: "%.6f", x)
    }
}
