import SalesData

/// Periods on a transactional ledger: run (calculate and post), approve, pay; prior-period adjustments,
/// clawbacks, holds and draws as posted lines.
///
/// ```swift
/// let ledger = CommissionLedger(store: try SQLiteLedgerStore(path: "ledger.sqlite"))
/// let summary = try ledger.run(march, input: input)   // calculated
/// try ledger.approve(march)
/// try ledger.pay(march)                                // closed: immutable from now on
/// ```
///
/// Rules (see `docs/commission-accounting.md`, "The ledger"):
/// - One unpaid period at a time: a period is run after every earlier period of the ledger is paid, and
///   it is the month after the last paid one.
/// - Re-running an unpaid, unapproved period replaces its draft; with the same inputs it writes nothing.
/// - A run recalculates every paid period of the same plan year whose inputs changed; when its earnings
///   changed it becomes a new version (recorded in the run's period) and the differences are posted in the
///   run's period as `prior_period_adjustment` lines.
/// - A refund or cancellation whose original transaction is dated in an earlier month is left out of the
///   calculation; the clawback policy recovers the commission the original paid instead.
public struct CommissionLedger: Sendable {
    public let store: any LedgerStore

    public init(store: any LedgerStore) {
        self.store = store
    }

    /// What a run did.
    public struct RunSummary: Sendable, Hashable {
        public var period: CompPeriod
        /// The inputs were those of the stored calculation: nothing was written.
        public var unchanged: Bool
        public var people: Int
        /// Every payable line posted in the period.
        public var total: Money
        /// Restated closed periods: (period, new version number).
        public var restated: [CompPeriod: Int]
        public var lines: [LedgerLine.Kind: Int]
        public var inputHash: String

        /// A few lines for the terminal.
        public var text: String {
            var text = "comp run \(period): \(unchanged ? "unchanged (same inputs; nothing written)" : "calculated")\n"
            text += "  people: \(people), payable total: \(total.formatted)\n"
            for kind in LedgerLine.Kind.allCases {
                if let count = lines[kind] { text += "  \(kind.rawValue) lines: \(count)\n" }
            }
            for (closed, version) in restated.sorted(by: { $0.key < $1.key }) {
                text += "  restated \(closed) as version \(version)\n"
            }
            text += "  inputs sha256: \(inputHash)\n"
            return text
        }
    }

    /// Calculates `period` and posts its lines, in one transaction.
    ///
    /// - Throws: ``LedgerError`` for an approved or paid period, an earlier unpaid period, or a gap after
    ///   the last paid one; ``IncentivesError`` from the calculation (bad data, missing quota).
    /// - Complexity: one calculation of `period`, plus one per paid period of the plan year whose inputs
    ///   changed.
    @discardableResult
    public func run(_ period: CompPeriod, input: LedgerInput) throws -> RunSummary {
        let state = try store.state()
        try Self.checkRunnable(period, state: state)
        let digests = input.monthlyDigests(year: period.year)
        let (hash, parts) = input.hash(of: period, digests: digests)
        if let record = state.periods.first(where: { $0.period == period }), record.inputHash == hash {
            let posted = state.deposits.filter { $0.period == period }
            return summary(period, posted, people: Set(posted.map(\.person)).count, restated: [:], hash, true)
        }
        let request = Self.engineRequest(input.request)
        let result = try calculate(request, period)
        let own = Self.version(result, period: period, number: 1, recordedIn: period, reason: nil, hash, parts)
        var posting = PeriodPosting(
            period: period, inputHash: hash, versions: [own], deposits: [], adjustments: [], draws: [], holds: [])
        posting.deposits = own.earnings.filter { $0.amount != .zero }.map { earning in
            LedgerLine(
                id: "\(earning.person)/\(period)/\(earning.component)", person: earning.person, period: period,
                kind: .earning, component: earning.component, amount: earning.amount)
        }
        // Prior state: everything recorded before this period (its own draft is replaced).
        var prior = state
        prior.versions.removeAll { $0.recordedIn == period }
        prior.deposits.removeAll { $0.period == period }
        prior.draws.removeAll { $0.period == period }
        prior.holds.removeAll { $0.period == period }
        var restated: [CompPeriod: Int] = [:]
        for record in prior.periods where record.state == .paid && record.period.year == period.year {
            let closed = record.period
            guard closed < period, let latest = prior.versions(of: closed).last else { continue }
            let (closedHash, closedParts) = input.hash(of: closed, digests: digests)
            guard closedHash != latest.inputHash else { continue }
            let recalculated = try calculate(request, closed)
            let reason = Self.reason(changed: latest.inputs, now: closedParts)
            let next = Self.version(
                recalculated, period: closed, number: latest.number + 1, recordedIn: period, reason: reason,
                closedHash, closedParts)
            guard next.earnings.map(Self.amountKey) != latest.earnings.map(Self.amountKey) else { continue }
            let (lines, adjustments) = try adjust(prior.versions(of: closed), to: next, postedIn: period)
            posting.versions.append(next)
            posting.deposits += lines
            posting.adjustments += adjustments
            restated[closed] = next.number
            prior.versions.append(next)
        }
        posting.deposits += try clawbacks(in: period, input: input, prior: prior)
        let (holdLines, holds) = holdAndRelease(in: period, own: own, input: input, prior: prior)
        posting.deposits += holdLines
        posting.holds = holds
        let (drawLines, draws) = try self.draws(
            in: period, people: input.request.people, calculated: Set(result.statements.map(\.person.rawValue)),
            posted: posting.deposits, policy: input.policy, prior: prior)
        posting.deposits += drawLines
        posting.draws = draws
        try store.post(posting)
        return summary(period, posting.deposits, people: result.statements.count, restated: restated, hash, false)
    }

    /// Marks a calculated period approved (its calculation is frozen).
    ///
    /// - Throws: ``LedgerError`` when the period is not calculated (never run, already approved or paid).
    public func approve(_ period: CompPeriod) throws {
        try store.advance(period, from: .calculated, to: .approved, payments: [])
    }

    /// Pays an approved period: writes one payment per person × earning code and closes the period.
    ///
    /// - Returns: the payments written (the payroll rows).
    /// - Throws: ``LedgerError`` when the period is not approved.
    @discardableResult
    public func pay(_ period: CompPeriod, currency: String = "USD") throws -> [PaymentRecord] {
        let state = try store.state()
        guard let record = state.periods.first(where: { $0.period == period }), record.state == .approved else {
            throw LedgerError(
                field: "period", value: "\(period) (\(state.state(of: period).rawValue))",
                expected: "an approved period (run and approve it before paying)")
        }
        let batch = "MER-\(period)-\(record.inputHash.prefix(8))"
        var sums: [String: [String: Money]] = [:]
        for line in state.deposits where line.period == period && line.kind.isPayable {
            sums[line.person, default: [:]][line.kind.earningCode, default: .zero] += line.amount
        }
        var payments: [PaymentRecord] = []
        for person in sums.keys.sorted() {
            guard let codes = sums[person] else { continue }
            for code in codes.keys.sorted() {
                guard let amount = codes[code], amount != .zero else { continue }
                payments.append(
                    PaymentRecord(
                        person: person, period: period, earningCode: code, amount: amount, currency: currency,
                        batch: batch))
            }
        }
        try store.advance(period, from: .approved, to: .paid, payments: payments)
        return payments
    }

    // MARK: - Steps

    static func checkRunnable(_ period: CompPeriod, state: LedgerState) throws(LedgerError) {
        let current = state.state(of: period)
        guard current == .open || current == .calculated else {
            throw LedgerError(
                field: "period", value: "\(period) (\(current.rawValue))",
                expected:
                    "an open or calculated period: \(current == .paid ? "a paid period is closed and immutable; changes reaching it post as adjustments in the open period" : "an approved period is frozen; pay it first")"
            )
        }
        if let unpaid = state.periods.first(where: { $0.state != .paid && $0.period != period }) {
            throw LedgerError(
                field: "period", value: period.description,
                expected: "\(unpaid.period) (\(unpaid.state.rawValue)) paid first: one period is open at a time")
        }
        if current == .open, let last = state.periods.last?.period, let next = last.adding(months: 1), next != period {
            throw LedgerError(
                field: "period", value: period.description,
                expected: "\(next), the month after the last paid period \(last)")
        }
    }

    /// The request the engine sees: reversals of transactions dated in an earlier month are left to the
    /// clawback policy.
    static func engineRequest(_ request: CompRequest) -> CompRequest {
        let originals = originals(in: request.transactions)
        guard !originals.isEmpty else { return request }
        var copy = request
        copy.transactions = request.transactions.filter { t in
            guard t.kind.isReversal, let original = t.originalID, let day = originals[original]?.date else {
                return true
            }
            return CompPeriod(containing: day) == CompPeriod(containing: t.date)
        }
        return copy
    }

    private func calculate(_ request: CompRequest, _ period: CompPeriod) throws -> CompResult {
        var copy = request
        copy.period = period
        return try CompCalculator().calculate(copy)
    }

    static func version(
        _ result: CompResult, period: CompPeriod, number: Int, recordedIn: CompPeriod, reason: String?,
        _ hash: String, _ parts: [String: String]
    ) -> VersionRecord {
        let earnings = result.earnings.map { e in
            LedgerEarning(
                person: e.person.rawValue, plan: e.plan, component: e.component, amount: e.amount, toDate: e.toDate,
                paidBefore: e.paidBefore, tier: e.tier, rate: e.rate, cap: e.cap)
        }
        var attributions: [Attribution] = []
        for statement in result.statements {
            for line in statement.lines {
                guard let transaction = line.transactionID, line.amount != .zero else { continue }
                attributions.append(
                    Attribution(
                        person: statement.person.rawValue, component: line.component, transaction: transaction.rawValue,
                        amount: line.amount))
            }
        }
        return VersionRecord(
            period: period, number: number, recordedIn: recordedIn, reason: reason, inputHash: hash, inputs: parts,
            credits: result.credits, measurements: result.measurements, earnings: earnings, attributions: attributions)
    }

    private static func amountKey(_ earning: LedgerEarning) -> String {
        "\(earning.person)\u{1F}\(earning.component)\u{1F}\(earning.amount.cents)"
    }

    /// `inputs changed: quotas, transactions`.
    static func reason(changed before: [String: String], now: [String: String]) -> String {
        let names = Set(before.keys).union(now.keys).filter { before[$0] != now[$0] && $0 != "period" }.sorted()
        return "inputs changed: " + (names.isEmpty ? "recalculated" : names.joined(separator: ", "))
    }

    /// The adjustment lines (and records) between the latest of `versions` and `next`, through
    /// ``PeriodHistory``.
    private func adjust(_ versions: [VersionRecord], to next: VersionRecord, postedIn period: CompPeriod)
        throws(LedgerError) -> ([LedgerLine], [AdjustmentRecord])
    {
        func lines(_ version: VersionRecord) -> [LedgerLine] {
            version.earnings.map { e in
                LedgerLine(
                    id: "\(e.person)/\(version.period)/\(e.component)", person: e.person, period: version.period,
                    kind: .earning, component: e.component, amount: e.amount)
            }
        }
        guard let first = versions.first, let latest = versions.last else { return ([], []) }
        var history = try PeriodHistory(original: lines(first), period: first.period, recordedIn: first.recordedIn)
        for version in versions.dropFirst() {
            _ = try history.restate(
                lines: lines(version), recordedIn: version.recordedIn, reason: version.reason ?? "restated")
        }
        let posted = try history.restate(lines: lines(next), recordedIn: period, reason: next.reason ?? "restated")
        let records = posted.map { line in
            AdjustmentRecord(
                line: line.id, period: next.period, fromVersion: latest.number, toVersion: next.number,
                postedIn: period, person: line.person, component: line.component, amount: line.amount,
                reason: line.reason ?? "")
        }
        return (posted, records)
    }

    private func summary(
        _ period: CompPeriod, _ lines: [LedgerLine], people: Int, restated: [CompPeriod: Int], _ hash: String,
        _ unchanged: Bool
    ) -> RunSummary {
        var counts: [LedgerLine.Kind: Int] = [:]
        for line in lines { counts[line.kind, default: 0] += 1 }
        let total = lines.filter(\.kind.isPayable).reduce(Money.zero) { $0 + $1.amount }
        return RunSummary(
            period: period, unchanged: unchanged, people: people, total: total, restated: restated, lines: counts,
            inputHash: hash)
    }
}
