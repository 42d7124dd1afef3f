import Foundation

/// A CSV file read as named text columns, for modules that work on arbitrary per-account columns
/// (segmentation features, scoring features) rather than on typed records.
///
/// Parsing follows RFC 4180: a UTF-8 byte-order mark is skipped, CRLF and LF both end records,
/// quoted fields may hold commas, doubled quotes and newlines. An empty field is a missing value
/// (`nil`), and so are `NA`, `NaN`, `null` and `NULL`.
///
/// ```swift
/// let table = try ColumnTable(csv: "id,revenue\nA,10\nB,\n", file: "accounts.csv")
/// try table.numbers("revenue")   // [10.0, nil]
/// ```
public struct ColumnTable: Sendable, Hashable {
    /// The file name used in error messages.
    public let file: String
    /// Column names in header order.
    public private(set) var columnNames: [String]
    /// Cell text by column, then row; `nil` marks a missing value.
    public private(set) var columns: [[String?]]
    /// The 1-based line in the file on which each row starts (the header is line 1).
    public private(set) var lineNumbers: [Int]

    /// The number of data rows.
    public var rowCount: Int { lineNumbers.count }

    /// Builds a table from columns; every column must have `lineNumbers.count` cells.
    public init(file: String, columnNames: [String], columns: [[String?]], lineNumbers: [Int]? = nil) throws {
        guard columnNames.count == columns.count else {
            throw ColumnTableError.malformed(
                file: file, line: 1, column: 0, reason: "\(columnNames.count) names for \(columns.count) columns")
        }
        let rows = columns.first?.count ?? 0
        if let bad = columns.firstIndex(where: { $0.count != rows }) {
            throw ColumnTableError.malformed(
                file: file, line: 1, column: bad + 1,
                reason: "column '\(columnNames[bad])' has \(columns[bad].count) cells, expected \(rows)")
        }
        var seen = Set<String>()
        for (index, name) in columnNames.enumerated() where !seen.insert(name).inserted {
            throw ColumnTableError.duplicateColumn(file: file, column: name, position: index + 1)
        }
        self.file = file
        self.columnNames = columnNames
        self.columns = columns
        self.lineNumbers = lineNumbers ?? Array(2..<(2 + rows))
    }

    /// Reads a CSV file.
    ///
    /// - Throws: ``ColumnTableError`` for an unreadable file, an empty file, a ragged row, a NUL
    ///   byte or broken quoting, naming the file, line and column.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ColumnTableError.unreadable(file: url.path, reason: AtomicFolder.plainReason(error))
        }
        try self.init(bytes: [UInt8](data), file: url.lastPathComponent)
    }

    /// Parses CSV text.
    public init(csv text: String, file: String) throws {
        try self.init(bytes: Array(text.utf8), file: file)
    }

    /// Parses CSV bytes with SalesData's one CSV engine, ``CSVReader``.
    public init(bytes: [UInt8], file: String) throws {
        var records: [[String]] = []
        var lines: [Int] = []
        var malformed: ColumnTableError?
        try CSVReader(bytes: bytes).forEachRecord { record in
            var row: [String] = []
            row.reserveCapacity(record.count)
            for field in 0..<record.count {
                if record.rawBytes(at: field).contains(0) {
                    throw ColumnTableError.malformed(
                        file: file, line: record.line, column: field + 1, reason: "a NUL byte; expected text")
                }
                row.append(record.string(at: field))
            }
            records.append(row)
            lines.append(record.line)
        } onMalformed: { line, column, message in
            if malformed == nil { malformed = .malformed(file: file, line: line, column: column, reason: message) }
        }
        if let malformed { throw malformed }
        guard let header = records.first else {
            throw ColumnTableError.malformed(file: file, line: 1, column: 0, reason: "no header row")
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var columns = Array(repeating: [String?](), count: names.count)
        for column in columns.indices { columns[column].reserveCapacity(records.count - 1) }
        for (index, row) in records.enumerated().dropFirst() {
            guard row.count == names.count else {
                throw ColumnTableError.malformed(
                    file: file, line: lines[index], column: min(row.count, names.count) + 1,
                    reason: "\(row.count) fields, expected \(names.count) as in the header")
            }
            for (column, cell) in row.enumerated() {
                columns[column].append(Self.isMissing(cell) ? nil : cell)
            }
        }
        try self.init(file: file, columnNames: names, columns: columns, lineNumbers: Array(lines.dropFirst()))
    }

    static func isMissing(_ cell: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "NA" || trimmed == "NaN" || trimmed == "null" || trimmed == "NULL"
    }

    /// The index of the named column.
    ///
    /// - Throws: ``ColumnTableError/missingColumn(file:column:available:)``.
    public func index(of column: String) throws -> Int {
        guard let index = columnNames.firstIndex(of: column) else {
            throw ColumnTableError.missingColumn(file: file, column: column, available: columnNames)
        }
        return index
    }

    /// Whether the table has the named column.
    public func has(_ column: String) -> Bool { columnNames.contains(column) }

    /// The text cells of a column.
    public func strings(_ column: String) throws -> [String?] { columns[try index(of: column)] }

    /// The cells of a column parsed as finite numbers; missing cells are `nil`.
    ///
    /// - Throws: ``ColumnTableError/notANumber(file:line:column:name:value:)`` for text that is not a
    ///   finite decimal number.
    public func numbers(_ column: String) throws -> [Double?] {
        let cells = columns[try index(of: column)]
        var values = [Double?](repeating: nil, count: cells.count)
        for (row, cell) in cells.enumerated() {
            guard let cell else { continue }
            guard let value = Double(cell.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ColumnTableError.notANumber(
                    file: file, line: lineNumbers[row], column: try index(of: column) + 1, name: column, value: cell)
            }
            values[row] = value
        }
        return values
    }

    /// Appends or replaces a column; `cells` must have ``rowCount`` entries (a programming error otherwise).
    public mutating func setColumn(_ name: String, _ cells: [String?]) {
        precondition(cells.count == rowCount, "column length must equal the row count")
        if let index = columnNames.firstIndex(of: name) {
            columns[index] = cells
        } else {
            columns.append(cells)
            columnNames.append(name)
        }
    }

    /// The table as CSV text (header plus rows, LF line ends, fields quoted where needed).
    public func csv() -> String {
        var out = columnNames.map(Self.quote).joined(separator: ",") + "\n"
        for row in 0..<rowCount {
            out += columns.map { Self.quote($0[row] ?? "") }.joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// `field` quoted for CSV by ``CSVWriter``'s rule.
    public static func quote(_ field: String) -> String { CSVWriter.quoted(field) }
}

/// Problems reading a ``ColumnTable``; each names the file and, where there is one, the line and column.
///
/// Columns are 1-based field numbers (0: the whole line), as in ``SalesDataIssue``.
public enum ColumnTableError: Error, Hashable, CustomStringConvertible {
    /// The file could not be read (an I/O error, exit 1 in the CLI).
    case unreadable(file: String, reason: String)
    /// Broken CSV: quoting, a NUL byte, a ragged row or no header.
    case malformed(file: String, line: Int, column: Int, reason: String)
    /// A header name appears twice; `position` is the second one's field number.
    case duplicateColumn(file: String, column: String, position: Int)
    /// A column the caller needs is not in the header.
    case missingColumn(file: String, column: String, available: [String])
    /// A cell that should be a finite number is not.
    case notANumber(file: String, line: Int, column: Int, name: String, value: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .malformed(let file, let line, let column, let reason): "\(file):\(line):\(column): \(reason)"
        case .duplicateColumn(let file, let column, let position):
            "\(file):1:\(position): column '\(ErrorText.quoted(column))' appears twice in the header"
        case .missingColumn(let file, let column, let available):
            "\(file):1:0: no column '\(ErrorText.quoted(column))'; the header has: "
                + ErrorText.quoted(available.joined(separator: ", "))
        case .notANumber(let file, let line, let column, let name, let value):
            "\(file):\(line):\(column): \(name): '\(ErrorText.quoted(value))' is not a finite number"
        }
    }
}

extension ColumnTable {
    /// A left join: every row of `self`, extended with the columns of `other` from the row whose
    /// `otherKey` equals this row's `key` (missing cells when there is none).
    ///
    /// A column of `other` whose name `self` already has is renamed `<other file stem>_<name>`.
    ///
    /// ```swift
    /// let scored = try accounts.leftJoined(with: truth, on: "id", otherKey: "account_id")
    /// ```
    ///
    /// - Throws: ``ColumnTableError/missingColumn(file:column:available:)`` for an absent key and
    ///   ``ColumnTableError/malformed(file:line:column:reason:)`` for a key that repeats in `other`.
    public func leftJoined(with other: ColumnTable, on key: String, otherKey: String) throws -> ColumnTable {
        let keys = try strings(key)
        let otherKeys = try other.strings(otherKey)
        var index: [String: Int] = [:]
        for (row, value) in otherKeys.enumerated() {
            guard let value else { continue }
            if index.updateValue(row, forKey: value) != nil {
                throw ColumnTableError.malformed(
                    file: other.file, line: other.lineNumbers[row], column: try other.index(of: otherKey) + 1,
                    reason: "key '\(ErrorText.quoted(value))' in column '\(otherKey)' appears twice")
            }
        }
        let matches = keys.map { $0.flatMap { index[$0] } }
        var result = self
        let stem = (other.file as NSString).deletingPathExtension
        for (c, name) in other.columnNames.enumerated() where name != otherKey {
            let target = columnNames.contains(name) ? "\(stem)_\(name)" : name
            result.setColumn(target, matches.map { $0.flatMap { other.columns[c][$0] } })
        }
        return result
    }
}
