/// The weight of each positive training row relative to a negative one, for imbalanced classes.
///
/// Logistic regression minimizes the weighted log loss exactly (see ``LogisticRegression``);
/// XGBoost receives it as `scale_pos_weight`. A weight other than 1 shifts propensities up, so
/// they rank accounts but are no longer calibrated probabilities. In a request file it is a
/// number or `balanced`.
///
/// ```swift
/// PositiveClassWeight.balanced.resolved(labels: [1, 0, 0, 0])   // 3: negatives / positives
/// ```
public enum PositiveClassWeight: Sendable, Hashable, Codable, CustomStringConvertible {
    /// This weight, finite and > 0; 1 weighs every row alike.
    case fixed(Double)
    /// Negatives / positives among the training rows, so both classes weigh the same in total
    /// (scikit-learn's `class_weight = "balanced"` up to a common factor).
    case balanced

    /// The weight for these training labels.
    public func resolved(labels: [Double]) -> Double {
        switch self {
        case .fixed(let weight): return weight
        case .balanced:
            let positives = labels.reduce(0, +)
            return positives > 0 ? (Double(labels.count) - positives) / positives : 1
        }
    }

    /// Checks that a fixed weight is finite and > 0.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)``.
    public func validate() throws {
        if case .fixed(let weight) = self, !(weight > 0 && weight.isFinite) {
            throw ScoringError.invalidParameter(
                name: "positiveWeight", value: "\(weight)", expected: "a finite number > 0, or balanced")
        }
    }

    /// `balanced` or the number; ``init(parsing:)`` reads it back.
    public var description: String {
        switch self {
        case .fixed(let weight): "\(weight)"
        case .balanced: "balanced"
        }
    }

    /// Reads `balanced` (any case) or a number; `nil` for anything else.
    public init?(parsing text: String) {
        if text.lowercased() == "balanced" {
            self = .balanced
        } else if let weight = Double(text) {
            self = .fixed(weight)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let weight = try? c.decode(Double.self) {
            self = .fixed(weight)
        } else if let text = try? c.decode(String.self), let parsed = PositiveClassWeight(parsing: text) {
            self = parsed
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a number > 0 or 'balanced'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .fixed(let weight): try c.encode(weight)
        case .balanced: try c.encode("balanced")
        }
    }
}
