import SalesData

extension LedgerPolicy: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case clawback, holds, draws, accounting
    }

    /// Reads a policy file through SalesData's `YAMLConfiguration` (keys as in
    /// `docs/commission-accounting.md`, "Policy file").
    ///
    /// - Throws: ``IncentivesError/configuration(_:)`` located at the bad key, naming its key path,
    ///   the value and what is accepted; an unknown key is an error.
    public init(yaml text: String, file: String) throws(IncentivesError) {
        self = try IncentivesError.decoding(LedgerPolicy.self, yaml: text, file: file)
    }

    /// Decodes a policy; every key is optional.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        clawback = try keys.decodeIfPresent(ClawbackEntry.self, forKey: .clawback)?.policy
        holds = try keys.decodeIfPresent([HoldEntry].self, forKey: .holds)?.map(\.rule) ?? []
        draws = try keys.decodeIfPresent([DrawEntry].self, forKey: .draws)?.map(\.rule) ?? []
        accounting =
            try keys.decodeIfPresent([String: CostEntry].self, forKey: .accounting)?.mapValues(\.profile) ?? [:]
    }
}

/// `clawback: {window_months, method}`.
private struct ClawbackEntry: Decodable {
    let policy: ClawbackPolicy

    enum CodingKeys: String, CodingKey, CaseIterable {
        case windowMonths = "window_months"
        case method
    }

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let window = try keys.integer(forKey: .windowMonths, in: 1...600)
        let method = try keys.decode(ClawbackPolicy.Method.self, forKey: .method)
        do { policy = try ClawbackPolicy(windowMonths: window, method: method) } catch {
            throw try keys.location(of: .windowMonths).error(String(window), expected: "\(error)")
        }
    }
}

/// One of `holds:`: `{components, release, periods | days}`.
private struct HoldEntry: Decodable {
    let rule: LedgerPolicy.HoldRule

    enum CodingKeys: String, CodingKey, CaseIterable {
        case components, release, periods, days
    }

    enum Release: String, Decodable, CaseIterable {
        case afterPeriods = "after_periods"
        case afterDays = "after_days"
        case customerPayment = "customer_payment"
    }

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let components = Set(try keys.decode(OneOrMany<String>.self, forKey: .components).items)
        let release: LedgerPolicy.HoldRule.Release
        switch try keys.decode(Release.self, forKey: .release) {
        case .afterPeriods: release = .afterPeriods(try keys.integer(forKey: .periods, in: 1...120))
        case .afterDays: release = .afterDays(try keys.integer(forKey: .days, in: 1...3650))
        case .customerPayment: release = .customerPayment
        }
        rule = LedgerPolicy.HoldRule(components: components, release: release)
    }
}

/// One of `draws:`: whom it covers, the amount and terms, from `start` (to `end`).
private struct DrawEntry: Decodable {
    let rule: LedgerPolicy.DrawRule

    enum CodingKeys: String, CodingKey, CaseIterable {
        case people, roles, amount, kind, start, end
        case recoveryFrom = "recovery_from"
        case maxRecoveryPerPeriod = "max_recovery_per_period"
        case atTermination = "at_termination"
    }

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let people = Set(try keys.listIfPresent(String.self, forKey: .people) ?? [])
        let roles = Set(try keys.listIfPresent(String.self, forKey: .roles) ?? [])
        guard !people.isEmpty || !roles.isEmpty else {
            throw decoder.configurationLocation.error(
                nil, expected: "people or roles (whom the draw applies to)", kind: .missingKey)
        }
        let amount = try keys.parsed(Money.self, forKey: .amount)
        guard amount >= .zero else {
            throw try keys.location(of: .amount).error(amount.description, expected: "an amount ≥ 0")
        }
        let kind = try keys.decode(DrawTerms.Kind.self, forKey: .kind)
        let start = try keys.parsed(CompPeriod.self, forKey: .start)
        let end = try keys.parsedIfPresent(CompPeriod.self, forKey: .end)
        if let end, end < start {
            throw try keys.location(of: .end).error(end.description, expected: "a month not before start (\(start))")
        }
        var recoveryStartsAt = 0
        if let from = try keys.parsedIfPresent(CompPeriod.self, forKey: .recoveryFrom) {
            guard !(from < start) else {
                throw try keys.location(of: .recoveryFrom).error(
                    from.description, expected: "a month not before start (\(start))")
            }
            recoveryStartsAt = start.months(until: from)
        }
        let limit = try keys.parsedIfPresent(Money.self, forKey: .maxRecoveryPerPeriod)
        if let limit, limit < .zero {
            throw try keys.location(of: .maxRecoveryPerPeriod).error(limit.description, expected: "an amount ≥ 0")
        }
        let atTermination = try keys.decodeIfPresent(DrawTerms.AtTermination.self, forKey: .atTermination) ?? .forgive
        rule = LedgerPolicy.DrawRule(
            people: people, roles: roles, start: start, end: end,
            terms: DrawTerms(
                amount: amount, kind: kind, recoveryStartsAt: recoveryStartsAt, maxRecoveryPerPeriod: limit,
                atTermination: atTermination))
    }
}

/// One of `accounting:`: a component's ASC 340-40 profile.
private struct CostEntry: Decodable {
    let profile: LedgerPolicy.CostProfile

    enum CodingKeys: String, CodingKey, CaseIterable {
        case category
        case contractMonths = "contract_months"
        case expectedBenefitMonths = "expected_benefit_months"
        case renewalCommensurate = "renewal_commensurate"
    }

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let category = try keys.decode(CommissionCost.Category.self, forKey: .category)
        let contract = try keys.integerIfPresent(forKey: .contractMonths, in: 1...600) ?? 12
        let benefit = try keys.integerIfPresent(forKey: .expectedBenefitMonths, in: 1...1200) ?? contract
        guard benefit >= contract else {
            let place =
                keys.contains(.expectedBenefitMonths)
                ? try keys.location(of: .expectedBenefitMonths) : decoder.configurationLocation
            throw place.error(String(benefit), expected: "at least contract_months (\(contract))")
        }
        profile = LedgerPolicy.CostProfile(
            category: category, contractMonths: contract, expectedBenefitMonths: benefit,
            renewalCommensurate: try keys.decodeIfPresent(Bool.self, forKey: .renewalCommensurate) ?? false)
    }
}
