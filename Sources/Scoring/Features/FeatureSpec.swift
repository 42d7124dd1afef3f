import Foundation

/// Which input columns become model features, and how.
///
/// ```swift
/// let spec = FeatureSpec(
///     numeric: [NumericFeature("employees", transform: .log), NumericFeature("revenue", transform: .log)],
///     categorical: [CategoricalFeature("industry", maxLevels: 12)])
/// ```
public struct FeatureSpec: Sendable, Hashable, Codable {
    public var numeric: [NumericFeature]
    public var categorical: [CategoricalFeature]

    public init(numeric: [NumericFeature] = [], categorical: [CategoricalFeature] = []) {
        self.numeric = numeric
        self.categorical = categorical
    }

    /// Every input column the spec reads.
    public var columns: [String] { numeric.map(\.column) + categorical.map(\.column) }
}

/// A numeric input column: optionally log-transformed, then standardized with the training
/// mean and standard deviation; missing values are imputed with the training mean and flagged by
/// a `<column>_missing` indicator when the training data had any.
public struct NumericFeature: Sendable, Hashable, Codable {
    public var column: String
    public var transform: NumericTransform

    public init(_ column: String, transform: NumericTransform = .identity) {
        self.column = column
        self.transform = transform
    }
}

/// A transform applied before standardization.
public enum NumericTransform: String, Sendable, Hashable, Codable, CaseIterable {
    /// The value itself.
    case identity
    /// `sign(x) · log(1 + |x|)`: a log for skewed positive amounts that stays defined at 0 and below.
    case log

    func apply(_ x: Double) -> Double {
        switch self {
        case .identity: x
        case .log: x < 0 ? -log1p(-x) : log1p(x)
        }
    }
}

/// A categorical input column, one-hot encoded.
///
/// The `maxLevels` most frequent training levels
/// that occur at least `minCount` times get their own indicator; every other level, including
/// levels first seen at prediction time, maps to `<column>=other`.
public struct CategoricalFeature: Sendable, Hashable, Codable {
    public var column: String
    public var maxLevels: Int
    public var minCount: Int

    public init(_ column: String, maxLevels: Int = 20, minCount: Int = 5) {
        self.column = column
        self.maxLevels = maxLevels
        self.minCount = minCount
    }
}
