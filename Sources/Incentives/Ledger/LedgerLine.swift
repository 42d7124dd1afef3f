/// One posted line of a person's commission ledger: an earning, a draw, a recovery, a clawback or an
/// adjustment, in cents.
///
/// Invariant: a posted line is never edited. Corrections are new lines whose `references` names the line
/// (or the period version) they correct, carrying a `reason`.
public struct LedgerLine: Sendable, Hashable, Codable {
    /// What a line records.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Commission earned by a plan component.
        case earning
        /// The part of a draw paid above earnings (an advance when recoverable, a top-up when not).
        case drawAdvance = "draw_advance"
        /// A recoverable draw balance taken back from earnings (negative).
        case drawRecovery = "draw_recovery"
        /// A recoverable draw balance written off at termination (informational; not paid).
        case drawForgiveness = "draw_forgiveness"
        /// Commission recovered after a refund or cancellation (negative).
        case clawback
        /// The difference from recalculating a closed period, posted in the open period.
        case priorPeriodAdjustment = "prior_period_adjustment"
        /// Commission withheld until a release condition is met (negative; the earning line stays).
        case hold
        /// A withheld amount paid once its condition is met (positive; references the hold).
        case holdRelease = "hold_release"

        /// Whether the line is part of what is paid (a forgiveness is informational only).
        public var isPayable: Bool { self != .drawForgiveness }

        /// The payroll earning code of the line (`docs/payroll.md`).
        public var earningCode: String {
            switch self {
            case .earning: return "COMM"
            case .drawAdvance: return "DRAW"
            case .drawRecovery: return "DRAWREC"
            case .drawForgiveness: return "DRAWFGV"
            case .clawback: return "CLAWBACK"
            case .priorPeriodAdjustment: return "COMMADJ"
            case .hold: return "HOLD"
            case .holdRelease: return "HOLDREL"
            }
        }
    }

    /// Unique and stable, for example `R012/2026-01/bookings/v1`.
    public var id: String
    public var person: String
    /// The period the line is posted in (paid with).
    public var period: CompPeriod
    public var kind: Kind
    /// The plan component (or `draw`) the line belongs to.
    public var component: String
    public var amount: Money
    /// The line or period version this one corrects; `nil` for original lines.
    public var references: String?
    /// Why the line exists when it corrects something (`cancelled`, `quota corrected effective 2026-01`).
    public var reason: String?

    public init(
        id: String, person: String, period: CompPeriod, kind: Kind, component: String, amount: Money,
        references: String? = nil, reason: String? = nil
    ) {
        self.id = id
        self.person = person
        self.period = period
        self.kind = kind
        self.component = component
        self.amount = amount
        self.references = references
        self.reason = reason
    }
}
