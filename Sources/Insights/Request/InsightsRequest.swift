import SalesData

/// Everything one insights run needs besides the data.
///
/// The period, the as-of day, quotas, and the settings of health, forecast, coaching, goals and
/// gamification. It decodes strictly through SalesData's `YAMLConfiguration`, from a file of its
/// own or from a plan's `insights` section; every field has a default, written once here (the
/// period's is empty, to be given by `--period` or the plan).
///
/// ```swift
/// var request = InsightsRequest(period: "2026-Q3")
/// request.health.coverageTarget = 2.5
/// try request.validate()
/// ```
public struct InsightsRequest: Sendable, Hashable, Codable {
    /// The open stages of the funnel in the demo company's CRM.
    public static let defaultStages = ["Prospecting", "Qualification", "Proposal", "Negotiation"]

    /// `YYYY-Qn`, `YYYY-MM` or `YYYY` in the dataset's fiscal calendar.
    public var period: String
    /// The day the figures are taken on; default the last dated record of the data, within the period.
    public var asOf: CalendarDate?
    /// Quota for the period by rep (or manager) id.
    public var quotas: [String: Double]
    /// Open stages in funnel order.
    public var stages: [String]
    public var health: PipelineHealthThresholds
    public var forecast: ForecastSettings
    public var coaching: CoachingSettings
    /// Goals (MBOs) to track.
    public var goals: [Goal]
    /// Points rules, badges and contests; no leaderboard without them.
    public var gamification: GamificationRules?
    /// Compound score thresholds of the sentiment classes.
    public var sentimentPositiveThreshold: Double
    public var sentimentNegativeThreshold: Double

    public init(
        period: String, asOf: CalendarDate? = nil, quotas: [String: Double] = [:], stages: [String] = defaultStages,
        health: PipelineHealthThresholds = PipelineHealthThresholds(), forecast: ForecastSettings = ForecastSettings(),
        coaching: CoachingSettings = CoachingSettings(), goals: [Goal] = [], gamification: GamificationRules? = nil,
        sentimentPositiveThreshold: Double = 0.05,
        sentimentNegativeThreshold: Double = -0.05
    ) {
        self.period = period
        self.asOf = asOf
        self.quotas = quotas
        self.stages = stages
        self.health = health
        self.forecast = forecast
        self.coaching = coaching
        self.goals = goals
        self.gamification = gamification
        self.sentimentPositiveThreshold = sentimentPositiveThreshold
        self.sentimentNegativeThreshold = sentimentNegativeThreshold
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case period, asOf, quotas, stages, health, forecast, coaching, goals, gamification, sentimentPositiveThreshold,
            sentimentNegativeThreshold
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = InsightsRequest(period: "")
        self.init(
            period: try c.decode(.period, or: defaults.period),
            asOf: try c.decodeIfPresent(CalendarDate.self, forKey: .asOf),
            quotas: try c.decode(.quotas, or: defaults.quotas),
            stages: try c.decode(.stages, or: defaults.stages),
            health: try c.decode(.health, or: defaults.health),
            forecast: try c.decode(.forecast, or: defaults.forecast),
            coaching: try c.decode(.coaching, or: defaults.coaching),
            goals: try c.decode(.goals, or: []),
            gamification: try c.decodeIfPresent(GamificationRules.self, forKey: .gamification),
            sentimentPositiveThreshold: try c.decode(
                .sentimentPositiveThreshold, or: defaults.sentimentPositiveThreshold),
            sentimentNegativeThreshold: try c.decode(
                .sentimentNegativeThreshold, or: defaults.sentimentNegativeThreshold))
    }

    /// Checks ranges; the period itself is parsed against the dataset's calendar by ``InsightsEngine``.
    ///
    /// - Throws: ``InsightsError/invalidValue(key:value:expected:)`` naming the key path.
    public func validate() throws(InsightsError) {
        if let periodProblem { throw periodProblem }
        try validateSettings()
    }

    /// The error of an empty period; nil once it is set.
    var periodProblem: InsightsError? {
        period.isEmpty ? .invalidValue(key: "period", value: "", expected: "a period YYYY-Qn, YYYY-MM or YYYY") : nil
    }

    /// Checks every value but the period.
    func validateSettings() throws(InsightsError) {
        for (rep, quota) in quotas.sorted(by: { $0.key < $1.key }) where !(quota.isFinite && quota >= 0) {
            throw .invalidValue(key: "quotas.\(rep)", value: "\(quota)", expected: "a finite amount >= 0")
        }
        if stages.isEmpty { throw .invalidValue(key: "stages", value: "[]", expected: "at least one open stage") }
        guard sentimentNegativeThreshold.isFinite, sentimentPositiveThreshold.isFinite,
            (-1...1).contains(sentimentNegativeThreshold), (-1...1).contains(sentimentPositiveThreshold),
            sentimentNegativeThreshold <= sentimentPositiveThreshold
        else {
            throw .invalidValue(
                key: "sentimentNegativeThreshold",
                value: "\(sentimentNegativeThreshold) / \(sentimentPositiveThreshold)",
                expected: "-1 <= negative threshold <= positive threshold <= 1")
        }
        try health.validate()
        try forecast.validate()
        try coaching.validate()
        for (index, goal) in goals.enumerated() {
            do { try goal.validate() } catch { throw error.nested(in: "goals[\(index)]") }
        }
        do { try gamification?.validate() } catch { throw error.nested(in: "gamification") }
    }
}

/// When pipeline health raises a flag.
public struct PipelineHealthThresholds: Sendable, Hashable, Codable {
    /// An open deal without activity for more than this many days is stale.
    public var staleDays = 30
    /// Open pipeline under this multiple of the remaining quota is thin coverage.
    public var coverageTarget = 3.0
    /// A largest deal holding at least this share of the open pipeline is a concentration risk.
    public var concentrationShare = 0.5
    /// Sentiment slope per 30 days at or below this is a falling trend.
    public var sentimentSlope = -0.1
    /// Days of activity history before the as-of day that the sentiment trend looks at.
    public var sentimentWindowDays = 180

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case staleDays, coverageTarget, concentrationShare, sentimentSlope, sentimentWindowDays
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        staleDays = try c.decode(.staleDays, or: staleDays)
        coverageTarget = try c.decode(.coverageTarget, or: coverageTarget)
        concentrationShare = try c.decode(.concentrationShare, or: concentrationShare)
        sentimentSlope = try c.decode(.sentimentSlope, or: sentimentSlope)
        sentimentWindowDays = try c.decode(.sentimentWindowDays, or: sentimentWindowDays)
    }

    /// - Throws: ``InsightsError/invalidValue(key:value:expected:)``.
    public func validate() throws(InsightsError) {
        guard staleDays >= 1 else {
            throw .invalidValue(key: "health.staleDays", value: "\(staleDays)", expected: "an integer >= 1")
        }
        guard coverageTarget.isFinite, coverageTarget > 0 else {
            throw .invalidValue(key: "health.coverageTarget", value: "\(coverageTarget)", expected: "a number > 0")
        }
        guard concentrationShare.isFinite, concentrationShare > 0, concentrationShare <= 1 else {
            throw .invalidValue(
                key: "health.concentrationShare", value: "\(concentrationShare)", expected: "a share in (0, 1]")
        }
        guard sentimentSlope.isFinite, sentimentSlope <= 0 else {
            throw .invalidValue(key: "health.sentimentSlope", value: "\(sentimentSlope)", expected: "a number <= 0")
        }
        guard sentimentWindowDays >= 1 else {
            throw .invalidValue(
                key: "health.sentimentWindowDays", value: "\(sentimentWindowDays)", expected: "an integer >= 1")
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent: how every setting gets its default.
    func decode<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}
