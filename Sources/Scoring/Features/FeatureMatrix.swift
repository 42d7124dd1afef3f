/// A dense numeric design matrix, row-major, with one name per column.
///
/// Missing values are `Double.nan`; models that cannot handle them (logistic regression) receive
/// matrices from a ``FeaturePipeline``, which imputes them and adds indicator columns.
///
/// ```swift
/// let x = try FeatureMatrix(rows: [[1, 2], [3, 4]], names: ["a", "b"])
/// x[1, 0]   // 3.0
/// ```
public struct FeatureMatrix: Sendable, Hashable {
    /// The number of rows (accounts).
    public let rowCount: Int
    /// The number of columns (features).
    public let columnCount: Int
    /// Row-major values: element `(i, j)` is at `i * columnCount + j`.
    public internal(set) var values: [Double]
    /// Column names.
    public let names: [String]

    /// Wraps row-major values.
    ///
    /// - Throws: ``ScoringError/shapeMismatch(_:)`` when `values.count != rowCount * names.count`.
    public init(rowCount: Int, values: [Double], names: [String]) throws {
        guard values.count == rowCount * names.count else {
            throw ScoringError.shapeMismatch("\(values.count) values for \(rowCount) rows × \(names.count) columns")
        }
        self.rowCount = rowCount
        self.columnCount = names.count
        self.values = values
        self.names = names
    }

    /// Builds a matrix from rows of equal length.
    public init(rows: [[Double]], names: [String]) throws {
        guard rows.allSatisfy({ $0.count == names.count }) else {
            throw ScoringError.shapeMismatch("every row must have \(names.count) values")
        }
        try self.init(rowCount: rows.count, values: rows.flatMap { $0 }, names: names)
    }

    /// The value at row `row`, column `column`.
    public subscript(row: Int, column: Int) -> Double {
        values[row * columnCount + column]
    }

    /// The rows at `indices`, in that order.
    public func rows(_ indices: [Int]) -> FeatureMatrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * columnCount)
        for i in indices { out.append(contentsOf: values[(i * columnCount)..<((i + 1) * columnCount)]) }
        return FeatureMatrix(unchecked: indices.count, out, names)
    }

    /// One column as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rowCount).map { values[$0 * columnCount + j] }
    }

    init(unchecked rowCount: Int, _ values: [Double], _ names: [String]) {
        self.rowCount = rowCount
        self.columnCount = names.count
        self.values = values
        self.names = names
    }
}

/// Checks that labels are 0/1, match the row count, and hold both classes; `set` names the rows
/// in the error.
func validateBinaryLabels(_ labels: [Double], rows: Int, set: RowSet = .training) throws {
    guard rows > 0 else { throw ScoringError.shapeMismatch("no \(set.rawValue) rows") }
    guard labels.count == rows else {
        throw ScoringError.shapeMismatch("\(labels.count) labels for \(rows) rows")
    }
    var positives = 0
    for (i, y) in labels.enumerated() {
        guard y == 0 || y == 1 else { throw ScoringError.invalidLabel(row: i, value: y) }
        if y == 1 { positives += 1 }
    }
    if positives == 0 || positives == rows {
        throw ScoringError.singleClass(label: labels[0], rows: rows, set: set)
    }
}
