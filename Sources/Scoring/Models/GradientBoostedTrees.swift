import Foundation

/// Gradient-boosted decision trees for binary classification, trained by XGBoost's C API
/// (`binary:logistic`, histogram tree method).
///
/// Missing values (`Double.nan`) are allowed: XGBoost learns a default direction at each split.
/// Training is deterministic for a given ``BoostingParameters/seed``.
///
/// ```swift
/// let x = try FeatureMatrix(rows: [[0], [1], [2], [3]], names: ["x"])
/// let fit = try GradientBoostedTrees(parameters: BoostingParameters(rounds: 5)).fit(x, labels: [0, 0, 1, 1])
/// fit.predict(x).count   // 4
/// ```
public struct GradientBoostedTrees: Sendable, Hashable, Codable {
    public var parameters: BoostingParameters

    public init(parameters: BoostingParameters = BoostingParameters()) {
        self.parameters = parameters
    }

    /// Trains `parameters.rounds` trees.
    ///
    /// - Throws: ``ScoringError/singleClass(label:rows:set:)`` for one-class labels,
    ///   ``ScoringError/invalidParameter(name:value:expected:)`` for parameters out of range, and
    ///   ``ScoringError/xgboost(routine:message:)`` when XGBoost reports a failure.
    public func fit(_ x: FeatureMatrix, labels: [Double]) throws -> GradientBoostedTreesFit {
        try parameters.validate()
        try validateBinaryLabels(labels, rows: x.rowCount)
        if let bad = x.values.firstIndex(where: { $0.isInfinite }) {
            throw ScoringError.shapeMismatch(
                "feature '\(x.names[bad % x.columnCount])' is infinite in row \(bad / x.columnCount + 1)")
        }
        let threads = parameters.threads > 0 ? parameters.threads : ProcessInfo.processInfo.activeProcessorCount
        let matrix = try XGBoostMatrix(
            values: x.values.map(Float.init), rows: x.rowCount, columns: x.columnCount, threads: threads)
        try matrix.setLabels(labels.map(Float.init))
        let booster = try XGBoostBooster(cache: [matrix])
        for (name, value) in parameters.xgboostParameters(threads: threads) {
            try booster.setParameter(name, value)
        }
        for round in 0..<parameters.rounds {
            try booster.updateOneIteration(round, training: matrix)
        }
        let gains = try booster.totalGain(featureCount: x.columnCount)
        return GradientBoostedTreesFit(
            names: x.names, parameters: parameters, booster: try booster.serializedModel(), totalGain: gains)
    }
}

/// XGBoost's training parameters, with XGBoost's names in the docs.
public struct BoostingParameters: Sendable, Hashable, Codable {
    /// Boosting rounds (trees).
    public var rounds: Int
    /// `eta`, the learning rate.
    public var learningRate: Double
    /// `max_depth`; 0 (no limit) is allowed together with ``maxLeaves``.
    public var maxDepth: Int
    /// `max_leaves` with `grow_policy = lossguide` (leaf-wise growth, as LightGBM and
    /// scikit-learn's HistGradientBoosting do); 0 grows depth-wise.
    public var maxLeaves: Int
    /// `min_child_weight`, the smallest Hessian sum in a leaf.
    public var minChildWeight: Double
    /// `subsample`, the row fraction per tree.
    public var subsample: Double
    /// `colsample_bytree`, the column fraction per tree.
    public var columnSampleByTree: Double
    /// `lambda`, L2 penalty on leaf weights.
    public var l2: Double
    /// `alpha`, L1 penalty on leaf weights.
    public var l1: Double
    /// `max_bin`, histogram bins per feature.
    public var maxBins: Int
    /// `nthread`; 0 uses every core.
    public var threads: Int
    /// `seed`.
    public var seed: UInt64
    /// The weight of each positive row's gradient and Hessian (`scale_pos_weight`).
    ///
    /// Negatives weigh 1. A weight other than 1 shifts the propensities up, so they are no longer
    /// calibrated probabilities.
    public var scalePositiveWeight: Double

    /// The settings; every default is written here only (the CLI and request files read them).
    public init(
        rounds: Int = 200, learningRate: Double = 0.1, maxDepth: Int = 3, minChildWeight: Double = 5,
        subsample: Double = 1, columnSampleByTree: Double = 1, l2: Double = 1, l1: Double = 0, maxBins: Int = 256,
        threads: Int = 0, seed: UInt64 = 0, maxLeaves: Int = 0, scalePositiveWeight: Double = 1
    ) {
        self.scalePositiveWeight = scalePositiveWeight
        self.maxLeaves = maxLeaves
        self.rounds = rounds
        self.learningRate = learningRate
        self.maxDepth = maxDepth
        self.minChildWeight = minChildWeight
        self.subsample = subsample
        self.columnSampleByTree = columnSampleByTree
        self.l2 = l2
        self.l1 = l1
        self.maxBins = maxBins
        self.threads = threads
        self.seed = seed
    }

    private enum CodingKeys: String, CodingKey {
        case rounds, learningRate, maxDepth, maxLeaves, minChildWeight, subsample, columnSampleByTree, l2, l1, maxBins
        case threads, seed, scalePositiveWeight
    }

    /// Decodes the settings; an absent key keeps its default from ``init(rounds:learningRate:maxDepth:minChildWeight:subsample:columnSampleByTree:l2:l1:maxBins:threads:seed:maxLeaves:scalePositiveWeight:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        rounds = try c.decodeIfPresent(Int.self, forKey: .rounds) ?? rounds
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? learningRate
        maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth) ?? maxDepth
        maxLeaves = try c.decodeIfPresent(Int.self, forKey: .maxLeaves) ?? maxLeaves
        minChildWeight = try c.decodeIfPresent(Double.self, forKey: .minChildWeight) ?? minChildWeight
        subsample = try c.decodeIfPresent(Double.self, forKey: .subsample) ?? subsample
        columnSampleByTree = try c.decodeIfPresent(Double.self, forKey: .columnSampleByTree) ?? columnSampleByTree
        l2 = try c.decodeIfPresent(Double.self, forKey: .l2) ?? l2
        l1 = try c.decodeIfPresent(Double.self, forKey: .l1) ?? l1
        maxBins = try c.decodeIfPresent(Int.self, forKey: .maxBins) ?? maxBins
        threads = try c.decodeIfPresent(Int.self, forKey: .threads) ?? threads
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        scalePositiveWeight = try c.decodeIfPresent(Double.self, forKey: .scalePositiveWeight) ?? scalePositiveWeight
    }

    /// Checks every setting against its domain (XGBoost would abort or misbehave on some).
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)`` naming the first bad one.
    public func validate() throws {
        try requireParameter(rounds >= 1, "rounds", rounds, "≥ 1")
        try requireParameter(learningRate > 0 && learningRate <= 1, "learningRate", learningRate, "in (0, 1]")
        try requireParameter(maxLeaves >= 0, "maxLeaves", maxLeaves, "≥ 0")
        try requireParameter(
            (maxDepth >= 1 || (maxDepth == 0 && maxLeaves > 0)) && maxDepth <= 32, "maxDepth", maxDepth,
            maxLeaves > 0 ? "in 0...32" : "in 1...32")
        try requireParameter(minChildWeight >= 0 && minChildWeight.isFinite, "minChildWeight", minChildWeight, "≥ 0")
        try requireParameter(subsample > 0 && subsample <= 1, "subsample", subsample, "in (0, 1]")
        try requireParameter(
            columnSampleByTree > 0 && columnSampleByTree <= 1, "columnSampleByTree", columnSampleByTree, "in (0, 1]")
        try requireParameter(l2 >= 0 && l2.isFinite, "l2", l2, "≥ 0")
        try requireParameter(l1 >= 0 && l1.isFinite, "l1", l1, "≥ 0")
        try requireParameter(maxBins >= 2, "maxBins", maxBins, "≥ 2")
        try requireParameter(threads >= 0 && threads <= 4096, "threads", threads, "in 0...4096")
        try requireParameter(rounds <= 1_000_000, "rounds", rounds, "≤ 1,000,000")
        try requireParameter(maxLeaves <= 1 << 20, "maxLeaves", maxLeaves, "≤ 1,048,576")
        try requireParameter(maxBins <= 1 << 16, "maxBins", maxBins, "≤ 65,536")
        try requireParameter(
            scalePositiveWeight > 0 && scalePositiveWeight.isFinite, "scalePositiveWeight", scalePositiveWeight,
            "a finite number > 0")
    }

    func xgboostParameters(threads: Int) -> [(String, String)] {
        [
            ("objective", "binary:logistic"), ("tree_method", "hist"), ("eta", "\(learningRate)"),
            ("max_depth", "\(maxDepth)"), ("min_child_weight", "\(minChildWeight)"), ("subsample", "\(subsample)"),
            ("colsample_bytree", "\(columnSampleByTree)"), ("lambda", "\(l2)"), ("alpha", "\(l1)"),
            ("max_bin", "\(maxBins)"), ("nthread", "\(threads)"), ("seed", "\(seed % UInt64(Int32.max))"),
            ("scale_pos_weight", "\(scalePositiveWeight)"), ("verbosity", "0"), ("validate_parameters", "1"),
        ] + (maxLeaves > 0 ? [("grow_policy", "lossguide"), ("max_leaves", "\(maxLeaves)")] : [])
    }
}

/// A trained booster: its XGBoost JSON model, the feature names and gain-based importance.
public struct GradientBoostedTreesFit: Sendable, Hashable, Codable {
    public let names: [String]
    public let parameters: BoostingParameters
    /// The booster as XGBoost JSON (`XGBoosterSaveModelToBuffer`).
    public let booster: Data
    /// Total split gain per feature.
    public let totalGain: [Double]

    /// The predicted probability of class 1 for each row.
    ///
    /// - Throws: ``ScoringError/xgboost(routine:message:)`` when the booster cannot be loaded, and
    ///   ``ScoringError/shapeMismatch(_:)`` when the column count differs from training.
    public func predict(_ x: FeatureMatrix) throws -> [Double] {
        guard x.columnCount == names.count else {
            throw ScoringError.shapeMismatch(
                "\(x.columnCount) features given, the booster was trained on \(names.count)")
        }
        let threads = parameters.threads > 0 ? parameters.threads : ProcessInfo.processInfo.activeProcessorCount
        let model = try XGBoostBooster(model: booster)
        try model.setParameter("nthread", "\(threads)")
        let matrix = try XGBoostMatrix(
            values: x.values.map(Float.init), rows: x.rowCount, columns: x.columnCount, threads: threads)
        return try model.predict(matrix).map(Double.init)
    }
}
