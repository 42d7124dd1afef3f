import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

/// Which rows train and which evaluate: every row, a hold-out, a split column, a validation file.
@Suite struct TrainingSplitTests {
    static let leads = Fixtures.repositoryRoot.appendingPathComponent("Tests/ScoringTests/Fixtures/yes_no_leads.csv")
    static let features = FeatureSpec(numeric: [NumericFeature("size"), NumericFeature("visits")])

    @Test func holdoutZeroTrainsOnEveryRowAndEvaluatesNothing() throws {
        let table = try ColumnTable(contentsOf: Self.leads)
        let model = try LeadScorer(features: Self.features, split: .holdout(0)).train(table, kind: .logistic, seed: 1)
        #expect(model.training.trainingRows == 40 && model.training.trainingPositives == 13)
        #expect(model.training.holdout == nil)
    }

    @Test func aSplitColumnChoosesTheRows() throws {
        let table = try ColumnTable(contentsOf: Self.leads)
        let model = try LeadScorer(features: Self.features, split: .column("split")).train(
            table, kind: .logistic, seed: 1)
        #expect(model.training.trainingRows == 30 && model.training.trainingPositives == 9)
        let evaluation = try #require(model.training.holdout)
        #expect(evaluation.rows == 10 && evaluation.positives == 4)
        #expect(model.training.evaluationSet == .validation && model.training.split == .column("split"))
        // The same rows, fitted directly, give the same model.
        let split = try DataSplit.column("split", of: table)
        let direct = try LeadScorer(features: Self.features).fit(table, kind: .logistic, seed: 1, rows: split.train)
        #expect(direct.classifier == model.classifier)
    }

    @Test func anUnknownSplitValueIsLocated() throws {
        let table = try ColumnTable(csv: "x,y,split\n1,yes,train\n2,no,later\n", file: "s.csv")
        #expect(
            throws: ScoringError.badLabel(
                file: "s.csv", line: 3, column: 3, name: "split", value: "later",
                expected: "train or validation (also training; valid, validate, test, holdout; any case)")
        ) {
            try DataSplit.column("split", of: table)
        }
    }

    @Test func aValidationFileIsEvaluatedWhileEveryInputRowTrains() throws {
        let table = try ColumnTable(contentsOf: Self.leads)
        let scorer = LeadScorer(features: Self.features, split: .file(TableSource(file: Self.leads.path)))
        let model = try scorer.train(table, kind: .logistic, seed: 1)
        #expect(model.training.trainingRows == 40)
        #expect(model.training.holdout?.rows == 40)
    }

    @Test func aOneClassHoldoutIsNamedAsTheHoldout() throws {
        let rows = (0..<20).map { "\($0),\($0 == 3 || $0 == 11 ? 1 : 0)" }
        let table = try ColumnTable(csv: "size,won\n" + rows.joined(separator: "\n") + "\n", file: "few.csv")
        let scorer = LeadScorer(
            target: "won", features: FeatureSpec(numeric: [NumericFeature("size")]), split: .holdout(0.2))
        #expect(throws: ScoringError.singleClass(label: 0, rows: 4, set: .holdout)) {
            try scorer.train(table, kind: .logistic, seed: 1)
        }
        let message = ScoringError.singleClass(label: 0, rows: 4, set: .holdout).description
        #expect(message.hasPrefix("every one of the 4 hold-out rows has label 0"))
    }

    @Test func splitsRoundTripThroughJSON() throws {
        for split in [
            TrainingSplit.holdout(0.3), .column("split"),
            .file(TableSource(file: "v.csv", joins: [TableJoin(file: "c.csv", key: "a", otherKey: "b")])),
        ] {
            let data = try JSONEncoder().encode(split)
            #expect(try JSONDecoder().decode(TrainingSplit.self, from: data) == split)
        }
        #expect(try JSONDecoder().decode(TrainingSplit.self, from: Data(#"{"holdout": 0}"#.utf8)) == .holdout(0))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TrainingSplit.self, from: Data(#"{"holdout": 0.1, "column": "s"}"#.utf8))
        }
    }
}

/// Logistic importance keeps the sign of each coefficient.
@Suite struct SignedImportanceTests {
    @Test func logisticImportanceCarriesTheSignedCoefficient() throws {
        let table = try ColumnTable(contentsOf: TrainingSplitTests.leads)
        let model = try LeadScorer(target: "bought", features: TrainingSplitTests.features, split: .holdout(0))
            .train(table, kind: .logistic, seed: 1)
        guard case .logisticRegression(let fit) = model.classifier else { Issue.record("not logistic"); return }
        for item in model.importance {
            let j = try #require(fit.names.firstIndex(of: item.feature))
            #expect(item.coefficient == fit.coefficients[j])
            #expect(item.direction == (fit.coefficients[j] > 0 ? .raises : .lowers))
        }
        #expect(model.importance.first { $0.feature == "visits" }?.direction == .lowers)
        #expect(model.importance.first { $0.feature == "size" }?.direction == .raises)
        let total = model.importance.reduce(0) { $0 + $1.importance }
        #expect(isApproximatelyEqual(total, 1))
    }

    @Test func treeImportanceHasNoSign() throws {
        let table = try ColumnTable(contentsOf: TrainingSplitTests.leads)
        let model = try LeadScorer(
            target: "bought", features: TrainingSplitTests.features, split: .holdout(0),
            boosting: BoostingParameters(rounds: 5, minChildWeight: 1)
        ).train(table, kind: .xgboost, seed: 1)
        #expect(model.importance.allSatisfy { $0.coefficient == nil && $0.direction == nil })
    }
}
