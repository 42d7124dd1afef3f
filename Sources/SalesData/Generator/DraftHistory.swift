import Foundation

/// A deal before ids are assigned.
struct DraftDeal {
    enum Outcome {
        case won, lost
        case open(String, Double)
    }

    /// What later takes the booking back.
    enum Reversal {
        /// Part of the money returned `days` after the booking.
        case refund(days: Int, share: Double)
        /// The whole booking voided `days` after it.
        case cancellation(days: Int)
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
    var reversal: Reversal?
    /// +1 when the deal is (or, still open, will be) won, −1 when lost: where its sentiment drifts.
    var fate: Double
}

/// A ledger line before ids are assigned.
struct DraftLine {
    var date: CalendarDate
    /// Order among lines of one day: bookings, orders, then reversals.
    var rank: Int
    var account: Int
    var value: Transaction
    /// For a reversal, the index of the booking it takes back.
    var original: Int?
}

/// Collects drafted deals and orders, then numbers everything in date order.
struct DraftHistory {
    var deals: [DraftDeal] = []
    var orders: [(account: Int, owner: RepID, date: CalendarDate, amount: Double)] = []

    private static func id(_ prefix: String, _ number: Int, width: Int = 7) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Every ledger line up to `lastClosed`: won deals' bookings, their refunds and cancellations,
    /// and run-rate orders, in draft order, with the deals' opportunity ids when given.
    func lines(_ accounts: [Account], lastClosed: CalendarDate, opportunityOfDeal: [OpportunityID]? = nil)
        -> [DraftLine]
    {
        var lines: [DraftLine] = []
        for (index, deal) in deals.enumerated() {
            guard case .won = deal.outcome, deal.close <= lastClosed else { continue }
            let booking = Transaction(
                id: "", kind: .booking, date: deal.close, accountID: accounts[deal.account].id,
                opportunityID: opportunityOfDeal?[index],
                product: deal.product, amount: deal.amount, orderType: deal.orderType, ownerID: deal.owner,
                splits: deal.splits)
            lines.append(DraftLine(date: deal.close, rank: 0, account: deal.account, value: booking))
            let original = lines.count - 1
            var reversal = booking
            switch deal.reversal {
            case .none: continue
            case .refund(let days, let share):
                reversal.kind = .refund
                reversal.date = deal.close.adding(days: days)
                reversal.amount = -((deal.amount * share * 100).rounded() / 100)
                reversal.orderType = "refund"
            case .cancellation(let days):
                reversal.kind = .cancellation
                reversal.date = deal.close.adding(days: days)
                reversal.amount = -deal.amount
                reversal.orderType = "cancellation"
            }
            if reversal.date <= lastClosed {
                lines.append(
                    DraftLine(date: reversal.date, rank: 2, account: deal.account, value: reversal, original: original))
            }
        }
        for order in orders {
            lines.append(
                DraftLine(
                    date: order.date, rank: 1, account: order.account,
                    value: Transaction(
                        id: "", kind: .order, date: order.date, accountID: accounts[order.account].id,
                        product: "P-SUPPORT",
                        amount: order.amount, orderType: "run-rate", ownerID: order.owner)))
        }
        return lines
    }

    /// Sets each account's `prior_year_sales` and `ttm_sales` to its net sales (all lines, reversals
    /// included, by date) of the two years before the snapshot, rounded to cents.
    func applySales(to accounts: inout [Account], calendar: HistoryCalendar) {
        for index in accounts.indices {
            accounts[index].priorYearSales = 0
            accounts[index].trailingTwelveMonthSales = 0
        }
        let firstEnd = calendar.yearEnd(0)
        let secondEnd = calendar.yearEnd(1)
        for line in lines(accounts, lastClosed: secondEnd) where line.date >= calendar.yearStarts[0] {
            if line.date <= firstEnd {
                accounts[line.account].priorYearSales += line.value.amount
            } else {
                accounts[line.account].trailingTwelveMonthSales += line.value.amount
            }
        }
        for index in accounts.indices {
            accounts[index].priorYearSales = (accounts[index].priorYearSales * 100).rounded() / 100
            accounts[index].trailingTwelveMonthSales = (accounts[index].trailingTwelveMonthSales * 100).rounded() / 100
        }
    }

    /// Opportunities, transactions and activities with ids in date order (ties by account, then draft
    /// order).
    ///
    /// Each deal gets 1 + span/50 activities (span = days from creation to close or the data cut; +1 with probability
    /// 0.3; at most 6) on uniform days of its life, 40 % calls, 20 %
    /// meetings, 40 % emails, written by the account's owner that day. Their latent sentiment is
    /// fate × (0.85 t − 0.05) + N(0, 0.5²), t = the share of the deal's life gone by: won deals drift
    /// positive, lost ones negative (``ActivityTextComposer``).
    func build(
        _ accounts: [Account], ownership: DealOwnership, calendar: HistoryCalendar, random: inout SplitMixGenerator
    )
        -> History
    {
        var history = History()
        let cut = calendar.lastClosed
        let dealOrder = deals.indices.sorted { a, b in
            (deals[a].created, deals[a].account, a) < (deals[b].created, deals[b].account, b)
        }
        var opportunityOfDeal = [OpportunityID](repeating: "", count: deals.count)
        var draftActivities: [(date: CalendarDate, account: Int, value: Activity)] = []
        for (number, index) in dealOrder.enumerated() {
            let deal = deals[index]
            let account = accounts[deal.account]
            let opportunityID = OpportunityID(Self.id("O", number + 1))
            opportunityOfDeal[index] = opportunityID
            var opportunity = Opportunity(
                id: opportunityID, accountID: account.id, ownerID: deal.owner, amount: deal.amount, stage: "Closed Won",
                probability: 1, createdDate: deal.created, closeDate: deal.close, isClosed: true, isWon: true,
                product: deal.product)
            switch deal.outcome {
            case .won:
                opportunity.splits = deal.splits
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
            let lastDay = min(deal.close, cut)
            let span = max(0, deal.created.days(until: lastDay))
            let life = Double(max(1, deal.created.days(until: deal.close)))
            let count = min(6, 1 + span / 50 + (random.bernoulli(0.3) ? 1 : 0))
            for _ in 0..<count {
                let date = deal.created.adding(days: random.int(below: span + 1))
                let progress = Double(deal.created.days(until: date)) / life
                let score = deal.fate * (0.85 * progress - 0.05) + 0.5 * random.normal()
                let kindDraw = random.uniform()
                let kind: Activity.Kind = kindDraw < 0.4 ? .call : kindDraw < 0.6 ? .meeting : .email
                let words = ActivityTextComposer.compose(
                    kind: kind, score: score, product: deal.product, random: &random)
                draftActivities.append(
                    (
                        date, deal.account,
                        Activity(
                            id: "", kind: kind, date: date, accountID: account.id,
                            repID: ownership.owner(ofAccount: deal.account, on: date),
                            opportunityID: opportunityID, subject: words.subject, text: words.text)
                    ))
            }
        }
        history.transactions = numberedTransactions(
            lines(accounts, lastClosed: cut, opportunityOfDeal: opportunityOfDeal))
        let sortedActivities = draftActivities.indices.sorted { a, b in
            (draftActivities[a].date, draftActivities[a].account, a) < (
                draftActivities[b].date, draftActivities[b].account, b
            )
        }
        for (number, index) in sortedActivities.enumerated() {
            var activity = draftActivities[index].value
            activity.id = ActivityID(Self.id("E", number + 1))
            history.activities.append(activity)
        }
        return history
    }

    /// The ledger lines with ids in date order (ties: bookings, orders, reversals; then account and
    /// draft order), each reversal pointing at its booking (always dated earlier).
    private func numberedTransactions(_ lines: [DraftLine]) -> [Transaction] {
        let sorted = lines.indices.sorted { a, b in
            (lines[a].date, lines[a].rank, lines[a].account, a) < (lines[b].date, lines[b].rank, lines[b].account, b)
        }
        var idOfLine = [TransactionID](repeating: "", count: lines.count)
        var result: [Transaction] = []
        result.reserveCapacity(lines.count)
        for (number, index) in sorted.enumerated() {
            var value = lines[index].value
            value.id = TransactionID(Self.id("X", number + 1))
            idOfLine[index] = value.id
            if let original = lines[index].original { value.originalID = idOfLine[original] }
            result.append(value)
        }
        return result
    }
}
