import Scoring
import TestSupport

extension SyntheticLeads {
    /// The feature spec that fits the generated accounts.
    static let featureSpec = FeatureSpec(
        numeric: [
            NumericFeature("employees", transform: .log), NumericFeature("revenue", transform: .log),
            NumericFeature("tenure_years"), NumericFeature("web_visits"),
        ],
        categorical: [CategoricalFeature("industry", maxLevels: 20, minCount: 1)])
}
