import Foundation
import SalesData

/// One piece of coaching advice with the numbers behind it.
public struct CoachingSignal: Sendable, Hashable, Codable {
    public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
        case closedDeals = "closed_deals"
        case winRate = "win_rate"
        case averageDeal = "average_deal"
        case cycleDays = "cycle_days"
        case activities

        /// Whether a higher value is better.
        var higherIsBetter: Bool { self != .cycleDays }
    }

    public var repID: RepID
    /// `role / segment`, such as `Account Executive / SMB`.
    public var peerGroup: String
    public var peers: Int
    public var metric: Metric
    public var value: Double
    public var peerMedian: Double
    /// Robust z-score in the "better" direction: negative is weaker than peers.
    public var robustZ: Double
    /// Share of peers with a worse value (ties count half), 0…100.
    public var percentile: Double
    /// For the bookings drivers (deals closed × win rate × deal size): this metric's share of the
    /// log shortfall of the rep's bookings against the peer-median product; `nil` for other metrics.
    public var shareOfGap: Double?
    /// Consecutive earlier quarters in which the same signal was raised.
    public var persistentQuarters: Int
    /// Rank among the rep's signals (1 = most important).
    public var rank: Int
    public var recommendation: String
}

/// Compares every rep with peers of the same role and main segment (the segment of most of the
/// accounts they own) and turns clear weaknesses into ranked recommendations.
///
/// ```swift
/// let signals = CoachingAnalyzer(dataset: data, settings: CoachingSettings())
///     .signals(period: q3, asOf: day)
/// signals.first?.recommendation
/// // "win rate 12 % vs 24 % peer median (Account Executive / Enterprise, 9 reps; z -1.8, 11th percentile): review qualification"
/// ```
///
/// Evidence rules: a peer group needs `minPeers` reps; a win rate, deal size or cycle needs
/// `minClosedDeals` closed deals; the robust z-score, (x − median) ÷ (1.4826 × MAD), must be at or
/// below `zThreshold` in the weak direction, and is undefined (no signal) when the peers' MAD is 0.
/// Signals rank by z-score, weakest first.
public struct CoachingAnalyzer: Sendable {
    public let dataset: SalesDataset
    public let settings: CoachingSettings

    public init(dataset: SalesDataset, settings: CoachingSettings = CoachingSettings()) {
        self.dataset = dataset
        self.settings = settings
    }

    /// Signals for `period` as of `asOf`, with persistence checked over earlier whole quarters.
    public func signals(period: ReportingPeriod, asOf: CalendarDate) -> [CoachingSignal] {
        var current = raw(period: period, asOf: asOf)
        var earlier: [Set<String>] = []
        for back in 0..<settings.quartersBack {
            let previous = period.shifted(months: -3 * (back + 1))
            earlier.append(Set(raw(period: previous, asOf: previous.end).map { "\($0.repID)|\($0.metric.rawValue)" }))
        }
        for index in current.indices {
            let key = "\(current[index].repID)|\(current[index].metric.rawValue)"
            current[index].persistentQuarters = earlier.prefix { $0.contains(key) }.count
            if current[index].persistentQuarters > 0 {
                current[index].recommendation +=
                    "; below peers \(current[index].persistentQuarters + 1) quarters running"
            }
        }
        return current
    }

    /// Signals of one period without persistence.
    func raw(period: ReportingPeriod, asOf: CalendarDate) -> [CoachingSignal] {
        let cards = ScorecardBuilder(dataset: dataset, period: period, asOf: asOf).scorecards().filter {
            $0.level == .rep
        }
        let group = peerGroups()
        var byGroup: [String: [Scorecard]] = [:]
        for card in cards { byGroup[group[RepID(card.key)] ?? card.role, default: []].append(card) }
        var signals: [CoachingSignal] = []
        for (name, members) in byGroup.sorted(by: { $0.key < $1.key }) where members.count >= settings.minPeers {
            var values: [CoachingSignal.Metric: [String: Double]] = [:]
            for card in members {
                let closed = card.totals.wonDeals + card.totals.lostDeals
                values[.closedDeals, default: [:]][card.key] = Double(closed)
                values[.activities, default: [:]][card.key] = Double(
                    card.totals.calls + card.totals.meetings + card.totals.emails)
                if closed >= settings.minClosedDeals, let winRate = card.winRate {
                    values[.winRate, default: [:]][card.key] = winRate
                }
                if card.totals.wonDeals >= settings.minClosedDeals {
                    if let size = card.averageDeal { values[.averageDeal, default: [:]][card.key] = size }
                    if let cycle = card.cycleDays { values[.cycleDays, default: [:]][card.key] = cycle }
                }
            }
            let medians = values.mapValues { Self.median(Array($0.values)) }
            for card in members.sorted(by: { $0.key < $1.key }) {
                var mine: [CoachingSignal] = []
                for metric in CoachingSignal.Metric.allCases {
                    guard let table = values[metric], table.count >= settings.minPeers, let value = table[card.key],
                        let median = medians[metric], let z = Self.robustZ(value, among: Array(table.values))
                    else { continue }
                    let directed = metric.higherIsBetter ? z : -z
                    guard directed <= settings.zThreshold else { continue }
                    let worse = table.values.filter { metric.higherIsBetter ? $0 < value : $0 > value }.count
                    let ties = table.values.filter { $0 == value }.count - 1
                    let percentile = (Double(worse) + 0.5 * Double(ties)) / Double(table.count - 1) * 100
                    mine.append(
                        CoachingSignal(
                            repID: RepID(card.key), peerGroup: name, peers: table.count, metric: metric, value: value,
                            peerMedian: median, robustZ: directed, percentile: percentile, shareOfGap: nil,
                            persistentQuarters: 0,
                            rank: 0,
                            recommendation: Self.advice(
                                metric, value: value, median: median, group: name, peers: table.count, z: directed,
                                percentile: percentile)))
                }
                Self.attachGapShares(&mine, card: card, medians: medians)
                mine.sort { ($0.robustZ, $0.metric.rawValue) < ($1.robustZ, $1.metric.rawValue) }
                for index in mine.indices { mine[index].rank = index + 1 }
                signals += mine
            }
        }
        return signals
    }

    /// `role / main segment` per rep; the main segment is that of most owned accounts (ties: name order).
    func peerGroups() -> [RepID: String] {
        var counts: [RepID: [String: Int]] = [:]
        for account in dataset.accounts {
            if let owner = account.ownerID { counts[owner, default: [:]][account.segment ?? "(none)", default: 0] += 1 }
        }
        var groups: [RepID: String] = [:]
        for rep in dataset.reps {
            let main = counts[rep.id]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            groups[rep.id] = main.map { "\(rep.role) / \($0)" } ?? rep.role
        }
        return groups
    }

    /// Bookings ≈ closed deals × win rate × average deal: each driver's share of the log shortfall.
    static func attachGapShares(
        _ signals: inout [CoachingSignal], card: Scorecard, medians: [CoachingSignal.Metric: Double]
    ) {
        let closed = Double(card.totals.wonDeals + card.totals.lostDeals)
        let drivers: [(CoachingSignal.Metric, Double?)] = [
            (.closedDeals, closed), (.winRate, card.winRate), (.averageDeal, card.averageDeal),
        ]
        var logs: [CoachingSignal.Metric: Double] = [:]
        for (metric, value) in drivers {
            guard let value, value > 0, let median = medians[metric], median > 0 else { continue }
            logs[metric] = log(value / median)
        }
        let shortfall = logs.values.filter { $0 < 0 }.reduce(0, +)
        guard shortfall < 0 else { return }
        for index in signals.indices {
            if let contribution = logs[signals[index].metric], contribution < 0 {
                signals[index].shareOfGap = contribution / shortfall
            }
        }
    }

    static func advice(
        _ metric: CoachingSignal.Metric, value: Double, median: Double, group: String, peers: Int, z: Double,
        percentile: Double
    ) -> String {
        let evidence =
            "peer median (\(group), \(peers) reps; z \(String(format: "%.1f", z)), \(Int(percentile.rounded()))th percentile)"
        switch metric {
        case .winRate:
            return
                "win rate \(Format.percent(value)) vs \(Format.percent(median)) \(evidence): review qualification and deal reviews before proposal"
        case .averageDeal:
            return
                "average won deal \(Format.amount(value)) vs \(Format.amount(median)) \(evidence): position larger bundles and multi-year terms"
        case .closedDeals:
            return
                "\(Int(value)) deals closed vs \(Format.amount(median)) \(evidence): build pipeline volume (prospecting time, sequences)"
        case .cycleDays:
            return
                "sales cycle \(Int(value.rounded())) days vs \(Int(median.rounded())) \(evidence): agree mutual close plans and next steps on every call"
        case .activities:
            return
                "\(Int(value)) logged activities vs \(Format.amount(median)) \(evidence): raise calls and meetings with active accounts"
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// (x − median) ÷ (1.4826 × median absolute deviation); `nil` when the deviation is 0.
    public static func robustZ(_ value: Double, among values: [Double]) -> Double? {
        let center = median(values)
        let mad = median(values.map { abs($0 - center) })
        guard mad > 0 else { return nil }
        return (value - center) / (1.4826 * mad)
    }
}
