/// A classifier's figures on one set of rows, and the AUC of the known-true probabilities on the
/// same rows when the data carries them (the best AUC any model could reach).
///
/// ```swift
/// let e = try Evaluation(probabilities: [0.9, 0.1, 0.7, 0.3], labels: [1, 0, 1, 0])
/// e.auc   // 1.0
/// ```
public struct Evaluation: Sendable, Hashable, Codable {
    public let rows: Int
    public let positives: Int
    public let auc: Double
    public let logLoss: Double
    public let topDecileLift: Double
    public let calibration: [CalibrationBin]
    /// ROC AUC of the known-true probabilities (or of the best score computable from the
    /// features), when the data has them.
    public let truthAuc: Double?
    /// ROC AUC of an oracle column, such as probabilities that include noise no feature shows.
    public let oracleAuc: Double?
    /// hits@k, precision@k and recall@k for each k asked for, in that order.
    public let topK: [TopKMetrics]

    /// Computes every metric on one set of rows.
    ///
    /// - Parameters:
    ///   - probabilities: The model's propensities, one per row.
    ///   - labels: 0/1 outcomes; both classes must occur.
    ///   - truth: Known-true probabilities of the same rows, when the data has them.
    ///   - oracle: An oracle score of the same rows, when the data has one.
    ///   - topK: The k of hits@k, precision@k and recall@k; each ≥ 1.
    ///   - set: Which rows these are, named in the error when they hold one class.
    /// - Throws: ``ScoringError/singleClass(label:rows:set:)`` when the labels hold one class.
    public init(
        probabilities: [Double], labels: [Double], truth: [Double]? = nil, oracle: [Double]? = nil, topK: [Int] = [],
        set: RowSet = .evaluation
    ) throws {
        try validateBinaryLabels(labels, rows: probabilities.count, set: set)
        rows = labels.count
        positives = Int(labels.reduce(0, +))
        auc = try ClassificationMetrics.rocAUC(scores: probabilities, labels: labels)
        logLoss = try ClassificationMetrics.logLoss(probabilities: probabilities, labels: labels)
        topDecileLift = try ClassificationMetrics.lift(scores: probabilities, labels: labels, fraction: 0.1)
        calibration = try ClassificationMetrics.calibration(probabilities: probabilities, labels: labels, bins: 10)
        truthAuc = try truth.map { try ClassificationMetrics.rocAUC(scores: $0, labels: labels) }
        oracleAuc = try oracle.map { try ClassificationMetrics.rocAUC(scores: $0, labels: labels) }
        self.topK = try topK.map { try ClassificationMetrics.topK(scores: probabilities, labels: labels, k: $0) }
    }

    private enum CodingKeys: String, CodingKey {
        case rows, positives, auc, logLoss, topDecileLift, calibration, truthAuc, oracleAuc, topK
    }

    /// Decodes an evaluation; files written before top-k metrics existed read with none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rows = try c.decode(Int.self, forKey: .rows)
        positives = try c.decode(Int.self, forKey: .positives)
        auc = try c.decode(Double.self, forKey: .auc)
        logLoss = try c.decode(Double.self, forKey: .logLoss)
        topDecileLift = try c.decode(Double.self, forKey: .topDecileLift)
        calibration = try c.decode([CalibrationBin].self, forKey: .calibration)
        truthAuc = try c.decodeIfPresent(Double.self, forKey: .truthAuc)
        oracleAuc = try c.decodeIfPresent(Double.self, forKey: .oracleAuc)
        topK = try c.decodeIfPresent([TopKMetrics].self, forKey: .topK) ?? []
    }
}
