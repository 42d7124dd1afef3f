import Foundation

/// Generated CRM history.
struct History {
    var opportunities: [Opportunity] = []
    var transactions: [Transaction] = []
    var activities: [Activity] = []
}

enum DemoProducts {
    /// (product id, share of deals).
    static let table: [(id: ProductID, share: Double)] = [("P-CORE", 0.45), ("P-ANALYTICS", 0.25), ("P-SERVICES", 0.2), ("P-SUPPORT", 0.1)]
    static let openStages: [(stage: String, probability: Double)] = [
        ("Prospecting", 0.1), ("Qualification", 0.2), ("Proposal", 0.5), ("Negotiation", 0.75),
    ]
    static let positiveEmails = [
        "Thanks for the great call today. The team is excited to move forward with the %@ rollout.",
        "Appreciate the quick turnaround on the quote. Happy to sign this week.",
        "Our ops lead loved the %@ demo. Can you send the order form?",
        "Great meeting, the numbers work for us. Let's finalize the paperwork.",
    ]
    static let neutralEmails = [
        "Following up on our conversation about %@. Do you have time next Tuesday?",
        "Attached is the proposal we discussed. Let me know if you have questions.",
        "Checking in on the %@ evaluation. Any feedback from your team?",
        "Sharing the pricing sheet and two customer references as promised.",
    ]
    static let negativeEmails = [
        "Unfortunately we've decided to go with another vendor for %@ this year.",
        "Budget was cut this quarter, so we have to put the project on hold.",
        "The price is too high for us right now. Please don't follow up until next year.",
        "We had issues with the onboarding and are not happy with the response time.",
    ]
    static let callNotes = [
        "Discovery call: current process, pain points, decision makers.", "Left voicemail, will try again Thursday.",
        "Reviewed pricing options and timeline.", "Intro call with the new IT manager.",
    ]
    static let meetingNotes = [
        "On-site demo of %@ with the operations team.", "Quarterly business review.", "Negotiation meeting with procurement.",
        "Kickoff workshop for the %@ implementation.",
    ]
}

extension DemoCompanyGenerator {
    /// Two calendar years of history ending at the snapshot, with deterministic ids in date order.
    ///
    /// Per account and year: it buys with probability σ(−1.7 + 0.35 L + industry effect) in the first
    /// year, and in the second 0.65 if it bought before, else σ(−2.4 + 0.35 L + industry effect);
    /// a buying year has 1 deal (2 with probability 0.25, +0.2 for Enterprise) of
    /// potential × U(0.08, 0.3), closed won on a uniform date, created 20–150 days earlier, booked
    /// the same day. 3 % of bookings get a refund of 10–100 % 10–60 days later; 8 % are split
    /// 60/40 or 50/50 with a colleague of the district; 5 % carry a 100 % overlay credit to another
    /// rep of the region. Buyers place a run-rate order (potential × U(0.02, 0.08)) with
    /// probability 0.3. Non-buyers lose a deal with probability 0.08. 6 % of accounts hold an open
    /// deal at the snapshot. Each deal has 1 activity (2 with probability 0.3: 40 % calls, 20 % meetings, 40 % emails
    /// whose tone follows the outcome). Account sales: `prior_year_sales` = net of the first year,
    /// `ttm_sales` = net of the second.
    func makeHistory(_ accounts: inout [Account], force: SalesForce, random: inout SplitMixGenerator) -> History {
        let end = configuration.snapshotDate
        let start = end.adding(months: -24).adding(days: 1)
        let middle = end.adding(months: -12)
        let products = WeightedSampler(weights: DemoProducts.table.map(\.share))
        var districtOfTerritory: [TerritoryID: Int] = [:]
        for (district, positions) in force.positionsByDistrict.enumerated() {
            for position in positions { if let territory = force.reps[position].territoryID { districtOfTerritory[territory] = district } }
        }
        let activeByDistrict = force.positionsByDistrict.map { $0.filter { force.reps[$0].status == .active } }
        var drafts = DraftHistory()
        for index in accounts.indices {
            let account = accounts[index]
            let district = account.territoryID.flatMap { districtOfTerritory[$0] } ?? 0
            // Deals of a vacant territory were worked by its district manager.
            let owner = account.ownerID ?? force.reps[force.managerOfDistrict[district]].id
            let l = log(Double(max(1, account.employees ?? 1)) / 30)
            let effect = PurchasePropensityModel.industryEffect[account.industry ?? ""] ?? 0
            let potential = account.attributes["potential"] ?? 1000
            var bought = false
            for year in 0..<2 {
                let yearStart = year == 0 ? start : middle.adding(days: 1)
                let yearEnd = year == 0 ? middle : end
                let p = year == 0 ? PurchasePropensityModel.probability(logit: -1.7 + 0.35 * l + effect)
                    : bought ? 0.65 : PurchasePropensityModel.probability(logit: -2.4 + 0.35 * l + effect)
                let buys = random.bernoulli(p)
                if buys {
                    let deals = random.bernoulli(0.25 + (account.segment == "Enterprise" ? 0.2 : 0)) ? 2 : 1
                    for _ in 0..<deals {
                        let close = yearStart.adding(days: random.int(below: yearStart.days(until: yearEnd) + 1))
                        let amount = max(500, (potential * random.uniform(0.08...0.3) / 10).rounded() * 10)
                        let product = DemoProducts.table[products.sample(using: &random)].id
                        var splits: [CreditSplit] = []
                        let splitDraw = random.uniform()
                        let colleagues = activeByDistrict[district].map { force.reps[$0].id }.filter { $0 != owner }
                        if splitDraw < 0.08, let colleague = colleagues.isEmpty ? nil : random.element(of: colleagues) {
                            let share = random.bernoulli(0.5) ? 60.0 : 50.0
                            splits = [CreditSplit(repID: owner, percentage: share), CreditSplit(repID: colleague, percentage: 100 - share)]
                        } else if splitDraw < 0.13 {
                            let regionStart = district / Self.districtsPerRegion * Self.districtsPerRegion
                            let regional = (regionStart..<regionStart + Self.districtsPerRegion).flatMap { activeByDistrict[$0] }
                                .map { force.reps[$0].id }.filter { $0 != owner }
                            if !regional.isEmpty {
                                splits = [CreditSplit(repID: owner, percentage: 100),
                                          CreditSplit(repID: random.element(of: regional), percentage: 100, kind: .overlay)]
                            }
                        }
                        let refund: (days: Int, share: Double)? = random.bernoulli(0.03)
                            ? (10 + random.int(below: 51), (random.uniform(0.1...1) * 100).rounded() / 100) : nil
                        drafts.deals.append(DraftDeal(
                            account: index, owner: owner, amount: amount, product: product, created: close.adding(days: -(20 + random.int(below: 131))),
                            close: close, outcome: .won, orderType: bought ? (random.bernoulli(0.6) ? "renewal" : "upsell") : "new",
                            splits: splits, refund: refund, activities: random.bernoulli(0.3) ? 2 : 1))
                        bought = true
                    }
                    if random.bernoulli(0.3) {
                        let date = yearStart.adding(days: random.int(below: yearStart.days(until: yearEnd) + 1))
                        drafts.orders.append((index, owner, date, max(100, (potential * random.uniform(0.02...0.08) / 10).rounded() * 10)))
                    }
                } else if random.bernoulli(0.08) {
                    let close = yearStart.adding(days: random.int(below: yearStart.days(until: yearEnd) + 1))
                    drafts.deals.append(DraftDeal(
                        account: index, owner: owner, amount: max(500, (potential * random.uniform(0.08...0.3) / 10).rounded() * 10),
                        product: DemoProducts.table[products.sample(using: &random)].id,
                        created: close.adding(days: -(20 + random.int(below: 131))), close: close, outcome: .lost, orderType: "new",
                        splits: [], refund: nil, activities: random.bernoulli(0.3) ? 2 : 1))
                }
            }
            if random.bernoulli(0.06) {
                let stage = random.element(of: DemoProducts.openStages)
                let created = end.adding(days: -random.int(below: 90))
                drafts.deals.append(DraftDeal(
                    account: index, owner: owner, amount: max(500, (potential * random.uniform(0.08...0.3) / 10).rounded() * 10),
                    product: DemoProducts.table[products.sample(using: &random)].id, created: created,
                    close: end.adding(days: 15 + random.int(below: 166)), outcome: .open(stage.stage, stage.probability),
                    orderType: bought ? "upsell" : "new", splits: [], refund: nil, activities: random.bernoulli(0.3) ? 2 : 1))
            }
        }
        return drafts.build(&accounts, start: start, middle: middle, end: end, random: &random)
    }
}
