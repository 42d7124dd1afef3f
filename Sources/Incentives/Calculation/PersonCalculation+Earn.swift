import SalesData

/// A component's figures for a window, to date.
struct ComponentFigures {
    var window: CompPeriod.Window
    var credit: ExactAmount
    var quota: ExactAmount?
    var attainment: ExactAmount?
    /// Payout to date after threshold, gate, modifiers and the period cap.
    var payout: ExactAmount
    var tier: String
    var rate: String
    var cap: String
    var trace: [String]
}

extension PersonCalculation {
    /// The earnings, measurement and statement lines of `component` this period.
    func earn(_ component: PlanComponent) throws(IncentivesError) -> (
        measurement: Measurement?, earning: Earning, lines: [StatementLine]
    ) {
        if case .spiff(let spiff) = component.kind { return spiffEarning(component, spiff) }
        let current = try figures(component, asOf: period)
        var trace = current.trace
        let (earned, paidBefore, yearCapText) = try earnedThisMonth(component, current: current, trace: &trace)
        let amount = earned.rounded()
        let proration = proration(current.window).rate
        let cap = [current.cap, yearCapText].filter { !$0.isEmpty }.joined(separator: "; ")
        trace.append("amount this period: \(amount.formatted) (rounded half to even to the cent)")
        let earning = Earning(
            person: rep.id, plan: plan.id, component: component.name, amount: amount, toDate: current.payout.rounded(),
            paidBefore: paidBefore.rounded(), tier: current.tier, rate: current.rate, cap: cap, proration: proration,
            trace: trace)
        let measurement = Measurement(
            person: rep.id, plan: plan.id, component: component.name, window: current.window.label,
            credit: current.credit.rounded(), quota: current.quota?.rounded(), attainment: current.attainment?.rate,
            proration: proration)
        let month = monthCredits(component, limit: Self.statementLineLimit)
        let lines = allocate(amount, over: month.credits, count: month.count, total: month.total) { credit, share in
            StatementLine(
                component: component.name, transactionID: credit?.transactionID, date: credit?.date,
                credit: credit?.amount,
                rate: current.rate, tier: current.tier, cap: cap, proration: proration, amount: share)
        }
        return (measurement, earning, lines)
    }

    /// What this month pays: the to-date payout less earlier months of the window (or the whole window in
    /// its last month for `period_end`), then the plan-year cap.
    private func earnedThisMonth(_ component: PlanComponent, current: ComponentFigures, trace: inout [String])
        throws(IncentivesError) -> (ExactAmount, ExactAmount, String)
    {
        func uncapped(_ month: CompPeriod, _ figures: ComponentFigures?) throws(IncentivesError) -> (
            ExactAmount, ExactAmount
        ) {
            let now: ComponentFigures
            if let figures { now = figures } else { now = try self.figures(component, asOf: month) }
            let isMBO = component.kind == .mbo
            if (component.payout == .periodEnd || isMBO) && month.month != now.window.firstMonth + now.window.months - 1
            {
                return (.zero, .zero)
            }
            guard component.payout == .toDate, !isMBO, month.month != now.window.firstMonth,
                let previous = month.previous
            else {
                return (now.payout, .zero)
            }
            let before = try self.figures(component, asOf: previous).payout
            return (now.payout - before, before)
        }
        let (earned, paidBefore) = try uncapped(period, current)
        if component.payout == .periodEnd || component.kind == .mbo,
            period.month != current.window.firstMonth + current.window.months - 1
        {
            trace.append("pays at the end of \(current.window.label): nothing this month")
        } else if paidBefore != .zero || (component.payout == .toDate && current.window.months > 1) {
            trace.append(
                "to date \(current.payout.rounded().formatted) − paid earlier in \(current.window.label) \(paidBefore.rounded().formatted)"
            )
        }
        guard let yearCap = component.capPerYear else { return (earned, paidBefore, "") }
        let yearWindow = period.window(.year)
        let limit: ExactAmount
        switch yearCap {
        case .amount(let money): limit = ExactAmount(money)
        case .targetMultiple(let multiple): limit = multiple.exact * target(component, yearWindow)
        }
        var before = ExactAmount.zero
        for month in yearWindow.periods where month < period { before = before + (try uncapped(month, nil)).0 }
        let paidCapped = min(before, limit)
        let nowCapped = min(before + earned, limit)
        if before + earned > limit {
            trace.append(
                "plan-year cap \(limit.rounded().formatted): year to date \((before + earned).rounded().formatted) → \(limit.rounded().formatted)"
            )
            return (nowCapped - paidCapped, paidBefore, "year cap \(limit.rounded().formatted) bound")
        }
        return (earned, paidBefore, "")
    }

    /// The component's figures for the window containing `month`, to the end of `month`.
    func figures(_ component: PlanComponent, asOf month: CompPeriod) throws(IncentivesError) -> ComponentFigures {
        let window = month.window(component.period)
        let counted = measure(component, from: window.start, through: month.last)
        let credit = ExactAmount(cents: counted.total)
        let target = target(component, window)
        var trace = [
            "credits \(window.start)…\(month.last): \(counted.count) transaction\(counted.count == 1 ? "" : "s") (\(component.creditKinds.sorted().map(\.rawValue).joined(separator: ", "))\(filterText(component))) → \(component.measure.rawValue) \(credit.rounded().formatted)",
            "target incentive for \(window.label): \(version.targetIncentive.formatted) × weight \(component.weight) × \(window.months)/12\(version.prorateTarget && proration(window) < .one ? " × days in seat \(proration(window))" : "") = \(target.rounded().formatted)",
        ]
        if proration(window).isZero {
            // Not employed at all in the window (an earlier quarter re-read by the plan-year cap).
            return ComponentFigures(
                window: window, credit: credit, quota: nil, attainment: nil, payout: .zero, tier: "not in seat",
                rate: "0", cap: "", trace: trace + ["not employed in \(window.label): pays nothing"])
        }
        if component.kind == .mbo {
            let score = request.scores.score(person: rep.id, component: component.name, window: window.label)
            trace.append(
                score.map { "MBO score for \(window.label): \($0.percentText)" }
                    ?? "no MBO score for \(window.label): 0")
            let payout = target * (score ?? .zero).exact
            return ComponentFigures(
                window: window, credit: credit, quota: nil, attainment: score?.exact, payout: payout, tier: "MBO",
                rate: score?.percentText ?? "0%", cap: "",
                trace: trace + ["payout = target × score = \(payout.rounded().formatted)"])
        }
        let (quota, quotaRule, fitted) = try quota(component, window)
        trace.append(quotaRule)
        if quota.isZero && fitted {
            trace.append("quota 0 (months before the start or at a 0 % ramp): no attainment, pays nothing")
            return ComponentFigures(
                window: window, credit: credit, quota: quota, attainment: nil, payout: .zero, tier: "no quota",
                rate: "0", cap: "", trace: trace)
        }
        guard !quota.isZero else {
            throw component.quotaLocation.error(
                component.quota, expected: "a quota above zero for \(rep.id) in \(window.label)")
        }
        var attainment = credit / quota
        trace.append(
            "attainment = \(credit.rounded().formatted) ÷ \(quota.rounded().formatted) = \(attainment.rate.percentText)"
        )
        let measured = attainment
        var figures = ComponentFigures(
            window: window, credit: credit, quota: quota, attainment: measured, payout: .zero, tier: "", rate: "",
            cap: "", trace: [])
        if let threshold = component.threshold, attainment < threshold.exact {
            trace.append("threshold \(threshold.percentText) not reached: pays nothing")
            figures.tier = "below threshold"
            figures.rate = "0"
            figures.trace = trace
            return figures
        }
        var paidCredit = credit
        if let gate = component.gate {
            let other = try otherAttainment(gate.component, asOf: month)
            if other < gate.atLeast.exact {
                let capAt = gate.otherwiseCapAttainment.exact
                trace.append(
                    "gate: \(gate.component) attainment \(other.rate.percentText) < \(gate.atLeast.percentText) → attainment counted up to \(gate.otherwiseCapAttainment.percentText)"
                )
                if capAt < attainment {
                    attainment = capAt
                    paidCredit = capAt * quota
                }
            } else {
                trace.append(
                    "gate: \(gate.component) attainment \(other.rate.percentText) ≥ \(gate.atLeast.percentText) → met")
            }
        }
        var (payout, tier, rate, rule) = Self.pay(
            component.rule, attainment: attainment, credit: paidCredit, quota: quota, target: target)
        trace.append(rule)
        for modifier in component.modifiers {
            let other = try otherAttainment(modifier.component, asOf: month)
            let fires = modifier.below.map { other < $0.exact } ?? modifier.atLeast.map { !(other < $0.exact) } ?? false
            if fires {
                payout = payout * modifier.multiply.exact
                trace.append(
                    "modifier \(modifier.name): \(modifier.component) attainment \(other.rate.percentText) → × \(modifier.multiply) = \(payout.rounded().formatted)"
                )
            }
        }
        if let limit = Self.periodCap(component, target: target) {
            if limit < payout {
                trace.append(
                    "cap per \(component.period.rawValue) \(limit.rounded().formatted) binds (uncapped \(payout.rounded().formatted))"
                )
                figures.cap = "period cap \(limit.rounded().formatted) bound"
                payout = limit
            }
        }
        figures.payout = payout
        figures.tier = tier
        figures.rate = rate
        figures.trace = trace
        return figures
    }

    private func filterText(_ component: PlanComponent) -> String {
        component.filter.keys.sorted().map {
            "; \($0) in \(component.filter[$0, default: []].sorted().joined(separator: "|"))"
        }.joined()
    }

    /// The attainment of another component of the version, for gates and modifiers.
    private func otherAttainment(_ name: String, asOf month: CompPeriod) throws(IncentivesError) -> ExactAmount {
        guard let other = version.components.first(where: { $0.name == name }) else { return .zero }
        var plain = other
        plain.gate = nil
        plain.modifiers = []
        plain.threshold = nil
        return try figures(plain, asOf: month).attainment ?? .zero
    }

    /// The component's per-period cap for a window with `target`, if it has one.
    static func periodCap(_ component: PlanComponent, target: ExactAmount) -> ExactAmount? {
        switch component.capPerPeriod {
        case nil: return nil
        case .amount(let money): return ExactAmount(money)
        case .targetMultiple(let multiple): return multiple.exact * target
        }
    }

    /// A payout rule applied to an attainment: amount, tier name, rate text and an explanation.
    ///
    /// With `explained` false the three texts are empty and never built: the amount alone, as the
    /// simulation needs it on every draw (building them took half its time).
    static func pay(
        _ rule: PayoutRule, attainment: ExactAmount, credit: ExactAmount, quota: ExactAmount, target: ExactAmount,
        explained: Bool = true
    )
        -> (ExactAmount, String, String, String)
    {
        switch rule {
        case .rateTable(let table):
            let reached = table.tiers.lastIndex { !(attainment < $0.from.exact) } ?? 0
            let tier = table.tiers[reached]
            let unit = table.pays == .credit ? "of credit" : "× target per 100 %"
            switch table.method {
            case .retroactive:
                let payout = table.pays == .credit ? tier.rate.exact * credit : tier.rate.exact * attainment * target
                guard explained else { return (payout, "", "", "") }
                return (
                    payout, tier.name, tier.rate.description,
                    "tier \(tier.name) (from \(tier.from.percentText)), retroactive: all \(table.pays == .credit ? "credit" : "attainment") at \(tier.rate) \(unit) = \(payout.rounded().formatted)"
                )
            case .marginal:
                var payout = ExactAmount.zero
                var parts: [String] = []
                for (index, t) in table.tiers.enumerated() {
                    let low = t.from.exact
                    let high = index + 1 < table.tiers.count ? table.tiers[index + 1].from.exact : nil
                    var top = attainment
                    if let high, high < top { top = high }
                    var slice = top - low
                    if index > 0, slice < .zero { slice = .zero }
                    guard !slice.isZero else { continue }
                    let piece = t.rate.exact * slice * (table.pays == .credit ? quota : target)
                    payout = payout + piece
                    guard explained else { continue }
                    parts.append("\(t.name) \(t.rate) on \(slice.rate.percentText) = \(piece.rounded().formatted)")
                }
                guard explained else { return (payout, "", "", "") }
                return (
                    payout, tier.name, tier.rate.description,
                    "tier \(tier.name) (from \(tier.from.percentText)), marginal \(unit): "
                        + (parts.isEmpty ? "nothing" : parts.joined(separator: " + "))
                        + " = \(payout.rounded().formatted)"
                )
            }
        case .curve(let points):
            guard let first = points.first, !(attainment < first.attainment.exact) else {
                guard explained else { return (.zero, "", "", "") }
                return (
                    .zero, "below curve", "0",
                    "pay curve: attainment below its first point \(points.first?.attainment.percentText ?? "")"
                )
            }
            var multiple = points[points.count - 1].payout.exact
            var segment = "beyond the last point (flat)"
            for (a, b) in zip(points, points.dropFirst())
            where !(attainment < a.attainment.exact) && attainment < b.attainment.exact {
                let slope = (b.payout.exact - a.payout.exact) / (b.attainment.exact - a.attainment.exact)
                multiple = a.payout.exact + (attainment - a.attainment.exact) * slope
                if explained { segment = "between \(a.attainment.percentText) and \(b.attainment.percentText)" }
            }
            let payout = multiple * target
            guard explained else { return (payout, "", "", "") }
            return (
                payout, segment, multiple.rate.description,
                "pay curve \(segment): \(multiple.rate) × target = \(payout.rounded().formatted)"
            )
        case .steps(let points):
            guard let step = points.last(where: { !(attainment < $0.attainment.exact) }) else {
                return (.zero, "below first step", "0", "step table: attainment below its first step")
            }
            let payout = step.payout.exact * target
            guard explained else { return (payout, "", "", "") }
            return (
                payout, "step \(step.attainment.percentText)", step.payout.description,
                "step from \(step.attainment.percentText): \(step.payout) × target = \(payout.rounded().formatted)"
            )
        }
    }

    /// A SPIFF: each qualifying credit of the month pays flat or a percentage, or once per period.
    private func spiffEarning(_ component: PlanComponent, _ spiff: Spiff) -> (Measurement?, Earning, [StatementLine]) {
        let credits = monthCredits(component).credits
        var lines: [StatementLine] = []
        var trace = ["SPIFF credits \(period.first)…\(period.last): \(credits.count) transactions"]
        let rateText: String
        switch spiff.pays {
        case .flat(let money): rateText = money.formatted + (spiff.per == .period ? " once" : "")
        case .percent(let rate): rateText = rate.percentText + (spiff.per == .period ? " once" : "")
        }
        let amounts = spiff.amounts(credits: credits.map(\.amount))
        switch spiff.per {
        case .transaction:
            for (credit, amount) in zip(credits, amounts) { lines.append(line(component, credit, rateText, amount)) }
        case .period:
            for amount in amounts { lines.append(line(component, nil, rateText, amount)) }
        }
        if lines.isEmpty { lines.append(line(component, nil, rateText, .zero)) }
        let amount = lines.reduce(Money.zero) { $0 + $1.amount }
        trace.append("SPIFF \(rateText) per \(spiff.per.rawValue) = \(amount.formatted)")
        let earning = Earning(
            person: rep.id, plan: plan.id, component: component.name, amount: amount, toDate: amount, paidBefore: .zero,
            tier: "SPIFF", rate: rateText, cap: "", proration: .one, trace: trace)
        return (nil, earning, lines)
    }

    private func line(_ component: PlanComponent, _ credit: Credit?, _ rate: String, _ amount: Money) -> StatementLine {
        StatementLine(
            component: component.name, transactionID: credit?.transactionID, date: credit?.date, credit: credit?.amount,
            rate: rate, tier: "SPIFF", cap: "", proration: .one, amount: amount)
    }

    /// Above this many credited transactions in a month, a component shows one line with the total credit
    /// (a roll-up over a whole company would otherwise print millions of lines).
    static let statementLineLimit = 1_000

    /// Splits `amount` over `credits` in proportion to credit by the largest remainder (ties in credit
    /// order), so the lines add up to `amount` exactly; one line without a transaction when there is no
    /// credit to attribute to or more than ``statementLineLimit`` credits.
    ///
    /// - Parameters:
    ///   - amount: the earning split over the lines.
    ///   - credits: the month's credits, all of them when `count` is at most ``statementLineLimit``.
    ///   - count: how many credits the month has.
    ///   - total: their amount in cents.
    ///   - make: builds the line of one credit (`nil`: the line without a transaction) and its share.
    /// - Returns: the statement lines, whose amounts add up to `amount`.
    func allocate(
        _ amount: Money, over credits: [Credit], count: Int, total: Int64, make: (Credit?, Money) -> StatementLine
    ) -> [StatementLine] {
        guard total != 0, count > 0, count <= Self.statementLineLimit else {
            var line = make(nil, amount)
            if count > 0 { line.credit = Money(cents: total) }
            return [line]
        }
        // With a negative total, negate every weight: the shares are unchanged and the divisor is positive.
        let sign: Int128 = total < 0 ? -1 : 1
        let divisor = Int128(total) * sign
        var shares: [Int64] = []
        var remainders: [(remainder: Int128, index: Int)] = []
        var assigned: Int128 = 0
        for (index, credit) in credits.enumerated() {
            let exact = Int128(amount.cents) * Int128(credit.amount.cents) * sign
            var floor = exact / divisor
            if floor * divisor > exact { floor -= 1 }  // round toward −∞
            shares.append(Int64(floor))
            remainders.append((exact - floor * divisor, index))
            assigned += floor
        }
        let left = Int(Int128(amount.cents) - assigned)
        for entry in remainders.sorted(by: {
            $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
        })
        .prefix(max(0, left)) {
            shares[entry.index] += 1
        }
        return zip(credits, shares).map { make($0, Money(cents: $1)) }
    }
}
