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
