/// The additive sums behind a scorecard: a team's or segment's totals are the sums of its members'.
///
/// Ratios (attainment, win rate, velocity, …) are never summed; ``Scorecard`` derives them from totals.
public struct ScorecardTotals: Sendable, Hashable, Codable {
    /// Quota for the period; `nil` when none is known.
    public var quota: Double?
    /// Credited net bookings (bookings, orders and refunds, by revenue split) from the period start to the as-of date.
    public var bookings: Double = 0
    /// Amount of deals open at the as-of date with a close date up to the period end (past-due ones included).
    public var openPipeline: Double = 0
    /// The largest single deal of ``openPipeline``.
    public var largestOpenDeal: Double = 0
    /// Deals open at the as-of date, whatever their close date.
    public var openDeals = 0
    /// Deals closed won between the period start and the as-of date.
    public var wonDeals = 0
    /// Deals closed lost between the period start and the as-of date.
    public var lostDeals = 0
    public var wonAmount: Double = 0
    /// Sum over won deals of the days from creation to close.
    public var wonCycleDays = 0
    public var calls = 0
    public var meetings = 0
    public var emails = 0
    /// Accounts whose first booking ever falls between the period start and the as-of date.
    public var newCustomers = 0
    /// Deals created in the period that reached each stage of the funnel (last entry: won).
    public var stageReached: [Int] = []

    public init(quota: Double? = nil) { self.quota = quota }

    /// Adds `other` into `self`; quotas add when known (unknown plus known is the known one).
    public mutating func add(_ other: ScorecardTotals, includingQuota: Bool = true) {
        if includingQuota, let q = other.quota { quota = (quota ?? 0) + q }
        bookings += other.bookings
        openPipeline += other.openPipeline
        largestOpenDeal = max(largestOpenDeal, other.largestOpenDeal)
        openDeals += other.openDeals
        wonDeals += other.wonDeals
        lostDeals += other.lostDeals
        wonAmount += other.wonAmount
        wonCycleDays += other.wonCycleDays
        calls += other.calls
        meetings += other.meetings
        emails += other.emails
        newCustomers += other.newCustomers
        if stageReached.count < other.stageReached.count {
            stageReached += Array(repeating: 0, count: other.stageReached.count - stageReached.count)
        }
        for (index, count) in other.stageReached.enumerated() { stageReached[index] += count }
    }
}
