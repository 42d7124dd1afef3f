import Foundation
import SalesData

/// Seeded, stratified row splits: a hold-out split and k folds, reproducible across platforms.
///
/// ```swift
/// let folds = try DataSplit.stratifiedFolds(labels: [0, 1, 0, 1, 0, 1], count: 3, seed: 7)
/// folds.count   // 3
/// ```
public enum DataSplit {
    /// Splits rows into training and hold-out sets, keeping the positive rate in both.
    ///
    /// Each class contributes `round(fraction × its rows)` hold-out rows; a fraction of 0 holds
    /// out nothing (every row trains).
    public static func holdout(labels: [Double], fraction: Double, seed: UInt64) throws -> (train: [Int], test: [Int]) {
        guard fraction >= 0 && fraction < 1 else {
            throw ScoringError.invalidParameter(name: "holdout", value: "\(fraction)", expected: "a fraction in [0, 1)")
        }
        var generator = SplitMixGenerator(seed: seed)
        var train: [Int] = []
        var test: [Int] = []
        for cls in [0.0, 1.0] {
            var members = labels.indices.filter { labels[$0] == cls }
            generator.shuffle(&members)
            let cut = Int((Double(members.count) * fraction).rounded())
            test += members[..<cut]
            train += members[cut...]
        }
        return (train.sorted(), test.sorted())
    }

    /// Cell values (compared lowercased, spaces trimmed) that put a row in the training set.
    public static let trainingValues: Set<String> = ["train", "training"]
    /// Cell values that put a row in the validation set.
    public static let validationValues: Set<String> = [
        "validation", "valid", "validate", "test", "holdout", "hold-out",
    ]

    /// Splits rows by a column: ``trainingValues`` train, ``validationValues`` validate.
    ///
    /// ```swift
    /// let table = try ColumnTable(csv: "split\nTrain\nvalidation\ntrain\n", file: "leads.csv")
    /// try DataSplit.column("split", of: table)   // (train: [0, 2], test: [1])
    /// ```
    ///
    /// - Throws: ``ScoringError/badLabel(file:line:column:name:value:expected:)`` for a missing
    ///   cell or any other value, and the table's error when the column is absent.
    public static func column(_ name: String, of table: ColumnTable) throws -> (train: [Int], test: [Int]) {
        let cells = try table.strings(name)
        let columnNumber = try table.index(of: name) + 1
        var train: [Int] = []
        var test: [Int] = []
        for (row, cell) in cells.enumerated() {
            let key = cell?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if trainingValues.contains(key) {
                train.append(row)
            } else if validationValues.contains(key) {
                test.append(row)
            } else {
                throw ScoringError.badLabel(
                    file: table.file, line: table.lineNumbers[row], column: columnNumber, name: name, value: cell ?? "",
                    expected: "train or validation (also training; valid, validate, test, holdout; any case)")
            }
        }
        return (train, test)
    }

    /// Assigns every row to one of `count` folds, each class dealt round-robin after a shuffle.
    public static func stratifiedFolds(labels: [Double], count: Int, seed: UInt64) throws -> [[Int]] {
        guard count >= 2 && count <= labels.count else {
            throw ScoringError.invalidParameter(name: "folds", value: "\(count)", expected: "in 2...\(labels.count)")
        }
        var generator = SplitMixGenerator(seed: seed)
        var folds = Array(repeating: [Int](), count: count)
        var next = 0
        for cls in [0.0, 1.0] {
            var members = labels.indices.filter { labels[$0] == cls }
            generator.shuffle(&members)
            for row in members {
                folds[next].append(row)
                next = (next + 1) % count
            }
        }
        return folds.map { $0.sorted() }
    }
}
