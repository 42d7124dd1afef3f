import Foundation
import SalesData

/// Turns a propensity into money: expected value and potential.
///
/// Expected value = propensity × expected deal size, and potential = expected value + the
/// account's existing baseline, such as trailing-12-month sales.
///
/// The expected deal size of an account is its `dealSizeColumn` value when present, otherwise
/// ``defaultDealSize``, the training mean of that column (1 when no column is named, so expected
/// value equals propensity). The baseline is 0 when no `baselineColumn` is named or the value is
/// missing.
public struct ValueModel: Sendable, Hashable, Codable {
    public let dealSizeColumn: String?
    public let baselineColumn: String?
    public let defaultDealSize: Double

    /// Fits ``defaultDealSize`` on the training rows.
    public static func fit(_ table: ColumnTable, rows: [Int], dealSizeColumn: String?, baselineColumn: String?) throws
        -> ValueModel
    {
        var fallback = 1.0
        if let dealSizeColumn {
            let values = try table.numbers(dealSizeColumn)
            let present = rows.compactMap { values[$0] }
            if !present.isEmpty { fallback = present.reduce(0, +) / Double(present.count) }
        }
        if let baselineColumn { _ = try table.numbers(baselineColumn) }
        return ValueModel(dealSizeColumn: dealSizeColumn, baselineColumn: baselineColumn, defaultDealSize: fallback)
    }
}

/// Per-account scores, in input row order, under the column names that territory design and
/// quota allocation read.
public struct ScoredAccounts: Sendable, Hashable {
    /// Column with the probability of a purchase.
    public static let propensityColumn = "score_propensity"
    /// Column with propensity × expected deal size.
    public static let expectedValueColumn = "score_expected_value"
    /// Column with expected value + baseline.
    public static let potentialColumn = "score_potential"

    /// The id column's name, written as the CSV header's first field.
    public let idColumn: String
    public let ids: [String]
    public let propensity: [Double]
    public let expectedValue: [Double]
    public let potential: [Double]
    /// What the feature transform had to impute or pool.
    public let report: FeatureTransformReport

    /// `id,score_propensity,score_expected_value,score_potential` CSV.
    ///
    /// Every number is written as the shortest decimal that reads back as exactly the same
    /// `Double` (Swift's `description`: `0.1234567891`, `3.2e-08`, `1250.0`), so no propensity
    /// prints as `0.000000` and distinct scores never print alike. The bytes are the same on
    /// every platform.
    public func csv() -> String {
        var out = "\(idColumn),\(Self.propensityColumn),\(Self.expectedValueColumn),\(Self.potentialColumn)\n"
        for i in ids.indices {
            out += "\(ColumnTable.quote(ids[i])),\(propensity[i]),\(expectedValue[i]),\(potential[i])\n"
        }
        return out
    }
}

extension ScoringModel {
    /// Scores every row of `table`: propensity, expected value and potential.
    ///
    /// - Throws: ``ScoringError/missingFeature(column:)`` when an input column is absent.
    public func score(_ table: ColumnTable) throws -> ScoredAccounts {
        let (p, report) = try predict(table)
        let ids =
            table.has(idColumn)
            ? try table.strings(idColumn).enumerated().map { $1 ?? "row-\($0 + 1)" }
            : (1...max(1, table.rowCount)).prefix(table.rowCount).map { "row-\($0)" }
        let deal = try value.dealSizeColumn.map { try table.has($0) ? table.numbers($0) : [] } ?? []
        let base = try value.baselineColumn.map { try table.has($0) ? table.numbers($0) : [] } ?? []
        var expected = [Double](repeating: 0, count: p.count)
        var potential = [Double](repeating: 0, count: p.count)
        for i in p.indices {
            let size = (i < deal.count ? deal[i] : nil) ?? value.defaultDealSize
            expected[i] = p[i] * size
            potential[i] = expected[i] + ((i < base.count ? base[i] : nil) ?? 0)
        }
        return ScoredAccounts(
            idColumn: idColumn, ids: ids, propensity: p, expectedValue: expected, potential: potential, report: report)
    }
}
