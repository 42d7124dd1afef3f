/// Where a commission ledger keeps its periods, versions and posted lines.
///
/// ```swift
/// let store = try SQLiteLedgerStore(path: "ledger.sqlite")
/// let ledger = CommissionLedger(store: store)
/// ```
///
/// Invariants every backend keeps: each method that writes does so in one transaction (all or
/// nothing, also when the process is killed); a paid (closed) period and the versions recorded in it
/// are never changed or deleted; ``post(_:)`` replaces the draft of an unpaid period whole.
/// ``SQLiteLedgerStore`` is the embedded backend; a PostgreSQL one can follow behind the same protocol.
public protocol LedgerStore: Sendable {
    /// Everything the ledger logic reads: periods, versions (without credits and measurements), draws,
    /// holds and posted lines.
    func state() throws -> LedgerState
    /// Writes a period's calculation, in one transaction, replacing its earlier draft.
    ///
    /// - Throws: ``LedgerError`` when the period is approved or paid.
    func post(_ posting: PeriodPosting) throws
    /// Moves `period` from state `from` to `to` and writes `payments` (when paying), in one transaction.
    ///
    /// - Throws: ``LedgerError`` when the period is not in state `from`.
    func advance(_ period: CompPeriod, from: PeriodState, to: PeriodState, payments: [PaymentRecord]) throws
    /// Every row of every table in a fixed order and format: equal texts mean equal ledgers.
    func dump() throws -> String
}

/// Where a period is in its life: open → calculated → approved → paid (closed).
public enum PeriodState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nothing calculated yet.
    case open
    /// Calculated (possibly again); may be re-run.
    case calculated
    /// Approved for payment; its calculation is frozen.
    case approved
    /// Paid: closed and immutable. Changes reaching it become new versions and adjustments.
    case paid
}

/// The ledger as the logic reads it.
public struct LedgerState: Sendable, Hashable {
    /// Every period with a calculation, in month order.
    public var periods: [PeriodRecord]
    /// Every version of every period, in (period, number) order.
    public var versions: [VersionRecord]
    /// Every posted line, in (period, sequence) order.
    public var deposits: [LedgerLine]
    public var draws: [DrawRecord]
    public var holds: [HoldRecord]
    public var adjustments: [AdjustmentRecord]
    public var payments: [PaymentRecord]

    public init(
        periods: [PeriodRecord] = [], versions: [VersionRecord] = [], deposits: [LedgerLine] = [],
        draws: [DrawRecord] = [], holds: [HoldRecord] = [], adjustments: [AdjustmentRecord] = [],
        payments: [PaymentRecord] = []
    ) {
        self.periods = periods
        self.versions = versions
        self.deposits = deposits
        self.draws = draws
        self.holds = holds
        self.adjustments = adjustments
        self.payments = payments
    }

    /// The state of `period` (open when never calculated).
    public func state(of period: CompPeriod) -> PeriodState {
        periods.first { $0.period == period }?.state ?? .open
    }

    /// The versions of `period`, oldest first.
    public func versions(of period: CompPeriod) -> [VersionRecord] {
        versions.filter { $0.period == period }
    }
}

/// A calculated period: its state, the hash of the inputs of its latest run, and its payment batch.
public struct PeriodRecord: Sendable, Hashable {
    public var period: CompPeriod
    public var state: PeriodState
    /// SHA-256 of every input of the run that posted the period's lines.
    public var inputHash: String
    /// The payroll batch id, once paid.
    public var batch: String?

    public init(period: CompPeriod, state: PeriodState, inputHash: String, batch: String? = nil) {
        self.period = period
        self.state = state
        self.inputHash = inputHash
        self.batch = batch
    }
}

/// One calculation of one period (a run): what it read (hashes) and what it produced.
public struct VersionRecord: Sendable, Hashable {
    public var period: CompPeriod
    /// 1 for the period's own calculation; 2, 3, … for restatements after it was paid.
    public var number: Int
    /// The period whose run recorded this version (the period itself for version 1).
    public var recordedIn: CompPeriod
    /// Why the period was recalculated; `nil` for version 1.
    public var reason: String?
    /// SHA-256 over `inputs`.
    public var inputHash: String
    /// Each input's own SHA-256 (`plans`, `quotas`, `transactions`, …), to say what changed.
    public var inputs: [String: String]
    /// Credits, measurements and earnings (only earnings and attributions are read back by ``LedgerStore/state()``).
    public var credits: CreditTable
    public var measurements: [Measurement]
    public var earnings: [LedgerEarning]
    /// Statement lines attributed to a transaction: what each deal paid whom (for clawbacks and holds).
    public var attributions: [Attribution]

    /// `R012/2026-01/v2`-style reference for `person`.
    public func reference(person: String) -> String { "\(person)/\(period)/v\(number)" }
}

/// What one component paid one person in one version.
public struct LedgerEarning: Sendable, Hashable {
    public var person: String
    public var plan: String
    public var component: String
    public var amount: Money
    public var toDate: Money
    public var paidBefore: Money
    public var tier: String
    public var rate: String
    public var cap: String
}

/// The share of a component's earning attributed to one credited transaction.
public struct Attribution: Sendable, Hashable {
    public var person: String
    public var component: String
    public var transaction: String
    public var amount: Money
}

/// A prior-period adjustment: the difference between two versions of a closed period for one person and
/// component, posted in an open period as the deposit line `line`.
public struct AdjustmentRecord: Sendable, Hashable {
    public var line: String
    public var period: CompPeriod
    public var fromVersion: Int
    public var toVersion: Int
    public var postedIn: CompPeriod
    public var person: String
    public var component: String
    public var amount: Money
    public var reason: String
}

/// One person's draw in one period (see ``DrawPeriod``), with any settlement at termination.
public struct DrawRecord: Sendable, Hashable {
    public var person: String
    public var period: CompPeriod
    public var draw: DrawPeriod
    public var forgiven: Money
    public var owed: Money
}

/// Commission withheld in `period` until its release condition is met.
public struct HoldRecord: Sendable, Hashable {
    /// Also the id of the negative `hold` line.
    public var id: String
    public var person: String
    public var period: CompPeriod
    public var component: String
    public var amount: Money
    /// `after_periods`, `after_days` or `customer_payment`.
    public var condition: String
    /// The release month (`after_periods`), date (`after_days`) or transaction id (`customer_payment`).
    public var releaseAfter: String
}

/// One payroll row: a person's paid amount for an earning code in a paid period.
public struct PaymentRecord: Sendable, Hashable {
    public var person: String
    public var period: CompPeriod
    public var earningCode: String
    public var amount: Money
    public var currency: String
    public var batch: String
}

/// A period's run as written by ``LedgerStore/post(_:)``: the period's own version, restated closed
/// periods, and every line posted in the period.
public struct PeriodPosting: Sendable, Hashable {
    public var period: CompPeriod
    public var inputHash: String
    /// The period's own version first, then new versions of closed periods recorded in it.
    public var versions: [VersionRecord]
    /// Lines posted in `period`, in order.
    public var deposits: [LedgerLine]
    public var adjustments: [AdjustmentRecord]
    public var draws: [DrawRecord]
    public var holds: [HoldRecord]
}
