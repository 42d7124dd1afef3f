/// Everything `meridian score train` needs.
///
/// That is the data, the scorer's settings, the model family and the seed. Defaults come from ``LeadScorer`` and ``BoostingParameters``, written once there.
///
/// ```swift
/// var request = ScoringTrainingRequest(data: TableSource(file: "leads.csv"))
/// request.scorer.features = FeatureSpec(numeric: [NumericFeature("employees", transform: .log)])
/// request.scorer.split = .holdout(0)   // train on every row
/// let model = try LeadScorer.train(request)
/// ```
public struct ScoringTrainingRequest: Sendable, Hashable, Codable {
    /// The accounts, with their outcome column.
    public var data: TableSource
    /// Target, features, split, weights and model parameters.
    public var scorer: LeadScorer
    /// The classifier family.
    public var model: ModelKind
    /// The seed of the split and of XGBoost; `nil` picks one, which the model records.
    public var seed: UInt64?

    public init(data: TableSource, scorer: LeadScorer = LeadScorer(), model: ModelKind = .logistic, seed: UInt64? = nil)
    {
        self.data = data
        self.scorer = scorer
        self.model = model
        self.seed = seed
    }

    /// Checks every setting that does not need the data.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)`` naming the first bad one.
    public func validate() throws {
        try data.validate()
        try scorer.validate()
    }

    private enum CodingKeys: String, CodingKey {
        case data, scorer, model, seed
    }

    /// Decodes a request; absent keys keep their defaults (``data`` is required).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(data: try c.decode(TableSource.self, forKey: .data))
        scorer = try c.decodeIfPresent(LeadScorer.self, forKey: .scorer) ?? scorer
        model = try c.decodeIfPresent(ModelKind.self, forKey: .model) ?? model
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
    }
}

/// A seed given, or a fresh one (below 2³² so it is easy to retype) that the result records.
func resolvedSeed(_ seed: UInt64?) -> UInt64 {
    seed ?? UInt64.random(in: 0..<(1 << 32))
}

extension LeadScorer {
    /// Loads the data, trains and evaluates as the request says: the library entry point of
    /// `meridian score train`.
    ///
    /// - Returns: The model, with its split, evaluation and seed recorded in ``ScoringModel/training``.
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)`` for a bad setting, the
    ///   data errors of ``train(_:kind:seed:)`` and the table's read errors.
    public static func train(_ request: ScoringTrainingRequest) throws -> ScoringModel {
        try request.validate()
        return try request.scorer.train(request.data.load(), kind: request.model, seed: resolvedSeed(request.seed))
    }
}
