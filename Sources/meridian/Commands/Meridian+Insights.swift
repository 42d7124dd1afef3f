import ArgumentParser
import Foundation
import Insights
import Planning
import SalesData

extension Meridian {
    /// `meridian insights …`: scorecards, pipeline health and the sentiment of sales texts.
    struct InsightsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "insights", abstract: "Scorecards, pipeline health and sentiment of sales communications.",
            discussion: ExitStatus.helpText,
            subcommands: [Report.self, Sentiment.self, Backtest.self], defaultSubcommand: Report.self)
    }
}

/// Where the sentiment lexicons are; defaults to the repository's `Models/sentiment`.
struct LexiconOptions: ParsableArguments {
    static let vaderLexicon = "Models/sentiment/vader_lexicon.txt"
    static let salesLexicon = "Models/sentiment/sales_lexicon.tsv"

    @Option(help: "VADER's lexicon file.") var lexiconBase = Self.vaderLexicon
    @Option(help: "Sales additions to the lexicon; 'none' for plain VADER.") var lexicon = Self.salesLexicon

    func analyzer() throws -> SentimentAnalyzer {
        let additions = lexicon == "none" ? nil : URL(fileURLWithPath: lexicon)
        let loaded = try SentimentLexicon.load(base: URL(fileURLWithPath: lexiconBase), additions: additions)
        return SentimentAnalyzer(lexicon: loaded, rules: additions == nil ? .reference : .init())
    }
}

extension Meridian.InsightsCommand {
    /// `meridian insights --dataset DIR --period 2026-Q3 --out DIR`, or `--plan PLAN.yaml` for the
    /// plan's dataset and `insights` section.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write scorecards, pipeline-health flags and account sentiment trends for a period.",
            discussion: """
                Writes scorecards.csv (rep, team, segment, company), pipeline_flags.csv and account_sentiment.csv \
                to --out, replacing the folder whole. Flags overlay --config (YAML, keys as InsightsRequest) or \
                the insights section of --plan, whose dataset folder is used unless --dataset is given. With \
                --plan (and no --quotas) the plan's steps up to its quotas run first, each from the step cache \
                beside the plan's default output when unchanged, and every seat holder's scorecard gets the quota \
                step's quota for the period (the sum of its quarters or months that make up the period).
                """ + "\n\n" + ExitStatus.helpText)

        @Option(help: "Dataset folder (default the plan's with --plan).") var dataset: String?
        @Option(help: "Plan file: its dataset folder and its insights section (docs/plans.md).") var plan: String?
        @Option(help: "Period: YYYY-Qn, YYYY-MM or YYYY (fiscal).") var period: String?
        @Option(help: "As-of day (YYYY-MM-DD); default the data's last dated record within the period.") var asOf:
            String?
        @Option(help: "Quota CSV (rep_id,quota) for the period.") var quotas: String?
        @Option(help: "Insights configuration (YAML).") var config: String?
        @Option(help: "Gamification rules (YAML: rules, badges, contests); writes the leaderboards.") var points:
            String?
        @Option(help: "Output folder.") var out: String
        @OptionGroup var lexicon: LexiconOptions

        /// A plan run scores sentiment with the repository's lexicons (`Models/sentiment`).
        func validatePlanLexicon() throws {
            if lexicon.lexicon != LexiconOptions.salesLexicon || lexicon.lexiconBase != LexiconOptions.vaderLexicon {
                throw ValidationError(
                    "--lexicon and --lexicon-base do not apply with --plan (its steps use Models/sentiment); give --quotas to run without the plan's steps"
                )
            }
        }

        func validate() throws {
            if period == nil && config == nil && plan == nil {
                throw ValidationError("give --period, --config or --plan")
            }
            if plan == nil && dataset == nil { throw ValidationError("give --dataset or --plan") }
            if plan != nil && config != nil { throw ValidationError("give --config or --plan, not both") }
            if let period, (try? ReportingPeriod(parsing: period, calendar: .calendarYear)) == nil {
                throw ValidationError("--period expects YYYY-Qn, YYYY-MM or YYYY, got '\(period)'")
            }
            if let asOf, (try? CalendarDate(iso8601: asOf)) == nil {
                throw ValidationError("--as-of expects YYYY-MM-DD, got '\(asOf)'")
            }
        }

        func run() throws {
            let planFile = try plan.map { path throws(ConfigurationError) in
                try PlanFile(contentsOf: URL(fileURLWithPath: path))
            }
            let defaults = planFile?.insights ?? InsightsRequest(period: "")
            var request = try Meridian.buildRequest(defaults, config: config) { request in
                if let period { request.period = period }
                if let asOf { request.asOf = try CalendarDate(iso8601: asOf) }
            }
            if let points {
                request.gamification = try YAMLConfiguration(contentsOf: URL(fileURLWithPath: points))
                    .decodeRequest(GamificationRules.self)
                try request.validate()
            }
            if let quotas { request.quotas = try QuotaTable.load(from: URL(fileURLWithPath: quotas)) }
            if let plan, var planFile, planFile.quotas != nil, quotas == nil {
                // the plan's steps up to its quotas (from the step cache when unchanged) give each seat
                // holder's quota for the period
                try validatePlanLexicon()
                planFile.insights = request
                if let dataset { planFile.dataset.folder = dataset }
                let text = try String(contentsOf: URL(fileURLWithPath: plan), encoding: .utf8)
                let files = try Meridian.stepRunner(planFile, text: text, path: plan, cache: nil).insightsFiles()
                try AtomicFolder.write(files, to: URL(fileURLWithPath: out))
                print("wrote \(out) (\(files.count) files)")
                return
            }
            let folder = dataset ?? planFile?.dataset.folder ?? ""
            let data = try SalesDataset.load(from: URL(fileURLWithPath: folder))
            let result = try InsightsEngine(analyzer: try lexicon.analyzer()).run(request, dataset: data)
            try AtomicFolder.write(result.files(stages: request.stages), to: URL(fileURLWithPath: out))
            print(
                "wrote \(out): \(result.scorecards.count) scorecards, \(result.flags.count) flags, \(result.sentimentTrends.count) account trends (\(result.period), as of \(result.asOf))"
            )
        }
    }

    /// `meridian insights sentiment --labelled CSV`: evaluate the sentiment model on a labelled set.
    struct Sentiment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate the sentiment model on a labelled set (accuracy, macro-F1 vs a majority baseline).",
            discussion: ExitStatus.helpText)

        @Option(help: "Labelled CSV: id,text,label[,split].") var labelled = "Data/sentiment/sales_sentences.csv"
        @Option(help: "Write per-sentence predictions (id,label,compound,truth) here.") var predictions: String?
        @OptionGroup var lexicon: LexiconOptions

        func run() throws {
            let sentences = try LabelledSentence.load(from: URL(fileURLWithPath: labelled))
            let evaluation = SentimentEvaluation(analyzer: try lexicon.analyzer(), sentences: sentences)
            if let predictions {
                try AtomicFile.write(Data(evaluation.predictionsCSV()), to: URL(fileURLWithPath: predictions))
            }
            print(
                evaluation.markdownTable(
                    modelName: lexicon.lexicon == "none" ? "VADER (Swift)" : "Meridian sales model"), terminator: ""
            )
        }
    }

    /// `meridian insights backtest --dataset DIR`: replay the bookings forecast on past quarters.
    struct Backtest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Forecast each past quarter from its start and midpoint; MAPE and P10-P90 coverage vs two naive forecasts.",
            discussion: ExitStatus.helpText)

        @Option(help: "Dataset folder.") var dataset: String
        @Option(help: "Simulation seed.") var seed: UInt64 = 42
        @Option(help: "Simulations per forecast.") var simulations = 5_000

        func validate() throws {
            guard (1...1_000_000).contains(simulations) else {
                throw ValidationError("--simulations must be in 1...1000000")
            }
        }

        func run() throws {
            var settings = ForecastSettings()
            settings.seed = seed
            settings.simulations = simulations
            let data = try SalesDataset.load(from: URL(fileURLWithPath: dataset))
            let rows = ForecastBacktest(dataset: data, settings: settings).run()
            print(ForecastBacktest.markdown(rows), terminator: "")
        }
    }
}
