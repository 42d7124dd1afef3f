import SalesData

/// Computes scorecards per rep, team (a manager and everyone below), account segment and company
/// from a dataset, for one period as of one day.
///
/// ```swift
/// let builder = ScorecardBuilder(dataset: data, period: q3, asOf: day, quotas: ["R-001": 100_000])
/// let cards = builder.scorecards()
/// cards.first { $0.level == .rep && $0.key == "R-001" }?.pace   // 0.8
/// ```
///
/// Definitions (all amounts as in the files, no currency conversion):
/// - bookings: transactions dated from the period start to the as-of date, credited by revenue
///   split (overlay credit is left out, so reps sum to the company);
/// - open deals: created by the as-of date and not closed by it; the open pipeline is the amount
///   of those due by the period end (past-due ones included: they are still expected);
/// - won and lost deals, deal size and cycle: deals closed from the period start to the as-of date;
/// - funnel: deals created in the period by the highest stage reached, in `stages` order then won.
///   Without stage history a lost deal's last stage is unknown and counts as the first stage only,
///   so early conversion rates are lower bounds;
/// - new customers: accounts whose first booking ever is in the period, credited to the largest split;
/// - teams: a manager's own deals plus everything of the reps below; a team's quota is the
///   manager's quota when given, otherwise the sum of its direct reports' (team) quotas.
///
/// - Complexity: O(transactions + opportunities × stages + activities + reps × depth).
public struct ScorecardBuilder: Sendable {
    public let dataset: SalesDataset
    public let period: ReportingPeriod
    /// The day the figures are taken on, clamped to the period for elapsed time.
    public let asOf: CalendarDate
    /// Quota for the period by rep id.
    public let quotas: [RepID: Double]
    /// Open stages in funnel order.
    public let stages: [String]

    public init(
        dataset: SalesDataset, period: ReportingPeriod, asOf: CalendarDate, quotas: [RepID: Double] = [:],
        stages: [String] = InsightsRequest.defaultStages
    ) {
        self.dataset = dataset
        self.period = period
        self.asOf = asOf
        self.quotas = quotas
        self.stages = stages
    }

    /// Days of the period elapsed at ``asOf`` (0 before the start, the period's length after the end).
    public var elapsedDays: Int { max(0, min(period.dayCount, period.start.days(until: asOf) + 1)) }

    /// The last day of the period that is also on or before ``asOf``.
    var windowEnd: CalendarDate { min(asOf, period.end) }

    /// Rep, team, segment and company scorecards, in that order; within a level by key.
    public func scorecards() -> [Scorecard] {
        let sums = accumulate()
        var cards: [Scorecard] = []
        for rep in dataset.reps.sorted(by: { $0.id < $1.id }) {
            cards.append(
                card(
                    .rep, rep.id.rawValue, rep.name, rep.role,
                    sums.reps[rep.id] ?? ScorecardTotals(quota: quotas[rep.id])))
        }
        let teams = teamTotals(sums.reps)
        for rep in dataset.reps.sorted(by: { $0.id < $1.id }) {
            if let totals = teams[rep.id] { cards.append(card(.team, rep.id.rawValue, rep.name, rep.role, totals)) }
        }
        for (segment, totals) in sums.segments.sorted(by: { $0.key < $1.key }) {
            cards.append(card(.segment, segment, segment, segment, totals))
        }
        // The company's quota: the top managers' team quotas plus the quotas of reps without a manager.
        var company = sums.company
        company.quota = nil
        for root in dataset.reps where root.managerID == nil {
            if let q = teams[root.id]?.quota ?? quotas[root.id] { company.quota = (company.quota ?? 0) + q }
        }
        cards.append(card(.company, "company", "Company", "company", company))
        return cards
    }

    private func card(
        _ level: Scorecard.Level, _ key: String, _ name: String, _ role: String, _ totals: ScorecardTotals
    ) -> Scorecard {
        Scorecard(
            level: level, key: key, name: name, role: role, totals: totals, elapsedDays: elapsedDays,
            periodDays: period.dayCount)
    }

    struct Sums {
        var reps: [RepID: ScorecardTotals] = [:]
        var segments: [String: ScorecardTotals] = [:]
        var company = ScorecardTotals()
    }

    /// One pass over the transactions, opportunities and activities.
    func accumulate() -> Sums {
        var sums = Sums()
        for (rep, quota) in quotas { sums.reps[rep, default: ScorecardTotals()].quota = quota }
        let segmentOf = Dictionary(
            dataset.accounts.map { ($0.id, $0.segment ?? "(none)") }, uniquingKeysWith: { a, _ in a })
        let funnelWidth = stages.count + 1
        func update(_ rep: RepID?, _ account: AccountID, _ body: (inout ScorecardTotals) -> Void) {
            if let rep { body(&sums.reps[rep, default: ScorecardTotals(quota: quotas[rep])]) }
            body(&sums.segments[segmentOf[account] ?? "(none)", default: ScorecardTotals()])
            body(&sums.company)
        }
        let start = period.start
        let end = windowEnd
        for line in dataset.transactions where start <= line.date && line.date <= end {
            let splits = line.effectiveRevenueSplits
            for split in splits {
                sums.reps[split.repID, default: ScorecardTotals(quota: quotas[split.repID])].bookings +=
                    line.amount * split.percentage / 100
            }
            sums.segments[segmentOf[line.accountID] ?? "(none)", default: ScorecardTotals()].bookings += line.amount
            sums.company.bookings += line.amount
        }
        for (account, first) in Self.firstBookings(of: dataset) where start <= first.date && end >= first.date {
            update(first.largestSplitRep, account) { $0.newCustomers += 1 }
        }
        for deal in dataset.opportunities {
            let openAtAsOf = deal.createdDate <= asOf && (!deal.isClosed || deal.closeDate > asOf)
            if openAtAsOf {
                update(deal.ownerID, deal.accountID) { totals in
                    totals.openDeals += 1
                    if deal.closeDate <= period.end {
                        totals.openPipeline += deal.amount
                        totals.largestOpenDeal = max(totals.largestOpenDeal, deal.amount)
                    }
                }
            }
            if deal.isClosed && start <= deal.closeDate && deal.closeDate <= end {
                update(deal.ownerID, deal.accountID) { totals in
                    if deal.isWon {
                        totals.wonDeals += 1
                        totals.wonAmount += deal.amount
                        totals.wonCycleDays += max(0, deal.createdDate.days(until: deal.closeDate))
                    } else {
                        totals.lostDeals += 1
                    }
                }
            }
            if start <= deal.createdDate && deal.createdDate <= end {
                let reached = stageReached(by: deal, asOf: asOf)
                update(deal.ownerID, deal.accountID) { totals in
                    if totals.stageReached.count < funnelWidth {
                        totals.stageReached = Array(repeating: 0, count: funnelWidth)
                    }
                    for index in 0...reached { totals.stageReached[index] += 1 }
                }
            }
        }
        for activity in dataset.activities where start <= activity.date && activity.date <= end {
            update(activity.repID, activity.accountID) { totals in
                switch activity.kind {
                case .call: totals.calls += 1
                case .meeting: totals.meetings += 1
                case .email: totals.emails += 1
                }
            }
        }
        return sums
    }

    /// The highest funnel index a deal reached by `date`: its stage's index, `stages.count` when won,
    /// 0 when lost or at an unknown stage.
    func stageReached(by deal: Opportunity, asOf date: CalendarDate) -> Int {
        if deal.isClosed && deal.closeDate <= date { return deal.isWon ? stages.count : 0 }
        return stages.firstIndex { $0.caseInsensitiveCompare(deal.stage) == .orderedSame } ?? 0
    }

    /// The first positive booking of every account (earliest date, then smallest id).
    static func firstBookings(of dataset: SalesDataset) -> [AccountID: Transaction] {
        var first: [AccountID: Transaction] = [:]
        for line in dataset.transactions where line.kind == .booking && line.amount > 0 {
            if let known = first[line.accountID], (known.date, known.id) <= (line.date, line.id) { continue }
            first[line.accountID] = line
        }
        return first
    }

    /// Team totals by manager: the manager's own totals plus those of every rep below; quotas as documented above.
    func teamTotals(_ reps: [RepID: ScorecardTotals]) -> [RepID: ScorecardTotals] {
        var directReports: [RepID: [RepID]] = [:]
        for rep in dataset.reps {
            if let manager = rep.managerID { directReports[manager, default: []].append(rep.id) }
        }
        var teams: [RepID: ScorecardTotals] = [:]
        func total(of manager: RepID, depth: Int) -> ScorecardTotals {
            if let known = teams[manager] { return known }
            var sum = reps[manager] ?? ScorecardTotals()
            sum.quota = nil
            var memberQuota: Double?
            // A cycle in the manager links cannot come from a checked hierarchy; stop at a depth no real one reaches.
            if depth < 64 {
                for member in directReports[manager] ?? [] {
                    let memberTotals =
                        directReports[member] == nil
                        ? (reps[member] ?? ScorecardTotals(quota: quotas[member]))
                        : total(of: member, depth: depth + 1)
                    sum.add(memberTotals, includingQuota: false)
                    if let q = memberTotals.quota { memberQuota = (memberQuota ?? 0) + q }
                }
            }
            sum.quota = quotas[manager] ?? memberQuota
            teams[manager] = sum
            return sum
        }
        for manager in directReports.keys.sorted() { _ = total(of: manager, depth: 0) }
        return teams
    }
}

extension Transaction {
    /// The rep with the largest revenue split (ties: the smaller id); who wins a new customer.
    var largestSplitRep: RepID? {
        effectiveRevenueSplits.max { ($0.percentage, $1.repID) < ($1.percentage, $0.repID) }?.repID
    }
}
