import Foundation

/// Generated CRM history.
struct History {
    var opportunities: [Opportunity] = []
    var transactions: [Transaction] = []
    var activities: [Activity] = []
}

enum DemoProducts {
    /// (product id, share of deals).
    static let table: [(id: ProductID, share: Double)] = [
        ("P-CORE", 0.45), ("P-ANALYTICS", 0.25), ("P-SERVICES", 0.2), ("P-SUPPORT", 0.1),
    ]
    static let openStages: [(stage: String, probability: Double)] = [
        ("Prospecting", 0.1), ("Qualification", 0.2), ("Proposal", 0.5), ("Negotiation", 0.75),
    ]
    /// Relative weight of each calendar month for close dates: quarter ends and December are busier.
    static let monthWeights: [Double] = [0.85, 0.9, 1.15, 0.9, 0.95, 1.15, 0.85, 0.9, 1.15, 0.95, 1.05, 1.4]
    /// Deal sizes in the plan year relative to the years before (price increase and larger deals).
    static let planYearGrowth = 1.1
}

/// The dates the history is generated for.
struct HistoryCalendar {
    /// First days of the two years before the snapshot and of the plan year.
    let yearStarts: [CalendarDate]
    /// Last day with data (the last closed month's end).
    let lastClosed: CalendarDate
    let months: WeightedSampler

    init(snapshot: CalendarDate, lastClosed: CalendarDate) {
        let planStart = snapshot.adding(days: 1)
        yearStarts = [planStart.adding(months: -24), planStart.adding(months: -12), planStart]
        self.lastClosed = lastClosed
        months = WeightedSampler(weights: DemoProducts.monthWeights)
    }

    func yearEnd(_ year: Int) -> CalendarDate { yearStarts[year].adding(months: 12).adding(days: -1) }

    /// A day of `year` (0, 1 or 2 = plan year), months weighted by ``DemoProducts/monthWeights``.
    func closeDate(in year: Int, random: inout SplitMixGenerator) -> CalendarDate {
        let monthStart = yearStarts[year].adding(months: months.sample(using: &random))
        return monthStart.adding(days: random.int(below: monthStart.days(until: monthStart.adding(months: 1))))
    }
}

extension DemoCompanyGenerator {
    /// Two calendar years of history before the snapshot, drafted per account.
    ///
    /// Per account and year: it buys with probability σ(−1.7 + 0.35 L + industry effect) in the first
    /// year, and in the second 0.65 if it bought before, else σ(−2.4 + 0.35 L + industry effect).
    /// Non-buyers lose a deal with probability 0.08. Deals are drafted by ``draftDeals(_:account:year:…)``.
    func draftPastYears(
        _ drafts: inout DraftHistory, accounts: [Account], force: SalesForce, ownership: DealOwnership,
        calendar: HistoryCalendar,
        random: inout SplitMixGenerator
    ) {
        for index in accounts.indices {
            let account = accounts[index]
            let l = log(Double(max(1, account.employees ?? 1)) / 30)
            let effect = PurchasePropensityModel.industryEffect[account.industry ?? ""] ?? 0
            var bought = false
            for year in 0..<2 {
                let p =
                    year == 0
                    ? PurchasePropensityModel.probability(logit: -1.7 + 0.35 * l + effect)
                    : bought ? 0.65 : PurchasePropensityModel.probability(logit: -2.4 + 0.35 * l + effect)
                let buys = random.bernoulli(p)
                draftDeals(
                    &drafts, account: index, year: year, buys: buys, customer: bought, accounts: accounts,
                    force: force, ownership: ownership, calendar: calendar, random: &random)
                bought = bought || buys
            }
        }
    }

    /// The plan year: accounts buy exactly when the ground truth says so (`purchased`), so the
    /// realized plan year and `accounts_truth.csv` agree; then 6 % of accounts hold an open deal for
    /// the next year.
    func draftPlanYear(
        _ drafts: inout DraftHistory, accounts: [Account], truth: [PurchaseTruth], force: SalesForce,
        ownership: DealOwnership,
        calendar: HistoryCalendar, random: inout SplitMixGenerator
    ) {
        let products = WeightedSampler(weights: DemoProducts.table.map(\.share))
        let nextYear = calendar.yearEnd(2).adding(days: 1)
        for index in accounts.indices {
            let account = accounts[index]
            let customer = account.priorYearSales > 0 || account.trailingTwelveMonthSales > 0
            draftDeals(
                &drafts, account: index, year: 2, buys: truth[index].purchased, customer: customer, accounts: accounts,
                force: force, ownership: ownership, calendar: calendar, random: &random)
            if random.bernoulli(0.06) {
                let stage = random.element(of: DemoProducts.openStages)
                let created = calendar.lastClosed.adding(days: -random.int(below: 90))
                let close = nextYear.adding(days: random.int(below: 150))
                drafts.deals.append(
                    DraftDeal(
                        account: index, owner: ownership.owner(ofAccount: index, on: calendar.lastClosed),
                        amount: Self.dealAmount(account, scale: DemoProducts.planYearGrowth, random: &random),
                        product: DemoProducts.table[products.sample(using: &random)].id, created: created, close: close,
                        outcome: .open(stage.stage, stage.probability),
                        orderType: customer || truth[index].purchased ? "upsell" : "new",
                        splits: [], reversal: nil, fate: random.bernoulli(stage.probability) ? 1 : -1))
            }
        }
    }

    static func dealAmount(_ account: Account, scale: Double, random: inout SplitMixGenerator) -> Double {
        let potential = account.attributes["potential"] ?? 1000
        return max(500, (potential * random.uniform(0.08...0.3) * scale / 10).rounded() * 10)
    }

    /// One account's deals of one year.
    ///
    /// A buying year has 1 deal (2 with probability 0.25, +0.2 for Enterprise) of
    /// potential × U(0.08, 0.3) (× ``DemoProducts/planYearGrowth`` in the plan year), closed won on a
    /// seasonal date (``HistoryCalendar/closeDate(in:random:)``), created 20–150 days earlier, booked
    /// the same day; 3 % of bookings get a refund of 10–100 % 10–60 days later and 2 % are cancelled
    /// in full 20–150 days later; 8 % are split 60/40 or 50/50 with a colleague of the district; 5 %
    /// carry a 100 % overlay credit to another rep of the region. Buyers place a run-rate order
    /// (potential × U(0.02, 0.08)) with probability 0.3. Non-buyers lose a deal with probability
    /// 0.08. A plan-year deal closing after the last closed day is still open at the data cut (won
    /// ones in Proposal or Negotiation). Owners are the territory holders on the close date.
    func draftDeals(
        _ drafts: inout DraftHistory, account index: Int, year: Int, buys: Bool, customer: Bool, accounts: [Account],
        force: SalesForce, ownership: DealOwnership, calendar: HistoryCalendar, random: inout SplitMixGenerator
    ) {
        let account = accounts[index]
        let products = WeightedSampler(weights: DemoProducts.table.map(\.share))
        let scale = year == 2 ? DemoProducts.planYearGrowth : 1
        let cut = calendar.lastClosed
        func created(before close: CalendarDate) -> CalendarDate {
            let day = close.adding(days: -(20 + random.int(below: 131)))
            return day > cut ? cut.adding(days: -random.int(below: 30)) : day
        }
        if buys {
            let deals = random.bernoulli(0.25 + (account.segment == "Enterprise" ? 0.2 : 0)) ? 2 : 1
            var repeatBuyer = customer
            for _ in 0..<deals {
                let close = calendar.closeDate(in: year, random: &random)
                let amount = Self.dealAmount(account, scale: scale, random: &random)
                let product = DemoProducts.table[products.sample(using: &random)].id
                let owner = ownership.owner(ofAccount: index, on: min(close, cut))
                let splits = drawSplits(
                    owner: owner, district: ownership.district(ofAccount: index, on: close), on: close, force: force,
                    random: &random)
                let draw = random.uniform()
                let reversal: DraftDeal.Reversal? =
                    draw < 0.03
                    ? .refund(days: 10 + random.int(below: 51), share: (random.uniform(0.1...1) * 100).rounded() / 100)
                    : draw < 0.05 ? .cancellation(days: 20 + random.int(below: 131)) : nil
                let orderType = repeatBuyer ? (random.bernoulli(0.6) ? "renewal" : "upsell") : "new"
                let late = random.bernoulli(0.5)
                drafts.deals.append(
                    DraftDeal(
                        account: index, owner: owner, amount: amount, product: product, created: created(before: close),
                        close: close,
                        outcome: close <= cut ? .won : late ? .open("Negotiation", 0.75) : .open("Proposal", 0.5),
                        orderType: orderType,
                        splits: close <= cut ? splits : [], reversal: reversal, fate: 1))
                repeatBuyer = true
            }
            if random.bernoulli(0.3) {
                let date = calendar.closeDate(in: year, random: &random)
                let amount = max(
                    100, ((account.attributes["potential"] ?? 1000) * random.uniform(0.02...0.08) / 10).rounded() * 10)
                if date <= cut {
                    drafts.orders.append((index, ownership.owner(ofAccount: index, on: date), date, amount))
                }
            }
        } else if random.bernoulli(0.08) {
            let close = calendar.closeDate(in: year, random: &random)
            let stage = random.element(of: Array(DemoProducts.openStages.prefix(3)))
            drafts.deals.append(
                DraftDeal(
                    account: index, owner: ownership.owner(ofAccount: index, on: min(close, cut)),
                    amount: Self.dealAmount(account, scale: scale, random: &random),
                    product: DemoProducts.table[products.sample(using: &random)].id, created: created(before: close),
                    close: close,
                    outcome: close <= cut ? .lost : .open(stage.stage, stage.probability), orderType: "new", splits: [],
                    reversal: nil,
                    fate: -1))
        }
    }

    /// Revenue split with a colleague of the district (8 %) or an overlay credit to a rep of the
    /// region (5 %), among reps available on `date`.
    private func drawSplits(
        owner: RepID, district: Int, on date: CalendarDate, force: SalesForce, random: inout SplitMixGenerator
    )
        -> [CreditSplit]
    {
        let draw = random.uniform()
        guard draw < 0.13 else { return [] }
        func available(_ districts: Range<Int>) -> [RepID] {
            districts.flatMap { force.positionsByDistrict[$0] }.map { force.reps[$0] }
                .filter { $0.id != owner && $0.isAvailable(on: date) }.map(\.id)
        }
        if draw < 0.08 {
            let colleagues = available(district..<district + 1)
            guard !colleagues.isEmpty else { return [] }
            let colleague = random.element(of: colleagues)
            let share = random.bernoulli(0.5) ? 60.0 : 50.0
            return [
                CreditSplit(repID: owner, percentage: share), CreditSplit(repID: colleague, percentage: 100 - share),
            ]
        }
        let regionStart = district / Self.districtsPerRegion * Self.districtsPerRegion
        let regional = available(regionStart..<regionStart + Self.districtsPerRegion)
        guard !regional.isEmpty else { return [] }
        return [
            CreditSplit(repID: owner, percentage: 100),
            CreditSplit(repID: random.element(of: regional), percentage: 100, kind: .overlay),
        ]
    }
}
