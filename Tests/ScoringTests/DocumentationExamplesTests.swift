import Foundation
import SalesData
import Testing

@testable import Scoring

/// The runnable examples from the Scoring doc comments, verbatim.
@Suite struct DocumentationExamplesTests {
    @Test func classificationMetricsExample() throws {
        let auc = try ClassificationMetrics.rocAUC(scores: [0.9, 0.2, 0.6, 0.4], labels: [1, 0, 1, 0])
        #expect(auc == 1.0)
    }

    @Test func featureMatrixExample() throws {
        let x = try FeatureMatrix(rows: [[1, 2], [3, 4]], names: ["a", "b"])
        #expect(x[1, 0] == 3.0)
    }

    @Test func logisticRegressionExample() throws {
        let x = try FeatureMatrix(rows: [[0], [1], [2], [3]], names: ["x"])
        let fit = try LogisticRegression(l2: 1).fit(x, labels: [0, 1, 0, 1])
        #expect(fit.predict(x).count == 4)
    }

    @Test func gradientBoostedTreesExample() throws {
        let x = try FeatureMatrix(rows: [[0], [1], [2], [3]], names: ["x"])
        let fit = try GradientBoostedTrees(parameters: BoostingParameters(rounds: 5)).fit(x, labels: [0, 0, 1, 1])
        #expect(try fit.predict(x).count == 4)
    }

    @Test func evaluationExample() throws {
        let e = try Evaluation(probabilities: [0.9, 0.1, 0.7, 0.3], labels: [1, 0, 1, 0])
        #expect(e.auc == 1.0)
    }

    @Test func dataSplitExample() throws {
        let folds = try DataSplit.stratifiedFolds(labels: [0, 1, 0, 1, 0, 1], count: 3, seed: 7)
        #expect(folds.count == 3)
    }

    @Test func columnTableExample() throws {
        let table = try ColumnTable(csv: "id,revenue\nA,10\nB,\n", file: "accounts.csv")
        #expect(try table.numbers("revenue") == [10.0, nil])
    }

    @Test func binaryTargetExample() throws {
        let table = try ColumnTable(csv: "won\nYes\nno\nNO\n", file: "leads.csv")
        #expect(try BinaryTarget(column: "won").labels(table) == [1, 0, 0])
    }

    @Test func topKExample() throws {
        let top = try ClassificationMetrics.topK(scores: [0.9, 0.8, 0.7, 0.1], labels: [1, 0, 1, 1], k: 2)
        #expect(top.hits == 1)
        #expect(top.precision == 0.5)
        #expect(top.recall == 1.0 / 3)
    }

    @Test func splitColumnExample() throws {
        let table = try ColumnTable(csv: "split\nTrain\nvalidation\ntrain\n", file: "leads.csv")
        let split = try DataSplit.column("split", of: table)
        #expect(split.train == [0, 2] && split.test == [1])
    }

    @Test func positiveClassWeightExample() {
        #expect(PositiveClassWeight.balanced.resolved(labels: [1, 0, 0, 0]) == 3)
    }

    @Test func featurePipelineExample() throws {
        let table = try ColumnTable(csv: "size,kind\n1,a\n3,b\n", file: "t.csv")
        let pipeline = try FeaturePipeline.fit(table, spec: FeatureSpec(numeric: [NumericFeature("size")]))
        #expect(try pipeline.transform(table).matrix.names == ["size"])
    }
}
