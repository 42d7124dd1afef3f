import SalesData

/// A feature transformation fitted on training data only and saved inside the model, so that
/// prediction applies exactly the training-time encoding.
///
/// Handling of awkward inputs (each documented and tested):
/// - a numeric column that is constant in training is dropped (recorded in ``dropped``), but its
///   missing-value indicator is kept when the column had missing values;
/// - a column that is missing in every training row is dropped;
/// - a category not seen in training (or too rare to get its own level) maps to `<column>=other`
///   and is counted in ``FeatureTransformReport/unseenCategories``;
/// - a numeric value missing at prediction time in a column that had no missing values in
///   training is imputed with the training mean and counted in
///   ``FeatureTransformReport/unexpectedMissing``.
///
/// ```swift
/// let table = try ColumnTable(csv: "size,kind\n1,a\n3,b\n", file: "t.csv")
/// let pipeline = try FeaturePipeline.fit(table, spec: FeatureSpec(numeric: [NumericFeature("size")]))
/// try pipeline.transform(table).matrix.names   // ["size"]
/// ```
public struct FeaturePipeline: Sendable, Hashable, Codable {
    /// The fitted encoders, in output order.
    public let encoders: [FittedEncoder]
    /// Input columns that produce no output, with the reason.
    public let dropped: [DroppedFeature]

    /// Output feature names.
    public var outputNames: [String] { encoders.flatMap(\.outputNames) }

    /// Fits the pipeline on training rows.
    ///
    /// - Throws: ``ScoringError/noUsableFeatures(dropped:)`` when nothing remains, and the table's
    ///   errors for missing or non-numeric columns.
    public static func fit(_ table: ColumnTable, spec: FeatureSpec, rows: [Int]? = nil) throws -> FeaturePipeline {
        let rows = rows ?? Array(0..<table.rowCount)
        var encoders: [FittedEncoder] = []
        var dropped: [DroppedFeature] = []
        for feature in spec.numeric {
            let all = try table.numbers(feature.column)
            let values = rows.compactMap { all[$0] }.map(feature.transform.apply)
            let hasMissing = values.count < rows.count
            guard !values.isEmpty else {
                dropped.append(DroppedFeature(column: feature.column, reason: .allMissing))
                continue
            }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            let deviation = variance.squareRoot()
            let constant = deviation <= 1e-12 * max(1, abs(mean))
            if constant { dropped.append(DroppedFeature(column: feature.column, reason: .constant)) }
            if constant && !hasMissing { continue }
            encoders.append(
                .numeric(
                    NumericEncoder(
                        column: feature.column, transform: feature.transform, mean: mean,
                        standardDeviation: deviation, keepsValue: !constant, missingIndicator: hasMissing)))
        }
        for feature in spec.categorical {
            let all = try table.strings(feature.column)
            var counts: [String: Int] = [:]
            for row in rows { counts[all[row] ?? CategoricalEncoder.missingLevel, default: 0] += 1 }
            let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let levels = ranked.filter { $0.value >= feature.minCount }.prefix(feature.maxLevels).map(\.key)
            let hasOther = levels.count < counts.count
            if levels.count + (hasOther ? 1 : 0) <= 1 {
                dropped.append(DroppedFeature(column: feature.column, reason: counts.isEmpty ? .allMissing : .constant))
                continue
            }
            let kept = Set(levels)
            let rare = ranked.map(\.key).filter { !kept.contains($0) }.sorted()
            encoders.append(
                .categorical(CategoricalEncoder(column: feature.column, levels: levels.sorted(), rareLevels: rare)))
        }
        guard !encoders.isEmpty else { throw ScoringError.noUsableFeatures(dropped: dropped.map(\.column)) }
        return FeaturePipeline(encoders: encoders, dropped: dropped)
    }

    /// Encodes rows of `table` (all rows when `rows` is nil).
    ///
    /// - Throws: ``ScoringError/missingFeature(column:)`` when an input column is absent, and
    ///   the table's error for a non-numeric value.
    public func transform(_ table: ColumnTable, rows: [Int]? = nil) throws -> (
        matrix: FeatureMatrix, report: FeatureTransformReport
    ) {
        let rows = rows ?? Array(0..<table.rowCount)
        let names = outputNames
        var values = [Double](repeating: 0, count: rows.count * names.count)
        var report = FeatureTransformReport()
        var offset = 0
        for encoder in encoders {
            guard table.has(encoder.column) else { throw ScoringError.missingFeature(column: encoder.column) }
            switch encoder {
            case .numeric(let numeric):
                let all = try table.numbers(numeric.column)
                for (r, row) in rows.enumerated() {
                    var k = offset
                    let base = r * names.count
                    if let raw = all[row] {
                        if numeric.keepsValue {
                            values[base + k] = (numeric.transform.apply(raw) - numeric.mean) / numeric.standardDeviation
                            k += 1
                        }
                        if numeric.missingIndicator { values[base + k] = 0 }
                    } else {
                        if numeric.keepsValue { k += 1 }  // imputed mean: 0 after standardization
                        if numeric.missingIndicator {
                            values[base + k] = 1
                        } else {
                            report.unexpectedMissing[numeric.column, default: 0] += 1
                        }
                    }
                }
            case .categorical(let categorical):
                let all = try table.strings(categorical.column)
                let index = Dictionary(uniqueKeysWithValues: categorical.levels.enumerated().map { ($1, $0) })
                let rare = Set(categorical.rareLevels)
                for (r, row) in rows.enumerated() {
                    let level = all[row] ?? CategoricalEncoder.missingLevel
                    let position = index[level] ?? categorical.levels.count
                    if index[level] == nil, !rare.contains(level) {
                        report.unseenCategories[categorical.column, default: 0] += 1
                    }
                    values[r * names.count + offset + position] = 1
                }
            }
            offset += encoder.outputNames.count
        }
        return (FeatureMatrix(unchecked: rows.count, values, names), report)
    }
}

/// One fitted column encoder.
public enum FittedEncoder: Sendable, Hashable, Codable {
    case numeric(NumericEncoder)
    case categorical(CategoricalEncoder)

    var column: String {
        switch self {
        case .numeric(let e): e.column
        case .categorical(let e): e.column
        }
    }

    var outputNames: [String] {
        switch self {
        case .numeric(let e): (e.keepsValue ? [e.column] : []) + (e.missingIndicator ? [e.column + "_missing"] : [])
        case .categorical(let e): e.levels.map { "\(e.column)=\($0)" } + ["\(e.column)=other"]
        }
    }
}

/// Standardization (after an optional log) with mean imputation.
public struct NumericEncoder: Sendable, Hashable, Codable {
    public let column: String
    public let transform: NumericTransform
    public let mean: Double
    public let standardDeviation: Double
    /// False when the column was constant in training: only its missing indicator is emitted.
    public let keepsValue: Bool
    public let missingIndicator: Bool
}

/// One-hot levels; anything else goes to the trailing `other` column.
public struct CategoricalEncoder: Sendable, Hashable, Codable {
    /// The level that stands for a missing value.
    public static let missingLevel = "(missing)"
    public let column: String
    public let levels: [String]
    /// Levels seen in training but pooled into `other` because they were rare; not counted as unseen.
    public let rareLevels: [String]
}

/// An input column that produces no feature.
public struct DroppedFeature: Sendable, Hashable, Codable {
    public let column: String
    public let reason: Reason

    public enum Reason: String, Sendable, Hashable, Codable {
        case constant, allMissing
    }
}

/// What a transform had to do beyond the training-time encoding.
public struct FeatureTransformReport: Sendable, Hashable, Codable {
    /// Rows per column whose category was not seen in training (mapped to `other`).
    public var unseenCategories: [String: Int] = [:]
    /// Rows per column with a missing value where training had none (imputed with the mean).
    public var unexpectedMissing: [String: Int] = [:]

    public init() {}
}
