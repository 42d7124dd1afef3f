/// The three classes a sentence is labelled with.
public enum SentimentLabel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case negative, neutral, positive

    public static func < (lhs: SentimentLabel, rhs: SentimentLabel) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// VADER's scores of one text.
///
/// Invariants: `compound` is in −1…1; `positive + neutral + negative` is 1 (or all are 0 for a text
/// without words).
public struct SentimentScores: Sendable, Hashable, Codable {
    /// `s / √(s² + 15)` of the summed valences `s` (with punctuation emphasis): −1…1.
    public var compound: Double
    public var positive: Double
    public var neutral: Double
    public var negative: Double

    public init(compound: Double, positive: Double, neutral: Double, negative: Double) {
        self.compound = compound
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
    }

    /// Scores from per-token valences, as VADER's `score_valence` computes them.
    init(sentiments: [Double], punctuationEmphasis emphasis: Double) {
        guard !sentiments.isEmpty else {
            self.init(compound: 0, positive: 0, neutral: 0, negative: 0)
            return
        }
        var sum = sentiments.reduce(0, +)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        let compound = min(1, max(-1, Self.normalize(sum)))
        // Each sentiment word counts its valence plus 1, as each neutral word counts 1.
        var positive = 0.0
        var negative = 0.0
        var neutral = 0.0
        for value in sentiments {
            if value > 0 { positive += value + 1 } else if value < 0 { negative += value - 1 } else { neutral += 1 }
        }
        if positive > abs(negative) { positive += emphasis } else if positive < abs(negative) { negative -= emphasis }
        let total = positive + abs(negative) + neutral
        self.init(
            compound: compound, positive: abs(positive / total), neutral: abs(neutral / total),
            negative: abs(negative / total))
    }

    /// VADER's normalization with α = 15, the approximate largest expected sum.
    public static func normalize(_ score: Double, alpha: Double = 15) -> Double {
        score / (score * score + alpha).squareRoot()
    }
}
