import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

/// On generated accounts whose true purchase probabilities are known, each model's hold-out AUC
/// must come within 0.02 of the AUC of the true probabilities on the same rows.
@Suite struct KnownTruthTests {
    static let table = SyntheticLeads.table(rows: 8_000, seed: 42)
    static let scorer = LeadScorer(
        target: "purchased", features: SyntheticLeads.featureSpec, truthColumn: "true_probability",
        // The true log-odds are additive in the features, so stumps (depth 1) are the right trees.
        boosting: BoostingParameters(rounds: 300, learningRate: 0.1, maxDepth: 1, minChildWeight: 5))

    @Test(arguments: ModelKind.allCases)
    func holdoutAUCIsWithinTwoHundredthsOfTheTruth(kind: ModelKind) throws {
        let model = try Self.scorer.train(Self.table, kind: kind, seed: 7)
        let holdout = try #require(model.training.holdout)
        let truth = try #require(holdout.truthAuc)
        print("\(kind.rawValue): hold-out AUC \(holdout.auc), truth AUC \(truth)")
        #expect(holdout.rows == 2_000)
        #expect(abs(holdout.auc - truth) <= 0.02)
        #expect(holdout.topDecileLift > 1.5)
    }

    @Test func trainingIsDeterministicForASeed() throws {
        let a = try Self.scorer.train(Self.table, kind: .xgboost, seed: 11)
        let b = try Self.scorer.train(Self.table, kind: .xgboost, seed: 11)
        #expect(try a.jsonData() == b.jsonData())
    }

    @Test func crossValidationRefitsEveryFold() throws {
        let small = SyntheticLeads.table(rows: 1_500, seed: 3)
        let folds = try Self.scorer.crossValidate(small, kind: .logistic, folds: 3, seed: 5)
        #expect(folds.count == 3)
        #expect(folds.reduce(0) { $0 + $1.rows } == 1_500)
        #expect(folds.allSatisfy { $0.auc > 0.6 && $0.truthAuc != nil })
    }

    @Test func savedModelPredictsLikeTheTrainedOne() throws {
        for kind in ModelKind.allCases {
            let model = try Self.scorer.train(SyntheticLeads.table(rows: 1_000, seed: 8), kind: kind, seed: 1)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-model-\(kind).json")
            try model.save(to: url)
            let loaded = try ScoringModel.load(from: url)
            #expect(loaded == model)
            let probe = SyntheticLeads.table(rows: 50, seed: 99)
            #expect(try loaded.predict(probe).probabilities == model.predict(probe).probabilities)
            #expect(model.importance.count == model.pipeline.outputNames.count)
        }
    }

    @Test func scoresCarryTheColumnNamesDownstreamModulesRead() throws {
        let scorer = LeadScorer(
            target: "purchased", features: SyntheticLeads.featureSpec, dealSizeColumn: "revenue",
            baselineColumn: "tenure_years")
        let model = try scorer.train(SyntheticLeads.table(rows: 600, seed: 2), kind: .logistic, seed: 1)
        let scored = try model.score(SyntheticLeads.table(rows: 5, seed: 4))
        let header = scored.csv().split(separator: "\n").first.map(String.init)
        #expect(header == "id,score_propensity,score_expected_value,score_potential")
        for i in 0..<5 {
            #expect(scored.expectedValue[i] >= 0 && scored.potential[i] >= scored.expectedValue[i])
        }
    }
}
