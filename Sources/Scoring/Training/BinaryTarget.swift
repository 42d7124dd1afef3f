import Foundation
import SalesData

/// Reads a target column as 0/1 labels, accepting the forms analysts' exports use.
///
/// Without ``positiveLabel`` a cell is read case-insensitively, ignoring surrounding spaces:
/// `1`, `yes`, `y`, `true` are positive and `0`, `no`, `n`, `false` are negative (a number equal
/// to 1 or 0, such as `1.0`, counts too). With ``positiveLabel`` (e.g. `Won`), that value is
/// positive and the one other value in the column is negative; a third distinct value is an error.
/// A missing cell is an error either way.
///
/// ```swift
/// let table = try ColumnTable(csv: "won\nYes\nno\nNO\n", file: "leads.csv")
/// try BinaryTarget(column: "won").labels(table)   // [1, 0, 0]
/// ```
public struct BinaryTarget: Sendable, Hashable, Codable {
    /// Cells read as 1 when no ``positiveLabel`` is given (compared lowercased).
    public static let positiveForms: Set<String> = ["1", "yes", "y", "true"]
    /// Cells read as 0 when no ``positiveLabel`` is given (compared lowercased).
    public static let negativeForms: Set<String> = ["0", "no", "n", "false"]

    /// The label column.
    public var column: String
    /// The value that means a positive outcome (case-insensitive); `nil` reads the standard forms.
    public var positiveLabel: String?

    public init(column: String, positiveLabel: String? = nil) {
        self.column = column
        self.positiveLabel = positiveLabel
    }

    /// The labels of every row of `table`, in row order.
    ///
    /// - Throws: ``ScoringError/badLabel(file:line:column:name:value:expected:)`` naming the first
    ///   cell that is missing or not one of the two classes, and the table's error when the
    ///   column is absent.
    /// - Complexity: O(rows).
    public func labels(_ table: ColumnTable) throws -> [Double] {
        let cells = try table.strings(column)
        let columnNumber = try table.index(of: column) + 1
        var negativeSeen: String?
        var labels = [Double](repeating: 0, count: cells.count)
        for (row, cell) in cells.enumerated() {
            let text = cell?.trimmingCharacters(in: .whitespaces) ?? ""
            let key = text.lowercased()
            func bad(_ expected: String) -> ScoringError {
                ScoringError.badLabel(
                    file: table.file, line: table.lineNumbers[row], column: columnNumber, name: column,
                    value: cell ?? "", expected: expected)
            }
            if let positiveLabel {
                let positive = positiveLabel.lowercased()
                if key.isEmpty { throw bad("'\(positiveLabel)' or one other value, not a missing cell") }
                if key == positive {
                    labels[row] = 1
                } else if let negativeSeen, negativeSeen.lowercased() != key {
                    throw bad(
                        "'\(positiveLabel)' (positive) or '\(negativeSeen)' (negative): a binary target has two values")
                } else {
                    negativeSeen = negativeSeen ?? text
                }
                continue
            }
            if Self.positiveForms.contains(key) || Double(key) == 1 {
                labels[row] = 1
            } else if !(Self.negativeForms.contains(key) || Double(key) == 0) {
                throw bad(
                    key.isEmpty
                        ? "a label (yes/no, true/false, y/n or 1/0), not a missing cell"
                        : "yes/no, true/false, y/n or 1/0 (any case); name the positive value with --positive-label for other words"
                )
            }
        }
        return labels
    }
}
