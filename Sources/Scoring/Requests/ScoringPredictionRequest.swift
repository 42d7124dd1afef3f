import Foundation

/// Everything `meridian score predict` needs: a saved model and the accounts to score.
///
/// ```swift
/// let scores = try LeadScorer.predict(ScoringPredictionRequest(model: "Models/scoring-default.json", data: TableSource(file: "accounts.csv")))
/// ```
public struct ScoringPredictionRequest: Sendable, Hashable, Codable {
    /// The model file (JSON, written by ``ScoringModel/save(to:)``).
    public var model: String
    /// The accounts to score; the model names the columns it reads.
    public var data: TableSource

    public init(model: String, data: TableSource) {
        self.model = model
        self.data = data
    }

    /// Checks that the paths are named.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)``.
    public func validate() throws {
        guard !model.isEmpty else {
            throw ScoringError.invalidParameter(name: "model", value: "''", expected: "a model file")
        }
        try data.validate()
    }
}

extension LeadScorer {
    /// Loads the model and the data and scores every row: the library entry point of
    /// `meridian score predict`.
    ///
    /// - Throws: ``ScoringError/unreadableModel(file:reason:)`` and
    ///   ``ScoringError/unsupportedModelVersion(file:found:supported:)`` for the model file,
    ///   ``ScoringError/missingFeature(column:)`` and the table's errors for the data.
    public static func predict(_ request: ScoringPredictionRequest) throws -> ScoredAccounts {
        try request.validate()
        let model = try ScoringModel.load(from: URL(fileURLWithPath: request.model))
        return try model.score(request.data.load())
    }
}
