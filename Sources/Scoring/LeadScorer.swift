import SalesData

/// Trains and evaluates scoring models on a table of accounts with a 0/1 outcome column.
///
/// The feature pipeline is fitted on the training rows only; the hold-out rows (a seeded,
/// stratified split) give the reported evaluation, and optional k-fold cross-validation refits
/// pipeline and model inside each fold.
///
/// ```swift
/// let scorer = LeadScorer(target: "purchased", features: FeatureSpec(numeric: [NumericFeature("employees", transform: .log)]))
/// let result = try scorer.train(table, kind: .logistic, seed: 42)
/// print(result.model.training.holdout?.auc ?? 0)
/// ```
public struct LeadScorer: Sendable, Hashable, Codable {
    public var target: String
    public var idColumn: String
    public var features: FeatureSpec
    /// Known-true purchase probabilities, if the data has them (generated data only).
    public var truthColumn: String?
    /// An oracle column (e.g. probabilities including unobserved noise), reported as `oracleAuc`.
    public var oracleColumn: String?
    public var dealSizeColumn: String?
    public var baselineColumn: String?
    public var holdoutFraction: Double
    public var logistic: LogisticRegression
    public var boosting: BoostingParameters

    public init(
        target: String, idColumn: String = "id", features: FeatureSpec, truthColumn: String? = nil, oracleColumn: String? = nil,
        dealSizeColumn: String? = nil, baselineColumn: String? = nil, holdoutFraction: Double = 0.25,
        logistic: LogisticRegression = LogisticRegression(), boosting: BoostingParameters = BoostingParameters()
    ) {
        self.target = target
        self.idColumn = idColumn
        self.features = features
        self.truthColumn = truthColumn
        self.oracleColumn = oracleColumn
        self.dealSizeColumn = dealSizeColumn
        self.baselineColumn = baselineColumn
        self.holdoutFraction = holdoutFraction
        self.logistic = logistic
        self.boosting = boosting
    }

    /// The 0/1 labels of `table`.
    ///
    /// - Throws: ``ScoringError/invalidLabel(row:value:)`` for a value other than 0/1 or missing.
    public func labels(_ table: ColumnTable) throws -> [Double] {
        let raw = try table.numbers(target)
        return try raw.enumerated().map { row, value in
            guard let value, value == 0 || value == 1 else { throw ScoringError.invalidLabel(row: row, value: raw[row] ?? .nan) }
            return value
        }
    }

    /// Fits a model on `rows` (all rows when nil) without evaluating it.
    public func fit(_ table: ColumnTable, kind: ModelKind, seed: UInt64, rows: [Int]? = nil) throws -> ScoringModel {
        let rows = rows ?? Array(0..<table.rowCount)
        let allLabels = try labels(table)
        let y = rows.map { allLabels[$0] }
        try validateBinaryLabels(y, rows: rows.count)
        let pipeline = try FeaturePipeline.fit(table, spec: features, rows: rows)
        let (x, _) = try pipeline.transform(table, rows: rows)
        let classifier: ScoringModel.Classifier
        switch kind {
        case .logistic: classifier = .logisticRegression(try logistic.fit(x, labels: y))
        case .xgboost:
            var parameters = boosting
            parameters.seed = seed
            classifier = .gradientBoostedTrees(try GradientBoostedTrees(parameters: parameters).fit(x, labels: y))
        }
        let value = try ValueModel.fit(table, rows: rows, dealSizeColumn: dealSizeColumn, baselineColumn: baselineColumn)
        let summary = TrainingSummary(
            seed: seed, trainingRows: rows.count, trainingPositives: Int(y.reduce(0, +)),
            holdoutFraction: 0, holdout: nil)
        return ScoringModel(target: target, idColumn: idColumn, pipeline: pipeline, classifier: classifier, value: value, training: summary)
    }

    /// Splits, trains on the training rows, evaluates on the hold-out rows, and returns the model
    /// with the evaluation stored in it.
    public func train(_ table: ColumnTable, kind: ModelKind, seed: UInt64) throws -> ScoringModel {
        let y = try labels(table)
        try validateBinaryLabels(y, rows: y.count)
        let split = try DataSplit.holdout(labels: y, fraction: holdoutFraction, seed: seed)
        let model = try fit(table, kind: kind, seed: seed, rows: split.train)
        let evaluation = try evaluate(model, on: table, rows: split.test)
        return model.withHoldout(evaluation, fraction: holdoutFraction)
    }

    /// Evaluates `model` on `rows` of `table` (all rows when nil), with the truth AUC when
    /// ``truthColumn`` is present.
    public func evaluate(_ model: ScoringModel, on table: ColumnTable, rows: [Int]? = nil) throws -> Evaluation {
        let rows = rows ?? Array(0..<table.rowCount)
        let all = try labels(table)
        let (p, _) = try model.predict(table, rows: rows)
        func column(_ name: String?) throws -> [Double]? {
            guard let name, table.has(name) else { return nil }
            let values = try table.numbers(name)
            return try rows.map { row in
                guard let v = values[row] else {
                    throw ScoringError.shapeMismatch("truth column '\(name)' is missing in line \(table.lineNumbers[row])")
                }
                return v
            }
        }
        let truth = try column(truthColumn)
        let oracle = try column(oracleColumn)
        return try Evaluation(probabilities: p, labels: rows.map { all[$0] }, truth: truth, oracle: oracle)
    }

    /// Stratified k-fold cross-validation: pipeline and model refitted on each fold's complement.
    public func crossValidate(_ table: ColumnTable, kind: ModelKind, folds: Int, seed: UInt64) throws -> [Evaluation] {
        let y = try labels(table)
        let parts = try DataSplit.stratifiedFolds(labels: y, count: folds, seed: seed)
        return try parts.indices.map { k in
            let test = parts[k]
            let train = parts.indices.filter { $0 != k }.flatMap { parts[$0] }.sorted()
            let model = try fit(table, kind: kind, seed: seed &+ UInt64(k), rows: train)
            return try evaluate(model, on: table, rows: test)
        }
    }
}

extension ScoringModel {
    /// The same model with its hold-out evaluation recorded.
    func withHoldout(_ evaluation: Evaluation, fraction: Double) -> ScoringModel {
        let summary = TrainingSummary(
            seed: training.seed, trainingRows: training.trainingRows, trainingPositives: training.trainingPositives,
            holdoutFraction: fraction, holdout: evaluation)
        return ScoringModel(target: target, idColumn: idColumn, pipeline: pipeline, classifier: classifier, value: value, training: summary)
    }
}
