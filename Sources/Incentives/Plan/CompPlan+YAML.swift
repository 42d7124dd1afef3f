import SalesData

extension CompPlan: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case plan, name, versions
    }

    /// Decodes a plan from YAML through SalesData's `YAMLConfiguration`, strictly: unknown keys, wrong
    /// types and overlapping versions are errors located `file:line:column` with their key path.
    ///
    /// ```swift
    /// let plan = try CompPlan(yaml: "plan: AE\nversions:\n  - effective: 2026-01-01\n    target_incentive: 100000\n    assign: {roles: [Account Executive]}\n    components: []\n", file: "ae.yaml")
    /// plan.versions.count   // 1
    /// ```
    ///
    /// - Throws: ``IncentivesError/configuration(_:)`` holding the located `ConfigurationError`.
    public init(yaml: String, file: String) throws(IncentivesError) {
        self = try IncentivesError.decoding(CompPlan.self, yaml: yaml, file: file)
    }

    /// Decodes a plan (keys as in `docs/comp-plans.md`); versions come out sorted by start.
    ///
    /// - Throws: a `ConfigurationError` located at the bad key when decoded by `YAMLConfiguration`.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        id = try keys.decode(String.self, forKey: .plan)
        location = SourceLocation(try keys.location(of: .plan))
        name = try keys.decodeIfPresent(String.self, forKey: .name) ?? id
        let versions = try keys.decode([Located<PlanVersion>].self, forKey: .versions)
            .sorted { $0.value.effective < $1.value.effective }
        for (earlier, later) in zip(versions, versions.dropFirst()) {
            guard let end = earlier.value.until, end < later.value.effective else {
                throw later.location.error(
                    later.value.effective.description,
                    expected:
                        "a version starting after the previous version's until (\(earlier.value.until?.description ?? "open-ended"), \(earlier.location)); versions of a plan must not overlap"
                )
            }
        }
        self.versions = versions.map(\.value)
    }
}

extension PlanVersion: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case effective, until, assign, ote
        case payMix = "pay_mix"
        case targetIncentive = "target_incentive"
        case prorate, ramp, components
    }

    /// What `prorate:` may list.
    private enum Proration: String, Decodable, CaseIterable {
        case quota
        case targetIncentive = "target_incentive"
        case none
    }

    /// Decodes a version; a component name is used once, and gates and modifiers name components of
    /// the same version.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let here = decoder.configurationLocation
        location = SourceLocation(here)
        effective = try keys.parsed(CalendarDate.self, forKey: .effective)
        until = try keys.parsedIfPresent(CalendarDate.self, forKey: .until)
        if let until, until < effective {
            throw try keys.location(of: .until).error(
                until.description, expected: "a date on or after effective (\(effective))")
        }
        assignment = try keys.decode(PlanAssignment.self, forKey: .assign)
        ote = try keys.parsedIfPresent(Money.self, forKey: .ote)
        variableShare = try keys.decodeIfPresent(PayMix.self, forKey: .payMix)?.variableShare
        if let target = try keys.parsedIfPresent(Money.self, forKey: .targetIncentive) {
            targetIncentive = target
        } else if let ote, let variableShare {
            targetIncentive = (ExactAmount(ote) * variableShare.exact).rounded()
        } else {
            throw here.error(nil, expected: "target_incentive, or ote with pay_mix", kind: .missingKey)
        }
        let prorate = try keys.listIfPresent(Proration.self, forKey: .prorate) ?? [.quota, .targetIncentive]
        prorateQuota = prorate.contains(.quota)
        prorateTarget = prorate.contains(.targetIncentive)
        ramp = try keys.decodeIfPresent([Parsed<Rate>].self, forKey: .ramp)?.map(\.value) ?? []
        let components = try keys.decode([Located<PlanComponent>].self, forKey: .components)
        var names = Set<String>()
        for component in components where !names.insert(component.value.name).inserted {
            throw component.location.error(component.value.name, expected: "a component name used once per version")
        }
        for component in components {
            let references =
                [component.value.gate.map { ($0.component, $0.location, "gate") }].compactMap { $0 }
                + component.value.modifiers.enumerated().map { ($1.component, $1.location, "modifiers[\($0)]") }
            for (name, place, key) in references where !names.contains(name) {
                throw ConfigurationError(
                    kind: .invalidValue, file: place.file, line: place.line, column: place.column,
                    keyPath: "\(component.location.keyPath).\(key).component", value: name,
                    message:
                        "expected the name of a component of this version (\(names.sorted().map(ErrorText.quoted).joined(separator: ", ")))"
                )
            }
        }
        self.components = components.map(\.value)
    }
}

/// `pay_mix: 50/50`: base and variable shares of OTE in percent, summing to 100.
private struct PayMix: Decodable {
    let variableShare: Rate

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "/")
        guard parts.count == 2, let base = Int64(parts[0]), let variable = Int64(parts[1]), (0...100).contains(base),
            (0...100).contains(variable), base + variable == 100
        else {
            throw decoder.configurationLocation.error(
                text, expected: "a base/variable split summing to 100, for example 50/50")
        }
        variableShare = Rate(micros: variable * Rate.unit / 100)
    }
}

extension PlanAssignment: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case roles, titles, people
    }

    /// Decodes `{roles, titles, people}`, each a list or one value.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        roles = try keys.listIfPresent(String.self, forKey: .roles) ?? []
        titles = try keys.listIfPresent(String.self, forKey: .titles) ?? []
        people = (try keys.listIfPresent(String.self, forKey: .people) ?? []).map(RepID.init)
    }
}

extension PlanComponent: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, measure, filter, credit, quota, period, payout, weight
        case rateTable = "rate_table"
        case payCurve = "pay_curve"
        case stepTable = "step_table"
        case threshold, gate, modifiers, cap, spiff
    }

    /// What `type:` may say.
    private enum ComponentType: String, Decodable, CaseIterable {
        case quota, mbo, spiff
    }

    /// `cap: {per_period, per_year}`.
    private struct Caps: Decodable {
        var perPeriod: Cap?
        var perYear: Cap?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case perPeriod = "per_period"
            case perYear = "per_year"
        }
    }

    /// Decodes a component; a quota component without a rule pays linearly (1 × target at 100 %).
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let here = decoder.configurationLocation
        location = SourceLocation(here)
        name = try keys.decode(String.self, forKey: .name)
        let type = try keys.decodeIfPresent(ComponentType.self, forKey: .type) ?? .quota
        measure = try keys.decodeIfPresent(Measure.self, forKey: .measure) ?? .bookings
        filter = try keys.decodeIfPresent(TransactionFilter.self, forKey: .filter)?.columns ?? [:]
        creditKinds = Set(try keys.listIfPresent(CreditKind.self, forKey: .credit) ?? [.revenue])
        quota = try keys.decodeIfPresent(String.self, forKey: .quota) ?? "default"
        quotaLocation = keys.contains(.quota) ? SourceLocation(try keys.location(of: .quota)) : location
        period = try keys.decodeIfPresent(AttainmentPeriod.self, forKey: .period) ?? .month
        payout = try keys.decodeIfPresent(Payout.self, forKey: .payout) ?? .toDate
        weight = try keys.parsedIfPresent(Rate.self, forKey: .weight) ?? .one
        threshold = try keys.parsedIfPresent(Rate.self, forKey: .threshold)
        let rules = [CodingKeys.rateTable, .payCurve, .stepTable].filter(keys.contains)
        if rules.count > 1 {
            throw here.error(
                rules.map(\.rawValue).joined(separator: ", "),
                expected: "at most one of rate_table, pay_curve, step_table")
        }
        if let table = try keys.decodeIfPresent(RateTable.self, forKey: .rateTable) {
            rule = .rateTable(table)
        } else if let curve = try keys.decodeIfPresent(CurvePoints.self, forKey: .payCurve) {
            rule = .curve(curve.points)
        } else if let steps = try keys.decodeIfPresent(CurvePoints.self, forKey: .stepTable) {
            rule = .steps(steps.points)
        } else {
            rule = .rateTable(
                RateTable(method: .marginal, pays: .target, tiers: [Tier(name: "linear", from: .zero, rate: .one)]))
        }
        switch type {
        case .quota: kind = .quota
        case .mbo: kind = .mbo
        case .spiff: kind = .spiff(try keys.decode(Spiff.self, forKey: .spiff))
        }
        if type != .spiff, keys.contains(.spiff) {
            throw try keys.location(of: .spiff).error(nil, expected: "no spiff settings unless type is spiff")
        }
        gate = try keys.decodeIfPresent(Gate.self, forKey: .gate)
        modifiers = try keys.decodeIfPresent([Modifier].self, forKey: .modifiers) ?? []
        let caps = try keys.decodeIfPresent(Caps.self, forKey: .cap)
        capPerPeriod = caps?.perPeriod
        capPerYear = caps?.perYear
    }
}

/// `filter: {column: [values]}` over the transaction columns a component may test.
private struct TransactionFilter: Decodable {
    let columns: [String: Set<String>]

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: TransactionFilterColumn.self)
        var columns: [String: Set<String>] = [:]
        for column in keys.allKeys {
            columns[column.rawValue] = Set(try keys.decode(OneOrMany<String>.self, forKey: column).items)
        }
        self.columns = columns
    }
}

/// The points of a `pay_curve` or `step_table`: at least one, in increasing attainment.
private struct CurvePoints: Decodable {
    let points: [CurvePoint]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case attainment, payout
    }

    private struct Point: Decodable {
        let point: CurvePoint

        init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            point = CurvePoint(
                attainment: try keys.parsed(Rate.self, forKey: .attainment),
                payout: try keys.parsed(Rate.self, forKey: .payout))
        }
    }

    init(from decoder: any Decoder) throws {
        let items = try [Located<Point>](from: decoder)
        var points: [CurvePoint] = []
        for item in items {
            if let last = points.last, item.value.point.attainment <= last.attainment {
                throw item.location.error(
                    item.value.point.attainment.description,
                    expected: "points in increasing attainment (after \(last.attainment))")
            }
            points.append(item.value.point)
        }
        if points.isEmpty { throw decoder.configurationLocation.error(nil, expected: "at least one point") }
        self.points = points
    }
}

extension RateTable: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case method, pays, tiers
    }

    /// One tier as written; its name defaults to `tier N`.
    private struct TierEntry: Decodable {
        let name: String?
        let from: Rate
        let fromLocation: ConfigurationLocation
        let rate: Rate

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, from, rate
        }

        init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            name = try keys.decodeIfPresent(String.self, forKey: .name)
            from = try keys.parsed(Rate.self, forKey: .from)
            fromLocation = try keys.location(of: .from)
            rate = try keys.parsed(Rate.self, forKey: .rate)
        }
    }

    /// Decodes a table: `method` (required), `pays` (default `credit`) and tiers starting at 0, in
    /// increasing `from`.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        method = try keys.decode(Method.self, forKey: .method)
        pays = try keys.decodeIfPresent(Pays.self, forKey: .pays) ?? .credit
        var tiers: [Tier] = []
        for entry in try keys.decode([TierEntry].self, forKey: .tiers) {
            let tier = Tier(name: entry.name ?? "tier \(tiers.count + 1)", from: entry.from, rate: entry.rate)
            if tiers.isEmpty, tier.from != .zero {
                throw entry.fromLocation.error(tier.from.description, expected: "0 for the first tier")
            }
            if let last = tiers.last, tier.from <= last.from {
                throw entry.fromLocation.error(
                    tier.from.description, expected: "tiers in increasing from (after \(last.from))")
            }
            tiers.append(tier)
        }
        if tiers.isEmpty { throw try keys.location(of: .tiers).error(nil, expected: "at least one tier") }
        self.tiers = tiers
    }
}

extension Gate: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case component
        case atLeast = "at_least"
        case otherwiseCapAttainment = "otherwise_cap_attainment"
    }

    /// Decodes `{component, at_least, otherwise_cap_attainment}` (the last defaults to 100 %).
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        location = SourceLocation(decoder.configurationLocation)
        component = try keys.decode(String.self, forKey: .component)
        atLeast = try keys.parsed(Rate.self, forKey: .atLeast)
        otherwiseCapAttainment = try keys.parsedIfPresent(Rate.self, forKey: .otherwiseCapAttainment) ?? .one
    }
}

extension Modifier: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, component, below
        case atLeast = "at_least"
        case multiply
    }

    /// Decodes `{name, component, below | at_least, multiply}`: exactly one of `below`, `at_least`.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let here = decoder.configurationLocation
        location = SourceLocation(here)
        name = try keys.decodeIfPresent(String.self, forKey: .name) ?? "modifier"
        component = try keys.decode(String.self, forKey: .component)
        below = try keys.parsedIfPresent(Rate.self, forKey: .below)
        atLeast = try keys.parsedIfPresent(Rate.self, forKey: .atLeast)
        multiply = try keys.parsed(Rate.self, forKey: .multiply)
        if (below == nil) == (atLeast == nil) {
            throw here.error(nil, expected: "exactly one of below, at_least")
        }
    }
}

extension Cap: Decodable {
    /// Decodes `3x` (a multiple of the component's target) or an amount.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text.hasSuffix("x"), let multiple = Rate(configurationText: String(text.dropLast())) {
            self = .targetMultiple(multiple)
        } else if let amount = Money(configurationText: text) {
            self = .amount(amount)
        } else {
            throw decoder.configurationLocation.error(
                text, expected: "an amount (for example 250000) or a multiple of the target (for example 3x)",
                kind: .typeMismatch)
        }
    }
}

extension Spiff: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case flat, percent, per
    }

    /// Decodes `{flat | percent, per}`: exactly one of `flat`, `percent`; `per` defaults to `transaction`.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        switch (keys.contains(.flat), keys.contains(.percent)) {
        case (true, false): pays = .flat(try keys.parsed(Money.self, forKey: .flat))
        case (false, true): pays = .percent(try keys.parsed(Rate.self, forKey: .percent))
        default:
            throw decoder.configurationLocation.error(nil, expected: "exactly one of flat, percent", kind: .missingKey)
        }
        per = try keys.decodeIfPresent(Per.self, forKey: .per) ?? .transaction
    }
}

extension PlanComponent.Measure: Decodable {}
extension PlanComponent.AttainmentPeriod: Decodable {}
extension PlanComponent.Payout: Decodable {}
extension RateTable.Method: Decodable {}
extension RateTable.Pays: Decodable {}
extension Spiff.Per: Decodable {}

/// The transaction columns a component filter may test.
enum TransactionFilterColumn: String, CaseIterable, CodingKey {
    case type, product, order_type, account, currency, opportunity
}
