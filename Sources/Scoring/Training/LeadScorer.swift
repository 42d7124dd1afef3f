import SalesData

/// Trains and evaluates scoring models on a table of accounts with a binary outcome column.
///
/// The feature pipeline is fitted on the training rows only. ``split`` chooses the evaluation
/// rows: a seeded, stratified hold-out (a fraction of 0 trains on every row and evaluates
/// nothing), the rows a split column marks, or a separate validation file. Optional k-fold
/// cross-validation refits pipeline and model inside each fold. Every default is written once,
/// in ``init(target:positiveLabel:idColumn:features:truthColumn:oracleColumn:dealSizeColumn:baselineColumn:split:positiveWeight:logistic:boosting:topK:)``;
/// request files and the CLI read them from there.
///
/// ```swift
/// let scorer = LeadScorer(target: "purchased", features: FeatureSpec(numeric: [NumericFeature("employees", transform: .log)]))
/// let model = try scorer.train(table, kind: .logistic, seed: 42)
/// print(model.training.holdout?.auc ?? 0)
/// ```
public struct LeadScorer: Sendable, Hashable, Codable {
    /// The outcome column.
    public var target: String
    /// The value of ``target`` that means a positive outcome; `nil` reads yes/no, true/false,
    /// y/n and 1/0 (see ``BinaryTarget``).
    public var positiveLabel: String?
    public var idColumn: String
    public var features: FeatureSpec
    /// Known-true purchase probabilities, reported as `truthAuc` when the data has the column
    /// (generated data only).
    public var truthColumn: String?
    /// An oracle column, such as probabilities including unobserved noise, reported as `oracleAuc`.
    public var oracleColumn: String?
    public var dealSizeColumn: String?
    public var baselineColumn: String?
    /// Which rows train and which evaluate.
    public var split: TrainingSplit
    /// The weight of each positive training row relative to a negative one.
    public var positiveWeight: PositiveClassWeight
    public var logistic: LogisticRegression
    public var boosting: BoostingParameters
    /// The k of hits@k, precision@k and recall@k in every evaluation.
    public var topK: [Int]

    public init(
        target: String = "purchased", positiveLabel: String? = nil, idColumn: String = "id",
        features: FeatureSpec = FeatureSpec(), truthColumn: String? = nil, oracleColumn: String? = nil,
        dealSizeColumn: String? = nil, baselineColumn: String? = nil, split: TrainingSplit = .holdout(0.25),
        positiveWeight: PositiveClassWeight = .fixed(1), logistic: LogisticRegression = LogisticRegression(),
        boosting: BoostingParameters = BoostingParameters(), topK: [Int] = [10, 100]
    ) {
        self.target = target
        self.positiveLabel = positiveLabel
        self.idColumn = idColumn
        self.features = features
        self.truthColumn = truthColumn
        self.oracleColumn = oracleColumn
        self.dealSizeColumn = dealSizeColumn
        self.baselineColumn = baselineColumn
        self.split = split
        self.positiveWeight = positiveWeight
        self.logistic = logistic
        self.boosting = boosting
        self.topK = topK
    }

    private enum CodingKeys: String, CodingKey {
        case target, positiveLabel, idColumn, features, truthColumn, oracleColumn, dealSizeColumn, baselineColumn, split
        case positiveWeight, logistic, boosting, topK
    }

    /// Decodes the settings; an absent key keeps its default from ``init(target:positiveLabel:idColumn:features:truthColumn:oracleColumn:dealSizeColumn:baselineColumn:split:positiveWeight:logistic:boosting:topK:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        target = try c.decodeIfPresent(String.self, forKey: .target) ?? target
        positiveLabel = try c.decodeIfPresent(String.self, forKey: .positiveLabel)
        idColumn = try c.decodeIfPresent(String.self, forKey: .idColumn) ?? idColumn
        features = try c.decodeIfPresent(FeatureSpec.self, forKey: .features) ?? features
        truthColumn = try c.decodeIfPresent(String.self, forKey: .truthColumn)
        oracleColumn = try c.decodeIfPresent(String.self, forKey: .oracleColumn)
        dealSizeColumn = try c.decodeIfPresent(String.self, forKey: .dealSizeColumn)
        baselineColumn = try c.decodeIfPresent(String.self, forKey: .baselineColumn)
        split = try c.decodeIfPresent(TrainingSplit.self, forKey: .split) ?? split
        positiveWeight = try c.decodeIfPresent(PositiveClassWeight.self, forKey: .positiveWeight) ?? positiveWeight
        logistic = try c.decodeIfPresent(LogisticRegression.self, forKey: .logistic) ?? logistic
        boosting = try c.decodeIfPresent(BoostingParameters.self, forKey: .boosting) ?? boosting
        topK = try c.decodeIfPresent([Int].self, forKey: .topK) ?? topK
    }

    /// Checks every setting that does not need the data: at least one feature, parameters in
    /// their domains.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)`` naming the first bad one.
    public func validate() throws {
        try requireParameter(
            !features.columns.isEmpty, "features", "none", "at least one numeric, log or categorical column")
        for feature in features.categorical {
            try requireParameter(feature.maxLevels >= 1, "maxLevels", feature.maxLevels, "≥ 1")
            try requireParameter(feature.minCount >= 1, "minCount", feature.minCount, "≥ 1")
        }
        try split.validate()
        try positiveWeight.validate()
        try logistic.validate()
        try boosting.validate()
        for k in topK { try requireParameter(k >= 1, "topK", k, "≥ 1") }
    }

    /// How ``target`` is read.
    public var binaryTarget: BinaryTarget { BinaryTarget(column: target, positiveLabel: positiveLabel) }

    /// The 0/1 labels of `table`.
    ///
    /// - Throws: ``ScoringError/badLabel(file:line:column:name:value:expected:)`` for a cell that
    ///   is missing or not one of the two classes.
    public func labels(_ table: ColumnTable) throws -> [Double] {
        try binaryTarget.labels(table)
    }

    /// Fits a model on `rows` (all rows when nil) without evaluating it.
    public func fit(_ table: ColumnTable, kind: ModelKind, seed: UInt64, rows: [Int]? = nil) throws -> ScoringModel {
        try validate()
        let rows = rows ?? Array(0..<table.rowCount)
        let allLabels = try labels(table)
        let y = rows.map { allLabels[$0] }
        try validateBinaryLabels(y, rows: rows.count)
        let weight = positiveWeight.resolved(labels: y)
        let pipeline = try FeaturePipeline.fit(table, spec: features, rows: rows)
        let (x, _) = try pipeline.transform(table, rows: rows)
        let classifier: ScoringModel.Classifier
        switch kind {
        case .logistic:
            let weights = weight == 1 ? nil : y.map { $0 == 1 ? weight : 1 }
            classifier = .logisticRegression(try logistic.fit(x, labels: y, weights: weights))
        case .xgboost:
            var parameters = boosting
            parameters.seed = seed
            parameters.scalePositiveWeight = weight
            classifier = .gradientBoostedTrees(try GradientBoostedTrees(parameters: parameters).fit(x, labels: y))
        }
        let value = try ValueModel.fit(
            table, rows: rows, dealSizeColumn: dealSizeColumn, baselineColumn: baselineColumn)
        let summary = TrainingSummary(
            seed: seed, trainingRows: rows.count, trainingPositives: y.reduce(0) { $0 + ($1 == 1 ? 1 : 0) },
            holdoutFraction: 0, holdout: nil, split: nil, evaluationSet: nil, positiveWeight: weight)
        return ScoringModel(
            target: target, positiveLabel: positiveLabel, idColumn: idColumn, pipeline: pipeline,
            classifier: classifier,
            value: value, training: summary)
    }

    /// Splits by ``split``, trains on the training rows, evaluates on the evaluation rows (none
    /// for a hold-out fraction of 0), and returns the model with the evaluation stored in it.
    ///
    /// - Throws: ``ScoringError/singleClass(label:rows:set:)`` naming the set (training, hold-out
    ///   or validation) that holds one class, and the data errors of ``labels(_:)``,
    ///   ``DataSplit/column(_:of:)`` and ``FeaturePipeline``.
    public func train(_ table: ColumnTable, kind: ModelKind, seed: UInt64) throws -> ScoringModel {
        try validate()
        let y = try labels(table)
        switch split {
        case .holdout(let fraction):
            guard fraction > 0 else { return try fit(table, kind: kind, seed: seed) }
            let rows = try DataSplit.holdout(labels: y, fraction: fraction, seed: seed)
            try validateBinaryLabels(rows.test.map { y[$0] }, rows: rows.test.count, set: .holdout)
            let model = try fit(table, kind: kind, seed: seed, rows: rows.train)
            let evaluation = try evaluate(model, on: table, rows: rows.test, set: .holdout)
            return model.withEvaluation(evaluation, split: split, set: .holdout)
        case .column(let name):
            let rows = try DataSplit.column(name, of: table)
            try validateBinaryLabels(rows.test.map { y[$0] }, rows: rows.test.count, set: .validation)
            let model = try fit(table, kind: kind, seed: seed, rows: rows.train)
            let evaluation = try evaluate(model, on: table, rows: rows.test, set: .validation)
            return model.withEvaluation(evaluation, split: split, set: .validation)
        case .file(let source):
            let validation = try source.load()
            try validateBinaryLabels(try labels(validation), rows: validation.rowCount, set: .validation)
            let model = try fit(table, kind: kind, seed: seed)
            let evaluation = try evaluate(model, on: validation, set: .validation)
            return model.withEvaluation(evaluation, split: split, set: .validation)
        }
    }

    /// Evaluates `model` on `rows` of `table` (all rows when nil) against this scorer's target,
    /// with the truth and oracle AUCs when those columns are present.
    public func evaluate(_ model: ScoringModel, on table: ColumnTable, rows: [Int]? = nil, set: RowSet = .evaluation)
        throws
        -> Evaluation
    {
        try model.evaluate(
            on: table, rows: rows, target: binaryTarget, truthColumn: truthColumn, oracleColumn: oracleColumn,
            topK: topK,
            set: set)
    }

    /// Stratified k-fold cross-validation on every row of `table`: pipeline and model refitted on
    /// each fold's complement (``split`` is not used).
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
    /// The same model with its evaluation recorded.
    func withEvaluation(_ evaluation: Evaluation, split: TrainingSplit, set: RowSet) -> ScoringModel {
        var fraction = 0.0
        if case .holdout(let value) = split { fraction = value }
        let summary = TrainingSummary(
            seed: training.seed, trainingRows: training.trainingRows, trainingPositives: training.trainingPositives,
            holdoutFraction: fraction, holdout: evaluation, split: split, evaluationSet: set,
            positiveWeight: training.positiveWeight)
        return ScoringModel(
            target: target, positiveLabel: positiveLabel, idColumn: idColumn, pipeline: pipeline,
            classifier: classifier,
            value: value, training: summary)
    }

    /// Evaluates the model on `rows` of `table` (all rows when nil).
    ///
    /// - Parameters:
    ///   - table: The accounts, with the target column.
    ///   - rows: The rows to evaluate; `nil` for every row.
    ///   - target: How to read the labels; `nil` reads the model's own ``target`` column.
    ///   - truthColumn: Known-true probabilities, reported as `truthAuc` when the column exists.
    ///   - oracleColumn: An oracle score, reported as `oracleAuc` when the column exists.
    ///   - topK: The k of hits@k, precision@k and recall@k.
    ///   - set: Which rows these are, named in the error when they hold one class.
    /// - Returns: Every metric on those rows.
    /// - Throws: ``ScoringError/singleClass(label:rows:set:)`` when the rows hold one class, and
    ///   the data errors of the target, truth and feature columns.
    public func evaluate(
        on table: ColumnTable, rows: [Int]? = nil, target: BinaryTarget? = nil, truthColumn: String? = nil,
        oracleColumn: String? = nil, topK: [Int] = [], set: RowSet = .evaluation
    ) throws -> Evaluation {
        let rows = rows ?? Array(0..<table.rowCount)
        let all = try (target ?? binaryTarget).labels(table)
        let labels = rows.map { all[$0] }
        try validateBinaryLabels(labels, rows: rows.count, set: set)
        let (p, _) = try predict(table, rows: rows)
        func column(_ name: String?) throws -> [Double]? {
            guard let name, table.has(name) else { return nil }
            let values = try table.numbers(name)
            let number = try table.index(of: name) + 1
            return try rows.map { row in
                guard let v = values[row] else {
                    throw ScoringError.badLabel(
                        file: table.file, line: table.lineNumbers[row], column: number, name: name, value: "",
                        expected: "a probability or score in every row, not a missing cell")
                }
                return v
            }
        }
        return try Evaluation(
            probabilities: p, labels: labels, truth: try column(truthColumn), oracle: try column(oracleColumn),
            topK: topK,
            set: set)
    }
}
