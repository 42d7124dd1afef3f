/// A commission cost to account for under ASC 340-40 / IFRS 15: what it was paid for, when, and the
/// contract it helped obtain.
///
/// Invariant (checked by ``CommissionAccounting``): `contractMonths ≥ 1`,
/// `expectedBenefitMonths ≥ contractMonths`, and `churned`, when set, is not before `incurred`.
public struct CommissionCost: Sendable, Hashable, Codable {
    /// What the commission was earned for; decides whether it is incremental.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        /// A new contract booking (incremental).
        case newBooking = "new_booking"
        /// An upsell or expansion booking (incremental).
        case upsell
        /// A renewal booking (incremental).
        case renewal
        /// A management-by-objectives payout (not incremental to any contract).
        case mbo
        /// A SPIFF for activity such as meetings or demos (not incremental).
        case activitySpiff = "activity_spiff"
        /// A non-recoverable draw's top-up above earnings (not incremental).
        case drawTopUp = "draw_top_up"

        /// Whether the cost would not have been incurred without obtaining a contract.
        public var isIncremental: Bool {
            switch self {
            case .newBooking, .upsell, .renewal: return true
            case .mbo, .activitySpiff, .drawTopUp: return false
            }
        }
    }

    /// Unique, for example the ledger line id it comes from.
    public var id: String
    public var person: String
    public var contract: String
    public var category: Category
    public var amount: Money
    /// The month the cost is incurred; capitalization and the first month of amortization.
    public var incurred: CompPeriod
    /// The term of the contract the commission was paid on, in months.
    public var contractMonths: Int
    /// The expected benefit period including anticipated renewals, in months (the expected customer life).
    public var expectedBenefitMonths: Int
    /// Whether renewals earn a commission commensurate with this one; then the benefit is the contract term.
    public var renewalCommensurate: Bool
    /// The month the customer churned (the contract ended early), if it did.
    public var churned: CompPeriod?

    public init(
        id: String, person: String, contract: String, category: Category, amount: Money, incurred: CompPeriod,
        contractMonths: Int, expectedBenefitMonths: Int, renewalCommensurate: Bool, churned: CompPeriod? = nil
    ) {
        self.id = id
        self.person = person
        self.contract = contract
        self.category = category
        self.amount = amount
        self.incurred = incurred
        self.contractMonths = contractMonths
        self.expectedBenefitMonths = expectedBenefitMonths
        self.renewalCommensurate = renewalCommensurate
        self.churned = churned
    }
}

/// How a cost is accounted for, with the reason code printed on its journal entries.
public enum CostTreatment: Sendable, Hashable, Codable {
    /// An asset amortized straight-line over `months` from the month incurred.
    case capitalized(ReasonCode, months: Int)
    /// Expensed when incurred.
    case expensed(ReasonCode)

    /// Reason codes for capitalizing or expensing.
    public enum ReasonCode: String, Sendable, Hashable, Codable {
        /// Incremental cost of a new contract.
        case incrementalNew = "CAP-NEW"
        /// Incremental cost of an upsell.
        case incrementalUpsell = "CAP-UPSELL"
        /// Incremental cost of a renewal.
        case incrementalRenewal = "CAP-RENEWAL"
        /// Not incremental to obtaining a contract (MBO, activity SPIFF, draw top-up).
        case notIncremental = "EXP-NOT-INCREMENTAL"
        /// Amortization period of one year or less: the practical expedient (ASC 340-40-25-4).
        case practicalExpedient = "EXP-ONE-YEAR"
        /// A negative cost (clawback, downward adjustment): expense reversed when incurred.
        case reversal = "EXP-REVERSAL"
    }
}
