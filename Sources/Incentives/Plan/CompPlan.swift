import SalesData

/// A compensation plan: a name and its effective-dated versions (see `docs/comp-plans.md`).
///
/// ```swift
/// let plan = try CompPlan(yaml: text, file: "ae.yaml")
/// plan.version(on: CalendarDate(year: 2026, month: 3, day: 31)!)?.targetIncentive   // $100,000.00
/// ```
///
/// Invariant: versions are sorted by start and do not overlap (checked when decoded).
public struct CompPlan: Sendable, Hashable {
    /// The plan's identifier (`plan:`), unique across a plan folder.
    public var id: String
    public var name: String
    public var versions: [PlanVersion]
    /// Where the plan's `plan:` key is.
    public var location: SourceLocation

    public init(id: String, name: String, versions: [PlanVersion], location: SourceLocation) {
        self.id = id
        self.name = name
        self.versions = versions
        self.location = location
    }

    /// The version in force on `date`, if any.
    public func version(on date: CalendarDate) -> PlanVersion? {
        versions.last { $0.effective <= date && ($0.until.map { date <= $0 } ?? true) }
    }
}

/// One effective-dated version of a plan: who it applies to, the money at stake and its components.
public struct PlanVersion: Sendable, Hashable {
    /// First day in force.
    public var effective: CalendarDate
    /// Last day in force (inclusive); open-ended when `nil`.
    public var until: CalendarDate?
    public var assignment: PlanAssignment
    /// On-target earnings (base + target incentive), informative.
    public var ote: Money?
    /// Share of OTE that is variable (`pay_mix: 50/50` → 0.5), informative.
    public var variableShare: Rate?
    /// Annual target incentive; a component's target is this × its weight.
    public var targetIncentive: Money
    /// What is prorated by days in seat.
    public var prorateQuota: Bool
    public var prorateTarget: Bool
    /// Quota multiplier by month in seat (1-based: `ramp[0]` is the first month); 1 afterwards.
    public var ramp: [Rate]
    public var components: [PlanComponent]
    public var location: SourceLocation
}

/// Who a plan applies to.
///
/// The most specific match wins: person (3) over title (2) over role (1).
///
/// A `title` matches a person's `role` in reps.csv exactly; a `role` matches when it occurs in it as a
/// whole word sequence, ignoring case (`Manager` matches `District Manager`).
public struct PlanAssignment: Sendable, Hashable {
    public var roles: [String]
    public var titles: [String]
    public var people: [RepID]

    /// How specifically this assignment names `rep`: 3 person, 2 title, 1 role, 0 not at all.
    public func specificity(for rep: Rep) -> Int {
        if people.contains(rep.id) { return 3 }
        if titles.contains(rep.role) { return 2 }
        let words = rep.role.lowercased().split(separator: " ").map(String.init)
        for role in roles {
            let wanted = role.lowercased().split(separator: " ").map(String.init)
            guard !wanted.isEmpty, wanted.count <= words.count else { continue }
            for start in 0...(words.count - wanted.count) where Array(words[start..<start + wanted.count]) == wanted {
                return 1
            }
        }
        return 0
    }
}

/// One component of a plan version: what is measured, against what, and how it pays.
public struct PlanComponent: Sendable, Hashable {
    /// How a component pays.
    public enum Kind: Sendable, Hashable {
        /// Measured against a quota and paid by ``PlanComponent/rule``.
        case quota
        /// A management-by-objectives score (0...1 or more) imported per person and period × target.
        case mbo
        /// A special incentive on qualifying transactions.
        case spiff(Spiff)
    }

    /// The number a component adds up over credited transactions.
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        /// The credited amount of bookings, refunds and cancellations.
        case bookings
        /// The credited amount of every transaction type.
        case revenue
        /// The number of credited transactions (a refund or cancellation counts −1).
        case units
    }

    /// The window attainment is measured over.
    public enum AttainmentPeriod: String, Sendable, Hashable, CaseIterable {
        case month, quarter, year
    }

    /// When a quarter or year component pays.
    public enum Payout: String, Sendable, Hashable, CaseIterable {
        /// Every month, the to-date payout less what earlier months of the window paid (MTD/QTD/YTD).
        case toDate = "to_date"
        /// Once, in the window's last month.
        case periodEnd = "period_end"
    }

    public var name: String
    public var kind: Kind
    public var measure: Measure
    /// Column → accepted values; a transaction qualifies when every listed column holds one of its values.
    public var filter: [String: Set<String>]
    /// Which credits count: `revenue`, `overlay`, `rollup`.
    public var creditKinds: Set<CreditKind>
    /// The quota's name in the quota file (quota components).
    public var quota: String
    public var period: AttainmentPeriod
    public var payout: Payout
    /// Share of the target incentive.
    public var weight: Rate
    public var rule: PayoutRule
    /// Below this attainment the component pays nothing.
    public var threshold: Rate?
    public var gate: Gate?
    public var modifiers: [Modifier]
    public var capPerPeriod: Cap?
    public var capPerYear: Cap?
    public var location: SourceLocation
    /// Where `quota:` is (for a missing quota).
    public var quotaLocation: SourceLocation
}

/// How a quota component turns attainment into money.
public enum PayoutRule: Sendable, Hashable {
    /// Tiers by attainment, each with a rate.
    case rateTable(RateTable)
    /// Payout as a multiple of the target, linear between points; 0 below the first, flat after the last.
    case curve([CurvePoint])
    /// Payout as a multiple of the target of the highest point reached; 0 below the first.
    case steps([CurvePoint])
}

/// A rate table: tiers by attainment (fraction of quota), named explicitly marginal or retroactive.
///
/// - `marginal`: each slice of attainment between a tier's start and the next tier's start pays that
///   tier's rate (quota $100k, sales $104k, 3 %/5 % at 100 % → $3,000 + $200 = $3,200).
/// - `retroactive`: everything pays the rate of the highest tier reached ($104k × 5 % = $5,200).
///
/// `pays: credit` reads rates as a share of credited amount; `pays: target` as multiples of the
/// component's target incentive per 100 % of attainment (an OTE pay curve).
public struct RateTable: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, CaseIterable { case marginal, retroactive }
    public enum Pays: String, Sendable, Hashable, CaseIterable { case credit, target }

    public var method: Method
    public var pays: Pays
    /// Sorted by `from`, the first from 0.
    public var tiers: [Tier]
}

/// One tier of a ``RateTable``.
public struct Tier: Sendable, Hashable {
    public var name: String
    /// Attainment where the tier starts (inclusive).
    public var from: Rate
    public var rate: Rate
}

/// A point of a pay curve or step table: at `attainment`, pay `payout` × target.
public struct CurvePoint: Sendable, Hashable {
    public var attainment: Rate
    public var payout: Rate
}

/// A gate: the component pays above `otherwiseCapAttainment` only when another component's attainment
/// is at least `atLeast`.
public struct Gate: Sendable, Hashable {
    public var component: String
    public var atLeast: Rate
    /// Attainment used when the gate is not met (100 %: nothing above quota).
    public var otherwiseCapAttainment: Rate
    public var location: SourceLocation
}

/// A multiplier applied when another component's attainment is below (or at least) a level.
public struct Modifier: Sendable, Hashable {
    public var name: String
    public var component: String
    public var below: Rate?
    public var atLeast: Rate?
    public var multiply: Rate
    public var location: SourceLocation
}

/// A cap: an amount, or a multiple of the component's target incentive for the window.
public enum Cap: Sendable, Hashable {
    case amount(Money)
    case targetMultiple(Rate)
}

/// A SPIFF: a flat amount or a percentage of credit, on every qualifying transaction or once per period.
public struct Spiff: Sendable, Hashable {
    public enum Pays: Sendable, Hashable {
        case flat(Money)
        case percent(Rate)
    }
    public enum Per: String, Sendable, Hashable, CaseIterable { case transaction, period }
    public var pays: Pays
    public var per: Per
}

/// The kind of a credit: a revenue share, an overlay on top, or a manager roll-up.
public enum CreditKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case revenue, overlay, rollup
    public static func < (lhs: CreditKind, rhs: CreditKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
