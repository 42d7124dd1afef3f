import Foundation

/// Text and JSON renderings of training, prediction and evaluation results for the CLI.
public enum ScoringReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// The JSON document of `meridian score evaluate --format json`.
    public struct EvaluationDocument: Codable, Sendable, Hashable {
        public let model: String
        public let seed: UInt64
        public let rows: Int
        public let positives: Int
        public let auc: Double
        public let logLoss: Double
        public let topDecileLift: Double
        public let truthAuc: Double?
        public let oracleAuc: Double?
        public let calibration: [CalibrationBin]
        /// hits@k, precision@k and recall@k.
        public let topK: [TopKMetrics]
        /// Largest first; logistic entries carry the signed `coefficient` and `direction`.
        public let importance: [FeatureImportance]
        public let crossValidation: [Evaluation]?
    }

    /// The report of `meridian score evaluate` in `format`.
    public static func evaluation(_ result: ScoringEvaluationResult, format: Format) throws -> String {
        let e = result.evaluation
        let model = result.model
        let folds = result.folds
        let seed = result.seed
        switch format {
        case .json:
            let document = EvaluationDocument(
                model: model.classifier.kindName, seed: seed, rows: e.rows, positives: e.positives, auc: e.auc,
                logLoss: e.logLoss, topDecileLift: e.topDecileLift, truthAuc: e.truthAuc, oracleAuc: e.oracleAuc,
                calibration: e.calibration, topK: e.topK, importance: model.importance, crossValidation: folds)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        case .text:
            var lines = ["model: \(model.classifier.kindName)", "seed: \(seed)"]
            lines += describe(e)
            if let folds {
                lines.append("cross-validation (\(folds.count) folds):")
                for (k, fold) in folds.enumerated() {
                    lines.append(
                        "  fold \(k + 1): AUC \(f(fold.auc)), log loss \(f(fold.logLoss))"
                            + (fold.truthAuc.map { ", truth AUC \(f($0))" } ?? ""))
                }
                let mean = folds.reduce(0) { $0 + $1.auc } / Double(folds.count)
                lines.append("  mean AUC \(f(mean))")
            }
            lines += importanceLines(model)
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func describe(_ e: Evaluation) -> [String] {
        var lines =
            [
                "rows: \(e.rows) (\(e.positives) positive)",
                "AUC: \(f(e.auc))" + (e.truthAuc.map { "   truth AUC: \(f($0))   gap: \(f($0 - e.auc))" } ?? ""),
                "log loss: \(f(e.logLoss))",
            ] + (e.oracleAuc.map { ["oracle AUC: \(f($0))"] } ?? []) + [
                "top-decile lift: \(f(e.topDecileLift))"
            ]
        for top in e.topK {
            lines.append(
                "top \(top.k)\(top.considered < top.k ? " (\(top.considered) rows)" : ""): hits \(top.hits), precision \(f(top.precision)), recall \(f(top.recall))"
            )
        }
        lines.append("calibration (bin, rows, mean predicted, observed):")
        for bin in e.calibration {
            lines.append("  \(bin.index)\t\(bin.count)\t\(f(bin.meanPredicted))\t\(f(bin.observedRate))")
        }
        return lines
    }

    public static func training(_ model: ScoringModel) -> String {
        var lines = [
            "model: \(model.classifier.kindName)", "seed: \(model.training.seed)",
            "training rows: \(model.training.trainingRows) (\(model.training.trainingPositives) positive)",
            "features: \(model.pipeline.outputNames.count)",
        ]
        for dropped in model.pipeline.dropped {
            lines.append("dropped feature \(dropped.column): \(dropped.reason.rawValue)")
        }
        if let weight = model.training.positiveWeight, weight != 1 { lines.append("positive weight: \(weight)") }
        if let holdout = model.training.holdout {
            switch model.training.split {
            case .column(let name): lines.append("validation (rows marked in column '\(name)'):")
            case .file(let source): lines.append("validation (\(source.file)):")
            case .holdout, nil: lines.append("hold-out (\(Int((model.training.holdoutFraction * 100).rounded())) %):")
            }
            lines += describe(holdout).map { "  " + $0 }
        } else {
            lines.append("no evaluation: every row trained (--holdout 0)")
        }
        lines += importanceLines(model)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The ten most important features; logistic ones with their signed coefficient.
    static func importanceLines(_ model: ScoringModel) -> [String] {
        var lines = [
            "feature importance"
                + (model.importance.contains { $0.coefficient != nil } ? " (share, coefficient):" : ":")
        ]
        for item in model.importance.prefix(10) {
            let sign =
                item.coefficient.map { "   \(f($0)) (\(item.direction?.rawValue ?? "none") the propensity)" } ?? ""
            lines.append("  \(item.feature): \(f(item.importance))" + sign)
        }
        return lines
    }

    public static func prediction(_ scores: ScoredAccounts) -> String {
        var lines = ["scored accounts: \(scores.ids.count)"]
        for (column, count) in scores.report.unseenCategories.sorted(by: { $0.key < $1.key }) {
            lines.append("warning: \(count) rows have a \(column) not seen in training; scored as '\(column)=other'")
        }
        for (column, count) in scores.report.unexpectedMissing.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "warning: \(count) rows miss \(column), which training always had; imputed with the training mean")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Report figures: 4 decimals (a report, not a data file; scores files keep every digit).
    static func f(_ x: Double) -> String { String(format: "%.4f", x) }
}
