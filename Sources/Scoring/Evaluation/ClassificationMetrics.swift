import Foundation

/// Metrics of a probabilistic binary classifier: ROC AUC, log loss, lift and calibration.
///
/// ```swift
/// let auc = try ClassificationMetrics.rocAUC(scores: [0.9, 0.2, 0.6, 0.4], labels: [1, 0, 1, 0])   // 1.0
/// ```
public enum ClassificationMetrics {
    /// The area under the ROC curve: the probability that a random positive scores above a random
    /// negative, counting ties as one half (the Mann–Whitney statistic with mid-ranks).
    ///
    /// - Throws: ``ScoringError/singleClass(label:rows:set:)`` when the labels hold one class only.
    /// - Complexity: O(n log n).
    public static func rocAUC(scores: [Double], labels: [Double]) throws -> Double {
        try validateBinaryLabels(labels, rows: scores.count, set: .evaluation)
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumPositives = 0.0
        var positives = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let midRank = Double(start + end) / 2 + 1
            for k in start...end where labels[order[k]] == 1 {
                rankSumPositives += midRank
                positives += 1
            }
            start = end + 1
        }
        let negatives = Double(scores.count) - positives
        return (rankSumPositives - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// The mean negative log-likelihood, with probabilities clipped to [1e-15, 1 − 1e-15].
    public static func logLoss(probabilities: [Double], labels: [Double]) throws -> Double {
        guard probabilities.count == labels.count, !labels.isEmpty else {
            throw ScoringError.shapeMismatch("\(probabilities.count) probabilities for \(labels.count) labels")
        }
        var total = 0.0
        for (p, y) in zip(probabilities, labels) {
            let q = min(max(p, 1e-15), 1 - 1e-15)
            total -= y * log(q) + (1 - y) * log(1 - q)
        }
        return total / Double(labels.count)
    }

    /// The positive rate among the top `fraction` of rows by score, divided by the overall rate.
    ///
    /// The top set has `ceil(fraction × n)` rows; ties in score are broken by row order, so the
    /// figure is deterministic.
    public static func lift(scores: [Double], labels: [Double], fraction: Double = 0.1) throws -> Double {
        try validateBinaryLabels(labels, rows: scores.count, set: .evaluation)
        guard fraction > 0 && fraction <= 1 else {
            throw ScoringError.invalidParameter(name: "fraction", value: "\(fraction)", expected: "in (0, 1]")
        }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let top = max(1, Int((fraction * Double(scores.count)).rounded(.up)))
        let topRate = order.prefix(top).reduce(0.0) { $0 + labels[$1] } / Double(top)
        let rate = labels.reduce(0, +) / Double(labels.count)
        return topRate / rate
    }

    /// Hits, precision and recall among the `k` highest-scored rows.
    ///
    /// Rows are ranked by score, highest first, ties broken by row order (so the figure is
    /// deterministic); the top set has `min(k, n)` rows. `hits` counts its positives,
    /// `precision = hits / min(k, n)` and `recall = hits / positives`.
    ///
    /// ```swift
    /// let top = try ClassificationMetrics.topK(scores: [0.9, 0.8, 0.7, 0.1], labels: [1, 0, 1, 1], k: 2)
    /// top.hits        // 1
    /// top.precision   // 0.5
    /// top.recall      // 1 / 3
    /// ```
    ///
    /// - Throws: ``ScoringError/singleClass(label:rows:set:)`` when the labels hold one class only,
    ///   ``ScoringError/invalidParameter(name:value:expected:)`` for `k < 1`.
    /// - Complexity: O(n log n).
    public static func topK(scores: [Double], labels: [Double], k: Int) throws -> TopKMetrics {
        try validateBinaryLabels(labels, rows: scores.count, set: .evaluation)
        guard k >= 1 else { throw ScoringError.invalidParameter(name: "k", value: "\(k)", expected: "≥ 1") }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let considered = min(k, order.count)
        let hits = order.prefix(considered).reduce(0) { $0 + (labels[$1] == 1 ? 1 : 0) }
        let positives = labels.reduce(0) { $0 + (($1 == 1) ? 1 : 0) }
        return TopKMetrics(
            k: k, considered: considered, hits: hits, precision: Double(hits) / Double(considered),
            recall: Double(hits) / Double(positives))
    }

    /// A calibration table: rows sorted by predicted probability and cut into `bins` groups of
    /// (nearly) equal size; each bin reports the mean prediction and the observed rate.
    public static func calibration(probabilities: [Double], labels: [Double], bins: Int = 10) throws -> [CalibrationBin]
    {
        guard probabilities.count == labels.count, !labels.isEmpty else {
            throw ScoringError.shapeMismatch("\(probabilities.count) probabilities for \(labels.count) labels")
        }
        guard bins >= 1 else { throw ScoringError.invalidParameter(name: "bins", value: "\(bins)", expected: "≥ 1") }
        let order = probabilities.indices.sorted {
            probabilities[$0] != probabilities[$1] ? probabilities[$0] < probabilities[$1] : $0 < $1
        }
        let n = order.count
        var table: [CalibrationBin] = []
        for b in 0..<min(bins, n) {
            let range = (b * n / min(bins, n))..<((b + 1) * n / min(bins, n))
            let members = order[range]
            let count = members.count
            let meanPredicted = members.reduce(0.0) { $0 + probabilities[$1] } / Double(count)
            let observed = members.reduce(0.0) { $0 + labels[$1] } / Double(count)
            table.append(
                CalibrationBin(
                    index: b + 1, count: count, lowerProbability: probabilities[members.first ?? 0],
                    upperProbability: probabilities[members.last ?? 0], meanPredicted: meanPredicted,
                    observedRate: observed))
        }
        return table
    }
}

/// The positives among the `k` highest-scored rows: hits@k, precision@k and recall@k.
public struct TopKMetrics: Sendable, Hashable, Codable {
    /// The k asked for.
    public let k: Int
    /// The rows in the top set: `min(k, rows)`.
    public let considered: Int
    /// Positives among the top rows (hits@k).
    public let hits: Int
    /// `hits / considered` (precision@k).
    public let precision: Double
    /// `hits / positives` among all evaluated rows (recall@k).
    public let recall: Double
}

/// One row of a calibration table.
public struct CalibrationBin: Sendable, Hashable, Codable {
    /// 1 for the lowest predictions.
    public let index: Int
    public let count: Int
    public let lowerProbability: Double
    public let upperProbability: Double
    public let meanPredicted: Double
    public let observedRate: Double
}
