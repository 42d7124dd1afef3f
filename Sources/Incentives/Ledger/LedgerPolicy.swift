import SalesData

/// The ledger's rules beyond the plan: clawbacks, holds, draws and how commission costs are accounted for.
///
/// ```yaml
/// clawback: {window_months: 12, method: pro_rata}
/// holds:
///   - {components: [renewals], release: after_periods, periods: 1}
/// draws:
///   - {people: [R012], amount: 1000, kind: recoverable, start: 2026-01, recovery_from: 2026-04}
/// accounting:
///   new-business: {category: new_booking, contract_months: 24, expected_benefit_months: 48}
/// ```
///
/// Every key is optional; an empty policy claws nothing back, holds nothing, pays no draw and
/// expenses every cost as incurred (not incremental). See `docs/commission-accounting.md`.
public struct LedgerPolicy: Sendable, Hashable {
    /// How refunds and cancellations of earlier periods' deals recover commission; `nil`: no clawback.
    public var clawback: ClawbackPolicy?
    public var holds: [HoldRule]
    public var draws: [DrawRule]
    /// Component name → how its commission is accounted for under ASC 340-40.
    public var accounting: [String: CostProfile]

    public init(
        clawback: ClawbackPolicy? = nil, holds: [HoldRule] = [], draws: [DrawRule] = [],
        accounting: [String: CostProfile] = [:]
    ) {
        self.clawback = clawback
        self.holds = holds
        self.draws = draws
        self.accounting = accounting
    }

    /// Withholds a component's commission until a condition is met.
    public struct HoldRule: Sendable, Hashable {
        /// When held commission is released.
        public enum Release: Sendable, Hashable {
            /// In the period `n` months after the one it was earned in.
            case afterPeriods(Int)
            /// In the first period whose last day is at least `n` days after the earning period's last day.
            case afterDays(Int)
            /// In the period the customer pays the transaction (customer payments file).
            case customerPayment
        }

        public var components: Set<String>
        public var release: Release

        public init(components: Set<String>, release: Release) {
            self.components = components
            self.release = release
        }
    }

    /// A draw for some people from a start month.
    public struct DrawRule: Sendable, Hashable {
        /// Person ids the draw applies to (empty: none unless `roles` match).
        public var people: Set<String>
        /// Roles the draw applies to.
        public var roles: Set<String>
        /// The first month of the draw (its period index 0).
        public var start: CompPeriod
        /// The last month of the draw, if it ends.
        public var end: CompPeriod?
        public var terms: DrawTerms

        public init(
            people: Set<String>, roles: Set<String> = [], start: CompPeriod, end: CompPeriod? = nil, terms: DrawTerms
        ) {
            self.people = people
            self.roles = roles
            self.start = start
            self.end = end
            self.terms = terms
        }

        /// Whether the rule covers `rep` in `period`.
        func covers(_ rep: Rep, in period: CompPeriod) -> Bool {
            guard people.contains(rep.id.rawValue) || roles.contains(rep.role) else { return false }
            return !(period < start) && !(end.map { $0 < period } ?? false)
        }
    }

    /// The contract a component's commission is paid on, for ASC 340-40.
    public struct CostProfile: Sendable, Hashable {
        public var category: CommissionCost.Category
        public var contractMonths: Int
        public var expectedBenefitMonths: Int
        public var renewalCommensurate: Bool

        public init(
            category: CommissionCost.Category, contractMonths: Int = 12, expectedBenefitMonths: Int = 12,
            renewalCommensurate: Bool = false
        ) {
            self.category = category
            self.contractMonths = contractMonths
            self.expectedBenefitMonths = expectedBenefitMonths
            self.renewalCommensurate = renewalCommensurate
        }
    }
}

extension LedgerPolicy {
    /// Reads a policy file.
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` at the bad key, naming
    ///   its key path, the value and what is accepted.
    public init(yaml text: String, file: String) throws(IncentivesError) {
        let root = try StrictYAML.parse(text, file: file)
        let keys = try root.mapping(allowed: ["clawback", "holds", "draws", "accounting"])
        self.init()
        if let node = keys["clawback"] {
            let clawback = try node.mapping(allowed: ["window_months", "method"])
            let window = try clawback.required("window_months").integer(in: 1...600)
            let method = try clawback.required("method").choice([
                "full": ClawbackPolicy.Method.full, "pro_rata": .proRata,
            ])
            self.clawback = try? ClawbackPolicy(windowMonths: window, method: method)
        }
        for item in try keys["holds"]?.sequence() ?? [] {
            let hold = try item.mapping(allowed: ["components", "release", "periods", "days"])
            let components = Set(try hold.required("components").strings())
            let release: HoldRule.Release
            switch try hold.required("release").choice(["after_periods": 0, "after_days": 1, "customer_payment": 2]) {
            case 0: release = .afterPeriods(try hold.required("periods").integer(in: 1...120))
            case 1: release = .afterDays(try hold.required("days").integer(in: 1...3650))
            default: release = .customerPayment
            }
            holds.append(HoldRule(components: components, release: release))
        }
        for item in try keys["draws"]?.sequence() ?? [] {
            draws.append(try Self.drawRule(item))
        }
        if let node = keys["accounting"], case .mapping(let mapping) = node.node {
            let names = mapping.compactMap { $0.key.scalar?.string }
            let components = try node.mapping(allowed: Set(names))
            for name in names.sorted() {
                guard let entry = components[name] else { continue }
                accounting[name] = try Self.costProfile(entry)
            }
        } else if let node = keys["accounting"] {
            throw node.error("a mapping of component name to its accounting profile")
        }
    }

    private static func period(_ node: StrictYAML) throws(IncentivesError) -> CompPeriod {
        guard let period = try? CompPeriod(parsing: try node.string()) else { throw node.error("a month YYYY-MM") }
        return period
    }

    private static func drawRule(_ item: StrictYAML) throws(IncentivesError) -> DrawRule {
        let draw = try item.mapping(allowed: [
            "people", "roles", "amount", "kind", "start", "end", "recovery_from", "max_recovery_per_period",
            "at_termination",
        ])
        let people = Set(try draw["people"]?.strings() ?? [])
        let roles = Set(try draw["roles"]?.strings() ?? [])
        guard !people.isEmpty || !roles.isEmpty else {
            throw item.error("people or roles (whom the draw applies to)")
        }
        let amount = try draw.required("amount").money()
        guard amount >= .zero else { throw try draw.required("amount").error("an amount ≥ 0") }
        let kind = try draw.required("kind").choice([
            "recoverable": DrawTerms.Kind.recoverable, "non_recoverable": .nonRecoverable,
        ])
        let start = try period(try draw.required("start"))
        let end = try draw["end"].map { node throws(IncentivesError) in try period(node) }
        var recoveryStartsAt = 0
        if let node = draw["recovery_from"] {
            let from = try period(node)
            guard !(from < start) else { throw node.error("a month not before start (\(start))") }
            recoveryStartsAt = start.months(until: from)
        }
        var limit: Money?
        if let node = draw["max_recovery_per_period"] {
            limit = try node.money()
            if let value = limit, value < .zero { throw node.error("an amount ≥ 0") }
        }
        let atTermination =
            try draw["at_termination"]?.choice(["forgive": DrawTerms.AtTermination.forgive, "repay": .repay])
            ?? .forgive
        return DrawRule(
            people: people, roles: roles, start: start, end: end,
            terms: DrawTerms(
                amount: amount, kind: kind, recoveryStartsAt: recoveryStartsAt, maxRecoveryPerPeriod: limit,
                atTermination: atTermination))
    }

    private static func costProfile(_ node: StrictYAML) throws(IncentivesError) -> CostProfile {
        let keys = try node.mapping(allowed: [
            "category", "contract_months", "expected_benefit_months", "renewal_commensurate",
        ])
        let categories = Dictionary(uniqueKeysWithValues: CommissionCost.Category.allCases.map { ($0.rawValue, $0) })
        let category = try keys.required("category").choice(categories)
        let contract = try keys["contract_months"]?.integer(in: 1...600) ?? 12
        let benefitNode = keys["expected_benefit_months"]
        let benefit = try benefitNode?.integer(in: 1...1200) ?? contract
        guard benefit >= contract else {
            throw (benefitNode ?? node).error("at least contract_months (\(contract))")
        }
        return CostProfile(
            category: category, contractMonths: contract, expectedBenefitMonths: benefit,
            renewalCommensurate: try keys["renewal_commensurate"]?.bool() ?? false)
    }
}
