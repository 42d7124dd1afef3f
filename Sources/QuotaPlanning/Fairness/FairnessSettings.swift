/// How the cascade treats fairness at the seat level, and how a rep's sales are modelled.
///
/// A rep's plan-year sales are a random variable with mean
/// `μ = ramp × (1 + expectedGrowth) × (h · history + (1 − h) · potential × penetration)`, where
/// `history` is the trailing twelve months (prior year when absent), `penetration` is the sibling
/// group's history ÷ potential (so potential is expressed in sales), and `h = historyWeight`; and
/// standard deviation `σ = volatility × μ` (the seat's own volatility, else `defaultVolatility`).
/// The distribution is normal, or lognormal with the same mean and σ (log-scale
/// `s² = ln(1 + cv²)`, `m = ln μ − s²/2`).
///
/// ```swift
/// var fairness = FairnessSettings()
/// fairness.method = .equalProbability
/// fairness.distribution = .lognormal
/// ```
public struct FairnessSettings: Sendable, Hashable, Codable {
    /// How seat quotas are targeted inside a first-line manager's pool.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Targets follow the basis blend; attainment probabilities are only reported.
        case basis
        /// Seat quotas give every seat of the plan the same probability of reaching quota (as far
        /// as growth bounds and overrides allow); unit pools follow from their seats
        /// (`PlanWideEqualProbability`).
        case equalProbability = "equal-probability"
        /// Seat quotas give the seats of one first-line group the same probability of reaching
        /// quota, inside the pool the basis cascade gave that group; the level differs between
        /// groups.
        case equalProbabilitySiblings = "equal-probability-siblings"
    }

    /// The family of the sales distribution.
    public enum Distribution: String, Sendable, Hashable, Codable, CaseIterable {
        case normal, lognormal
    }

    public var method: Method = .basis
    public var distribution: Distribution = .normal
    /// Coefficient of variation used for seats without their own volatility.
    public var defaultVolatility: Double = 0.25
    /// Weight `h` of history against potential in the expected sales.
    public var historyWeight: Double = 0.5
    /// Market growth applied to the expected sales.
    public var expectedGrowth: Double = 0
    /// Warn when the expected share of reps at or above 100 % falls under this level.
    public var warnBelow: Double = 0.6

    public init() {}

    func validate() throws(QuotaError) {
        let checks: [(String, Double, Bool, String)] = [
            ("fairness.defaultVolatility", defaultVolatility, defaultVolatility >= 0, "≥ 0"),
            ("fairness.historyWeight", historyWeight, (0...1).contains(historyWeight), "in 0...1"),
            ("fairness.expectedGrowth", expectedGrowth, expectedGrowth > -1, "> -1"),
            ("fairness.warnBelow", warnBelow, (0...1).contains(warnBelow), "in 0...1"),
        ]
        for (field, value, ok, expected) in checks where !(ok && value.isFinite) {
            throw .invalidValue(field: field, value: "\(value)", expected: "a finite value \(expected)")
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case method, distribution, defaultVolatility, historyWeight, expectedGrowth, warnBelow
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decodeIfPresent(Method.self, forKey: .method) ?? method
        distribution = try c.decodeIfPresent(Distribution.self, forKey: .distribution) ?? distribution
        defaultVolatility = try c.decodeIfPresent(Double.self, forKey: .defaultVolatility) ?? defaultVolatility
        historyWeight = try c.decodeIfPresent(Double.self, forKey: .historyWeight) ?? historyWeight
        expectedGrowth = try c.decodeIfPresent(Double.self, forKey: .expectedGrowth) ?? expectedGrowth
        warnBelow = try c.decodeIfPresent(Double.self, forKey: .warnBelow) ?? warnBelow
    }
}
