import SalesData

/// A sentiment model scored on a labelled set: per-sentence predictions and the reports of the
/// model and of a majority-class baseline, on all sentences and per split.
///
/// ```swift
/// let evaluation = SentimentEvaluation(analyzer: analyzer, sentences: set)
/// evaluation.report(split: nil).accuracy          // all sentences
/// evaluation.baseline(split: "test").macroF1      // majority class on the held-out split
/// ```
public struct SentimentEvaluation: Sendable {
    public struct Prediction: Sendable, Hashable {
        public var sentence: LabelledSentence
        public var compound: Double
        public var predicted: SentimentLabel
    }

    public let predictions: [Prediction]

    public init(analyzer: SentimentAnalyzer, sentences: [LabelledSentence]) {
        predictions = sentences.map { sentence in
            let compound = analyzer.scores(sentence.text).compound
            return Prediction(sentence: sentence, compound: compound, predicted: analyzer.label(compound: compound))
        }
    }

    /// The model's report on the sentences of `split` (all sentences when `nil`).
    public func report(split: String?) -> ClassificationReport {
        let chosen = predictions.filter { split == nil || $0.sentence.split == split }
        return ClassificationReport(truth: chosen.map(\.sentence.label), predicted: chosen.map(\.predicted))
    }

    /// The majority-class baseline's report on the sentences of `split` (all when `nil`).
    public func baseline(split: String?) -> ClassificationReport {
        let truth = predictions.filter { split == nil || $0.sentence.split == split }.map(\.sentence.label)
        return ClassificationReport(truth: truth, predicted: ClassificationReport.majorityBaseline(truth))
    }

    /// The splits present, in first-appearance order.
    public var splits: [String] {
        var seen: [String] = []
        for prediction in predictions
        where !prediction.sentence.split.isEmpty && !seen.contains(prediction.sentence.split) {
            seen.append(prediction.sentence.split)
        }
        return seen
    }

    /// A Markdown table: set, n, model, accuracy, macro-F1 for the baseline and the model.
    public func markdownTable(modelName: String) -> String {
        var lines = ["| set | n | model | accuracy | macro-F1 |", "|---|---:|---|---:|---:|"]
        for split in [nil] + splits.map(Optional.some) {
            let model = report(split: split)
            let base = baseline(split: split)
            let name = split ?? "all"
            lines.append(
                "| \(name) | \(model.count) | majority class | \(Self.fixed(base.accuracy)) | \(Self.fixed(base.macroF1)) |"
            )
            lines.append(
                "| \(name) | \(model.count) | \(modelName) | \(Self.fixed(model.accuracy)) | \(Self.fixed(model.macroF1)) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Predictions as CSV: `id,label,compound,truth`.
    public func predictionsCSV() -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(["id", "label", "compound", "truth"])
        for prediction in predictions {
            csv.field(prediction.sentence.id)
            csv.field(prediction.predicted.rawValue)
            csv.number(prediction.compound, decimals: 6)
            csv.field(prediction.sentence.label.rawValue)
            csv.endRow()
        }
        return csv.bytes
    }

    /// `value` with four decimals, such as `0.7355`.
    public static func fixed(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        let fraction = String(Int(scaled) % 10_000)
        return "\(whole)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
