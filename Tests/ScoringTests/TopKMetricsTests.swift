import Testing

@testable import Scoring

/// hits@k, precision@k and recall@k on a six-row fixture worked by hand.
@Suite struct TopKMetricsTests {
    // Ranked by score (ties by row order): row 0 (0.9, +), row 1 (0.8, −), row 2 (0.8, +),
    // row 3 (0.5, −), row 4 (0.3, +), row 5 (0.2, −). Three positives.
    static let scores = [0.9, 0.8, 0.8, 0.5, 0.3, 0.2]
    static let labels: [Double] = [1, 0, 1, 0, 1, 0]

    /// k, then the expected figures worked by hand.
    static let cases: [TopKMetrics] = [
        TopKMetrics(k: 1, considered: 1, hits: 1, precision: 1, recall: 1.0 / 3),
        // The tie at 0.8 is broken by row order: row 1 (negative) comes first.
        TopKMetrics(k: 2, considered: 2, hits: 1, precision: 0.5, recall: 1.0 / 3),
        TopKMetrics(k: 3, considered: 3, hits: 2, precision: 2.0 / 3, recall: 2.0 / 3),
        TopKMetrics(k: 5, considered: 5, hits: 3, precision: 0.6, recall: 1),
        // k beyond the rows: every row counts.
        TopKMetrics(k: 10, considered: 6, hits: 3, precision: 0.5, recall: 1),
    ]

    @Test(arguments: cases)
    func handWorkedFigures(expected: TopKMetrics) throws {
        #expect(try ClassificationMetrics.topK(scores: Self.scores, labels: Self.labels, k: expected.k) == expected)
    }

    @Test func evaluationReportsEachKAskedFor() throws {
        let e = try Evaluation(probabilities: Self.scores, labels: Self.labels, topK: [3, 1])
        #expect(e.topK.map(\.k) == [3, 1])
        #expect(e.topK.map(\.hits) == [2, 1])
    }

    @Test func kMustBePositive() {
        #expect(throws: ScoringError.invalidParameter(name: "k", value: "0", expected: "≥ 1")) {
            try ClassificationMetrics.topK(scores: Self.scores, labels: Self.labels, k: 0)
        }
    }
}
