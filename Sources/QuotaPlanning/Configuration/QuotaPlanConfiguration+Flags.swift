import SalesData

extension QuotaPlanConfiguration {
    /// Command-line values laid over a configuration; `nil` keeps the configured value.
    public struct Flags: Sendable {
        public var target: Double?
        public var basis: String?
        public var overAssignment: String?
        public var growthFloor: Double?
        public var growthCap: Double?
        public var attritionRelief: Double?
        public var ramp: String?
        public var planStart: String?
        public var vacancies: String?
        public var overrides: [String]
        public var periods: String?
        public var roundingUnit: Double?
        public var fairness: String?
        public var distribution: String?
        public var warnBelow: Double?

        public init(
            target: Double? = nil, basis: String? = nil, overAssignment: String? = nil, growthFloor: Double? = nil,
            growthCap: Double? = nil, attritionRelief: Double? = nil, ramp: String? = nil, planStart: String? = nil,
            vacancies: String? = nil, overrides: [String] = [], periods: String? = nil, roundingUnit: Double? = nil,
            fairness: String? = nil, distribution: String? = nil, warnBelow: Double? = nil
        ) {
            self.target = target
            self.basis = basis
            self.overAssignment = overAssignment
            self.growthFloor = growthFloor
            self.growthCap = growthCap
            self.attritionRelief = attritionRelief
            self.ramp = ramp
            self.planStart = planStart
            self.vacancies = vacancies
            self.overrides = overrides
            self.periods = periods
            self.roundingUnit = roundingUnit
            self.fairness = fairness
            self.distribution = distribution
            self.warnBelow = warnBelow
        }
    }

    /// Parses and applies `flags`, then validates the result.
    ///
    /// - Throws: ``QuotaError/invalidValue(field:value:expected:)`` naming the flag.
    public mutating func apply(_ flags: Flags) throws(QuotaError) {
        func numbers(_ text: String, _ field: String) throws(QuotaError) -> [Double] {
            var values: [Double] = []
            for part in text.split(separator: ",") {
                guard let v = Double(part.trimmingCharacters(in: " ")) else {
                    throw .invalidValue(field: field, value: text, expected: "comma-separated numbers")
                }
                values.append(v)
            }
            return values
        }
        func choice<T: RawRepresentable<String>>(_ text: String?, _ field: String, _ expected: String)
            throws(QuotaError) -> T?
        {
            guard let text else { return nil }
            guard let value = T(rawValue: text) else {
                throw .invalidValue(field: field, value: text, expected: expected)
            }
            return value
        }
        if let v = flags.target { target = v }
        if let v = flags.basis { basis = try BasisBlend(parsing: v) }
        if let v = flags.overAssignment { overAssignment = try numbers(v, "--over-assign") }
        if let v = flags.growthFloor { growthFloor = v }
        if let v = flags.growthCap { growthCap = v }
        if let v = flags.attritionRelief { attritionRelief = v }
        if let v = flags.ramp { ramp = try RampSchedule(try numbers(v, "--ramp")) }
        if let v = flags.planStart { planStart = try CalendarDate.parsing(v, field: "--plan-start") }
        if let v: VacancyPolicy = try choice(flags.vacancies, "--vacancies", "hold or ramp") { vacancyPolicy = v }
        for item in flags.overrides {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let amount = Double(parts[1]) else {
                throw .invalidValue(field: "--override", value: item, expected: "NODE=AMOUNT")
            }
            overrides[QuotaNodeID(String(parts[0]))] = amount
        }
        if let v: Periodicity = try choice(flags.periods, "--periods", "annual, quarterly or monthly") { periods = v }
        if let v = flags.roundingUnit { roundingUnit = v }
        let methods = "basis, equal-probability (plan-wide) or equal-probability-siblings"
        if let v: FairnessSettings.Method = try choice(flags.fairness, "--fairness", methods) {
            fairness.method = v
        }
        if let v: FairnessSettings.Distribution = try choice(
            flags.distribution, "--distribution", "normal or lognormal")
        {
            fairness.distribution = v
        }
        if let v = flags.warnBelow { fairness.warnBelow = v }
        try validate()
    }
}
