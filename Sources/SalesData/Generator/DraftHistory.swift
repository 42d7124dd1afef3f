import Foundation

/// A deal before ids are assigned.
struct DraftDeal {
    enum Outcome {
        case won, lost
        case open(String, Double)
    }

    var account: Int
    var owner: RepID
    var amount: Double
    var product: ProductID
    var created: CalendarDate
    var close: CalendarDate
    var outcome: Outcome
    var orderType: String
    var splits: [CreditSplit]
    var refund: (days: Int, share: Double)?
    var activities: Int
}

/// Collects drafted deals and orders, then numbers everything in date order.
struct DraftHistory {
    var deals: [DraftDeal] = []
    var orders: [(account: Int, owner: RepID, date: CalendarDate, amount: Double)] = []

    private static func id(_ prefix: String, _ number: Int, width: Int = 7) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Opportunities, transactions and activities with ids in date order (ties by account, then draft
    /// order), and each account's prior-year and trailing-twelve-month net sales filled in.
    func build(_ accounts: inout [Account], start: CalendarDate, middle: CalendarDate, end: CalendarDate,
               random: inout SplitMixGenerator) -> History {
        var history = History()
        let dealOrder = deals.indices.sorted { a, b in
            (deals[a].created, deals[a].account, a) < (deals[b].created, deals[b].account, b)
        }
        var draftTransactions: [(date: CalendarDate, rank: Int, account: Int, value: Transaction)] = []
        var draftActivities: [(date: CalendarDate, account: Int, value: Activity)] = []
        for (number, index) in dealOrder.enumerated() {
            let deal = deals[index]
            let account = accounts[deal.account]
            let opportunityID = OpportunityID(Self.id("O", number + 1))
            var opportunity = Opportunity(
                id: opportunityID, accountID: account.id, ownerID: deal.owner, amount: deal.amount, stage: "Closed Won",
                probability: 1, createdDate: deal.created, closeDate: deal.close, isClosed: true, isWon: true, product: deal.product)
            switch deal.outcome {
            case .won:
                opportunity.splits = deal.splits
                var booking = Transaction(
                    id: "", kind: .booking, date: deal.close, accountID: account.id, opportunityID: opportunityID,
                    product: deal.product, amount: deal.amount, orderType: deal.orderType, ownerID: deal.owner, splits: deal.splits)
                draftTransactions.append((deal.close, 0, deal.account, booking))
                if let refund = deal.refund, deal.close.adding(days: refund.days) <= end {
                    booking.kind = .refund
                    booking.date = deal.close.adding(days: refund.days)
                    booking.amount = -((deal.amount * refund.share * 100).rounded() / 100)
                    booking.orderType = "refund"
                    draftTransactions.append((booking.date, 2, deal.account, booking))
                }
            case .lost:
                opportunity.stage = "Closed Lost"
                opportunity.probability = 0
                opportunity.isWon = false
            case .open(let stage, let probability):
                opportunity.stage = stage
                opportunity.probability = probability
                opportunity.isClosed = false
                opportunity.isWon = false
            }
            history.opportunities.append(opportunity)
            let lastDay = min(deal.close, end)
            let span = max(0, deal.created.days(until: lastDay))
            for _ in 0..<deal.activities {
                let date = deal.created.adding(days: random.int(below: span + 1))
                draftActivities.append((date, deal.account, Self.activity(for: deal, opportunityID, account.id, date, &random)))
            }
        }
        for order in orders {
            draftTransactions.append((order.date, 1, order.account, Transaction(
                id: "", kind: .order, date: order.date, accountID: accounts[order.account].id, product: "P-SUPPORT",
                amount: order.amount, orderType: "run-rate", ownerID: order.owner)))
        }
        let sortedTransactions = draftTransactions.indices.sorted { a, b in
            let x = draftTransactions[a]
            let y = draftTransactions[b]
            return (x.date, x.rank, x.account, a) < (y.date, y.rank, y.account, b)
        }
        for (number, index) in sortedTransactions.enumerated() {
            var line = draftTransactions[index].value
            line.id = TransactionID(Self.id("X", number + 1))
            history.transactions.append(line)
            let account = draftTransactions[index].account
            if line.date <= middle {
                accounts[account].priorYearSales += line.amount
            } else {
                accounts[account].trailingTwelveMonthSales += line.amount
            }
        }
        for index in accounts.indices {
            accounts[index].priorYearSales = (accounts[index].priorYearSales * 100).rounded() / 100
            accounts[index].trailingTwelveMonthSales = (accounts[index].trailingTwelveMonthSales * 100).rounded() / 100
        }
        let sortedActivities = draftActivities.indices.sorted { a, b in
            (draftActivities[a].date, draftActivities[a].account, a) < (draftActivities[b].date, draftActivities[b].account, b)
        }
        for (number, index) in sortedActivities.enumerated() {
            var activity = draftActivities[index].value
            activity.id = ActivityID(Self.id("E", number + 1))
            history.activities.append(activity)
        }
        return history
    }

    private static func activity(
        for deal: DraftDeal, _ opportunity: OpportunityID, _ account: AccountID, _ date: CalendarDate,
        _ random: inout SplitMixGenerator
    ) -> Activity {
        let product = deal.product.rawValue.replacingOccurrences(of: "P-", with: "").capitalized
        func fill(_ template: String) -> String { template.replacingOccurrences(of: "%@", with: product) }
        let draw = random.uniform()
        if draw < 0.4 {
            return Activity(id: "", kind: .call, date: date, accountID: account, repID: deal.owner, opportunityID: opportunity,
                            subject: "Call", text: random.element(of: DemoProducts.callNotes))
        }
        if draw < 0.6 {
            return Activity(id: "", kind: .meeting, date: date, accountID: account, repID: deal.owner, opportunityID: opportunity,
                            subject: "Meeting", text: fill(random.element(of: DemoProducts.meetingNotes)))
        }
        let tone = random.uniform()
        let texts: [String]
        switch deal.outcome {
        case .won: texts = tone < 0.6 ? DemoProducts.positiveEmails : tone < 0.9 ? DemoProducts.neutralEmails : DemoProducts.negativeEmails
        case .lost: texts = tone < 0.6 ? DemoProducts.negativeEmails : tone < 0.9 ? DemoProducts.neutralEmails : DemoProducts.positiveEmails
        case .open: texts = tone < 0.7 ? DemoProducts.neutralEmails : tone < 0.85 ? DemoProducts.positiveEmails : DemoProducts.negativeEmails
        }
        return Activity(id: "", kind: .email, date: date, accountID: account, repID: deal.owner, opportunityID: opportunity,
                        subject: "Re: \(product) proposal", text: fill(random.element(of: texts)))
    }
}
