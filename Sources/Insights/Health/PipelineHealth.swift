import SalesData

/// Raises the pipeline-health flags of a period: stale deals, slipped close dates, thin coverage,
/// concentration in one deal and falling customer sentiment.
///
/// ```swift
/// let flags = PipelineHealth(thresholds: request.health)
///     .flags(dataset: data, asOf: day, scorecards: cards, trends: trends)
/// flags.filter { $0.kind == .lowCoverage }.map(\.repID)
/// ```
///
/// Flags come sorted by kind, then rep, account and opportunity id, so output is deterministic.
public struct PipelineHealth: Sendable {
    public let thresholds: PipelineHealthThresholds

    public init(thresholds: PipelineHealthThresholds) { self.thresholds = thresholds }

    /// All flags as of `asOf`.
    ///
    /// - Parameters:
    ///   - dataset: the deals and activities.
    ///   - asOf: the day the flags are raised on.
    ///   - scorecards: the period's scorecards; coverage and concentration are read from the rep cards.
    ///   - trends: sentiment trends by account (see ``AccountSentimentTrend``).
    /// - Returns: The flags, sorted by kind, rep, account and deal.
    public func flags(
        dataset: SalesDataset, asOf: CalendarDate, scorecards: [Scorecard], trends: [AccountID: AccountSentimentTrend]
    ) -> [PipelineFlag] {
        var flags: [PipelineFlag] = []
        let open = dataset.opportunities.filter { $0.createdDate <= asOf && (!$0.isClosed || $0.closeDate > asOf) }
        var lastTouchByDeal: [OpportunityID: CalendarDate] = [:]
        var lastTouchByAccount: [AccountID: CalendarDate] = [:]
        for activity in dataset.activities where activity.date <= asOf {
            if let deal = activity.opportunityID {
                lastTouchByDeal[deal] = max(lastTouchByDeal[deal] ?? activity.date, activity.date)
            }
            lastTouchByAccount[activity.accountID] = max(
                lastTouchByAccount[activity.accountID] ?? activity.date, activity.date)
        }
        for deal in open {
            let touch =
                lastTouchByDeal[deal.id] ?? lastTouchByAccount[deal.accountID].map { max($0, deal.createdDate) }
                ?? deal.createdDate
            let idle = touch.days(until: asOf)
            if idle > thresholds.staleDays {
                flags.append(
                    PipelineFlag(
                        kind: .staleOpportunity, repID: deal.ownerID, accountID: deal.accountID, opportunityID: deal.id,
                        value: Double(idle), threshold: Double(thresholds.staleDays),
                        detail: "no activity for \(idle) days (last \(touch)), stale after \(thresholds.staleDays)"))
            }
            if !deal.isClosed && deal.closeDate < asOf {
                let overdue = deal.closeDate.days(until: asOf)
                flags.append(
                    PipelineFlag(
                        kind: .slippedCloseDate, repID: deal.ownerID, accountID: deal.accountID, opportunityID: deal.id,
                        value: Double(overdue), threshold: 0,
                        detail: "close date \(deal.closeDate) passed \(overdue) days ago, still \(deal.stage)"))
            }
        }
        for card in scorecards where card.level == .rep {
            let rep = RepID(card.key)
            if let remaining = card.remainingQuota, remaining > 0 {
                let coverage = card.coverage ?? 0
                if coverage < thresholds.coverageTarget {
                    flags.append(
                        PipelineFlag(
                            kind: .lowCoverage, repID: rep, value: coverage, threshold: thresholds.coverageTarget,
                            detail:
                                "coverage \(Format.ratio(coverage)) of \(Format.amount(remaining)) remaining quota, target \(Format.ratio(thresholds.coverageTarget))"
                        ))
                }
            }
            if let share = card.concentration, share >= thresholds.concentrationShare {
                flags.append(
                    PipelineFlag(
                        kind: .concentration, repID: rep, value: share, threshold: thresholds.concentrationShare,
                        detail:
                            "largest deal \(Format.amount(card.totals.largestOpenDeal)) is \(Format.percent(share)) of \(Format.amount(card.totals.openPipeline)) open pipeline"
                    ))
            }
        }
        var openAccounts: [AccountID: RepID?] = [:]
        for deal in open where openAccounts[deal.accountID] == nil { openAccounts[deal.accountID] = deal.ownerID }
        for (account, owner) in openAccounts {
            guard let trend = trends[account], let slope = trend.slopePer30Days, slope <= thresholds.sentimentSlope
            else { continue }
            flags.append(
                PipelineFlag(
                    kind: .fallingSentiment, repID: owner, accountID: account, value: slope,
                    threshold: thresholds.sentimentSlope,
                    detail:
                        "sentiment \(Format.signed(slope)) per 30 days over \(trend.activities) activities (\(trend.firstDate) … \(trend.lastDate)), last \(Format.signed(trend.lastCompound))"
                ))
        }
        let order = Dictionary(uniqueKeysWithValues: PipelineFlag.Kind.allCases.enumerated().map { ($1, $0) })
        return flags.sorted {
            (
                (order[$0.kind] ?? 0), $0.repID?.rawValue ?? "", $0.accountID?.rawValue ?? "",
                $0.opportunityID?.rawValue ?? ""
            )
                < (
                    (order[$1.kind] ?? 0), $1.repID?.rawValue ?? "", $1.accountID?.rawValue ?? "",
                    $1.opportunityID?.rawValue ?? ""
                )
        }
    }
}
