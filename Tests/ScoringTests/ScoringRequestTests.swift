import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

/// One Codable request per entry point, defaults written once, checked by `validate()`.
@Suite struct ScoringRequestTests {
    static let leads = TrainingSplitTests.leads.path

    @Test func aMinimalTrainingRequestDecodesToTheDefaults() throws {
        let decoded = try JSONDecoder().decode(
            ScoringTrainingRequest.self, from: Data(#"{"data": {"file": "a.csv", "joins": []}}"#.utf8))
        #expect(decoded == ScoringTrainingRequest(data: TableSource(file: "a.csv")))
        #expect(decoded.scorer.split == .holdout(0.25) && decoded.scorer.boosting == BoostingParameters())
        let partial = try JSONDecoder().decode(
            LeadScorer.self,
            from: Data(#"{"target": "won", "boosting": {"rounds": 7}, "positiveWeight": "balanced"}"#.utf8))
        #expect(
            partial.target == "won" && partial.boosting.rounds == 7
                && partial.boosting.maxDepth == BoostingParameters().maxDepth)
        #expect(partial.positiveWeight == .balanced)
    }

    @Test func requestsRoundTripThroughJSON() throws {
        var training = ScoringTrainingRequest(data: TableSource(file: "a.csv"), model: .xgboost, seed: 4)
        training.scorer.features = FeatureSpec(numeric: [NumericFeature("x", transform: .log)])
        training.scorer.positiveWeight = .fixed(2.5)
        training.scorer.split = .column("split")
        #expect(try JSONDecoder().decode(ScoringTrainingRequest.self, from: JSONEncoder().encode(training)) == training)
        let evaluation = ScoringEvaluationRequest(
            data: TableSource(file: "a.csv"), modelFile: "m.json",
            labels: BinaryTarget(column: "won", positiveLabel: "Won"))
        #expect(
            try JSONDecoder().decode(ScoringEvaluationRequest.self, from: JSONEncoder().encode(evaluation))
                == evaluation)
    }

    static func withFeatures(_ change: (inout LeadScorer) -> Void) -> ScoringTrainingRequest {
        var request = ScoringTrainingRequest(data: TableSource(file: "a.csv"))
        request.scorer.features = FeatureSpec(numeric: [NumericFeature("x")])
        change(&request.scorer)
        return request
    }

    @Test(arguments: [
        "l2 nan", "l2 negative", "holdout 1", "holdout negative", "holdout nan", "weight 0", "weight inf", "topK 0",
        "rounds 0", "eta 0", "depth 99", "subsample 0", "threads -1", "levels 0", "no features",
    ])
    func badSettingsAreRejected(name: String) {
        let request = Self.withFeatures { scorer in
            switch name {
            case "l2 nan": scorer.logistic.l2 = .nan
            case "l2 negative": scorer.logistic.l2 = -1
            case "holdout 1": scorer.split = .holdout(1)
            case "holdout negative": scorer.split = .holdout(-0.1)
            case "holdout nan": scorer.split = .holdout(.nan)
            case "weight 0": scorer.positiveWeight = .fixed(0)
            case "weight inf": scorer.positiveWeight = .fixed(.infinity)
            case "topK 0": scorer.topK = [10, 0]
            case "rounds 0": scorer.boosting.rounds = 0
            case "eta 0": scorer.boosting.learningRate = 0
            case "depth 99": scorer.boosting.maxDepth = 99
            case "subsample 0": scorer.boosting.subsample = 0
            case "threads -1": scorer.boosting.threads = -1
            case "levels 0": scorer.features.categorical = [CategoricalFeature("c", maxLevels: 0)]
            default: scorer.features = FeatureSpec()
            }
        }
        #expect(throws: ScoringError.self, "\(name)") { try request.validate() }
    }

    @Test func theDefaultsAreValid() throws {
        try Self.withFeatures { _ in }.validate()
    }

    @Test func evaluatingASavedModelNeedsNoFeatures() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-scoring")
        var training = ScoringTrainingRequest(data: TableSource(file: Self.leads), seed: 2)
        training.scorer = LeadScorer(target: "purchased", features: TrainingSplitTests.features, split: .holdout(0))
        let model = try LeadScorer.train(training)
        let file = folder.appendingPathComponent("m.json")
        try model.save(to: file)
        let request = ScoringEvaluationRequest(data: TableSource(file: Self.leads), modelFile: file.path)
        try request.validate()
        let result = try LeadScorer.evaluate(request)
        #expect(result.evaluation.rows == 40 && result.evaluation.positives == 13)
        #expect(result.evaluation.topK.map(\.k) == LeadScorer().topK)
        // Another target column of the same data gives other labels.
        var other = request
        other.labels = BinaryTarget(column: "bought")
        #expect(try LeadScorer.evaluate(other).evaluation.positives == 13)
        var folds = request
        folds.folds = 3
        #expect(throws: ScoringError.self) { try folds.validate() }
    }

    @Test func evaluateByTrainingNeedsRowsToEvaluate() {
        var request = ScoringEvaluationRequest(data: TableSource(file: Self.leads))
        request.scorer.features = TrainingSplitTests.features
        request.scorer.split = .holdout(0)
        #expect(throws: ScoringError.self) { try request.validate() }
    }

    @Test func scoresFilesReadBackToTheSameDoubles() throws {
        let table = try ColumnTable(contentsOf: TrainingSplitTests.leads)
        let model = try LeadScorer(
            target: "bought", features: TrainingSplitTests.features, split: .holdout(0),
            logistic: LogisticRegression(l2: 0.001)
        )
        .train(table, kind: .logistic, seed: 1)
        let scores = try model.score(table)
        let csv = try ColumnTable(csv: scores.csv(), file: "scores.csv")
        #expect(try csv.numbers(ScoredAccounts.propensityColumn).map { $0 ?? .nan } == scores.propensity)
        #expect(try csv.numbers(ScoredAccounts.potentialColumn).map { $0 ?? .nan } == scores.potential)
    }
}
