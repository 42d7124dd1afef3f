import SalesData

extension CompPlan {
    /// Decodes a plan from YAML, strictly: unknown keys, wrong types and overlapping versions are errors
    /// located `file:line:column` with their key path.
    ///
    /// ```swift
    /// let plan = try CompPlan(yaml: "plan: AE\nversions:\n  - effective: 2026-01-01\n    target_incentive: 100000\n    assign: {roles: [Account Executive]}\n    components: []\n", file: "ae.yaml")
    /// plan.versions.count   // 1
    /// ```
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)``.
    public init(yaml: String, file: String) throws(IncentivesError) {
        let root = try StrictYAML.parse(yaml, file: file)
        let keys = try root.mapping(allowed: ["plan", "name", "versions"])
        let idNode = try keys.required("plan")
        id = try idNode.string()
        name = try keys["name"]?.string() ?? id
        location = idNode.location
        var versions: [PlanVersion] = []
        for item in try keys.required("versions").sequence() { versions.append(try PlanVersion(item)) }
        versions.sort { $0.effective < $1.effective }
        for (earlier, later) in zip(versions, versions.dropFirst()) {
            guard let end = earlier.until, end < later.effective else {
                throw later.location.error(
                    later.effective.description,
                    expected:
                        "a version starting after the previous version's until (\(earlier.until?.description ?? "open-ended"), \(earlier.location)); versions of a plan must not overlap"
                )
            }
        }
        self.versions = versions
    }
}

extension PlanVersion {
    fileprivate init(_ node: StrictYAML) throws(IncentivesError) {
        let keys = try node.mapping(allowed: [
            "effective", "until", "assign", "ote", "pay_mix", "target_incentive", "prorate", "ramp", "components",
        ])
        location = node.location
        effective = try keys.required("effective").date()
        until = try keys["until"]?.date()
        if let until, until < effective { throw try keys.required("until").error("a date on or after effective") }
        let assign = try keys.required("assign").mapping(allowed: ["roles", "titles", "people"])
        assignment = PlanAssignment(
            roles: try assign["roles"]?.strings() ?? [], titles: try assign["titles"]?.strings() ?? [],
            people: (try assign["people"]?.strings() ?? []).map(RepID.init))
        ote = try keys["ote"]?.money()
        if let mix = keys["pay_mix"] {
            let parts = try mix.string().split(separator: "/")
            guard parts.count == 2, let base = Int64(parts[0]), let variable = Int64(parts[1]), base >= 0,
                variable >= 0,
                base + variable == 100
            else { throw mix.error("a base/variable split summing to 100, e.g. 50/50") }
            variableShare = Rate(micros: variable * Rate.unit / 100)
        }
        if let target = keys["target_incentive"] {
            targetIncentive = try target.money()
        } else if let ote, let variableShare {
            targetIncentive = (ExactAmount(ote) * variableShare.exact).rounded()
        } else {
            throw node.error("target_incentive, or ote with pay_mix")
        }
        let prorate = try keys["prorate"]?.strings() ?? ["quota", "target_incentive"]
        for item in prorate where item != "quota" && item != "target_incentive" && item != "none" {
            throw try keys.required("prorate").error("a list of quota, target_incentive (or none)")
        }
        prorateQuota = prorate.contains("quota")
        prorateTarget = prorate.contains("target_incentive")
        ramp = try (keys["ramp"]?.sequence() ?? []).map { item throws(IncentivesError) in try item.rate() }
        var components: [PlanComponent] = []
        for item in try keys.required("components").sequence() {
            let component = try PlanComponent(item)
            if components.contains(where: { $0.name == component.name }) {
                throw component.location.error(component.name, expected: "a component name used once per version")
            }
            components.append(component)
        }
        for component in components {
            let references =
                [component.gate.map { ($0.component, $0.location) }].compactMap { $0 }
                + component.modifiers.map { ($0.component, $0.location) }
            for (name, place) in references where !components.contains(where: { $0.name == name }) {
                throw place.error(name, expected: "the name of a component of this version")
            }
        }
        self.components = components
    }
}

extension PlanComponent {
    fileprivate init(_ node: StrictYAML) throws(IncentivesError) {
        let keys = try node.mapping(allowed: [
            "name", "type", "measure", "filter", "credit", "quota", "period", "payout", "weight", "rate_table",
            "pay_curve", "step_table", "threshold", "gate", "modifiers", "cap", "spiff",
        ])
        location = node.location
        name = try keys.required("name").string()
        let type = try keys["type"]?.choice(["quota": "quota", "mbo": "mbo", "spiff": "spiff"]) ?? "quota"
        measure =
            try keys["measure"]?.choice(["bookings": .bookings, "revenue": .revenue, "units": .units]) ?? .bookings
        var filter: [String: Set<String>] = [:]
        if let node = keys["filter"] {
            let columns = try node.mapping(allowed: Set(TransactionFilterColumn.allCases.map(\.rawValue)))
            for (column, values) in columns.entries { filter[column] = Set(try values.strings()) }
        }
        self.filter = filter
        let creditChoices = Dictionary(uniqueKeysWithValues: CreditKind.allCases.map { ($0.rawValue, $0) })
        if let credit = keys["credit"] {
            var kinds = Set<CreditKind>()
            for item in try credit.strings() {
                guard let kind = creditChoices[item] else { throw credit.error("a list of revenue, overlay, rollup") }
                kinds.insert(kind)
            }
            creditKinds = kinds
        } else {
            creditKinds = [.revenue]
        }
        let quotaNode = keys["quota"]
        quota = try quotaNode?.string() ?? "default"
        quotaLocation = quotaNode?.location ?? node.location
        period = try keys["period"]?.choice(["month": .month, "quarter": .quarter, "year": .year]) ?? .month
        payout = try keys["payout"]?.choice(["to_date": .toDate, "period_end": .periodEnd]) ?? .toDate
        weight = try keys["weight"]?.rate() ?? .one
        threshold = try keys["threshold"]?.rate()
        rule = .rateTable(
            RateTable(method: .marginal, pays: .target, tiers: [Tier(name: "linear", from: .zero, rate: .one)]))
        let rules = ["rate_table", "pay_curve", "step_table"].filter { keys[$0] != nil }
        if rules.count > 1 { throw node.error("at most one of rate_table, pay_curve, step_table") }
        if let table = keys["rate_table"] { rule = .rateTable(try RateTable(table)) }
        if let curve = keys["pay_curve"] { rule = .curve(try Self.points(curve)) }
        if let steps = keys["step_table"] { rule = .steps(try Self.points(steps)) }
        switch type {
        case "mbo": kind = .mbo
        case "spiff":
            let spiff = try keys.required("spiff").mapping(allowed: ["flat", "percent", "per"])
            let pays: Spiff.Pays
            switch (spiff["flat"], spiff["percent"]) {
            case (let flat?, nil): pays = .flat(try flat.money())
            case (nil, let percent?): pays = .percent(try percent.rate())
            default: throw try keys.required("spiff").error("exactly one of flat, percent")
            }
            kind = .spiff(
                Spiff(
                    pays: pays,
                    per: try spiff["per"]?.choice(["transaction": .transaction, "period": .period]) ?? .transaction))
        default:
            kind = .quota
        }
        if let gateNode = keys["gate"] {
            let gate = try gateNode.mapping(allowed: ["component", "at_least", "otherwise_cap_attainment"])
            self.gate = Gate(
                component: try gate.required("component").string(), atLeast: try gate.required("at_least").rate(),
                otherwiseCapAttainment: try gate["otherwise_cap_attainment"]?.rate() ?? .one,
                location: gateNode.location)
        }
        var modifiers: [Modifier] = []
        for item in try keys["modifiers"]?.sequence() ?? [] {
            let m = try item.mapping(allowed: ["name", "component", "below", "at_least", "multiply"])
            let modifier = Modifier(
                name: try m["name"]?.string() ?? "modifier", component: try m.required("component").string(),
                below: try m["below"]?.rate(), atLeast: try m["at_least"]?.rate(),
                multiply: try m.required("multiply").rate(),
                location: item.location)
            if (modifier.below == nil) == (modifier.atLeast == nil) {
                throw item.error("exactly one of below, at_least")
            }
            modifiers.append(modifier)
        }
        self.modifiers = modifiers
        if let cap = keys["cap"] {
            let c = try cap.mapping(allowed: ["per_period", "per_year"])
            capPerPeriod = try c["per_period"].map { node throws(IncentivesError) in try Self.cap(node) }
            capPerYear = try c["per_year"].map { node throws(IncentivesError) in try Self.cap(node) }
        }
    }

    /// `3x` (a multiple of target) or an amount.
    private static func cap(_ node: StrictYAML) throws(IncentivesError) -> Cap {
        let text = try node.string()
        if text.hasSuffix("x"), let multiple = try? Rate(parsing: String(text.dropLast())) {
            return .targetMultiple(multiple)
        }
        return .amount(try node.money())
    }

    private static func points(_ node: StrictYAML) throws(IncentivesError) -> [CurvePoint] {
        var points: [CurvePoint] = []
        for item in try node.sequence() {
            let p = try item.mapping(allowed: ["attainment", "payout"])
            let point = CurvePoint(
                attainment: try p.required("attainment").rate(), payout: try p.required("payout").rate())
            if let last = points.last, point.attainment <= last.attainment {
                throw item.error("points in increasing attainment")
            }
            points.append(point)
        }
        if points.isEmpty { throw node.error("at least one point") }
        return points
    }
}

extension RateTable {
    fileprivate init(_ node: StrictYAML) throws(IncentivesError) {
        let keys = try node.mapping(allowed: ["method", "pays", "tiers"])
        method = try keys.required("method").choice(["marginal": .marginal, "retroactive": .retroactive])
        pays = try keys["pays"]?.choice(["credit": .credit, "target": .target]) ?? .credit
        var tiers: [Tier] = []
        for item in try keys.required("tiers").sequence() {
            let t = try item.mapping(allowed: ["name", "from", "rate"])
            let tier = Tier(
                name: try t["name"]?.string() ?? "tier \(tiers.count + 1)", from: try t.required("from").rate(),
                rate: try t.required("rate").rate())
            if tiers.isEmpty, tier.from != .zero { throw try t.required("from").error("0 for the first tier") }
            if let last = tiers.last, tier.from <= last.from {
                throw try t.required("from").error("tiers in increasing from")
            }
            tiers.append(tier)
        }
        if tiers.isEmpty { throw try keys.required("tiers").error("at least one tier") }
        self.tiers = tiers
    }
}

/// The transaction columns a component filter may test.
enum TransactionFilterColumn: String, CaseIterable {
    case type, product, order_type, account, currency, opportunity
}
