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
    let credits: PersonCredits
    let request: CompRequest
    let transactions: [Transaction]
    /// Per component filter (``filterKey(_:)``): whether each transaction of the request qualifies.
    let masks: [String: [Bool]]
    /// Per ``seriesKey(_:)``: the measure summed per day of the plan year (filled by ``run()``).
    var series: [String: DaySeries] = [:]

    var period: CompPeriod { request.period }

    init(
        rep: Rep, plan: CompPlan, version: PlanVersion, credits: PersonCredits, request: CompRequest,
        transactions: [Transaction], masks: [String: [Bool]]
    ) {
        self.rep = rep
        self.plan = plan
        self.version = version
        self.credits = credits
        self.request = request
        self.transactions = transactions
        self.masks = masks
    }

    func run() throws(IncentivesError) -> PersonOutcome {
        var prepared = self
        prepared.series = daySeries()
        return try prepared.calculate()
    }

    private func calculate() throws(IncentivesError) -> PersonOutcome {
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

    /// Components with equal keys measure the same credits the same way.
    static func seriesKey(_ component: PlanComponent) -> String {
        filterKey(component) + "\u{1D}" + component.creditKinds.map(\.rawValue).sorted().joined(separator: ",")
            + "\u{1D}" + component.measure.rawValue
    }

    /// Whether row `row` of the credit table counts for a component reading `kinds` through `mask`.
    private func counts(_ row: Int, _ component: PlanComponent, _ kinds: Set<CreditKind>, _ mask: [Bool]?) -> Bool {
        let table = credits.table
        guard kinds.contains(table.kind[row]) else { return false }
        let t = Int(table.transaction[row])
        return mask.map { $0[t] } ?? Self.matches(component, transactions[t])
    }

    /// The measured value of row `row` in cents (units count 100 per transaction, signed).
    private func value(_ row: Int, _ measure: PlanComponent.Measure) -> Int64 {
        let amount = credits.table.amount[row]
        switch measure {
        case .bookings, .revenue: return amount
        case .units: return amount < 0 ? -100 : 100
        }
    }

    /// Every quota and MBO component's measure summed per day of the plan year to date, one pass over the
    /// person's credits per distinct ``seriesKey(_:)``.
    func daySeries() -> [String: DaySeries] {
        let first = (CalendarDate(year: period.year, month: 1, day: 1) ?? period.first).daysSinceEpoch
        let last = period.last.daysSinceEpoch
        var series: [String: DaySeries] = [:]
        for component in version.components {
            if case .spiff = component.kind { continue }
            let key = Self.seriesKey(component)
            guard series[key] == nil else { continue }
            var sums = [Int64](repeating: 0, count: last - first + 2)
            var counted = [Int](repeating: 0, count: last - first + 2)
            let mask = masks[Self.filterKey(component)]
            let kinds = component.creditKinds
            for range in [credits.earlier, credits.month] {
                for row in range where counts(row, component, kinds, mask) {
                    let day = Int(credits.days[Int(credits.table.transaction[row])]) - first
                    sums[day + 1] += value(row, component.measure)
                    counted[day + 1] += 1
                }
            }
            for day in 1..<sums.count {
                sums[day] += sums[day - 1]
                counted[day] += counted[day - 1]
            }
            series[key] = DaySeries(first: first, sums: sums, counts: counted)
        }
        return series
    }

    /// The credits of the period's month counted by `component`, up to `limit` of them (all when `nil`),
    /// with how many there are and their total amount in cents.
    func monthCredits(_ component: PlanComponent, limit: Int? = nil) -> (
        credits: [Credit], count: Int, total: Int64
    ) {
        let mask = masks[Self.filterKey(component)]
        let kinds = component.creditKinds
        var found: [Credit] = []
        var count = 0
        var total: Int64 = 0
        for row in credits.month where counts(row, component, kinds, mask) {
            count += 1
            total += credits.table.amount[row]
            if limit.map({ count <= $0 }) ?? true { found.append(credits.table.row(row)) }
        }
        return (found, count, total)
    }

    /// The measure of `component` over its credits dated in `from...through`, in cents (units: 100 each),
    /// and how many credits counted; allocates nothing.
    func measure(_ component: PlanComponent, from: CalendarDate, through: CalendarDate) -> (total: Int64, count: Int) {
        if let series = series[Self.seriesKey(component)] {
            return series.sum(from: from.daysSinceEpoch, through: through.daysSinceEpoch)
        }
        let mask = masks[Self.filterKey(component)]
        let kinds = component.creditKinds
        let (low, high) = (from.daysSinceEpoch, through.daysSinceEpoch)
        var total: Int64 = 0
        var count = 0
        for range in [credits.earlier, credits.month] {
            for row in range where counts(row, component, kinds, mask) {
                let day = Int(credits.days[Int(credits.table.transaction[row])])
                guard day >= low, day <= high else { continue }
                total += value(row, component.measure)
                count += 1
            }
        }
        return (total, count)
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

/// A measure summed per day: `sums[d + 1] - sums[d]` is day `first + d`'s (prefix sums, so any range of
/// days costs two reads).
struct DaySeries: Sendable {
    let first: Int
    let sums: [Int64]
    let counts: [Int]

    /// The sum and count over days `from...through` (clamped to the series).
    func sum(from: Int, through: Int) -> (total: Int64, count: Int) {
        let low = max(from - first, 0)
        let high = min(through - first + 1, sums.count - 1)
        guard low < high else { return (0, 0) }
        return (sums[high] - sums[low], counts[high] - counts[low])
    }
}
