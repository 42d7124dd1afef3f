import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

/// A positive-class weight: logistic regression minimizes the weighted loss exactly; XGBoost gets
/// `scale_pos_weight`.
@Suite struct ClassWeightTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let l2: Double
            let positiveWeight: Double
            let objective: Double
            let coefficients: [Double]
            let intercept: Double
        }
        let cases: [Case]
    }

    @Test func weightedLogisticRegressionReachesTheScipyOptimum() throws {
        let (x, y, _) = try LogisticRegressionTests.fixture()
        let data = try Data(
            contentsOf: LogisticRegressionTests.folder.appendingPathComponent("logistic_weighted_reference.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        #expect(reference.cases.count == 3)
        for case_ in reference.cases {
            let weights = y.map { $0 == 1 ? case_.positiveWeight : 1 }
            let fit = try LogisticRegression(l2: case_.l2).fit(x, labels: y, weights: weights)
            #expect(
                isApproximatelyEqual(fit.objective, case_.objective, absolute: 0, relative: 1e-12), "l2 \(case_.l2)")
            for (mine, theirs) in zip(fit.coefficients, case_.coefficients) {
                #expect(isApproximatelyEqual(mine, theirs, absolute: 1e-9, relative: 1e-8))
            }
            #expect(isApproximatelyEqual(fit.intercept, case_.intercept, absolute: 1e-9, relative: 1e-8))
            #expect(fit.gradientNorm < 1e-8)
        }
    }

    @Test func anIntegerWeightIsTheSameAsRepeatingTheRows() throws {
        let (x, y, _) = try LogisticRegressionTests.fixture()
        let weighted = try LogisticRegression(l2: 1).fit(x, labels: y, weights: y.map { $0 == 1 ? 2 : 1 })
        let positives = y.indices.filter { y[$0] == 1 }
        let repeated = try LogisticRegression(l2: 1).fit(
            x.rows(Array(y.indices) + positives), labels: y + positives.map { _ in 1 })
        #expect(isApproximatelyEqual(weighted.objective, repeated.objective, absolute: 0, relative: 1e-12))
        for (a, b) in zip(weighted.coefficients + [weighted.intercept], repeated.coefficients + [repeated.intercept]) {
            #expect(isApproximatelyEqual(a, b, absolute: 1e-10))
        }
    }

    @Test func badWeightsAreRejected() throws {
        let x = try FeatureMatrix(rows: [[0], [1], [2]], names: ["a"])
        #expect(throws: ScoringError.self) { try LogisticRegression().fit(x, labels: [0, 1, 0], weights: [1, 0, 1]) }
        #expect(throws: ScoringError.self) {
            try LogisticRegression().fit(x, labels: [0, 1, 0], weights: [1, .nan, 1])
        }
        #expect(throws: ScoringError.self) { try LogisticRegression().fit(x, labels: [0, 1, 0], weights: [1, 1]) }
    }

    @Test func xgboostScalePosWeightIsTheSameAsRepeatingThePositives() throws {
        // Few distinct values, so the histogram cuts do not depend on the repetition.
        var rows: [[Double]] = []
        var labels: [Double] = []
        for i in 0..<120 {
            rows.append([Double(i % 6), Double(i % 4)])
            labels.append((i % 6 + i % 4) % 5 == 0 || i % 7 == 0 ? 1 : 0)
        }
        let x = try FeatureMatrix(rows: rows, names: ["a", "b"])
        let parameters = BoostingParameters(rounds: 10, maxDepth: 2, minChildWeight: 1, threads: 1, seed: 3)
        var weightedParameters = parameters
        weightedParameters.scalePositiveWeight = 3
        let weighted = try GradientBoostedTrees(parameters: weightedParameters).fit(x, labels: labels)
        let positives = labels.indices.filter { labels[$0] == 1 }
        let repeatedRows = Array(labels.indices) + positives + positives
        let repeated = try GradientBoostedTrees(parameters: parameters)
            .fit(x.rows(repeatedRows), labels: repeatedRows.map { labels[$0] })
        let plain = try GradientBoostedTrees(parameters: parameters).fit(x, labels: labels)
        let a = try weighted.predict(x)
        let b = try repeated.predict(x)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 }, "\(zip(a, b).map { $0 - $1 }.max() ?? 0)")
        let mean = { (p: [Double]) in p.reduce(0, +) / Double(p.count) }
        #expect(mean(a) > mean(try plain.predict(x)) + 0.05)
        #expect(String(decoding: weighted.booster, as: UTF8.self).contains(#""scale_pos_weight":"3"#))
    }

    @Test(arguments: ModelKind.allCases)
    func balancedWeightIsNegativesOverPositivesOfTheTrainingRows(kind: ModelKind) throws {
        let table = SyntheticLeads.table(rows: 400, seed: 5)
        let scorer = LeadScorer(
            features: SyntheticLeads.featureSpec, split: .holdout(0), positiveWeight: .balanced,
            boosting: BoostingParameters(rounds: 10))
        let model = try scorer.train(table, kind: kind, seed: 1)
        let positives = Double(model.training.trainingPositives)
        #expect(model.training.positiveWeight == (400 - positives) / positives)
        let unweighted = try LeadScorer(
            features: SyntheticLeads.featureSpec, split: .holdout(0), boosting: BoostingParameters(rounds: 10)
        )
        .train(table, kind: kind, seed: 1)
        let meanWeighted = try model.predict(table).probabilities.reduce(0, +)
        let meanPlain = try unweighted.predict(table).probabilities.reduce(0, +)
        #expect(meanWeighted > meanPlain)
    }
}
