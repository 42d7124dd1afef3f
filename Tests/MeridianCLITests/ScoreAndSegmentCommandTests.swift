import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import meridian

@Suite struct ScoreAndSegmentCommandTests {
    static let root = Fixtures.repositoryRoot
    static let demoArguments = [
        "--input", root.appendingPathComponent("Tests/ScoringTests/Fixtures/logistic_data.csv").path, "--target", "y",
        "--numeric", "x1", "x2", "x3", "x4", "x5",
    ]

    @Test func scoreSubcommandsParse() throws {
        let command = try Meridian.parseAsRoot(
            ["score", "train"] + Self.demoArguments + ["--output", "m.json", "--seed", "7"])
        let train = try #require(command as? Meridian.Score.Train)
        #expect(train.training.seed == 7 && train.training.modelKind == .logistic)
        #expect(
            try Meridian.parseAsRoot(["score", "predict", "--model", "m.json", "--input", "a.csv", "--output", "s.csv"])
                is Meridian.Score.Predict)
    }

    @Test func usageErrorsAreRejectedBeforeRunning() {
        #expect(throws: (any Error).self) {
            try Meridian.parseAsRoot(["score", "train", "--input", "a.csv", "--output", "m.json"])
        }
        #expect(throws: (any Error).self) {
            try Meridian.parseAsRoot([
                "segment", "--input", "a.csv", "--output", "o.csv", "--k", "many", "--features", "x",
            ])
        }
        #expect(throws: (any Error).self) {
            try Meridian.parseAsRoot([
                "score", "predict", "--model", "m", "--input", "a", "--output", "o", "--join", "t.csv",
            ])
        }
    }

    @Test func trainPredictAndEvaluateRoundTrip() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        let model = folder.appendingPathComponent("model.json").path
        let train = try #require(
            try Meridian.parseAsRoot(["score", "train"] + Self.demoArguments + ["--output", model, "--seed", "3"])
                as? Meridian.Score.Train)
        try train.run()
        let scores = folder.appendingPathComponent("scores.csv").path
        let predict = try #require(
            try Meridian.parseAsRoot([
                "score", "predict", "--model", model, "--input", Self.demoArguments[1], "--output", scores,
            ])
                as? Meridian.Score.Predict)
        try predict.run()
        let lines = try String(contentsOfFile: scores, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "id,score_propensity,score_expected_value,score_potential")
        #expect(lines.count == 601)
        let report = folder.appendingPathComponent("evaluation.json").path
        let evaluate = try #require(
            try Meridian.parseAsRoot(
                ["score", "evaluate"] + Self.demoArguments + [
                    "--seed", "3", "--model-kind", "xgboost", "--rounds", "20", "--format", "json", "--output", report,
                ])
                as? Meridian.Score.Evaluate)
        try evaluate.run()
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        #expect(json?["auc"] is Double && json?["logLoss"] is Double && json?["topDecileLift"] is Double)
        #expect(json?["truthAuc"] == nil)  // this fixture has no truth column
    }

    @Test func wrongModelVersionExitsWithBadData() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        let model = folder.appendingPathComponent("old.json")
        try Data(#"{"format": "meridian-scoring-model", "schemaVersion": 0}"#.utf8).write(to: model)
        let predict = try #require(
            try Meridian.parseAsRoot(
                [
                    "score", "predict", "--model", model.path, "--input", Self.demoArguments[1], "--output",
                    folder.appendingPathComponent("s.csv").path,
                ])
                as? Meridian.Score.Predict)
        do {
            try predict.run()
            Issue.record("an old model file was accepted")
        } catch {
            #expect(ExitStatus(classifying: error) == .badData)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.csv").path))
    }

    @Test func segmentWritesClustersAndPrintsTheSeed() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        let output = folder.appendingPathComponent("segments.csv").path
        let input = Self.root.appendingPathComponent("Tests/SegmentationTests/Fixtures/kmeans_points.csv").path
        let segment = try #require(
            try Meridian.parseAsRoot(
                [
                    "segment", "--input", input, "--output", output, "--features", "employees", "revenue", "growth",
                    "--log-features",
                    "employees", "revenue", "--k", "4", "--restarts", "3", "--tier-measure", "revenue",
                ]) as? Meridian.Segment)
        try segment.run()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "id,segment_cluster,segment_abc,segment_decile")
        #expect(lines.count == 901)
    }
}
