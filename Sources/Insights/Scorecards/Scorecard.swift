/// The metrics of one rep, team, segment or the company for a period, as of a day inside it.
///
/// ```swift
/// // 40,000 booked of a 100,000 quota, 46 of 92 days gone, 120,000 open:
/// card.attainment      // 0.4
/// card.pace            // 0.8  (attainment ÷ share of the period elapsed)
/// card.coverage        // 2.0  (120,000 ÷ 60,000 remaining)
/// card.velocity        // open deals × average won deal × win rate ÷ cycle days, per day
/// ```
///
/// Every ratio is `nil` when its denominator is zero or unknown, never NaN or infinite.
public struct Scorecard: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        case rep, team, segment, company
    }

    public var level: Level
    /// Rep id, manager id (team), segment name or `company`.
    public var key: String
    public var name: String
    /// Role of the rep or team lead; the segment name for segments.
    public var role: String
    public var totals: ScorecardTotals
    /// Days of the period elapsed at the as-of date (both ends included), and the period's length.
    public var elapsedDays: Int
    public var periodDays: Int

    public init(
        level: Level, key: String, name: String, role: String, totals: ScorecardTotals, elapsedDays: Int,
        periodDays: Int
    ) {
        self.level = level
        self.key = key
        self.name = name
        self.role = role
        self.totals = totals
        self.elapsedDays = elapsedDays
        self.periodDays = periodDays
    }

    /// Bookings ÷ quota.
    public var attainment: Double? { ratio(totals.bookings, totals.quota) }
    /// Share of the period elapsed, 0…1.
    public var elapsedShare: Double { periodDays == 0 ? 0 : Double(elapsedDays) / Double(periodDays) }
    /// Attainment ÷ elapsed share: 1 means on pace to reach quota by the period end.
    public var pace: Double? { attainment.flatMap { ratio($0, elapsedShare) } }
    /// Quota not yet booked, never negative.
    public var remainingQuota: Double? { totals.quota.map { max(0, $0 - totals.bookings) } }
    /// Open pipeline due by the period end ÷ remaining quota.
    public var coverage: Double? { ratio(totals.openPipeline, remainingQuota) }
    /// Won ÷ (won + lost) among deals closed in the period so far.
    public var winRate: Double? { ratio(Double(totals.wonDeals), Double(totals.wonDeals + totals.lostDeals)) }
    /// Mean amount of won deals.
    public var averageDeal: Double? { ratio(totals.wonAmount, Double(totals.wonDeals)) }
    /// Mean days from creation to close of won deals.
    public var cycleDays: Double? { ratio(Double(totals.wonCycleDays), Double(totals.wonDeals)) }
    /// Open deals × average deal × win rate ÷ cycle days: expected revenue per day from the pipeline.
    public var velocity: Double? {
        guard let averageDeal, let winRate, let cycleDays else { return nil }
        return ratio(Double(totals.openDeals) * averageDeal * winRate, cycleDays)
    }
    /// Share of the open pipeline in its largest deal.
    public var concentration: Double? { ratio(totals.largestOpenDeal, totals.openPipeline) }
    /// Conversion from each funnel stage to the next: reached(k + 1) ÷ reached(k).
    public var stageConversion: [Double?] {
        let reached = totals.stageReached
        guard reached.count > 1 else { return [] }
        return (0..<reached.count - 1).map { ratio(Double(reached[$0 + 1]), Double(reached[$0])) }
    }

    private func ratio(_ numerator: Double, _ denominator: Double?) -> Double? {
        guard let denominator, denominator != 0, numerator.isFinite, denominator.isFinite else { return nil }
        return numerator / denominator
    }
}
