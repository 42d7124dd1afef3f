import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

@Suite struct LogisticRegressionTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let l2: Double
            let scipyObjective: Double
            let sklearnObjective: Double
            let scipyCoefficients: [Double]
            let scipyIntercept: Double
        }
        let cases: [Case]
    }

    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/ScoringTests/Fixtures")

    static func fixture() throws -> (FeatureMatrix, [Double], Reference) {
        let table = try ColumnTable(contentsOf: folder.appendingPathComponent("logistic_data.csv"))
        let names = (1...5).map { "x\($0)" }
        let columns = try names.map { try table.numbers($0).map { $0 ?? .nan } }
        let values = (0..<table.rowCount).flatMap { i in columns.map { $0[i] } }
        let x = try FeatureMatrix(rowCount: table.rowCount, values: values, names: names)
        let y = try table.numbers("y").map { $0 ?? .nan }
        let data = try Data(contentsOf: folder.appendingPathComponent("logistic_reference.json"))
        return (x, y, try JSONDecoder().decode(Reference.self, from: data))
    }

    @Test func objectiveMatchesScipyAndScikitLearnOptimum() throws {
        let (x, y, reference) = try Self.fixture()
        #expect(reference.cases.count == 3)
        for reference in reference.cases {
            let fit = try LogisticRegression(l2: reference.l2).fit(x, labels: y)
            let best = min(reference.scipyObjective, reference.sklearnObjective)
            #expect(isApproximatelyEqual(fit.objective, best, absolute: 0, relative: 1e-6), "l2 \(reference.l2)")
            // Newton reaches the optimum at least as well as the independent optimizers.
            #expect(fit.objective <= best * (1 + 1e-12))
            for (mine, theirs) in zip(fit.coefficients, reference.scipyCoefficients) {
                #expect(isApproximatelyEqual(mine, theirs, absolute: 1e-6, relative: 1e-5))
            }
            #expect(isApproximatelyEqual(fit.intercept, reference.scipyIntercept, absolute: 1e-6, relative: 1e-5))
            #expect(fit.gradientNorm < 1e-8)
        }
    }

    @Test func unpenalizedInterceptOnlyModelGivesTheLogOddsOfTheRate() throws {
        // With one constant-zero feature the slope stays 0 and the intercept is log(p / (1 − p)).
        let x = try FeatureMatrix(rows: Array(repeating: [0.0], count: 10), names: ["zero"])
        let y: [Double] = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
        let fit = try LogisticRegression(l2: 1).fit(x, labels: y)
        #expect(isApproximatelyEqual(fit.intercept, log(0.3 / 0.7), absolute: 1e-12))
        #expect(abs(fit.coefficients[0]) < 1e-12)
    }

    @Test func oneClassTrainingSetIsAnError() throws {
        let x = try FeatureMatrix(rows: [[1], [2], [3]], names: ["a"])
        #expect(throws: ScoringError.singleClass(label: 0, rows: 3, set: .training)) {
            try LogisticRegression().fit(x, labels: [0, 0, 0])
        }
    }

    @Test func separableDataWithoutPenaltyIsAnError() throws {
        let x = try FeatureMatrix(rows: [[0], [1], [2], [3]], names: ["a"])
        #expect(throws: ScoringError.perfectSeparation) {
            try LogisticRegression(l2: 0).fit(x, labels: [0, 0, 1, 1])
        }
        // A penalty makes the optimum finite.
        let fit = try LogisticRegression(l2: 0.5).fit(x, labels: [0, 0, 1, 1])
        #expect(fit.coefficients[0] > 0)
    }

    @Test func missingValuesAreRejectedWithTheFeatureName() throws {
        let x = try FeatureMatrix(rows: [[1, .nan], [2, 1], [3, 0]], names: ["a", "b"])
        #expect(throws: ScoringError.self) { try LogisticRegression().fit(x, labels: [0, 1, 0]) }
    }

    @Test func fittingTwiceGivesIdenticalResults() throws {
        let (x, y, _) = try Self.fixture()
        let a = try LogisticRegression(l2: 1).fit(x, labels: y)
        let b = try LogisticRegression(l2: 1).fit(x, labels: y)
        #expect(a == b)
    }
}
