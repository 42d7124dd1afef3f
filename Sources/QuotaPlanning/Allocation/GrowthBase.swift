import SalesData

/// The amount a seat's growth floor and cap multiply: last year's sales when they mean something.
///
/// A growth bound on a zero base would pin the quota at zero (+60 % of nothing), so the base is:
/// 1. the prior year, when the rep was in seat the whole prior year and sold something in it;
/// 2. else the trailing twelve months, when positive and the rep was in seat for all of them;
/// 3. else the trailing twelve months annualised (× 12 ÷ months in seat), when the rep has been
///    in seat at least ``minimumMonthsToAnnualise`` months before the plan year;
/// 4. else none: the seat gets no growth floor or cap, and `quota_checks.csv` says so.
public struct GrowthBase: Sendable, Hashable, Codable {
    /// Where the base comes from.
    public enum Source: String, Sendable, Hashable, Codable {
        case priorYear = "prior-year"
        case trailing12Months = "t12m"
        case annualisedTrailing12Months = "t12m-annualised"
    }

    public let amount: Double
    public let source: Source

    public init(amount: Double, source: Source) {
        self.amount = amount
        self.source = source
    }

    /// Months in seat a partial trailing year needs before it is annualised into a base.
    public static let minimumMonthsToAnnualise = 6.0

    /// The growth floor and cap this base gives under `configuration` (`nil` where not configured).
    func bounds(_ configuration: QuotaPlanConfiguration) -> (lower: Double?, upper: Double?) {
        (configuration.growthFloor.map { amount * (1 + $0) }, configuration.growthCap.map { amount * (1 + $0) })
    }

    static func of(_ node: QuotaNode, planStart: CalendarDate, yearBefore: CalendarDate) -> GrowthBase? {
        let fullYear = node.hireDate.map { $0 <= yearBefore } ?? true
        if fullYear, let prior = node.measures.priorYear, prior > 0 {
            return GrowthBase(amount: prior, source: .priorYear)
        }
        guard let trailing = node.measures.trailing12Months, trailing > 0 else { return nil }
        if fullYear { return GrowthBase(amount: trailing, source: .trailing12Months) }
        guard let hired = node.hireDate else { return nil }
        let months =
            Double(planStart.monthOrdinal - hired.monthOrdinal)
            - Double(hired.day - 1) / Double(hired.daysInThisMonth)
        guard months >= minimumMonthsToAnnualise else { return nil }
        return GrowthBase(amount: trailing * 12 / min(months, 12), source: .annualisedTrailing12Months)
    }
}
