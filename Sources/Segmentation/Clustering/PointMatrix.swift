import SalesData

/// Points to cluster: `count` rows of `dimension` finite coordinates, row-major.
///
/// ```swift
/// let points = try PointMatrix(rows: [[0, 0], [1, 1]])
/// points.standardized().points[0, 0]   // -1.0
/// ```
public struct PointMatrix: Sendable, Hashable {
    public let count: Int
    public let dimension: Int
    public let values: [Double]

    /// - Throws: ``SegmentationError/invalidParameter(name:value:expected:)`` for ragged or
    ///   non-finite input.
    public init(count: Int, dimension: Int, values: [Double]) throws {
        guard dimension >= 1, values.count == count * dimension else {
            throw SegmentationError.invalidParameter(
                name: "values", value: "\(values.count) numbers", expected: "\(count) × \(dimension)")
        }
        guard values.allSatisfy(\.isFinite) else {
            throw SegmentationError.invalidParameter(
                name: "values", value: "a non-finite number", expected: "finite coordinates")
        }
        self.count = count
        self.dimension = dimension
        self.values = values
    }

    public init(rows: [[Double]]) throws {
        let d = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == d }) else {
            throw SegmentationError.invalidParameter(
                name: "rows", value: "ragged rows", expected: "\(d) coordinates each")
        }
        try self.init(count: rows.count, dimension: d, values: rows.flatMap { $0 })
    }

    /// Reads feature columns of a table; every value must be present.
    public init(_ table: ColumnTable, columns: [String]) throws {
        let data = try columns.map { try table.numbers($0) }
        var values = [Double]()
        values.reserveCapacity(table.rowCount * columns.count)
        for row in 0..<table.rowCount {
            for (c, column) in data.enumerated() {
                guard let v = column[row] else {
                    throw SegmentationError.missingValue(
                        file: table.file, line: table.lineNumbers[row], position: try table.index(of: columns[c]) + 1,
                        column: columns[c])
                }
                values.append(v)
            }
        }
        try self.init(count: table.rowCount, dimension: columns.count, values: values)
    }

    public subscript(row: Int, column: Int) -> Double { values[row * dimension + column] }

    /// Each column shifted to mean 0 and scaled to population standard deviation 1 (a constant
    /// column is only shifted), as scikit-learn's `StandardScaler` does.
    public func standardized() -> (points: PointMatrix, means: [Double], deviations: [Double]) {
        var means = [Double](repeating: 0, count: dimension)
        var deviations = [Double](repeating: 0, count: dimension)
        let n = Double(max(count, 1))
        for j in 0..<dimension {
            var sum = 0.0
            for i in 0..<count { sum += values[i * dimension + j] }
            means[j] = sum / n
            var squares = 0.0
            for i in 0..<count {
                let d = values[i * dimension + j] - means[j]
                squares += d * d
            }
            let sd = (squares / n).squareRoot()
            deviations[j] = sd > 0 ? sd : 1
        }
        var out = values
        for i in 0..<count {
            for j in 0..<dimension { out[i * dimension + j] = (values[i * dimension + j] - means[j]) / deviations[j] }
        }
        return (PointMatrix(unchecked: count, dimension, out), means, deviations)
    }

    init(unchecked count: Int, _ dimension: Int, _ values: [Double]) {
        self.count = count
        self.dimension = dimension
        self.values = values
    }

    @inline(__always) func squaredDistance(_ i: Int, to centres: [Double], _ c: Int) -> Double {
        var sum = 0.0
        let a = i * dimension
        let b = c * dimension
        for j in 0..<dimension {
            let d = values[a + j] - centres[b + j]
            sum += d * d
        }
        return sum
    }
}
