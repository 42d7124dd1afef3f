import SalesData

/// Everything that can go wrong while fitting, saving, loading or applying a scoring model.
///
/// Each case names what was wrong and what to do about it; data problems name the column.
public enum ScoringError: Error, Hashable, CustomStringConvertible {
    /// The training labels hold a single class, so no classifier can be fitted.
    case singleClass(label: Double, rows: Int)
    /// A label is neither 0 nor 1.
    case invalidLabel(row: Int, value: Double)
    /// No training rows, or features and labels of different lengths.
    case shapeMismatch(String)
    /// No usable feature remained after dropping constant and all-missing columns.
    case noUsableFeatures(dropped: [String])
    /// A feature named by the model is absent from the data to score.
    case missingFeature(column: String)
    /// A model file whose `schemaVersion` this build cannot read.
    case unsupportedModelVersion(file: String, found: Int, supported: Int)
    /// A model file that is not a Meridian scoring model.
    case unreadableModel(file: String, reason: String)
    /// An XGBoost C API call failed; `message` is `XGBGetLastError()`.
    case xgboost(routine: String, message: String)
    /// A parameter outside its domain.
    case invalidParameter(name: String, value: String, expected: String)
    /// Logistic regression without a penalty on linearly separable data has no finite optimum.
    case perfectSeparation
    /// The Newton iterations stopped before the gradient vanished.
    case notConverged(iterations: Int, gradientNorm: Double)

    public var description: String {
        switch self {
        case .singleClass(let label, let rows):
            "every one of the \(rows) training rows has label \(label == 1 ? 1 : 0); a classifier needs both classes (0 and 1)"
        case .invalidLabel(let row, let value):
            "row \(row + 1): label \(value) is not 0 or 1"
        case .shapeMismatch(let reason): reason
        case .noUsableFeatures(let dropped):
            "no usable feature: every feature was constant or all missing in the training data (\(dropped.joined(separator: ", ")))"
        case .missingFeature(let column):
            "the model needs column '\(column)', which the data to score does not have"
        case .unsupportedModelVersion(let file, let found, let supported):
            "\(file): model schema version \(found) is not supported (this build reads version \(supported)); retrain with `meridian score train`"
        case .unreadableModel(let file, let reason): "\(file): not a Meridian scoring model: \(reason)"
        case .xgboost(let routine, let message): "XGBoost \(routine) failed: \(message)"
        case .invalidParameter(let name, let value, let expected): "parameter \(name) = \(ErrorText.quoted(value)): expected \(expected)"
        case .perfectSeparation:
            "the classes are perfectly separable, so unpenalized logistic regression has no finite optimum; use l2 > 0"
        case .notConverged(let iterations, let norm):
            "logistic regression did not converge in \(iterations) Newton steps (gradient norm \(norm))"
        }
    }
}
