/// A plain-text table for terminals: a header row, a rule, and left-aligned text or right-aligned
/// numbers, columns separated by two spaces.
///
/// ```swift
/// var table = TextTable(["run", "status"], numeric: [false, false])
/// table.append(["20261203T130000Z-1a2b3c4d", "completed"])
/// print(table.rendered)
/// ```
public struct TextTable: Sendable {
    public let header: [String]
    /// Whether each column is right-aligned (numbers).
    public let numeric: [Bool]
    public private(set) var rows: [[String]] = []

    /// A table with these column titles; `numeric` defaults to all left-aligned.
    public init(_ header: [String], numeric: [Bool]? = nil) {
        self.header = header
        self.numeric = numeric ?? Array(repeating: false, count: header.count)
    }

    /// Adds a row; missing cells print empty and extra cells are dropped.
    public mutating func append(_ row: [String]) {
        rows.append((0..<header.count).map { $0 < row.count ? row[$0] : "" })
    }

    /// The table with a trailing newline.
    public var rendered: String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var text = cells.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - cells[column].count)
                return numeric[column] ? pad + cells[column] : cells[column] + pad
            }.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
