import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

/// The demo company (`Data/demo`, seed 42) knows each account's purchase probability.
///
/// Its
/// `accounts_truth.csv` has `feature_logit` z (the best score computable from the published
/// features) and `true_purchase_probability` σ(z + ε) (which adds account noise no feature shows).
/// Each model's hold-out AUC must come within 0.02 of the truth AUC on the same rows; the oracle
/// AUC is printed beside it.
@Suite struct DemoCompanyTests {
    static let root = Fixtures.repositoryRoot

    static func demo() throws -> ColumnTable {
        let accounts = try ColumnTable(contentsOf: root.appendingPathComponent("Data/demo/accounts.csv"))
        let truth = try ColumnTable(contentsOf: root.appendingPathComponent("Data/demo/accounts_truth.csv"))
        let counties = try ColumnTable(contentsOf: root.appendingPathComponent("Data/geo/counties.csv"))
        return try accounts.leftJoined(with: truth, on: "id", otherKey: "account_id")
            .leftJoined(with: counties, on: "county_fips", otherKey: "fips")
    }

    static let scorer = LeadScorer(
        target: "purchased",
        features: FeatureSpec(
            numeric: ["employees", "annual_revenue", "prior_year_sales", "ttm_sales", "potential"].map {
                NumericFeature($0, transform: .log)
            } + [NumericFeature("unemployment_rate_2009")],
            categorical: [CategoricalFeature("industry"), CategoricalFeature("segment")]),
        truthColumn: "feature_logit", oracleColumn: "true_purchase_probability", dealSizeColumn: "potential",
        baselineColumn: "ttm_sales",
        boosting: BoostingParameters(rounds: 200, learningRate: 0.1, maxDepth: 3, minChildWeight: 5))

    @Test(arguments: ModelKind.allCases)
    func holdoutAUCIsWithinTwoHundredthsOfTheTruth(kind: ModelKind) throws {
        let table = try Self.demo()
        let model = try Self.scorer.train(table, kind: kind, seed: 42)
        let holdout = try #require(model.training.holdout)
        let truth = try #require(holdout.truthAuc)
        print(
            "demo \(kind.rawValue): hold-out AUC \(holdout.auc), truth AUC \(truth), oracle AUC \(holdout.oracleAuc ?? .nan)"
        )
        #expect(holdout.rows == 5_000)
        #expect(abs(holdout.auc - truth) <= 0.02)
    }

    @Test func shippedDefaultModelsLoadAndScoreTheDemo() throws {
        let table = try Self.demo()
        for name in ["scoring-default.json", "scoring-xgboost.json"] {
            let model = try ScoringModel.load(
                from: Self.root.appendingPathComponent("Models").appendingPathComponent(name))
            let scores = try model.score(table)
            #expect(scores.ids.count == 20_000)
            #expect(scores.propensity.allSatisfy { $0 > 0 && $0 < 1 })
            #expect(scores.report.unseenCategories.isEmpty)
            let labels = try Self.scorer.labels(table)
            #expect(try ClassificationMetrics.rocAUC(scores: scores.propensity, labels: labels) > 0.65)
        }
    }
}
