import SalesData

/// How the tone of an account's activity texts moves over time: the least-squares slope of the
/// compound sentiment score against the date.
///
/// ```swift
/// // Three emails scored 0.6, 0.2 and -0.4 on days 0, 30 and 60:
/// trend.slopePer30Days   // -0.5
/// trend.meanCompound     // 0.1333
/// ```
///
/// Invariant: `slopePer30Days` is `nil` unless the activities fall on at least two different days.
public struct AccountSentimentTrend: Sendable, Hashable, Codable {
    public var accountID: AccountID
    /// Scored activities (with text) in the window.
    public var activities: Int
    public var meanCompound: Double
    /// Compound of the most recent scored activity.
    public var lastCompound: Double
    public var firstDate: CalendarDate
    public var lastDate: CalendarDate
    /// Change of the compound score per 30 days, by least squares.
    public var slopePer30Days: Double?

    /// The trend of dated compound scores (any order), or `nil` when there are none.
    public static func fit(account: AccountID, scores: [(date: CalendarDate, compound: Double)])
        -> AccountSentimentTrend?
    {
        let ordered = scores.sorted { $0.date < $1.date }
        guard let first = ordered.first, let last = ordered.last else { return nil }
        let n = Double(ordered.count)
        let xs = ordered.map { Double(first.date.days(until: $0.date)) }
        let ys = ordered.map(\.compound)
        let meanX = xs.reduce(0, +) / n
        let meanY = ys.reduce(0, +) / n
        var sxx = 0.0
        var sxy = 0.0
        for (x, y) in zip(xs, ys) {
            sxx += (x - meanX) * (x - meanX)
            sxy += (x - meanX) * (y - meanY)
        }
        return AccountSentimentTrend(
            accountID: account, activities: ordered.count, meanCompound: meanY, lastCompound: last.compound,
            firstDate: first.date, lastDate: last.date, slopePer30Days: sxx > 0 ? sxy / sxx * 30 : nil)
    }
}
