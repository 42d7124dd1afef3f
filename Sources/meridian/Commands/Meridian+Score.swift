import ArgumentParser
import Foundation
import SalesData
import Scoring

extension Meridian {
    /// `meridian score`: train, apply and evaluate propensity models.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score accounts: propensity to buy, expected value and potential.", discussion: ExitStatus.helpText,
            subcommands: [Train.self, Predict.self, Evaluate.self])
    }
}

/// What to learn from: the data, label, features and model settings.
struct ScoringTrainingOptions: ParsableArguments {
    @Option(help: "Accounts CSV with a 0/1 outcome column.") var input: String
    @Option(help: "The 0/1 outcome column.") var target = "purchased"
    @Option(help: "Account id column.") var idColumn = "id"
    @Option(parsing: .upToNextOption, help: "Numeric feature columns (standardized).") var numeric: [String] = []
    @Option(parsing: .upToNextOption, help: "Numeric columns to log-transform, then standardize.") var log: [String] = []
    @Option(parsing: .upToNextOption, help: "Categorical columns (one-hot with an 'other' level).") var categorical: [String] = []
    @Option(help: "Most one-hot levels per categorical column.") var maxLevels = 20
    @Option(help: "logistic or xgboost.") var modelKind: ModelKind = .logistic
    @Option(help: "Logistic regression L2 penalty on the slopes.") var l2 = 1.0
    @Option(help: "XGBoost boosting rounds.") var rounds = 200
    @Option(help: "XGBoost learning rate (eta).") var learningRate = 0.1
    @Option(help: "XGBoost max_depth.") var maxDepth = 3
    @Option(help: "XGBoost min_child_weight.") var minChildWeight = 5.0
    @Option(help: "XGBoost subsample.") var subsample = 1.0
    @Option(help: "XGBoost threads (0 = all cores).") var threads = 0
    @Option(help: "Fraction of rows held out for evaluation.") var holdout = 0.25
    @Option(help: "Column of known-true probabilities (generated data); used when present.") var truthColumn = "true_probability"
    @Option(help: "Oracle column (true probabilities including unobserved noise); used when present.") var oracleColumn: String?
    @OptionGroup var joins: TableJoinOptions
    @Option(help: "Column with each account's expected deal size.") var dealSizeColumn: String?
    @Option(help: "Column with each account's existing sales, added to potential.") var baselineColumn: String?
    @Option(help: "Random seed; omitted: one is picked and printed.") var seed: UInt64?

    func validate() throws {
        if numeric.isEmpty && log.isEmpty && categorical.isEmpty {
            throw ValidationError("give at least one feature: --numeric, --log or --categorical")
        }
        if !(holdout > 0 && holdout < 1) { throw ValidationError("--holdout must be in (0, 1)") }
        try FlagChecks.atLeast(maxLevels, 1, "--max-levels")
        try FlagChecks.nonNegative(l2, "--l2")
        try FlagChecks.atLeast(rounds, 1, "--rounds")
        try FlagChecks.positive(learningRate, "--learning-rate", maximum: 1)
        try FlagChecks.atLeast(maxDepth, 1, "--max-depth")
        try FlagChecks.nonNegative(minChildWeight, "--min-child-weight")
        try FlagChecks.positive(subsample, "--subsample", maximum: 1)
        try FlagChecks.atLeast(threads, 0, "--threads")
    }

    var scorer: LeadScorer {
        LeadScorer(
            target: target, idColumn: idColumn,
            features: FeatureSpec(
                numeric: numeric.map { NumericFeature($0) } + log.map { NumericFeature($0, transform: .log) },
                categorical: categorical.map { CategoricalFeature($0, maxLevels: maxLevels) }),
            truthColumn: truthColumn, oracleColumn: oracleColumn, dealSizeColumn: dealSizeColumn, baselineColumn: baselineColumn, holdoutFraction: holdout,
            logistic: LogisticRegression(l2: l2),
            boosting: BoostingParameters(
                rounds: rounds, learningRate: learningRate, maxDepth: maxDepth, minChildWeight: minChildWeight,
                subsample: subsample, threads: threads))
    }

    var resolvedSeed: UInt64 { seed ?? UInt64.random(in: 0..<(1 << 32)) }
}

extension ModelKind: ExpressibleByArgument {}

extension Meridian.Score {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a model on a seeded split, report the hold-out figures, save it as JSON.",
            discussion: ExitStatus.helpText)
        @OptionGroup var training: ScoringTrainingOptions
        @Option(help: "Model file to write (JSON).") var output: String

        func run() throws {
            let seed = training.resolvedSeed
            let table = try training.joins.load(training.input)
            let model = try training.scorer.train(table, kind: training.modelKind, seed: seed)
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
            let model = try ScoringModel.load(from: URL(fileURLWithPath: model))
            let scores = try model.score(try joins.load(input))
            try AtomicFile.write(scores.csv(idColumn: model.idColumn), to: URL(fileURLWithPath: output))
            print(ScoringReport.prediction(scores), terminator: "")
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a saved model on data, or train on a seeded split and evaluate on the hold-out rows.",
            discussion: ExitStatus.discussion(
                "--format json emits auc, logLoss, topDecileLift and, when the data has the truth column, truthAuc."))
        @OptionGroup var training: ScoringTrainingOptions
        @Option(help: "Saved model to evaluate on all rows of --input; omitted: train and use the hold-out rows.") var model: String?
        @Option(help: "Also run k-fold cross-validation with this many folds.") var folds: Int?
        @Option(help: "text or json.") var format: ScoringReport.Format = .text
        @Option(help: "Write the report to this file instead of standard output.") var output: String?

        func validate() throws { try FlagChecks.atLeast(folds, 2, "--folds") }

        func run() throws {
            let seed = training.resolvedSeed
            let table = try training.joins.load(training.input)
            let scorer = training.scorer
            let evaluated: ScoringModel
            let evaluation: Evaluation
            if let model {
                evaluated = try ScoringModel.load(from: URL(fileURLWithPath: model))
                evaluation = try scorer.evaluate(evaluated, on: table)
            } else {
                evaluated = try scorer.train(table, kind: training.modelKind, seed: seed)
                guard let holdout = evaluated.training.holdout else { throw ExitStatus.failure.exitCode }
                evaluation = holdout
            }
            let cv = try folds.map { try scorer.crossValidate(table, kind: training.modelKind, folds: $0, seed: seed) }
            let report = try ScoringReport.evaluation(
                evaluation, model: evaluated, seed: model == nil ? seed : evaluated.training.seed, folds: cv, format: format)
            if let output { try AtomicFile.write(report, to: URL(fileURLWithPath: output)) } else { print(report, terminator: "") }
        }
    }
}

extension ScoringReport.Format: ExpressibleByArgument {}

/// Extra files joined onto the input by key, e.g. the demo's truth sidecar and county data:
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

    func load(_ input: String) throws -> ColumnTable {
        var table = try ColumnTable(contentsOf: URL(fileURLWithPath: input))
        for (file, pair) in zip(join, on) {
            let keys = pair.split(separator: "=").map(String.init)
            table = try table.leftJoined(with: ColumnTable(contentsOf: URL(fileURLWithPath: file)), on: keys[0], otherKey: keys[1])
        }
        return table
    }
}
