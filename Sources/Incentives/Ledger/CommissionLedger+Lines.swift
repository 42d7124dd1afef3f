import SalesData

extension CommissionLedger {
    /// The transactions that refunds and cancellations name as their original (by id; the last line of
    /// an id wins), found in one pass without indexing every transaction.
    static func originals(in transactions: [Transaction]) -> [TransactionID: Transaction] {
        var wanted: Set<TransactionID> = []
        for t in transactions where t.kind.isReversal {
            if let original = t.originalID { wanted.insert(original) }
        }
        guard !wanted.isEmpty else { return [:] }
        var originals: [TransactionID: Transaction] = [:]
        for t in transactions where t.originalID == nil && wanted.contains(t.id) { originals[t.id] = t }
        return originals
    }

    /// The reason of a non-recoverable draw's advance line (a top-up never owed).
    static let topUpReason = "non-recoverable top-up"

    /// Clawback lines for the refunds and cancellations dated in `period` whose original transaction is
    /// dated in an earlier, paid month: ``ClawbackPolicy`` applied to what the original paid each person and
    /// component (its attributed statement lines in the latest version of that month).
    func clawbacks(in period: CompPeriod, input: LedgerInput, prior: LedgerState) throws(LedgerError) -> [LedgerLine] {
        guard let policy = input.policy.clawback else { return [] }
        let originals = Self.originals(in: input.request.transactions)
        var lines: [LedgerLine] = []
        for reversal in input.request.transactions where reversal.kind.isReversal {
            guard CompPeriod(containing: reversal.date) == period, let id = reversal.originalID,
                let original = originals[id]
            else { continue }
            let paidIn = CompPeriod(containing: original.date)
            guard paidIn < period, prior.state(of: paidIn) == .paid, let latest = prior.versions(of: paidIn).last
            else { continue }
            let field = "transactions[\(reversal.id)]"
            guard let deal = Money(exactly: original.amount), deal > .zero else {
                throw LedgerError(field: field, value: "\(original.amount)", expected: "an original amount > 0")
            }
            let refunded = reversal.kind == .cancellation ? deal : Money(exactly: -reversal.amount) ?? .zero
            guard refunded >= .zero, refunded <= deal else {
                throw LedgerError(
                    field: field + ".amount", value: "\(reversal.amount)",
                    expected: "a refund between 0 and -\(deal.description) (the original \(id))")
            }
            var paid: [String: Money] = [:]
            var order: [String] = []
            for a in latest.attributions where a.transaction == id.rawValue {
                let key = "\(a.person)/\(paidIn)/\(a.component)/\(id)"
                if paid[key] == nil { order.append(key) }
                paid[key, default: .zero] += a.amount
            }
            for key in order {
                guard let amount = paid[key], amount > .zero else { continue }
                let parts = key.split(separator: "/").map(String.init)
                let originalLine = LedgerLine(
                    id: key, person: parts[0], period: paidIn, kind: .earning, component: parts[2], amount: amount)
                let reason = "\(reversal.kind.rawValue) \(reversal.id) of \(id) (\(original.date))"
                guard
                    var line = try policy.clawback(
                        of: originalLine, dealAmount: deal, refunded: refunded,
                        monthsInForce: Self.wholeMonths(from: original.date, to: reversal.date), reason: reason,
                        postedIn: period)
                else { continue }
                line.id = "\(key)/clawback/\(reversal.id)"
                lines.append(line)
            }
        }
        return lines
    }

    /// Whole months from `start` to `end` (a month counts once its day of month is reached).
    static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int {
        let months = (end.year - start.year) * 12 + end.month - start.month
        return max(0, end.day < start.day ? months - 1 : months)
    }

    /// Hold lines for this period's earnings under the hold rules, and release lines for earlier holds
    /// whose condition is met by the end of `period`.
    func holdAndRelease(in period: CompPeriod, own: VersionRecord, input: LedgerInput, prior: LedgerState)
        -> ([LedgerLine], [HoldRecord])
    {
        var lines: [LedgerLine] = []
        var holds: [HoldRecord] = []
        let released = Set(prior.deposits.filter { $0.kind == .holdRelease }.compactMap(\.references))
        for hold in prior.holds where !released.contains(hold.id) && hold.period < period {
            let due: Bool
            switch hold.condition {
            case "after_periods": due = (try? CompPeriod(parsing: hold.releaseAfter)).map { !(period < $0) } ?? false
            case "after_days": due = (try? CalendarDate(iso8601: hold.releaseAfter)).map { $0 <= period.last } ?? false
            default: due = input.customerPayments[TransactionID(hold.releaseAfter)].map { $0 <= period.last } ?? false
            }
            guard due else { continue }
            lines.append(
                LedgerLine(
                    id: "\(hold.id)/release", person: hold.person, period: period, kind: .holdRelease,
                    component: hold.component, amount: hold.amount, references: hold.id,
                    reason: "released: \(hold.condition.replacingOccurrences(of: "_", with: " ")) \(hold.releaseAfter)")
            )
        }
        for rule in input.policy.holds {
            for earning in own.earnings where rule.components.contains(earning.component) && earning.amount > .zero {
                let earned = "\(earning.person)/\(period)/\(earning.component)"
                var pieces: [(id: String, amount: Money, condition: String, after: String)] = []
                switch rule.release {
                case .afterPeriods(let n):
                    let month = period.adding(months: n)?.description ?? "9999-12"
                    pieces.append((earned + "/hold", earning.amount, "after_periods", month))
                case .afterDays(let n):
                    pieces.append(
                        (earned + "/hold", earning.amount, "after_days", period.last.adding(days: n).description))
                case .customerPayment:
                    for a in own.attributions
                    where a.person == earning.person && a.component == earning.component && a.amount > .zero {
                        if let paid = input.customerPayments[TransactionID(a.transaction)], paid <= period.last {
                            continue
                        }
                        pieces.append((earned + "/hold/" + a.transaction, a.amount, "customer_payment", a.transaction))
                    }
                }
                for piece in pieces {
                    holds.append(
                        HoldRecord(
                            id: piece.id, person: earning.person, period: period, component: earning.component,
                            amount: piece.amount, condition: piece.condition, releaseAfter: piece.after))
                    lines.append(
                        LedgerLine(
                            id: piece.id, person: earning.person, period: period, kind: .hold,
                            component: earning.component, amount: -piece.amount, references: earned,
                            reason:
                                "held until \(piece.condition.replacingOccurrences(of: "_", with: " ")) \(piece.after)"
                        ))
                }
            }
        }
        return (lines, holds)
    }

    /// Draw lines and records: for each person calculated in `period` whom a draw rule covers,
    /// ``DrawSchedule`` applied to what the person's lines pay so far; at termination the balance is settled.
    func draws(
        in period: CompPeriod, people: [Rep], calculated: Set<String>, posted: [LedgerLine], policy: LedgerPolicy,
        prior: LedgerState
    ) throws(LedgerError) -> ([LedgerLine], [DrawRecord]) {
        guard !policy.draws.isEmpty else { return ([], []) }
        var earned: [String: Money] = [:]
        for line in posted where line.kind.isPayable { earned[line.person, default: .zero] += line.amount }
        var lines: [LedgerLine] = []
        var records: [DrawRecord] = []
        for rep in people where calculated.contains(rep.id.rawValue) {
            guard let rule = policy.draws.first(where: { $0.covers(rep, in: period) }) else { continue }
            let person = rep.id.rawValue
            let schedule = try DrawSchedule(terms: rule.terms)
            let balance = prior.draws.last { $0.person == person && $0.period < period }?.draw.balance ?? .zero
            var draw = schedule.period(
                index: rule.start.months(until: period), earned: earned[person] ?? .zero, balance: balance)
            let id = "\(person)/\(period)/draw"
            if draw.advance > .zero {
                lines.append(
                    LedgerLine(
                        id: id + "/advance", person: person, period: period, kind: .drawAdvance, component: "draw",
                        amount: draw.advance,
                        reason: rule.terms.kind == .recoverable ? "recoverable advance" : Self.topUpReason))
            }
            if draw.recovered > .zero {
                lines.append(
                    LedgerLine(
                        id: id + "/recovery", person: person, period: period, kind: .drawRecovery, component: "draw",
                        amount: -draw.recovered, reason: "recovery of the draw balance"))
            }
            var settlement = DrawSettlement(forgiven: .zero, owed: .zero)
            if let leaving = rep.terminationDate, leaving <= period.last.adding(days: 1), draw.balance > .zero {
                settlement = schedule.terminate(balance: draw.balance)
                if settlement.forgiven > .zero {
                    lines.append(
                        LedgerLine(
                            id: id + "/forgiveness", person: person, period: period, kind: .drawForgiveness,
                            component: "draw", amount: settlement.forgiven,
                            reason: "balance forgiven at termination \(leaving)"))
                }
                draw.balance = .zero
            }
            records.append(
                DrawRecord(
                    person: person, period: period, draw: draw, forgiven: settlement.forgiven, owed: settlement.owed))
        }
        return (lines, records)
    }
}
