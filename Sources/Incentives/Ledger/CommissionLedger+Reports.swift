import SalesData

/// One person's ledger statement for a period: every posted line and what is paid.
///
/// Invariant: `payable` is the sum of the lines whose kind is payable (all but `draw_forgiveness`).
public struct LedgerStatement: Sendable, Hashable {
    public var person: String
    public var period: CompPeriod
    public var state: PeriodState
    public var lines: [LedgerLine]
    public var payable: Money
}

/// One version of a period as one person saw it.
public struct PersonVersion: Sendable, Hashable {
    public var number: Int
    public var recordedIn: CompPeriod
    public var reason: String?
    public var inputHash: String
    public var earnings: [LedgerEarning]
    public var total: Money
}

extension CommissionLedger {
    /// The statements of `period`, one per person with a posted line, by person id.
    ///
    /// - Throws: ``LedgerError`` when the period has not been calculated.
    public func statements(_ period: CompPeriod) throws -> [LedgerStatement] {
        let state = try store.state()
        let current = state.state(of: period)
        guard current != .open else {
            throw LedgerError(
                field: "period", value: period.description,
                expected: "a calculated period (run `meridian comp run --period \(period)` first)")
        }
        let lines = state.deposits.filter { $0.period == period }
        return Dictionary(grouping: lines, by: \.person).keys.sorted().map { person in
            let own = lines.filter { $0.person == person }
            return LedgerStatement(
                person: person, period: period, state: current, lines: own,
                payable: own.filter(\.kind.isPayable).reduce(.zero) { $0 + $1.amount })
        }
    }

    /// Every version of `period` for `person` recorded by the end of the month containing `asOf`
    /// (all versions when `nil`), oldest first.
    ///
    /// - Throws: ``LedgerError`` when the period has no version, or `person` has no earning in any of them.
    public func history(person: String, period: CompPeriod, asOf: CalendarDate? = nil) throws -> [PersonVersion] {
        let versions = try store.state().versions(of: period)
        guard !versions.isEmpty else {
            throw LedgerError(field: "--period", value: period.description, expected: "a period in the ledger")
        }
        guard versions.contains(where: { $0.earnings.contains { $0.person == person } }) else {
            let known = Set(versions.flatMap { $0.earnings.map(\.person) }).sorted().prefix(5)
            throw LedgerError(
                field: "--person", value: person,
                expected: "a person with earnings in \(period) (for example \(known.joined(separator: ", ")))")
        }
        let month = asOf.map(CompPeriod.init(containing:))
        return versions.filter { version in month.map { !($0 < version.recordedIn) } ?? true }.map { version in
            let earnings = version.earnings.filter { $0.person == person }
            return PersonVersion(
                number: version.number, recordedIn: version.recordedIn, reason: version.reason,
                inputHash: version.inputHash, earnings: earnings,
                total: earnings.reduce(.zero) { $0 + $1.amount })
        }
    }

    /// The payroll rows of a paid period: one per person × earning code, with the batch id.
    ///
    /// - Throws: ``LedgerError`` when the period is not paid.
    public func payroll(_ period: CompPeriod) throws -> [PaymentRecord] {
        let state = try store.state()
        guard state.state(of: period) == .paid else {
            throw LedgerError(
                field: "--period", value: "\(period) (\(state.state(of: period).rawValue))",
                expected: "a paid period: payroll is exported after `meridian comp pay`")
        }
        return state.payments.filter { $0.period == period }
    }

    /// The commission costs of the paid periods through `last`, for ASC 340-40: per person, component and
    /// month, the net of earnings, prior-period adjustments and clawbacks; non-recoverable draw top-ups and
    /// forgiven balances as non-incremental costs.
    ///
    /// Holds do not move a cost (it is incurred when earned); recoverable advances and recoveries are a
    /// receivable, not a cost. A negative net (a clawback larger than the month's earnings) reverses
    /// expense in its month (`EXP-REVERSAL`).
    public func commissionCosts(through last: CompPeriod, policy: LedgerPolicy) throws -> [CommissionCost] {
        let state = try store.state()
        let paid = Set(state.periods.filter { $0.state == .paid && !(last < $0.period) }.map(\.period))
        var sums: [String: (line: LedgerLine, component: String, amount: Money)] = [:]
        var order: [String] = []
        for line in state.deposits where paid.contains(line.period) {
            let component: String
            switch line.kind {
            case .earning, .priorPeriodAdjustment, .clawback: component = line.component
            case .drawAdvance:
                // a non-recoverable draw's advance is a top-up; a recoverable one a receivable
                guard line.reason == Self.topUpReason else { continue }
                component = "draw-top-up"
            case .drawForgiveness: component = "draw-top-up"
            case .drawRecovery, .hold, .holdRelease: continue
            }
            let key = "\(line.person)/\(component)/\(line.period)"
            if sums[key] == nil { order.append(key) }
            sums[key, default: (line, component, .zero)].amount += line.amount
        }
        return order.compactMap { key in
            guard let (line, component, amount) = sums[key], amount != .zero else { return nil }
            let profile =
                component == "draw-top-up"
                ? LedgerPolicy.CostProfile(category: .drawTopUp)
                : policy.accounting[component] ?? LedgerPolicy.CostProfile(category: .mbo)
            return CommissionCost(
                id: key, person: line.person, contract: key, category: profile.category, amount: amount,
                incurred: line.period, contractMonths: profile.contractMonths,
                expectedBenefitMonths: profile.expectedBenefitMonths,
                renewalCommensurate: profile.renewalCommensurate)
        }
    }
}
