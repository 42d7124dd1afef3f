import SalesData

/// Everything that can go wrong while fitting, saving, loading or applying a scoring model.
///
/// Each case names what was wrong and what to do about it; data problems name the column.
public enum ScoringError: Error, Hashable, CustomStringConvertible {
    /// A set of rows holds a single class: no classifier can be fitted on it (training rows),
    /// and AUC, lift and recall are undefined on it (evaluation rows).
    case singleClass(label: Double, rows: Int, set: RowSet)
    /// A label given as a number is neither 0 nor 1.
    case invalidLabel(row: Int, value: Double)
    /// A cell of the target column (or of the split column) that is missing or not one of the
    /// accepted values; `column` is the 1-based field number and `name` the header.
    case badLabel(file: String, line: Int, column: Int, name: String, value: String, expected: String)
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
        case .singleClass(let label, let rows, let set):
            "every one of the \(rows) \(set.rawValue) rows has label \(label == 1 ? 1 : 0); \(set.advice)"
        case .invalidLabel(let row, let value):
            "row \(row + 1): label \(value) is not 0 or 1"
        case .badLabel(let file, let line, let column, let name, let value, let expected):
            "\(file):\(line):\(column): column '\(name)': '\(quoted(value))' is not accepted; expected \(expected)"
        case .shapeMismatch(let reason): reason
        case .noUsableFeatures(let dropped):
            "no usable feature: every feature was constant or all missing in the training data (\(dropped.joined(separator: ", ")))"
        case .missingFeature(let column):
            "the model needs column '\(column)', which the data to score does not have"
        case .unsupportedModelVersion(let file, let found, let supported):
            "\(file): model schema version \(found) is not supported (this build reads version \(supported)); retrain with `meridian score train`"
        case .unreadableModel(let file, let reason): "\(file): not a Meridian scoring model: \(reason)"
        case .xgboost(let routine, let message): "XGBoost \(routine) failed: \(message)"
        case .invalidParameter(let name, let value, let expected):
            "parameter \(name) = \(ErrorText.quoted(value)): expected \(expected)"
        case .perfectSeparation:
            "the classes are perfectly separable, so unpenalized logistic regression has no finite optimum; use l2 > 0"
        case .notConverged(let iterations, let norm):
            "logistic regression did not converge in \(iterations) Newton steps (gradient norm \(norm))"
        }
    }
}

/// Which rows an error or an evaluation is about.
public enum RowSet: String, Sendable, Hashable, Codable {
    /// The rows a model is fitted on.
    case training
    /// The rows a seeded hold-out split set aside.
    case holdout = "hold-out"
    /// The rows a split column or a validation file names.
    case validation
    /// Rows evaluated by a saved model or one cross-validation fold.
    case evaluation

    var advice: String {
        switch self {
        case .training: "a classifier needs both classes (0 and 1)"
        case .holdout:
            "the hold-out metrics need both classes: hold out a larger fraction, or train on every row with --holdout 0"
        case .validation: "the validation metrics need both classes: name validation rows of each class"
        case .evaluation: "AUC, log loss and recall need both classes among the evaluated rows"
        }
    }
}

/// Throws ``ScoringError/invalidParameter(name:value:expected:)`` unless `ok`.
func requireParameter(_ ok: Bool, _ name: String, _ value: Any, _ expected: String) throws {
    if !ok { throw ScoringError.invalidParameter(name: name, value: "\(value)", expected: expected) }
}

/// At most 200 characters of a bad value, so that a huge field never floods an error message.
func quoted(_ value: String) -> String {
    value.count <= 200 ? value : String(value.prefix(200)) + "… (\(value.count) characters)"
}
