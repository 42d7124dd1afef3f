import Foundation
import SalesData

/// A trained, saveable scoring model.
///
/// It holds the fitted feature pipeline, one classifier, the value settings, and what training
/// measured. Saved as versioned JSON (see ``schemaVersion``); an
/// XGBoost booster is embedded as base64 of XGBoost's own JSON model.
///
/// ```swift
/// let model = try ScoringModel.load(from: URL(fileURLWithPath: "Models/scoring-default.json"))
/// let scores = try model.score(accounts)   // ScoredAccounts
/// ```
public struct ScoringModel: Sendable, Hashable, Codable {
    /// The model-file schema this build writes and reads.
    public static let currentSchemaVersion = 1
    /// The `format` tag of every Meridian scoring model file.
    public static let formatName = "meridian-scoring-model"

    public let format: String
    public let schemaVersion: Int
    /// The label column the model was trained on.
    public let target: String
    /// The value of ``target`` that meant a positive outcome; `nil`: yes/no, true/false, y/n, 1/0.
    public let positiveLabel: String?
    /// The account id column.
    public let idColumn: String
    public let pipeline: FeaturePipeline
    public let classifier: Classifier
    public let value: ValueModel
    public let training: TrainingSummary

    init(
        target: String, positiveLabel: String?, idColumn: String, pipeline: FeaturePipeline, classifier: Classifier,
        value: ValueModel, training: TrainingSummary
    ) {
        self.format = Self.formatName
        self.schemaVersion = Self.currentSchemaVersion
        self.target = target
        self.positiveLabel = positiveLabel
        self.idColumn = idColumn
        self.pipeline = pipeline
        self.classifier = classifier
        self.value = value
        self.training = training
    }

    /// The fitted classifier.
    public enum Classifier: Sendable, Hashable, Codable {
        case logisticRegression(LogisticRegressionFit)
        case gradientBoostedTrees(GradientBoostedTreesFit)

        /// `logistic` or `xgboost`.
        public var kindName: String {
            switch self {
            case .logisticRegression: ModelKind.logistic.rawValue
            case .gradientBoostedTrees: ModelKind.xgboost.rawValue
            }
        }
    }

    /// How the model reads its ``target`` column.
    public var binaryTarget: BinaryTarget { BinaryTarget(column: target, positiveLabel: positiveLabel) }

    /// Propensities for rows of `table`, plus what the feature transform had to impute or pool.
    public func predict(_ table: ColumnTable, rows: [Int]? = nil) throws -> (
        probabilities: [Double], report: FeatureTransformReport
    ) {
        let (matrix, report) = try pipeline.transform(table, rows: rows)
        switch classifier {
        case .logisticRegression(let fit): return (fit.predict(matrix), report)
        case .gradientBoostedTrees(let fit): return (try fit.predict(matrix), report)
        }
    }

    /// Feature importance: |coefficient| for logistic regression, total split gain for boosted
    /// trees; normalized to sum to 1, largest first, ties by name.
    ///
    /// For logistic regression each entry also keeps the signed coefficient and its direction.
    /// Coefficients are on the model's input scale: per training standard deviation for a
    /// numeric feature (after its log when it has one), per unit of a 0/1 indicator for a
    /// one-hot level or a `_missing` flag. Trees have no sign, so theirs stay `nil`.
    public var importance: [FeatureImportance] {
        let names = pipeline.outputNames
        let raw: [Double]
        var signed: [Double?] = Array(repeating: nil, count: names.count)
        switch classifier {
        case .logisticRegression(let fit):
            raw = fit.coefficients.map(abs)
            signed = fit.coefficients
        case .gradientBoostedTrees(let fit): raw = fit.totalGain
        }
        let total = raw.reduce(0, +)
        return names.indices
            .map { j in
                FeatureImportance(
                    feature: names[j], importance: total > 0 ? raw[j] / total : 0, coefficient: signed[j],
                    direction: signed[j].map(FeatureImportance.Direction.init(coefficient:)))
            }
            .sorted { $0.importance != $1.importance ? $0.importance > $1.importance : $0.feature < $1.feature }
    }

    // MARK: - Files

    /// The model as JSON bytes (sorted keys, so the same model always gives the same bytes).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(self)
    }

    /// Writes the model atomically.
    public func save(to url: URL) throws {
        try AtomicFile.write(try jsonData(), to: url)
    }

    /// Reads a model file, checking its format tag and schema version first.
    ///
    /// - Throws: ``ScoringError/unsupportedModelVersion(file:found:supported:)`` for another
    ///   schema version, ``ScoringError/unreadableModel(file:reason:)`` for anything else.
    public static func load(from url: URL) throws -> ScoringModel {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScoringError.unreadableModel(file: url.path, reason: error.localizedDescription)
        }
        return try decode(data, file: url.path)
    }

    /// Decodes model JSON; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> ScoringModel {
        struct Header: Decodable {
            let format: String?
            let schemaVersion: Int?
        }
        let decoder = JSONDecoder()
        let header: Header
        do { header = try decoder.decode(Header.self, from: data) } catch {
            throw ScoringError.unreadableModel(file: file, reason: "not a JSON object")
        }
        guard header.format == formatName else {
            throw ScoringError.unreadableModel(file: file, reason: "the 'format' field is not '\(formatName)'")
        }
        guard let version = header.schemaVersion else {
            throw ScoringError.unreadableModel(file: file, reason: "no 'schemaVersion' field")
        }
        guard version == currentSchemaVersion else {
            throw ScoringError.unsupportedModelVersion(file: file, found: version, supported: currentSchemaVersion)
        }
        do { return try decoder.decode(ScoringModel.self, from: data) } catch let DecodingError.keyNotFound(
            key, context)
        {
            throw ScoringError.unreadableModel(
                file: file,
                reason: "missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw ScoringError.unreadableModel(file: file, reason: "\(error)")
        }
    }
}

/// The classifier family.
public enum ModelKind: String, Sendable, Hashable, Codable, CaseIterable {
    case logistic, xgboost
}

/// A feature's share of the model's importance and, for logistic regression, its signed effect.
public struct FeatureImportance: Sendable, Hashable, Codable {
    public let feature: String
    /// The share of the model's total importance, in [0, 1].
    public let importance: Double
    /// The signed logistic coefficient on the model's input scale (see
    /// ``ScoringModel/importance``); `nil` for boosted trees.
    public let coefficient: Double?
    /// Whether a larger value of the feature raises or lowers the propensity; `nil` for trees.
    public let direction: Direction?

    /// The sign of a logistic coefficient.
    public enum Direction: String, Sendable, Hashable, Codable {
        case raises, lowers, none

        init(coefficient: Double) {
            self = coefficient > 0 ? .raises : coefficient < 0 ? .lowers : .none
        }
    }
}

/// What training saw and measured, stored in the model file.
public struct TrainingSummary: Sendable, Hashable, Codable {
    public let seed: UInt64
    public let trainingRows: Int
    public let trainingPositives: Int
    /// The hold-out fraction; 0 when every row trained or another split was used.
    public let holdoutFraction: Double
    /// Evaluation on the held-out or validation rows; `nil` when every row trained.
    public let holdout: Evaluation?
    /// How rows were split; `nil` in files written before splits were recorded (a hold-out).
    public let split: TrainingSplit?
    /// Which rows ``holdout`` evaluates.
    public let evaluationSet: RowSet?
    /// The weight each positive training row had (1: unweighted); `nil` in older files.
    public let positiveWeight: Double?
}
