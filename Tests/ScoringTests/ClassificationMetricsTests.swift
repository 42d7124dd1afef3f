import Foundation
import TestSupport
import Testing

@testable import Scoring

@Suite struct ClassificationMetricsTests {
    @Test func aucOfScikitLearnsDocumentationExample() throws {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        #expect(try ClassificationMetrics.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1]) == 0.75)
    }

    @Test func tiedScoresCountOneHalf() throws {
        // Pairs (pos, neg): (2,1)=1, (2,2)=½, (3,1)=1, (3,2)=1 → 3.5 / 4.
        #expect(try ClassificationMetrics.rocAUC(scores: [1, 2, 2, 3], labels: [0, 0, 1, 1]) == 0.875)
        #expect(try ClassificationMetrics.rocAUC(scores: [5, 5, 5, 5], labels: [0, 1, 0, 1]) == 0.5)
    }

    @Test func aucAgreesWithPairCountingOnRandomData() throws {
        for seed in UInt64(1)...5 {
            var rng = SplitMix64(seed: seed)
            let n = 200
            let scores = (0..<n).map { _ in Double(Int.random(in: 0..<20, using: &rng)) }
            var labels = (0..<n).map { _ in Double(Int.random(in: 0...1, using: &rng)) }
            labels[0] = 0
            labels[1] = 1
            var wins = 0.0
            var pairs = 0.0
            for i in 0..<n where labels[i] == 1 {
                for j in 0..<n where labels[j] == 0 {
                    pairs += 1
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0
                }
            }
            #expect(
                isApproximatelyEqual(try ClassificationMetrics.rocAUC(scores: scores, labels: labels), wins / pairs))
        }
    }

    @Test func logLossByHand() throws {
        let value = try ClassificationMetrics.logLoss(probabilities: [0.8, 0.3], labels: [1, 0])
        #expect(isApproximatelyEqual(value, -(log(0.8) + log(0.7)) / 2))
        // Clipping keeps a confident mistake finite.
        #expect(try ClassificationMetrics.logLoss(probabilities: [0], labels: [1]).isFinite)
    }

    @Test func topDecileLiftByHand() throws {
        // 20 rows, 4 positives (rate 0.2); the top 2 by score hold 1 positive → rate 0.5 → lift 2.5.
        let scores = (0..<20).map { Double(20 - $0) }
        var labels = [Double](repeating: 0, count: 20)
        labels[1] = 1
        labels[5] = 1
        labels[10] = 1
        labels[15] = 1
        #expect(try ClassificationMetrics.lift(scores: scores, labels: labels, fraction: 0.1) == 2.5)
    }

    @Test func calibrationTableCoversEveryRowOnce() throws {
        let p = (0..<25).map { Double($0) / 25 }
        let y = p.map { $0 > 0.5 ? 1.0 : 0.0 }
        let table = try ClassificationMetrics.calibration(probabilities: p, labels: y, bins: 10)
        #expect(table.count == 10)
        #expect(table.reduce(0) { $0 + $1.count } == 25)
        #expect(table.first?.observedRate == 0)
        #expect(table.last?.observedRate == 1)
        #expect(zip(table, table.dropFirst()).allSatisfy { $0.meanPredicted <= $1.meanPredicted })
    }

    @Test func aucNeedsBothClasses() {
        #expect(throws: ScoringError.singleClass(label: 1, rows: 2, set: .evaluation)) {
            try ClassificationMetrics.rocAUC(scores: [0.1, 0.2], labels: [1, 1])
        }
    }

    @Test func splitsAreStratifiedDisjointAndSeeded() throws {
        let labels = (0..<100).map { $0 % 4 == 0 ? 1.0 : 0.0 }
        let a = try DataSplit.holdout(labels: labels, fraction: 0.2, seed: 9)
        let b = try DataSplit.holdout(labels: labels, fraction: 0.2, seed: 9)
        #expect(a.train == b.train && a.test == b.test)
        #expect(Set(a.train).isDisjoint(with: a.test) && a.train.count + a.test.count == 100)
        #expect(a.test.filter { labels[$0] == 1 }.count == 5)
        let folds = try DataSplit.stratifiedFolds(labels: labels, count: 5, seed: 3)
        #expect(folds.map { $0.filter { labels[$0] == 1 }.count } == [5, 5, 5, 5, 5])
        #expect(Set(folds.flatMap { $0 }).count == 100)
    }
}
