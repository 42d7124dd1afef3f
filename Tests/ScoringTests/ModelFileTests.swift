import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

@Suite struct ModelFileTests {
    static func model() throws -> ScoringModel {
        let scorer = LeadScorer(target: "purchased", features: SyntheticLeads.featureSpec)
        return try scorer.train(SyntheticLeads.table(rows: 400, seed: 1), kind: .logistic, seed: 3)
    }

    @Test func wrongSchemaVersionIsAClearError() throws {
        var json = try JSONSerialization.jsonObject(with: try Self.model().jsonData()) as? [String: Any] ?? [:]
        json["schemaVersion"] = 99
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: ScoringError.unsupportedModelVersion(file: "m.json", found: 99, supported: 1)) {
            try ScoringModel.decode(data, file: "m.json")
        }
        let message = ScoringError.unsupportedModelVersion(file: "m.json", found: 99, supported: 1).description
        #expect(message.contains("version 99") && message.contains("retrain"))
    }

    @Test func aFileThatIsNotAModelIsRejected() {
        #expect(
            throws: ScoringError.unreadableModel(
                file: "x.json", reason: "the 'format' field is not 'meridian-scoring-model'")
        ) {
            try ScoringModel.decode(Data(#"{"schemaVersion": 1}"#.utf8), file: "x.json")
        }
        #expect(throws: ScoringError.unreadableModel(file: "x.json", reason: "not a JSON object")) {
            try ScoringModel.decode(Data("id,score\n".utf8), file: "x.json")
        }
    }

    @Test func sameModelGivesTheSameBytes() throws {
        #expect(try Self.model().jsonData() == Self.model().jsonData())
    }

    @Test func boosterParametersAreValidated() throws {
        let x = try FeatureMatrix(rows: [[0], [1]], names: ["a"])
        #expect(throws: ScoringError.invalidParameter(name: "maxDepth", value: "0", expected: "in 1...32")) {
            try GradientBoostedTrees(parameters: BoostingParameters(maxDepth: 0)).fit(x, labels: [0, 1])
        }
        #expect(throws: ScoringError.singleClass(label: 1, rows: 2, set: .training)) {
            try GradientBoostedTrees().fit(x, labels: [1, 1])
        }
    }

    @Test func boostedTreesLearnAThresholdAndToleratesMissingValues() throws {
        var rows: [[Double]] = []
        for i in 0..<200 {
            let b: Double = i % 7 == 0 ? .nan : Double(i % 3)
            rows.append([Double(i % 20), b])
        }
        let labels = rows.map { $0[0] >= 10 ? 1.0 : 0.0 }
        let x = try FeatureMatrix(rows: rows, names: ["a", "b"])
        let fit = try GradientBoostedTrees(parameters: BoostingParameters(rounds: 20, seed: 4)).fit(x, labels: labels)
        let p = try fit.predict(x)
        #expect(try ClassificationMetrics.rocAUC(scores: p, labels: labels) == 1)
        #expect(fit.totalGain[0] > fit.totalGain[1])
        #expect(throws: ScoringError.shapeMismatch("1 features given, the booster was trained on 2")) {
            try fit.predict(FeatureMatrix(rows: [[1]], names: ["a"]))
        }
    }
}
