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
    /// ROC AUC of an oracle column (e.g. probabilities that include noise no feature shows).
    public let oracleAuc: Double?

    public init(probabilities: [Double], labels: [Double], truth: [Double]? = nil, oracle: [Double]? = nil) throws {
        rows = labels.count
        positives = Int(labels.reduce(0, +))
        auc = try ClassificationMetrics.rocAUC(scores: probabilities, labels: labels)
        logLoss = try ClassificationMetrics.logLoss(probabilities: probabilities, labels: labels)
        topDecileLift = try ClassificationMetrics.lift(scores: probabilities, labels: labels, fraction: 0.1)
        calibration = try ClassificationMetrics.calibration(probabilities: probabilities, labels: labels, bins: 10)
        truthAuc = try truth.map { try ClassificationMetrics.rocAUC(scores: $0, labels: labels) }
        oracleAuc = try oracle.map { try ClassificationMetrics.rocAUC(scores: $0, labels: labels) }
    }
}
