/// Accuracy, per-class precision, recall and F1, and macro-F1 of three-class predictions.
///
/// ```swift
/// let report = ClassificationReport(truth: [.positive, .negative, .neutral],
///                                   predicted: [.positive, .neutral, .neutral])
/// report.accuracy   // 0.6667 (2 of 3)
/// report.macroF1    // (1 + 0 + 0.6667) / 3 = 0.5556
/// ```
///
/// Invariants: `confusion[t][p]` counts items of true class `t` predicted as `p`, in
/// `SentimentLabel.allCases` order; a class without predictions and without items has F1 0.
public struct ClassificationReport: Sendable, Hashable, Codable {
    /// `confusion[truth][predicted]`, both indexed in `SentimentLabel.allCases` order.
    public let confusion: [[Int]]
    public let count: Int

    /// - Precondition: `truth.count == predicted.count`.
    public init(truth: [SentimentLabel], predicted: [SentimentLabel]) {
        precondition(truth.count == predicted.count, "one prediction per item")
        var confusion = Array(repeating: Array(repeating: 0, count: 3), count: 3)
        for (t, p) in zip(truth, predicted) { confusion[Self.index(t)][Self.index(p)] += 1 }
        self.confusion = confusion
        self.count = truth.count
    }

    /// The predictions of a majority-class baseline: the most frequent class of `truth` for every
    /// item (ties go to the earlier class of `SentimentLabel.allCases`).
    public static func majorityBaseline(_ truth: [SentimentLabel]) -> [SentimentLabel] {
        let counts = SentimentLabel.allCases.map { label in truth.count { $0 == label } }
        let best = counts.indices.max { (counts[$0], -$0) < (counts[$1], -$1) } ?? 0
        return Array(repeating: SentimentLabel.allCases[best], count: truth.count)
    }

    /// Items predicted correctly.
    public var correct: Int { (0..<3).reduce(0) { $0 + confusion[$1][$1] } }

    /// Share of items predicted correctly (0 for no items).
    public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }

    /// Precision of `label`: correct predictions of it over all predictions of it (0 when never predicted).
    public func precision(_ label: SentimentLabel) -> Double {
        let c = Self.index(label)
        let predicted = (0..<3).reduce(0) { $0 + confusion[$1][c] }
        return predicted == 0 ? 0 : Double(confusion[c][c]) / Double(predicted)
    }

    /// Recall of `label`: its items predicted correctly over its items (0 when it has none).
    public func recall(_ label: SentimentLabel) -> Double {
        let c = Self.index(label)
        let actual = confusion[c].reduce(0, +)
        return actual == 0 ? 0 : Double(confusion[c][c]) / Double(actual)
    }

    /// Harmonic mean of precision and recall of `label` (0 when both are 0).
    public func f1(_ label: SentimentLabel) -> Double {
        let p = precision(label)
        let r = recall(label)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Unweighted mean of the three classes' F1.
    public var macroF1: Double { SentimentLabel.allCases.reduce(0) { $0 + f1($1) } / 3 }

    static func index(_ label: SentimentLabel) -> Int {
        switch label {
        case .negative: 0
        case .neutral: 1
        case .positive: 2
        }
    }
}
