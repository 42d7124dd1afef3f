import SalesData

/// How well the tone of a deal's activity texts separates won from lost deals: the AUC of the mean
/// compound score of each closed deal's texts, won as the positive class.
///
/// ```swift
/// let auc = SentimentSeparation.wonVersusLost(dataset: data, analyzer: analyzer)
/// auc?.value   // 0.5 = no signal, 1 = every won deal reads warmer than every lost one
/// ```
public enum SentimentSeparation {
    public struct Result: Sendable, Hashable {
        /// Probability that a random won deal scores above a random lost one (ties count half).
        public var value: Double
        public var wonDeals: Int
        public var lostDeals: Int
    }

    /// The AUC over closed deals with at least one activity text linked to them; `nil` unless both classes occur.
    ///
    /// - Complexity: O(a + d log d) for a activities and d scored deals.
    public static func wonVersusLost(dataset: SalesDataset, analyzer: SentimentAnalyzer) -> Result? {
        var sums: [OpportunityID: (total: Double, count: Int)] = [:]
        for activity in dataset.activities where !activity.text.isEmpty {
            guard let deal = activity.opportunityID else { continue }
            let compound = analyzer.scores(activity.text).compound
            sums[deal, default: (0, 0)].total += compound
            sums[deal, default: (0, 0)].count += 1
        }
        var scored: [(score: Double, won: Bool)] = []
        for deal in dataset.opportunities where deal.isClosed {
            if let sum = sums[deal.id] { scored.append((sum.total / Double(sum.count), deal.isWon)) }
        }
        let won = scored.count { $0.won }
        let lost = scored.count - won
        guard won > 0, lost > 0 else { return nil }
        // Mann–Whitney U with midranks for ties.
        scored.sort { $0.score < $1.score }
        var rankSumWon = 0.0
        var index = 0
        while index < scored.count {
            var end = index
            while end + 1 < scored.count && scored[end + 1].score == scored[index].score { end += 1 }
            let midrank = Double(index + end) / 2 + 1
            for position in index...end where scored[position].won { rankSumWon += midrank }
            index = end + 1
        }
        let u = rankSumWon - Double(won) * Double(won + 1) / 2
        return Result(value: u / (Double(won) * Double(lost)), wonDeals: won, lostDeals: lost)
    }
}
