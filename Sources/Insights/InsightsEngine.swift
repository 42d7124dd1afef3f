import SalesData

/// The entry point of an insights run: scorecards, pipeline health and sentiment trends for one period.
///
/// ```swift
/// let engine = InsightsEngine(analyzer: SentimentAnalyzer(lexicon: lexicon))
/// let result = try engine.run(InsightsRequest(period: "2026-Q3"), dataset: data)
/// try result.write(to: URL(fileURLWithPath: "out/insights"))
/// ```
public struct InsightsEngine: Sendable {
    public let analyzer: SentimentAnalyzer

    public init(analyzer: SentimentAnalyzer) { self.analyzer = analyzer }

    /// Runs every insight of `request` on `dataset`.
    ///
    /// - Throws: ``InsightsError`` for an invalid request or period.
    /// - Complexity: linear in the dataset's records, plus the sentiment scoring of every activity text.
    public func run(_ request: InsightsRequest, dataset: SalesDataset) throws(InsightsError) -> InsightsResult {
        try request.validate()
        let period = try ReportingPeriod(parsing: request.period, calendar: dataset.fiscalCalendar)
        let asOf = request.asOf ?? min(period.end, Self.lastRecordDate(of: dataset) ?? period.end)
        let quotas = Dictionary(uniqueKeysWithValues: request.quotas.map { (RepID($0.key), $0.value) })
        let builder = ScorecardBuilder(
            dataset: dataset, period: period, asOf: asOf, quotas: quotas, stages: request.stages)
        let cards = builder.scorecards()
        let tuned = SentimentAnalyzer(
            lexicon: analyzer.lexicon, rules: analyzer.rules, positiveThreshold: request.sentimentPositiveThreshold,
            negativeThreshold: request.sentimentNegativeThreshold)
        let trends = Self.sentimentTrends(
            dataset.activities, analyzer: tuned, asOf: asOf, windowDays: request.health.sentimentWindowDays)
        let flags = PipelineHealth(thresholds: request.health).flags(
            dataset: dataset, asOf: asOf, scorecards: cards, trends: trends)
        let forecast = BookingsForecaster(dataset: dataset, settings: request.forecast).forecast(
            period: period, asOf: asOf)
        let goals = GoalTracker(dataset: dataset).progress(of: request.goals, periodStart: period.start, asOf: asOf)
        return InsightsResult(
            period: period, asOf: asOf, scorecards: cards, flags: flags,
            sentimentTrends: trends.values.sorted { $0.accountID < $1.accountID }, forecast: forecast.rows,
            goals: goals,
            mboScores: Set(goals.map(\.repID)).sorted().map { rep in
                MBOScore(
                    repID: rep, period: period.label, component: request.mboComponent,
                    score: GoalTracker.weightedScore(goals, rep: rep))
            },
            coaching: CoachingAnalyzer(dataset: dataset, settings: request.coaching).signals(
                period: period, asOf: asOf),
            standings: request.gamification.map {
                Leaderboard(dataset: dataset, rules: $0).standings(from: period.start, through: min(asOf, period.end))
            })
    }

    /// Sentiment trend per account from activity texts dated in `(asOf − windowDays, asOf]`.
    public static func sentimentTrends(
        _ activities: [Activity], analyzer: SentimentAnalyzer, asOf: CalendarDate, windowDays: Int
    ) -> [AccountID: AccountSentimentTrend] {
        let from = asOf.adding(days: -windowDays)
        var scores: [AccountID: [(date: CalendarDate, compound: Double)]] = [:]
        for activity in activities where from < activity.date && activity.date <= asOf && !activity.text.isEmpty {
            scores[activity.accountID, default: []].append((activity.date, analyzer.scores(activity.text).compound))
        }
        var trends: [AccountID: AccountSentimentTrend] = [:]
        for (account, list) in scores { trends[account] = AccountSentimentTrend.fit(account: account, scores: list) }
        return trends
    }

    /// The latest date of any transaction, activity, or deal creation: the data's snapshot day.
    static func lastRecordDate(of dataset: SalesDataset) -> CalendarDate? {
        let dates =
            dataset.transactions.lazy.map(\.date) + dataset.activities.lazy.map(\.date)
            + dataset.opportunities.lazy.map(\.createdDate)
        return dates.max()
    }
}

/// What an insights run produces.
public struct InsightsResult: Sendable, Hashable, Codable {
    public var period: ReportingPeriod
    public var asOf: CalendarDate
    public var scorecards: [Scorecard]
    public var flags: [PipelineFlag]
    public var sentimentTrends: [AccountSentimentTrend]
    /// Period-end bookings forecast per rep, team and company.
    public var forecast: [ForecastRow]
    /// Progress of every goal for every rep it applies to.
    public var goals: [GoalProgress]
    /// Each rep's weighted goal score for the comp plan's MBO component (`mbo_scores.csv`).
    public var mboScores: [MBOScore]
    /// Ranked coaching signals per rep, each with its evidence.
    public var coaching: [CoachingSignal]
    /// Points, badges, team leaderboard and contests, when the request has gamification rules.
    public var standings: Leaderboard.Standings?
}

/// A rep's MBO score for a period: Σ weight × min(progress, 1) ÷ Σ weight over their goals, in the
/// `person_id,period,component,score` form that Incentives' `ScoreBook` reads.
public struct MBOScore: Sendable, Hashable, Codable {
    public var repID: RepID
    /// The period label, such as `2026-Q3` (the comp component's window label for a quarter).
    public var period: String
    public var component: String
    /// 0…1.
    public var score: Double
}
