import Foundation
import Scoring
import TestSupport
import Testing

@testable import meridian

/// `meridian score` as an analyst runs it: the built executable on small fixtures, checking exit
/// codes, what it prints and the files it writes.
@Suite struct ScoreCommandTests {
    static let leads = Fixtures.repositoryRoot.appendingPathComponent("Tests/ScoringTests/Fixtures/yes_no_leads.csv")
        .path

    static func train(_ extra: [String], input: String = leads, in folder: URL) throws -> MeridianProcess {
        try MeridianProcess.run(
            [
                "score", "train", "--input", input, "--numeric", "size", "visits", "--seed", "1",
                "--output", folder.appendingPathComponent("model.json").path,
            ] + extra)
    }

    @Test func flagDefaultsAreTheRequestDefaults() throws {
        let parsed = try Meridian.parseAsRoot([
            "score", "train", "--input", "a.csv", "--numeric", "x", "--output", "m.json",
        ])
        let train = try #require(parsed as? Meridian.Score.Train)
        var expected = ScoringTrainingRequest(data: TableSource(file: "a.csv"))
        expected.scorer.features = FeatureSpec(numeric: [NumericFeature("x")])
        #expect(try train.request() == expected)
    }

    @Test func holdoutZeroTrainsOnEveryRow() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let run = try Self.train(["--target", "bought", "--holdout", "0"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("training rows: 40 (13 positive)"), "\(run.stdout)")
        #expect(!run.stdout.contains("hold-out"))
    }

    @Test func yesNoTargetIsReadAsBinary() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let run = try Self.train(["--target", "purchased", "--holdout", "0"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("training rows: 40 (13 positive)"), "\(run.stdout)")
    }

    @Test func aThirdLabelValueIsLocated() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let input = folder.appendingPathComponent("leads.csv")
        try "id,size,visits,won\nA,1,2,yes\nB,2,3,no\nC,3,1,maybe\nD,4,4,yes\n".write(
            to: input, atomically: true, encoding: .utf8)
        let run = try Self.train(["--target", "won"], input: input.path, in: folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("leads.csv:4:4:") && run.stderr.contains("'maybe'"), "\(run.stderr)")
    }

    @Test func splitColumnChoosesTheTrainingAndValidationRows() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let run = try Self.train(["--target", "purchased", "--split-column", "split"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("training rows: 30 (9 positive)"), "\(run.stdout)")
        #expect(run.stdout.contains("rows: 10 (4 positive)"), "\(run.stdout)")
    }

    @Test func validationFileIsTheEvaluationSet() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let run = try Self.train(["--target", "bought", "--validation", Self.leads], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("training rows: 40 (13 positive)"), "\(run.stdout)")
        #expect(run.stdout.contains("rows: 40 (13 positive)"), "\(run.stdout)")
    }

    @Test func evaluatingASavedModelNeedsNoFeatureFlags() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        #expect(try Self.train(["--target", "bought"], in: folder).status == 0)
        let run = try MeridianProcess.run(
            ["score", "evaluate", "--model", folder.appendingPathComponent("model.json").path, "--input", Self.leads])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("rows: 40 (13 positive)"), "\(run.stdout)")
        let withFeatures = try MeridianProcess.run(
            [
                "score", "evaluate", "--model", folder.appendingPathComponent("model.json").path, "--input", Self.leads,
                "--numeric", "size",
            ])
        #expect(withFeatures.status == 64 && withFeatures.stderr.contains("the model file defines its features"))
    }

    @Test func aHoldoutWithOneClassSaysHoldout() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let input = folder.appendingPathComponent("few.csv")
        let rows = (0..<20).map { "R\($0),\($0),\($0 % 3),\($0 == 3 || $0 == 11 ? 1 : 0)" }
        try ("id,size,visits,won\n" + rows.joined(separator: "\n") + "\n").write(
            to: input, atomically: true, encoding: .utf8)
        let run = try Self.train(["--target", "won", "--holdout", "0.2"], input: input.path, in: folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("4 hold-out rows") && !run.stderr.contains("training rows"), "\(run.stderr)")
    }

    @Test func propensitiesKeepEnoughDigitsToReadBack() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let input = folder.appendingPathComponent("sharp.csv")
        let rows = (0..<30).map { "R\($0),\($0),\($0 % 4),\($0 >= 15 ? ($0 == 16 ? 0 : 1) : ($0 == 13 ? 1 : 0))" }
        try ("id,size,visits,won\n" + rows.joined(separator: "\n") + "\n").write(
            to: input, atomically: true, encoding: .utf8)
        #expect(
            try Self.train(["--target", "won", "--l2", "0.001"], input: input.path, in: folder).status
                == 0)
        let scores = folder.appendingPathComponent("scores.csv").path
        let run = try MeridianProcess.run(
            [
                "score", "predict", "--model", folder.appendingPathComponent("model.json").path, "--input", input.path,
                "--output", scores,
            ])
        #expect(run.status == 0, "\(run.stderr)")
        let propensities = try String(contentsOfFile: scores, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",")[1] }
        #expect(propensities.allSatisfy { (Double($0) ?? 0) > 0 && Double($0) ?? 1 < 1 }, "\(propensities)")
        #expect(Set(propensities).count == 30, "\(propensities)")
    }

    @Test func logisticImportanceIsSigned() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let report = folder.appendingPathComponent("evaluation.json")
        let run = try MeridianProcess.run(
            [
                "score", "evaluate", "--input", Self.leads, "--target", "bought", "--numeric", "size", "visits",
                "--seed", "1",
                "--format", "json", "--output", report.path,
            ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        let importance = json?["importance"] as? [[String: Any]] ?? []
        let visits = importance.first { $0["feature"] as? String == "visits" }
        #expect((visits?["coefficient"] as? Double ?? 0) < 0, "\(importance)")
        #expect(visits?["direction"] as? String == "lowers", "\(importance)")
        let topK = json?["topK"] as? [[String: Any]] ?? []
        #expect(topK.map { $0["k"] as? Int } == [10, 100], "\(topK)")
    }

    @Test(arguments: [
        ["--l2", "nan"], ["--l2", "-1"], ["--rounds", "0"], ["--learning-rate", "0"], ["--holdout", "1"],
        ["--holdout", "-0.1"], ["--holdout", "nan"], ["--max-depth", "-1"], ["--min-child-weight", "-1"],
        ["--subsample", "0"], ["--threads", "-1"], ["--max-levels", "0"], ["--positive-weight", "0"],
        ["--positive-weight", "inf"], ["--top-k", "0"], ["--holdout", "0.2", "--split-column", "split"],
    ])
    func badNumericFlagsAreUsageErrors(flags: [String]) throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-score")
        let run = try Self.train(["--target", "bought"] + flags, in: folder)
        #expect(run.status == 64, "\(flags): \(run.stderr)")
        #expect(run.stderr.contains(flags[0]), "the message names the flag: \(run.stderr)")
    }
}
