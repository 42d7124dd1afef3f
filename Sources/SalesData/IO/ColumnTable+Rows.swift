import Foundation

/// Row-by-row access to a ``ColumnTable`` for loaders that read records (territory design units,
/// quota nodes), with the line and the 1-based field number every error message needs.
///
/// ```swift
/// let table = try ColumnTable(csv: "ID,x\nA,1\n", file: "units.csv")
/// let id = table.column(["id", "unit_id"])   // 0
/// for row in table.rows { print(row.line, row.text(id)) }   // 2 A
/// ```
extension ColumnTable {
    /// One data row: its index, the line it starts on, and its cells as text (missing cells are "").
    public struct Row: Sendable {
        /// The row's index in the table.
        public let index: Int
        /// The 1-based line on which the row starts.
        public let line: Int
        /// The cells in header order, trimmed of spaces; a missing value is the empty string.
        public let fields: [String]

        /// The trimmed text of a column (`""` when `column` is `nil`).
        public func text(_ column: Int?) -> String { column.map { fields[$0] } ?? "" }
    }

    /// The data rows in file order.
    public var rows: [Row] {
        (0..<rowCount).map { row in
            Row(
                index: row, line: lineNumbers[row],
                fields: columns.map { ($0[row] ?? "").trimmingCharacters(in: .whitespaces) })
        }
    }

    /// The names an alignment unit's id column goes by (an account, or a county by its FIPS code),
    /// in the order ``column(_:)`` tries them: territory design reads units by them, the report joins
    /// them to the assignment.
    public static let unitIDColumns = ["id", "account_id", "accountid", "unit_id", "fips"]

    /// The index of the first header name that matches one of `names`, ignoring case and any
    /// character other than letters and digits (`Territory_ID` matches `territoryid`).
    public func column(_ names: [String]) -> Int? {
        for name in names.map(Self.normalised) {
            if let index = columnNames.firstIndex(where: { Self.normalised($0) == name }) { return index }
        }
        return nil
    }

    /// The 1-based field number of `column`, as printed in `file:line:column` locations.
    public func fieldNumber(_ column: Int) -> Int { column + 1 }

    /// Row ids that appear twice in `column`: the first repeat's row, or `nil`.
    public func firstDuplicate(in column: Int) -> Row? {
        var seen = Set<String>()
        for row in rows where !row.fields[column].isEmpty && !seen.insert(row.fields[column]).inserted { return row }
        return nil
    }

    static func normalised(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
