import Foundation
import SalesData

/// A trained, saveable scoring model: the fitted feature pipeline, one classifier, the value
/// settings, and what training measured. Saved as versioned JSON (see ``schemaVersion``); an
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
    /// The label column the model was trained on (0/1).
    public let target: String
    /// The account id column.
    public let idColumn: String
    public let pipeline: FeaturePipeline
    public let classifier: Classifier
    public let value: ValueModel
    public let training: TrainingSummary

    init(target: String, idColumn: String, pipeline: FeaturePipeline, classifier: Classifier, value: ValueModel, training: TrainingSummary) {
        self.format = Self.formatName
        self.schemaVersion = Self.currentSchemaVersion
        self.target = target
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

    /// Propensities for rows of `table`, plus what the feature transform had to impute or pool.
    public func predict(_ table: ColumnTable, rows: [Int]? = nil) throws -> (probabilities: [Double], report: FeatureTransformReport) {
        let (matrix, report) = try pipeline.transform(table, rows: rows)
        switch classifier {
        case .logisticRegression(let fit): return (fit.predict(matrix), report)
        case .gradientBoostedTrees(let fit): return (try fit.predict(matrix), report)
        }
    }

    /// Feature importance: |standardized coefficient| for logistic regression, total split gain
    /// for boosted trees; normalized to sum to 1, largest first, ties by name.
    public var importance: [FeatureImportance] {
        let names = pipeline.outputNames
        let raw: [Double]
        switch classifier {
        case .logisticRegression(let fit): raw = fit.coefficients.map(abs)
        case .gradientBoostedTrees(let fit): raw = fit.totalGain
        }
        let total = raw.reduce(0, +)
        return zip(names, raw)
            .map { FeatureImportance(feature: $0, importance: total > 0 ? $1 / total : 0) }
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
        do { return try decoder.decode(ScoringModel.self, from: data) } catch let DecodingError.keyNotFound(key, context) {
            throw ScoringError.unreadableModel(
                file: file, reason: "missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw ScoringError.unreadableModel(file: file, reason: "\(error)")
        }
    }
}

/// The classifier family.
public enum ModelKind: String, Sendable, Hashable, Codable, CaseIterable {
    case logistic, xgboost
}

/// A feature's share of the model's importance.
public struct FeatureImportance: Sendable, Hashable, Codable {
    public let feature: String
    public let importance: Double
}

/// What training saw and measured, stored in the model file.
public struct TrainingSummary: Sendable, Hashable, Codable {
    public let seed: UInt64
    public let trainingRows: Int
    public let trainingPositives: Int
    public let holdoutFraction: Double
    /// Evaluation on the held-out rows.
    public let holdout: Evaluation?
}
