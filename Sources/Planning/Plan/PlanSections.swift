import Foundation
import QuotaPlanning
import SalesData
import Scoring

/// Where a plan's data comes from: a dataset folder in the layout of `Data/demo` (see
/// `docs/data-formats.md`).
///
/// ```yaml
/// dataset:
///   folder: Data/demo
/// ```
public struct DatasetSection: Sendable, Hashable, Codable {
    /// The dataset folder: `accounts.csv`, `reps.csv`, `territories.csv`, history and pipeline files.
    public var folder: String
    /// The accounts CSV every step reads; `FOLDER/accounts.csv` when absent.
    public var accounts: String?

    public init(folder: String, accounts: String? = nil) {
        self.folder = folder
        self.accounts = accounts
    }

    /// The accounts file the plan's steps read.
    public var accountsFile: String { accounts ?? Self.join(folder, "accounts.csv") }

    /// `folder/name`, without doubling a trailing slash.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// How the plan scores accounts: apply a shipped model (`model`) or train one on the accounts
/// (`train`), with files left-joined onto the accounts first (`joins`).
///
/// ```yaml
/// scoring:
///   model: Models/scoring-default.json
///   joins: [{file: Data/geo/counties.csv, key: county_fips, otherKey: fips}]
/// ```
public struct ScoringSection: Sendable, Hashable, Codable {
    /// A saved model (JSON written by `meridian score train`), as `ScoringPredictionRequest.model`.
    public var model: String?
    /// Train a model on the accounts instead; its `scorer` is Scoring's `LeadScorer`.
    public var train: TrainingSection?
    /// Files left-joined onto the accounts before scoring, as `TableSource.joins`.
    public var joins: [TableJoin]

    enum CodingKeys: String, CodingKey, CaseIterable { case model, train, joins }

    public init(model: String? = nil, train: TrainingSection? = nil, joins: [TableJoin] = []) {
        self.model = model
        self.train = train
        self.joins = joins
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        train = try c.decodeIfPresent(TrainingSection.self, forKey: .train)
        joins = try c.decodeIfPresent([TableJoin].self, forKey: .joins) ?? []
    }

    /// The prediction request for the plan's accounts (with a shipped model).
    func predictionRequest(accounts: String) -> ScoringPredictionRequest? {
        model.map { ScoringPredictionRequest(model: $0, data: TableSource(file: accounts, joins: joins)) }
    }

    /// The training request for the plan's accounts (with `train`).
    func trainingRequest(accounts: String) -> ScoringTrainingRequest? {
        train.map {
            ScoringTrainingRequest(
                data: TableSource(file: accounts, joins: joins), scorer: $0.scorer, model: $0.model, seed: $0.seed)
        }
    }
}

/// The `scoring.train` section: `ScoringTrainingRequest` without its data (the plan's accounts).
public struct TrainingSection: Sendable, Hashable, Codable {
    /// Target, features, split, weights and model parameters (Scoring's `LeadScorer` keys).
    public var scorer: LeadScorer
    /// `logistic` or `xgboost`.
    public var model: ModelKind
    /// The seed of the split and of XGBoost; required in a plan, so reruns give the same bytes.
    public var seed: UInt64

    enum CodingKeys: String, CodingKey, CaseIterable { case scorer, model, seed }

    public init(scorer: LeadScorer, model: ModelKind = .logistic, seed: UInt64) {
        self.scorer = scorer
        self.model = model
        self.seed = seed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scorer = try c.decodeIfPresent(LeadScorer.self, forKey: .scorer) ?? LeadScorer()
        model = try c.decodeIfPresent(ModelKind.self, forKey: .model) ?? .logistic
        seed = try c.decode(UInt64.self, forKey: .seed)
    }
}

/// An account column computed from another column by a lookup table, for example a workload in
/// hours per ABC tier of the segmentation step.
///
/// ```yaml
/// derivedColumns:
///   - name: tier_workload
///     from: segment_abc
///     values: {A: 40, B: 16, C: 6}
/// ```
///
/// Invariant: every account gets a value: its `from` value's entry, else ``defaultValue``, else
/// the plan fails naming the account and the value.
public struct DerivedColumn: Sendable, Hashable, Codable {
    /// The new column's name (not an existing account column or step output).
    public var name: String
    /// The column looked up: an account column or a step output (`segment_abc`, `segment_cluster`, ...).
    public var from: String
    /// The value for each `from` value.
    public var values: [String: Double]
    /// The value for `from` values not in ``values``; `nil` makes them an error.
    public var defaultValue: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, from, values
        case defaultValue = "default"
    }

    public init(name: String, from: String, values: [String: Double], defaultValue: Double? = nil) {
        self.name = name
        self.from = from
        self.values = values
        self.defaultValue = defaultValue
    }
}

/// The `quotas` section: a `QuotaPlanConfiguration` (its keys, in the same mapping) plus which
/// account column or step output is the potential each territory sums over its accounts.
///
/// ```yaml
/// quotas:
///   potential: score_potential
///   target: 95000000
///   basis: history:0.5,potential:0.5
/// ```
public struct QuotaSection: Sendable, Codable {
    /// The account column or step output used as potential (`potential`, `score_potential`, ...).
    public var potential: String
    /// The cascade's settings, decoded from the section's other keys.
    public var configuration: QuotaPlanConfiguration

    enum CodingKeys: String, CodingKey, CaseIterable { case potential }

    public init(potential: String = "potential", configuration: QuotaPlanConfiguration) {
        self.potential = potential
        self.configuration = configuration
    }

    /// Reads `potential`, then the same mapping as a `QuotaPlanConfiguration`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        potential = try c.decodeIfPresent(String.self, forKey: .potential) ?? "potential"
        configuration = try QuotaPlanConfiguration(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try configuration.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(potential, forKey: .potential)
    }
}

/// The `report` section: options of the run's `report.html` (Reports' `HTMLReport`).
///
/// The report is written after every run; the section only changes how.
///
/// ```yaml
/// report:
///   title: Demo company, plan 2026
///   tolerances: {potential: 0.15}
/// ```
public struct ReportSection: Sendable, Hashable, Codable {
    /// The page title; `Meridian report: FOLDER` when absent.
    public var title: String?
    /// τ per balance measure, used when the territory step's `metrics.json` carries none.
    public var tolerances: [String: Double]

    enum CodingKeys: String, CodingKey, CaseIterable { case title, tolerances }

    public init(title: String? = nil, tolerances: [String: Double] = [:]) {
        self.title = title
        self.tolerances = tolerances
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        tolerances = try c.decodeIfPresent([String: Double].self, forKey: .tolerances) ?? [:]
    }
}
