import LinearProgramming

/// Everything that shapes a capacity plan of hires by role and month.
///
/// The plan covers each quarter's quota with productive capacity at least cost. Decodes from YAML or JSON; every
/// key but `quarterlyQuota` and `roles` has a default, written once in ``init(quarterlyQuota:roles:)``.
///
/// ```swift
/// let ae = CapacityPlanRequest.Role(name: "AE", monthlyProductivity: 10, ramp: [0, 0.5],
///                                   current: [.init(monthsInSeat: 12, count: 2)])
/// var request = CapacityPlanRequest(quarterlyQuota: [60, 60, 90, 90], roles: [ae])
/// request.leadTimeMonths = 1
/// try request.validate()
/// ```
///
/// The plan horizon is `3 × quarterlyQuota.count` months; month 1 is the first month of the plan.
public struct CapacityPlanRequest: Sendable, Hashable, Codable {
    /// Bookings the company must book in each quarter (the number to carry), in plan currency.
    public var quarterlyQuota: [Double]
    /// Share of quota the sellers' productive capacity must cover: 1 covers the quota; 1.1 plans
    /// 10 % headroom; 0.9 covers an expected-attainment-adjusted quota of 90 %.
    public var quotaCoverage: Double
    /// Months between the hire decision and the seller's first month in seat.
    ///
    /// A hire decided in plan
    /// month `d` starts in month `d + leadTimeMonths`; decisions start in month 1.
    public var leadTimeMonths: Int
    /// The selling roles to staff.
    public var roles: [Role]
    /// Most hires (all roles together) starting in one month, or `nil` for no limit.
    public var maxHiresPerMonth: Int?
    /// Most total cost of the plan's hires (hire cost plus their seller-months), or `nil` for none.
    ///
    /// The cost of the current sellers is a constant and does not count against it.
    public var hiringBudget: Double?
    /// Solver wall-clock limit in seconds (more than 0, at most `Deadline.maximumSeconds`), or `nil`
    /// for none.
    public var timeLimitSeconds: Double?
    /// Branch-and-bound node limit, or `nil` for none.
    public var nodeLimit: Int?
    /// Relative MIP gap at which the search stops and reports `optimal`; 0 proves the optimum.
    public var relativeGap: Double

    /// One selling role: its productivity, ramp, attrition, costs and current sellers.
    public struct Role: Sendable, Hashable, Codable {
        /// The role name, as in `reps.csv`'s `role` column.
        public var name: String
        /// Bookings of a fully ramped seller in one month.
        public var monthlyProductivity: Double
        /// Productivity share by month in seat.
        ///
        /// `ramp[0]` is the first month in seat; from month
        /// `ramp.count + 1` on a seller is fully ramped (share 1). Empty means no ramp.
        public var ramp: [Double]
        /// Expected share of the role's sellers who leave in a month, in `[0, 1)`.
        public var monthlyAttrition: Double
        /// One-off cost of a hire (recruiting, onboarding).
        public var costPerHire: Double
        /// Cost of one seller for one month in seat (salary, benefits, tools).
        public var costPerSellerMonth: Double
        /// Most hires of this role starting in one month, or `nil` for no limit.
        public var maxHiresPerMonth: Int?
        /// Sellers in seat at the start of the plan, grouped by months already in seat.
        public var current: [Cohort]

        /// A role with no attrition, no costs, no hiring limit and no current sellers.
        public init(
            name: String, monthlyProductivity: Double, ramp: [Double] = [], monthlyAttrition: Double = 0,
            costPerHire: Double = 0, costPerSellerMonth: Double = 0, maxHiresPerMonth: Int? = nil,
            current: [Cohort] = []
        ) {
            self.name = name
            self.monthlyProductivity = monthlyProductivity
            self.ramp = ramp
            self.monthlyAttrition = monthlyAttrition
            self.costPerHire = costPerHire
            self.costPerSellerMonth = costPerSellerMonth
            self.maxHiresPerMonth = maxHiresPerMonth
            self.current = current
        }

        /// Productivity share of a seller in their `monthInSeat`-th month (0-based).
        public func rampShare(monthInSeat: Int) -> Double {
            monthInSeat < ramp.count ? ramp[monthInSeat] : 1
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case name, monthlyProductivity, annualProductivity, ramp, monthlyAttrition, costPerHire
            case costPerSellerMonth, maxHiresPerMonth, current
        }

        /// Decodes a role; productivity is given either as `monthlyProductivity` or as
        /// `annualProductivity` (divided by 12), not both.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let monthly = try c.decodeIfPresent(Double.self, forKey: .monthlyProductivity)
            let annual = try c.decodeIfPresent(Double.self, forKey: .annualProductivity)
            let productivity: Double
            switch (monthly, annual) {
            case (let m?, nil): productivity = m
            case (nil, let a?): productivity = a / 12
            default:
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: c.codingPath + [CodingKeys.monthlyProductivity],
                        debugDescription: "exactly one of monthlyProductivity and annualProductivity"))
            }
            self.init(name: try c.decode(String.self, forKey: .name), monthlyProductivity: productivity)
            ramp = try c.decodeIfPresent([Double].self, forKey: .ramp) ?? ramp
            monthlyAttrition = try c.decodeIfPresent(Double.self, forKey: .monthlyAttrition) ?? monthlyAttrition
            costPerHire = try c.decodeIfPresent(Double.self, forKey: .costPerHire) ?? costPerHire
            costPerSellerMonth = try c.decodeIfPresent(Double.self, forKey: .costPerSellerMonth) ?? costPerSellerMonth
            maxHiresPerMonth = try c.decodeIfPresent(Int.self, forKey: .maxHiresPerMonth)
            current = try c.decodeIfPresent([Cohort].self, forKey: .current) ?? current
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(monthlyProductivity, forKey: .monthlyProductivity)
            try c.encode(ramp, forKey: .ramp)
            try c.encode(monthlyAttrition, forKey: .monthlyAttrition)
            try c.encode(costPerHire, forKey: .costPerHire)
            try c.encode(costPerSellerMonth, forKey: .costPerSellerMonth)
            try c.encodeIfPresent(maxHiresPerMonth, forKey: .maxHiresPerMonth)
            try c.encode(current, forKey: .current)
        }
    }

    /// Sellers of one role who, at the start of the plan, have been in seat the same number of months.
    public struct Cohort: Sendable, Hashable, Codable {
        /// Whole months in seat before the plan starts (0: they start in plan month 1).
        public var monthsInSeat: Int
        /// Number of sellers; may be fractional (part-time FTE).
        public var count: Double

        private enum CodingKeys: String, CodingKey, CaseIterable { case monthsInSeat, count }

        /// Decodes a cohort from its two keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                monthsInSeat: try c.decode(Int.self, forKey: .monthsInSeat),
                count: try c.decode(Double.self, forKey: .count))
        }

        /// A cohort of `count` sellers with `monthsInSeat` months in seat.
        public init(monthsInSeat: Int, count: Double) {
            self.monthsInSeat = monthsInSeat
            self.count = count
        }
    }

    /// A request with the defaults: coverage 1, no lead time, no limits, gap 0.
    public init(quarterlyQuota: [Double], roles: [Role]) {
        self.quarterlyQuota = quarterlyQuota
        self.roles = roles
        self.quotaCoverage = 1
        self.leadTimeMonths = 0
        self.maxHiresPerMonth = nil
        self.hiringBudget = nil
        self.timeLimitSeconds = nil
        self.nodeLimit = nil
        self.relativeGap = 0
    }

    /// Plan months: three per quarter.
    public var monthCount: Int { 3 * quarterlyQuota.count }

    /// The largest amount any quota, productivity or cost may reach (10¹⁵).
    public static let largestAmount = 1e15
    /// The largest number of quarters a plan may span (10 years).
    public static let largestQuarterCount = 40

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case quarterlyQuota, quotaCoverage, leadTimeMonths, roles, maxHiresPerMonth, hiringBudget
        case timeLimitSeconds, nodeLimit, relativeGap
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            quarterlyQuota: try c.decode([Double].self, forKey: .quarterlyQuota),
            roles: try c.decode([Role].self, forKey: .roles))
        quotaCoverage = try c.decodeIfPresent(Double.self, forKey: .quotaCoverage) ?? quotaCoverage
        leadTimeMonths = try c.decodeIfPresent(Int.self, forKey: .leadTimeMonths) ?? leadTimeMonths
        maxHiresPerMonth = try c.decodeIfPresent(Int.self, forKey: .maxHiresPerMonth)
        hiringBudget = try c.decodeIfPresent(Double.self, forKey: .hiringBudget)
        timeLimitSeconds = try c.decodeIfPresent(Double.self, forKey: .timeLimitSeconds)
        nodeLimit = try c.decodeIfPresent(Int.self, forKey: .nodeLimit)
        relativeGap = try c.decodeIfPresent(Double.self, forKey: .relativeGap) ?? relativeGap
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(quarterlyQuota, forKey: .quarterlyQuota)
        try c.encode(quotaCoverage, forKey: .quotaCoverage)
        try c.encode(leadTimeMonths, forKey: .leadTimeMonths)
        try c.encode(roles, forKey: .roles)
        try c.encodeIfPresent(maxHiresPerMonth, forKey: .maxHiresPerMonth)
        try c.encodeIfPresent(hiringBudget, forKey: .hiringBudget)
        try c.encodeIfPresent(timeLimitSeconds, forKey: .timeLimitSeconds)
        try c.encodeIfPresent(nodeLimit, forKey: .nodeLimit)
        try c.encode(relativeGap, forKey: .relativeGap)
    }

    /// The solver options the request asks for.
    ///
    /// - Throws: ``PlanningError`` for a time limit the shared check refuses.
    func solverOptions() throws(PlanningError) -> SolverOptions {
        SolverOptions(timeLimit: try timeLimit, relativeGap: relativeGap > 0 ? relativeGap : nil, nodeLimit: nodeLimit)
    }
}
