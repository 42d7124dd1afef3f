import ArgumentParser
import Foundation
import SalesData
import Scoring

extension Meridian {
    /// `meridian score`: train, apply and evaluate propensity models.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score accounts: propensity to buy, expected value and potential.",
            discussion: """
                Targets may be yes/no, true/false, y/n or 1/0 (any case), or any two values with \
                --positive-label. Scores files write every number as the shortest decimal that reads back \
                exactly (docs/scoring.md).
                """ + "\n\n" + ExitStatus.helpText,
            subcommands: [Train.self, Predict.self, Evaluate.self])
    }
}

/// The scorer's settings as flags.
///
/// Every default is read from ``LeadScorer``,
/// ``LogisticRegression`` and ``BoostingParameters``, where it is written once.
struct ScoringTrainingOptions: ParsableArguments {
    static let defaults = LeadScorer()

    @Option(help: "The outcome column (default \(defaults.target)); yes/no, true/false, y/n or 1/0.")
    var target: String?
    @Option(help: "The target value that means a positive outcome, e.g. Won; the column's one other value is negative.")
    var positiveLabel: String?
    @Option(help: "Account id column.") var idColumn = defaults.idColumn
    @Option(parsing: .upToNextOption, help: "Numeric feature columns (standardized).") var numeric: [String] = []
    @Option(parsing: .upToNextOption, help: "Numeric columns to log-transform, then standardize.") var log: [String] =
        []
    @Option(parsing: .upToNextOption, help: "Categorical columns (one-hot with an 'other' level).")
    var categorical: [String] = []
    @Option(help: "Most one-hot levels per categorical column.") var maxLevels = CategoricalFeature("").maxLevels
    @Option(help: "logistic or xgboost.") var modelKind: ModelKind = .logistic
    @Option(help: "Logistic regression L2 penalty on the slopes (≥ 0).") var l2 = defaults.logistic.l2
    @Option(help: "XGBoost boosting rounds.") var rounds = defaults.boosting.rounds
    @Option(help: "XGBoost learning rate (eta), in (0, 1].") var learningRate = defaults.boosting.learningRate
    @Option(help: "XGBoost max_depth.") var maxDepth = defaults.boosting.maxDepth
    @Option(help: "XGBoost min_child_weight.") var minChildWeight = defaults.boosting.minChildWeight
    @Option(help: "XGBoost subsample, in (0, 1].") var subsample = defaults.boosting.subsample
    @Option(help: "XGBoost threads (0 = all cores).") var threads = defaults.boosting.threads
    @Option(help: "Weight of each positive training row (a number > 0, or balanced = negatives / positives).")
    var positiveWeight = defaults.positiveWeight
    @Option(
        help:
            "Fraction of rows held out for evaluation, in [0, 1); 0 trains on every row (default \(defaults.split.holdoutFraction ?? 0))."
    )
    var holdout: Double?
    @Option(help: "Column marking each row train or validation (instead of a hold-out).") var splitColumn: String?
    @Option(help: "CSV to evaluate on (joined like --input); every --input row trains.") var validation: String?
    @Option(parsing: .upToNextOption, help: "k of hits@k, precision@k and recall@k.") var topK = defaults.topK
    @Option(help: "Column of known-true probabilities (generated data), reported as truth AUC when present.")
    var truthColumn: String?
    @Option(help: "Oracle column (true probabilities including unobserved noise); used when present.")
    var oracleColumn: String?
    @Option(help: "Column with each account's expected deal size.") var dealSizeColumn: String?
    @Option(help: "Column with each account's existing sales, added to potential.") var baselineColumn: String?
    @Option(help: "Random seed; omitted: one is picked and printed.") var seed: UInt64?

    func validate() throws {
        // Checked even without --categorical, so a typo is caught before it matters.
        guard maxLevels >= 1 else { throw ValidationError("--max-levels must be ≥ 1, got \(maxLevels)") }
    }

    /// The flags as scorer settings.
    func scorer(joins: [TableJoin]) throws -> LeadScorer {
        let splits = [holdout != nil, splitColumn != nil, validation != nil].filter { $0 }.count
        guard splits <= 1 else { throw ValidationError("give at most one of --holdout, --split-column, --validation") }
        let split: TrainingSplit =
            if let splitColumn { .column(splitColumn) } else if let validation {
                .file(TableSource(file: validation, joins: joins))
            } else { .holdout(holdout ?? Self.defaults.split.holdoutFraction ?? 0) }
        var boosting = Self.defaults.boosting
        boosting.rounds = rounds
        boosting.learningRate = learningRate
        boosting.maxDepth = maxDepth
        boosting.minChildWeight = minChildWeight
        boosting.subsample = subsample
        boosting.threads = threads
        var logistic = Self.defaults.logistic
        logistic.l2 = l2
        return LeadScorer(
            target: target ?? Self.defaults.target, positiveLabel: positiveLabel, idColumn: idColumn,
            features: FeatureSpec(
                numeric: numeric.map { NumericFeature($0) } + log.map { NumericFeature($0, transform: .log) },
                categorical: categorical.map { CategoricalFeature($0, maxLevels: maxLevels) }),
            truthColumn: truthColumn, oracleColumn: oracleColumn, dealSizeColumn: dealSizeColumn,
            baselineColumn: baselineColumn, split: split, positiveWeight: positiveWeight, logistic: logistic,
            boosting: boosting, topK: topK)
    }

    var hasFeatures: Bool { !(numeric.isEmpty && log.isEmpty && categorical.isEmpty) }
}

/// The files joined onto the accounts file.
///
/// For example the demo's truth sidecar and county data:
/// `--join Data/demo/accounts_truth.csv --on id=account_id --join Data/geo/counties.csv --on county_fips=fips`.
struct TableJoinOptions: ParsableArguments {
    @Option(help: "A CSV file to left-join onto the input (repeatable, paired with --on).") var join: [String] = []
    @Option(help: "Join keys as inputColumn=fileColumn, one per --join.") var on: [String] = []

    func validate() throws {
        guard join.count == on.count else { throw ValidationError("give one --on for each --join") }
        for pair in on where pair.split(separator: "=").count != 2 {
            throw ValidationError("--on \(pair): expected inputColumn=fileColumn")
        }
    }

    var joins: [TableJoin] {
        zip(join, on).map { file, pair in
            let keys = pair.split(separator: "=").map(String.init)
            return TableJoin(file: file, key: keys.first ?? "", otherKey: keys.last ?? "")
        }
    }

    func source(_ input: String) -> TableSource { TableSource(file: input, joins: joins) }
}

extension ModelKind: ExpressibleByArgument {}
extension ScoringReport.Format: ExpressibleByArgument {}

extension PositiveClassWeight: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public var defaultValueDescription: String { description }
}

/// A request's own check, reported as a usage error (exit 64) under the flag's name.
func validateRequest(_ check: () throws -> Void) throws {
    do { try check() } catch ScoringError.invalidParameter(let name, let value, let expected) {
        throw ValidationError("\(scoringFlags[name] ?? name) \(value): expected \(expected)")
    } catch let error as ScoringError {
        throw ValidationError(error.description)
    }
}

/// The flag behind each request parameter that ``ScoringError/invalidParameter(name:value:expected:)`` names.
let scoringFlags = [
    "l2": "--l2", "rounds": "--rounds", "learningRate": "--learning-rate", "maxDepth": "--max-depth",
    "minChildWeight": "--min-child-weight", "subsample": "--subsample", "threads": "--threads",
    "positiveWeight": "--positive-weight", "holdout": "--holdout", "topK": "--top-k", "folds": "--folds",
    "maxLevels": "--max-levels", "splitColumn": "--split-column",
]

extension Meridian.Score {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Train a model, report its evaluation (hold-out, split column or validation file), save it as JSON.",
            discussion: ExitStatus.helpText)
        @Option(help: "Accounts CSV with the outcome column.") var input: String
        @OptionGroup var training: ScoringTrainingOptions
        @OptionGroup var joins: TableJoinOptions
        @Option(help: "Model file to write (JSON).") var output: String

        func request() throws -> ScoringTrainingRequest {
            ScoringTrainingRequest(
                data: joins.source(input), scorer: try training.scorer(joins: joins.joins), model: training.modelKind,
                seed: training.seed)
        }

        func validate() throws {
            guard training.hasFeatures else {
                throw ValidationError("give at least one feature: --numeric, --log or --categorical")
            }
            try validateRequest { try request().validate() }
        }

        func run() throws {
            let model = try LeadScorer.train(try request())
            try model.save(to: URL(fileURLWithPath: output))
            print(ScoringReport.training(model), terminator: "")
        }
    }

    struct Predict: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score accounts with a saved model: score_propensity, score_expected_value, score_potential.",
            discussion: ExitStatus.helpText)
        @Option(help: "Model file (JSON).") var model: String
        @Option(help: "Accounts CSV.") var input: String
        @Option(help: "Scores CSV to write.") var output: String
        @Option(help: "Accepted for symmetry; prediction is deterministic.") var seed: UInt64?
        @OptionGroup var joins: TableJoinOptions

        func run() throws {
            let scores = try LeadScorer.predict(ScoringPredictionRequest(model: model, data: joins.source(input)))
            try AtomicFile.write(scores.csv(), to: URL(fileURLWithPath: output))
            print(ScoringReport.prediction(scores), terminator: "")
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a saved model on every row of --input, or train and evaluate on the split.",
            discussion: """
                With --model the model file defines the features and the target (override the target \
                with --target); feature flags do not apply. --format json emits auc, logLoss, \
                topDecileLift, topK (hits, precision, recall), importance (signed coefficients for \
                logistic regression) and, when the data has the truth column, truthAuc.
                """ + "\n\n" + ExitStatus.helpText)
        @Option(help: "Accounts CSV with the outcome column.") var input: String
        @OptionGroup var training: ScoringTrainingOptions
        @OptionGroup var joins: TableJoinOptions
        @Option(help: "Saved model to evaluate on every row of --input; omitted: train and use the split.")
        var model: String?
        @Option(help: "Also run k-fold cross-validation with this many folds (retrains; not with --model).")
        var folds: Int?
        @Option(help: "text or json.") var format: ScoringReport.Format = .text
        @Option(help: "Write the report to this file instead of standard output.") var output: String?

        func request() throws -> ScoringEvaluationRequest {
            let scorer = try training.scorer(joins: joins.joins)
            return ScoringEvaluationRequest(
                data: joins.source(input), modelFile: model,
                labels: model != nil && training.target != nil ? scorer.binaryTarget : nil, scorer: scorer,
                model: training.modelKind, folds: folds, seed: training.seed)
        }

        func validate() throws {
            if model == nil && !training.hasFeatures {
                throw ValidationError(
                    "give at least one feature (--numeric, --log or --categorical), or a saved --model")
            }
            if model != nil && training.hasFeatures {
                throw ValidationError(
                    "--numeric, --log and --categorical do not apply with --model: the model file defines its features")
            }
            if model != nil && (training.holdout != nil || training.splitColumn != nil || training.validation != nil) {
                throw ValidationError(
                    "--holdout, --split-column and --validation do not apply with --model: every --input row is evaluated"
                )
            }
            try validateRequest { try request().validate() }
        }

        func run() throws {
            let result = try LeadScorer.evaluate(try request())
            let report = try ScoringReport.evaluation(result, format: format)
            if let output {
                try AtomicFile.write(report, to: URL(fileURLWithPath: output))
            } else {
                print(report, terminator: "")
            }
        }
    }
}
