import Foundation

/// Everything `meridian score evaluate` needs: either a saved model to evaluate on every row of
/// the data, or scorer settings to train and evaluate on their split; optionally k-fold
/// cross-validation.
///
/// ```swift
/// var request = ScoringEvaluationRequest(data: TableSource(file: "leads.csv"))
/// request.modelFile = "model.json"   // its features and target come from the file
/// let result = try LeadScorer.evaluate(request)
/// result.evaluation.topK.first?.precision
/// ```
public struct ScoringEvaluationRequest: Sendable, Hashable, Codable {
    /// The accounts, with their outcome column.
    public var data: TableSource
    /// A saved model to evaluate on every row; `nil` trains ``scorer`` and evaluates its split.
    public var modelFile: String?
    /// The labels a saved model is evaluated against; `nil` reads the model's own target column.
    public var labels: BinaryTarget?
    /// Settings for training; with a saved model only ``LeadScorer/truthColumn``,
    /// ``LeadScorer/oracleColumn`` and ``LeadScorer/topK`` apply.
    public var scorer: LeadScorer
    /// The classifier family to train (without a saved model).
    public var model: ModelKind
    /// Stratified cross-validation folds (≥ 2), retraining ``scorer``; `nil` for none.
    public var folds: Int?
    /// The seed of the split, the folds and XGBoost; `nil` picks one.
    public var seed: UInt64?

    public init(
        data: TableSource, modelFile: String? = nil, labels: BinaryTarget? = nil, scorer: LeadScorer = LeadScorer(),
        model: ModelKind = .logistic, folds: Int? = nil, seed: UInt64? = nil
    ) {
        self.data = data
        self.modelFile = modelFile
        self.labels = labels
        self.scorer = scorer
        self.model = model
        self.folds = folds
        self.seed = seed
    }

    /// Checks every setting that does not need the data.
    ///
    /// A saved model needs no feature settings; training needs features and a split that leaves rows to evaluate.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)`` naming the first bad one.
    public func validate() throws {
        try data.validate()
        if let folds, !(folds >= 2 && folds <= 1_000) {
            throw ScoringError.invalidParameter(name: "folds", value: "\(folds)", expected: "in 2...1000")
        }
        if modelFile != nil {
            if folds != nil {
                throw ScoringError.invalidParameter(
                    name: "folds", value: "\(folds ?? 0)",
                    expected: "no folds with a saved model (cross-validation retrains)")
            }
            for k in scorer.topK where k < 1 {
                throw ScoringError.invalidParameter(name: "topK", value: "\(k)", expected: "≥ 1")
            }
            return
        }
        try scorer.validate()
        if case .holdout(0) = scorer.split {
            throw ScoringError.invalidParameter(
                name: "holdout", value: "0",
                expected: "a fraction in (0, 1), a split column or a validation file: evaluate needs rows to evaluate")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case data, modelFile, labels, scorer, model, folds, seed
    }

    /// Decodes a request; absent keys keep their defaults (``data`` is required).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(data: try c.decode(TableSource.self, forKey: .data))
        modelFile = try c.decodeIfPresent(String.self, forKey: .modelFile)
        labels = try c.decodeIfPresent(BinaryTarget.self, forKey: .labels)
        scorer = try c.decodeIfPresent(LeadScorer.self, forKey: .scorer) ?? scorer
        model = try c.decodeIfPresent(ModelKind.self, forKey: .model) ?? model
        folds = try c.decodeIfPresent(Int.self, forKey: .folds)
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
    }
}

/// What `meridian score evaluate` reports: the model evaluated, its figures, the seed, and the
/// cross-validation folds when asked for.
public struct ScoringEvaluationResult: Sendable, Hashable {
    public let model: ScoringModel
    public let evaluation: Evaluation
    /// The seed that reproduces the evaluation (the saved model's training seed for a file).
    public let seed: UInt64
    public let folds: [Evaluation]?
}

extension LeadScorer {
    /// Evaluates a saved model on every row, or trains and evaluates on the split: the library
    /// entry point of `meridian score evaluate`.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)`` for a bad setting, the
    ///   model file's errors, and the data errors of ``train(_:kind:seed:)``.
    public static func evaluate(_ request: ScoringEvaluationRequest) throws -> ScoringEvaluationResult {
        try request.validate()
        let table = try request.data.load()
        let seed = resolvedSeed(request.seed)
        let scorer = request.scorer
        let folds = try request.folds.map {
            try scorer.crossValidate(table, kind: request.model, folds: $0, seed: seed)
        }
        if let file = request.modelFile {
            let model = try ScoringModel.load(from: URL(fileURLWithPath: file))
            let evaluation = try model.evaluate(
                on: table, target: request.labels, truthColumn: scorer.truthColumn, oracleColumn: scorer.oracleColumn,
                topK: scorer.topK)
            return ScoringEvaluationResult(
                model: model, evaluation: evaluation, seed: model.training.seed, folds: folds)
        }
        let model = try scorer.train(table, kind: request.model, seed: seed)
        guard let evaluation = model.training.holdout else {
            throw ScoringError.shapeMismatch("the split left no rows to evaluate")
        }
        return ScoringEvaluationResult(model: model, evaluation: evaluation, seed: seed, folds: folds)
    }
}
