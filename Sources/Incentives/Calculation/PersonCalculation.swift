import SalesData

/// The outcome for one person.
struct PersonOutcome: Sendable {
    var measurements: [Measurement]
    var earnings: [Earning]
    var statement: Statement
}

/// One person's period: every component's figures, earnings and statement lines.
struct PersonCalculation: Sendable {
    let rep: Rep
    let plan: CompPlan
    let version: PlanVersion
    /// The person's credits of the plan year to date.
    let credits: [Credit]
    let request: CompRequest
    let transactions: [Transaction]
    /// Per component filter (``filterKey(_:)``): whether each transaction of the request qualifies.
    let masks: [String: [Bool]]

    var period: CompPeriod { request.period }

    func run() throws(IncentivesError) -> PersonOutcome {
        var measurements: [Measurement] = []
        var earnings: [Earning] = []
        var lines: [StatementLine] = []
        for component in version.components {
            let outcome = try earn(component)
            if let measurement = outcome.measurement { measurements.append(measurement) }
            earnings.append(outcome.earning)
            lines += outcome.lines
        }
        let total = lines.reduce(Money.zero) { $0 + $1.amount }
        let statement = Statement(
            person: rep.id, name: rep.name, plan: plan.id, planVersion: version.effective, lines: lines, total: total)
        return PersonOutcome(measurements: measurements, earnings: earnings, statement: statement)
    }

    // MARK: - Windows, proration, target

    /// Days employed in `window` ÷ days in it.
    func proration(_ window: CompPeriod.Window) -> ExactAmount {
        let start = max(window.start.daysSinceEpoch, rep.hireDate?.daysSinceEpoch ?? Int.min)
        let end = min(window.end.daysSinceEpoch + 1, rep.terminationDate?.daysSinceEpoch ?? Int.max)
        return ExactAmount(numerator: Int128(max(0, end - start)), denominator: Int128(window.days))
    }

    /// The component's target incentive for `window`: annual TI × weight × months/12 (× days in seat).
    func target(_ component: PlanComponent, _ window: CompPeriod.Window) -> ExactAmount {
        var value =
            ExactAmount(version.targetIncentive) * component.weight.exact
            * ExactAmount(numerator: Int128(window.months), denominator: 12)
        if version.prorateTarget { value = value * proration(window) }
        return value
    }

    // MARK: - Credit

    /// Whether transaction `index` passes `component`'s filter (and, for `bookings`, is not an order).
    static func matches(_ component: PlanComponent, _ t: Transaction) -> Bool {
        if component.measure == .bookings && t.kind == .order { return false }
        for (column, values) in component.filter {
            let value: String?
            switch TransactionFilterColumn(rawValue: column) {
            case .type: value = t.kind.rawValue
            case .product: value = t.product?.rawValue
            case .order_type: value = t.orderType
            case .account: value = t.accountID.rawValue
            case .currency: value = t.currency
            case .opportunity: value = t.opportunityID?.rawValue
            case nil: value = nil
            }
            guard let value, values.contains(value) else { return false }
        }
        return true
    }

    /// Components with equal keys select the same transactions.
    static func filterKey(_ component: PlanComponent) -> String {
        (component.measure == .bookings ? "B" : "A")
            + component.filter.keys.sorted().map {
                "\u{1F}\($0)=\(component.filter[$0, default: []].sorted().joined(separator: "\u{1E}"))"
            }.joined()
    }

    /// The credits counted by `component` dated in `from...through`.
    func qualifying(_ component: PlanComponent, from: CalendarDate, through: CalendarDate) -> [Credit] {
        let mask = masks[Self.filterKey(component)]
        let kinds = component.creditKinds
        return credits.filter { credit in
            credit.date >= from && credit.date <= through && kinds.contains(credit.kind)
                && (mask.map { $0[credit.transactionIndex] }
                    ?? Self.matches(component, transactions[credit.transactionIndex]))
        }
    }

    /// The measure of `component` over its credits dated in `from...through`, in cents (units: 100 each),
    /// and how many credits counted; allocates nothing.
    func measure(_ component: PlanComponent, from: CalendarDate, through: CalendarDate) -> (total: Int64, count: Int) {
        let mask = masks[Self.filterKey(component)]
        let kinds = component.creditKinds
        var total: Int64 = 0
        var count = 0
        for credit in credits where credit.date >= from && credit.date <= through && kinds.contains(credit.kind) {
            guard
                mask.map({ $0[credit.transactionIndex] })
                    ?? Self.matches(component, transactions[credit.transactionIndex])
            else {
                continue
            }
            total += value(of: credit, component.measure)
            count += 1
        }
        return (total, count)
    }

    /// The measured value of one credit in cents (units count 100 per transaction, signed).
    func value(of credit: Credit, _ measure: PlanComponent.Measure) -> Int64 {
        switch measure {
        case .bookings, .revenue: return credit.amount.cents
        case .units: return credit.amount.cents < 0 ? -100 : 100
        }
    }

    // MARK: - Quota

    /// The quota of `component` for `window`, with the rule that produced it and whether the quota step
    /// already fitted it to the seat (``QuotaBook/isFittedToSeat(_:)``).
    func quota(_ component: PlanComponent, _ window: CompPeriod.Window) throws(IncentivesError) -> (
        ExactAmount, String, fitted: Bool
    ) {
        let book = request.quotas
        var value: ExactAmount
        var rule: String
        // Quotas the quota step fitted to a starting or ramping seat are not prorated or ramped again.
        var fitted = false
        if let own = book.amount(name: component.quota, id: rep.id.rawValue, window: window) {
            value = ExactAmount(own)
            rule = "quota '\(component.quota)' of \(rep.id) for \(window.label) \(own.formatted)"
            fitted = book.isFittedToSeat(rep.id.rawValue)
            if version.prorateQuota, !fitted, proration(window) < .one {
                let p = proration(window)
                value = value * p
                rule += " × days in seat \(p)"
            }
        } else if let nodes = request.ownedNodes[rep.id], !nodes.isEmpty,
            case let amounts = nodes.compactMap({ book.amount(name: component.quota, id: $0.rawValue, window: window) }),
            amounts.count == nodes.count
        {
            value = ExactAmount(amounts.reduce(Money.zero, +))
            rule =
                "quota '\(component.quota)' of \(nodes.map(\.rawValue).joined(separator: " + ")) (owned by \(rep.id)) for \(window.label) \(value.rounded().formatted)"
            fitted = nodes.allSatisfy { book.isFittedToSeat($0.rawValue) }
            if version.prorateQuota, !fitted, proration(window) < .one {
                value = value * proration(window)
                rule += " × days in seat \(proration(window))"
            }
        } else {
            let seats = request.alignment.seats(of: rep.id).filter {
                $0.from <= window.end.daysSinceEpoch && $0.until > window.start.daysSinceEpoch
            }
            guard !seats.isEmpty else { throw missingQuota(component, window) }
            value = .zero
            var parts: [String] = []
            fitted = seats.allSatisfy { book.isFittedToSeat($0.territory.rawValue) }
            for seat in seats {
                guard let amount = book.amount(name: component.quota, id: seat.territory.rawValue, window: window)
                else {
                    throw missingQuota(component, window)
                }
                let days = min(seat.until, window.end.daysSinceEpoch + 1) - max(seat.from, window.start.daysSinceEpoch)
                value =
                    value + ExactAmount(amount) * ExactAmount(numerator: Int128(days), denominator: Int128(window.days))
                parts.append("\(seat.territory) \(amount.formatted) × \(days)/\(window.days) days")
            }
            rule =
                "quota '\(component.quota)' for \(window.label) blended by days held: " + parts.joined(separator: " + ")
        }
        if fitted {
            rule += " (already fitted to the seat's start and ramp by the quota step)"
        } else if !version.ramp.isEmpty, let hire = rep.hireDate {
            // The mean ramp over the window's months in seat (months before the hire are prorated away).
            var sum = ExactAmount.zero
            var months = 0
            for month in window.periods {
                let index = (month.year - hire.year) * 12 + month.month - hire.month
                guard index >= 0 else { continue }
                sum = sum + (index < version.ramp.count ? version.ramp[index].exact : .one)
                months += 1
            }
            let factor = months == 0 ? ExactAmount.one : sum * ExactAmount(numerator: 1, denominator: Int128(months))
            if factor < .one {
                value = value * factor
                rule += " × ramp \(factor.rate)"
            }
        }
        return (value, rule + " = \(value.rounded().formatted)", fitted)
    }

    private func missingQuota(_ component: PlanComponent, _ window: CompPeriod.Window) -> IncentivesError {
        component.quotaLocation.error(
            component.quota,
            expected:
                "a quota named '\(component.quota)' for \(rep.id) or a territory it holds, for \(window.label), in the quota file"
        )
    }
}
