import SalesData

/// Seeded, stratified row splits: a hold-out split and k folds, reproducible across platforms.
///
/// ```swift
/// let folds = try DataSplit.stratifiedFolds(labels: [0, 1, 0, 1, 0, 1], count: 3, seed: 7)
/// folds.count   // 3
/// ```
public enum DataSplit {
    /// Splits rows into training and hold-out sets, keeping the positive rate in both.
    public static func holdout(labels: [Double], fraction: Double, seed: UInt64) throws -> (train: [Int], test: [Int]) {
        guard fraction > 0 && fraction < 1 else {
            throw ScoringError.invalidParameter(name: "holdoutFraction", value: "\(fraction)", expected: "in (0, 1)")
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

