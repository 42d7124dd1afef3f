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
        var generator = ScoringRandom(seed: seed)
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
        var generator = ScoringRandom(seed: seed)
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

/// SplitMix64 with a Fisher–Yates shuffle of our own, so splits do not depend on the standard
/// library's shuffle algorithm.
struct ScoringRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in `0..<bound` by rejection (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let v = next()
            if v < limit { return Int(v % b) }
        }
    }
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }
}
