import Foundation

/// The ground-truth model behind the demo company's purchases in the plan year after the snapshot
/// (the generator lets exactly the accounts drawn as purchasers buy that year), so a scoring model
/// can be compared with the best achievable.
///
/// With `L = ln(employees / 30)`, the feature logit is
///
///     z = -1.65 + 0.30 L - 0.10 L² + industryEffect[industry]
///         + 1.20 · [ttm_sales > 0] + 0.50 · [prior_year_sales > 0 and ttm_sales = 0]
///         + 0.50 · [segment = Enterprise and industry = Technology]
///         - 0.08 · (county unemployment 2009 - 9.3)
///
/// and the account's true probability is `p = σ(z + ε)` with an unobserved account effect
/// `ε ~ N(0, 0.7²)`. `purchased ~ Bernoulli(p)`. Ranking by `z` is the best any model of the
/// account's features can do; ranking by `p` is the oracle.
///
/// ```swift
/// let z = PurchasePropensityModel.featureLogit(of: account, unemploymentRate: 9.3)
/// let p = PurchasePropensityModel.probability(logit: z + 0.2)
/// ```
public enum PurchasePropensityModel {
    /// Additive industry effects on the logit.
    public static let industryEffect: [String: Double] = [
        "Technology": 0.6, "Financial Services": 0.4, "Healthcare": 0.3, "Professional Services": 0.2,
        "Manufacturing": 0.1, "Wholesale": 0.0, "Education": -0.1, "Construction": -0.2, "Retail": -0.3,
        "Hospitality": -0.5,
    ]

    /// Standard deviation of the unobserved account effect ε.
    public static let noiseStandardDeviation = 0.7

    /// Unemployment rate used when an account's county has none.
    public static let defaultUnemploymentRate = 9.3

    /// The part of the logit that depends on the account's published features.
    public static func featureLogit(of account: Account, unemploymentRate: Double?) -> Double {
        let employees = Double(max(1, account.employees ?? 1))
        let l = log(employees / 30)
        var z = -1.65 + 0.30 * l - 0.10 * l * l
        z += industryEffect[account.industry ?? ""] ?? 0
        if account.trailingTwelveMonthSales > 0 {
            z += 1.2
        } else if account.priorYearSales > 0 {
            z += 0.5
        }
        if account.segment == "Enterprise" && account.industry == "Technology" { z += 0.5 }
        z -= 0.08 * ((unemploymentRate ?? defaultUnemploymentRate) - defaultUnemploymentRate)
        return z
    }

    /// The logistic function σ(z) = 1 / (1 + e⁻ᶻ).
    public static func probability(logit z: Double) -> Double { 1 / (1 + exp(-z)) }
}

/// One row of `accounts_truth.csv`.
public struct PurchaseTruth: Sendable, Hashable {
    public var accountID: AccountID
    /// `z` of ``PurchasePropensityModel``: the best score computable from the account's features.
    public var featureLogit: Double
    /// `σ(z + ε)`, the account's true purchase probability.
    public var probability: Double
    /// The realised outcome.
    public var purchased: Bool
}
