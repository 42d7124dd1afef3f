import SalesData

/// Everything that shapes a top-down quota cascade.
///
/// Decodes from YAML (see `Data/plans/quota.yaml`); every field but `target` has a default.
///
/// ```swift
/// var config = QuotaPlanConfiguration(target: 50_000_000)
/// config.basis = try BasisBlend(parsing: "history:0.5,potential:0.5")
/// config.overAssignment = [0.10]          // 10 % at every level
/// config.growthFloor = 0; config.growthCap = 0.30
/// ```
public struct QuotaPlanConfiguration: Sendable, Hashable, Codable {
    /// The company number (quota of the root node).
    public var target: Double
    /// How siblings are weighed.
    public var basis: BasisBlend
    /// Over-assignment by parent level (index 0: the root splitting to its children); the last
    /// value repeats for deeper levels.
    ///
    /// 0.10 means the children together carry 110 % of the parent; on roll-up the reduction factor is 1 / 1.10.
    public var overAssignment: [Double]
    /// Lowest growth over prior year for a seat with a full prior year (for example 0 for +0 %).
    public var growthFloor: Double?
    /// Highest growth over prior year for a seat with a full prior year (for example 0.30 for +30 %).
    public var growthCap: Double?
    /// Share of each first-line manager's pool held back as attrition relief (a reserve node).
    public var attritionRelief: Double
    /// Ramp for new hires and for vacancies filled during the year.
    public var ramp: RampSchedule
    /// First day of the plan year (month-aligned).
    public var planStart: CalendarDate
    /// What happens to vacant and to-be-hired seats.
    public var vacancyPolicy: VacancyPolicy
    /// Manual quotas kept as given; siblings absorb the difference.
    public var overrides: [QuotaNodeID: Double]
    /// How annual quotas are split over the year.
    public var periods: Periodicity
    /// Quotas are whole multiples of this unit, and children add up to their pool exactly.
    public var roundingUnit: Double
    /// Equal-probability fairness and the attainment report.
    public var fairness: FairnessSettings

    public init(target: Double) {
        self.target = target
        self.basis = BasisBlend.evenSplit
        self.overAssignment = [0]
        self.attritionRelief = 0
        self.ramp = .standard
        self.planStart = CalendarDate.defaultPlanStart
        self.vacancyPolicy = .holdAtManager
        self.overrides = [:]
        self.periods = .quarterly
        self.roundingUnit = 1
        self.fairness = FairnessSettings()
    }

    /// Over-assignment applied when a node at `level` splits to its children.
    public func overAssignment(atLevel level: Int) -> Double {
        overAssignment.isEmpty ? 0 : overAssignment[min(level, overAssignment.count - 1)]
    }

    /// The largest amount a target, override or pool may reach (10¹⁵ in the plan currency): far
    /// above any sales plan, and low enough that amounts in cents and counts of rounding units stay
    /// exact in a `Double` and convertible to `Int64`.
    public static let largestAmount = 1e15
    /// The largest over-assignment per level (10 = children carry 1,100 % of the parent).
    public static let largestOverAssignment = 10.0
    /// The largest growth floor or cap over the growth base (100 = +10,000 %).
    public static let largestGrowth = 100.0
    /// The largest number of rounding units in one amount (2⁵³: whole units stay exact).
    public static let largestUnitCount = 9_007_199_254_740_992.0

    /// Checks every value's domain, including the magnitudes that keep every amount, cent and unit
    /// count representable (``largestAmount``, ``largestOverAssignment``, ``largestGrowth``).
    public func validate() throws(QuotaError) {
        func check(_ ok: Bool, _ field: String, _ value: Double, _ expected: String) throws(QuotaError) {
            if !ok { throw .invalidValue(field: field, value: "\(value)", expected: expected) }
        }
        let most = Self.largestAmount
        try check(
            target.isFinite && target > 0 && target <= most, "target", target, "an amount in (0, \(most.formatted2)]")
        for f in overAssignment {
            try check(
                f.isFinite && f > -1 && f <= Self.largestOverAssignment, "overAssignment", f,
                "a fraction in (-1, \(Self.largestOverAssignment)] (0.10 = 110 %)")
        }
        let growth = Self.largestGrowth
        if let floor = growthFloor {
            try check(
                floor.isFinite && floor >= -1 && floor <= growth, "growthFloor", floor, "a fraction in [-1, \(growth)]")
        }
        if let cap = growthCap {
            try check(cap.isFinite && cap >= -1 && cap <= growth, "growthCap", cap, "a fraction in [-1, \(growth)]")
        }
        if let floor = growthFloor, let cap = growthCap {
            try check(floor <= cap, "growthFloor", floor, "at most growthCap (\(cap))")
        }
        try check(
            attritionRelief.isFinite && (0..<1).contains(attritionRelief), "attritionRelief", attritionRelief,
            "a fraction in [0, 1)")
        try check(
            roundingUnit.isFinite && roundingUnit > 0 && target / roundingUnit <= Self.largestUnitCount, "roundingUnit",
            roundingUnit, "an amount > 0 and at least the target ÷ \(Self.largestUnitCount.formatted2)")
        if planStart.day != 1 {
            throw .invalidValue(field: "planStart", value: "\(planStart)", expected: "the first day of a month")
        }
        for (id, amount) in overrides.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try check(
                amount.isFinite && amount >= 0 && amount <= most, "overrides.\(id)", amount,
                "an amount in [0, \(most.formatted2)]")
        }
        try fairness.validate()
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case target, basis, overAssignment, growthFloor, growthCap, attritionRelief, ramp, planStart
        case vacancyPolicy, overrides, periods, roundingUnit, fairness
    }

    /// Decodes a plan; every key but `target` has a default, and a missing `target` (0) is left for
    /// ``validate()`` so that `--target` can supply it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(target: try c.decodeIfPresent(Double.self, forKey: .target) ?? 0)
        basis = try c.decodeIfPresent(BasisBlend.self, forKey: .basis) ?? basis
        if let single = try? c.decodeIfPresent(Double.self, forKey: .overAssignment) {
            overAssignment = [single]
        } else if let list = try c.decodeIfPresent([Double].self, forKey: .overAssignment) {
            overAssignment = list
        }
        growthFloor = try c.decodeIfPresent(Double.self, forKey: .growthFloor)
        growthCap = try c.decodeIfPresent(Double.self, forKey: .growthCap)
        attritionRelief = try c.decodeIfPresent(Double.self, forKey: .attritionRelief) ?? 0
        ramp = try c.decodeIfPresent(RampSchedule.self, forKey: .ramp) ?? ramp
        planStart = try c.decodeIfPresent(CalendarDate.self, forKey: .planStart) ?? planStart
        vacancyPolicy = try c.decodeIfPresent(VacancyPolicy.self, forKey: .vacancyPolicy) ?? vacancyPolicy
        if let raw = try c.decodeIfPresent([String: Double].self, forKey: .overrides) {
            overrides = Dictionary(uniqueKeysWithValues: raw.map { (QuotaNodeID($0.key), $0.value) })
        }
        periods = try c.decodeIfPresent(Periodicity.self, forKey: .periods) ?? periods
        roundingUnit = try c.decodeIfPresent(Double.self, forKey: .roundingUnit) ?? roundingUnit
        fairness = try c.decodeIfPresent(FairnessSettings.self, forKey: .fairness) ?? fairness
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(target, forKey: .target)
        try c.encode(basis, forKey: .basis)
        try c.encode(overAssignment, forKey: .overAssignment)
        try c.encodeIfPresent(growthFloor, forKey: .growthFloor)
        try c.encodeIfPresent(growthCap, forKey: .growthCap)
        try c.encode(attritionRelief, forKey: .attritionRelief)
        try c.encode(ramp, forKey: .ramp)
        try c.encode(planStart, forKey: .planStart)
        try c.encode(vacancyPolicy, forKey: .vacancyPolicy)
        try c.encode(
            Dictionary(uniqueKeysWithValues: overrides.map { ($0.key.rawValue, $0.value) }), forKey: .overrides)
        try c.encode(periods, forKey: .periods)
        try c.encode(roundingUnit, forKey: .roundingUnit)
        try c.encode(fairness, forKey: .fairness)
    }
}

/// What a vacant or to-be-hired seat receives.
public enum VacancyPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The seat's full share is computed but carried by its manager (flagged `held`).
    case holdAtManager = "hold"
    /// The seat gets a quota ramped from its expected start date; without one it is held.
    case rampFromExpectedStart = "ramp"
}

/// How annual quotas are split over the plan year.
public enum Periodicity: String, Sendable, Hashable, Codable, CaseIterable {
    case annual, quarterly, monthly

    /// Number of periods in the plan year.
    public var count: Int {
        switch self {
        case .annual: 1
        case .quarterly: 4
        case .monthly: 12
        }
    }

    /// Column label of period `index` (0-based).
    public func label(_ index: Int) -> String {
        switch self {
        case .annual: "FY"
        case .quarterly: "Q\(index + 1)"
        case .monthly: "M\(index + 1)"
        }
    }
}

extension BasisBlend {
    static let evenSplit: BasisBlend = {
        do { return try BasisBlend([.even: 1]) } catch { preconditionFailure("constant blend is valid") }
    }()
}

extension CalendarDate {
    static let defaultPlanStart: CalendarDate = {
        guard let date = CalendarDate(year: 2026, month: 1, day: 1) else {
            preconditionFailure("constant date is valid")
        }
        return date
    }()
}
