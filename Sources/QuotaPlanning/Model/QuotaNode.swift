import SalesData

/// One node of the sales organisation as quota planning sees it: an organisational unit (company,
/// region, district) or a seat (a rep's position, filled or vacant).
///
/// Measures left `nil` on a unit are rolled up from its descendants; on a seat they count as zero
/// for the basis, and a seat without a prior year gets no growth floor or cap.
///
/// ```swift
/// let rep = QuotaNode(id: "rep-7", parent: "D-3", role: .seat,
///                     measures: BasisMeasures(priorYear: 900_000, potential: 2_400_000))
/// ```
public struct QuotaNode: Sendable, Hashable, Codable {
    /// Whether the node splits its quota further or carries it.
    public enum Role: String, Sendable, Hashable, Codable {
        /// A company, region or district: allocates to its children.
        case unit
        /// A rep's position: carries quota.
        case seat
        /// A synthetic reserve held at a manager (attrition relief); created by the cascade.
        case reserve
    }

    /// Whether a seat is filled.
    public enum Status: String, Sendable, Hashable, Codable {
        case active
        case vacant
        case toBeHired = "to-be-hired"
    }

    public var id: QuotaNodeID
    public var name: String
    public var parent: QuotaNodeID?
    public var role: Role
    public var status: Status
    /// The day the rep started in the seat (drives the ramp).
    public var hireDate: CalendarDate?
    /// For a vacant or to-be-hired seat: the expected start of its future rep.
    public var expectedStart: CalendarDate?
    public var measures: BasisMeasures
    /// Sales per plan month (month 1 = first month of the plan year), for seasonality; optional.
    public var monthlyHistory: [Double]?
    /// Coefficient of variation of the node's annual sales (standard deviation ÷ mean); optional.
    public var volatility: Double?

    public init(
        id: QuotaNodeID, name: String? = nil, parent: QuotaNodeID?, role: Role, status: Status = .active,
        hireDate: CalendarDate? = nil, expectedStart: CalendarDate? = nil, measures: BasisMeasures = BasisMeasures(),
        monthlyHistory: [Double]? = nil, volatility: Double? = nil
    ) {
        self.id = id
        self.name = name ?? id.rawValue
        self.parent = parent
        self.role = role
        self.status = status
        self.hireDate = hireDate
        self.expectedStart = expectedStart
        self.measures = measures
        self.monthlyHistory = monthlyHistory
        self.volatility = volatility
    }
}

/// The per-node figures a basis can be computed from.
///
/// All are amounts in the plan currency, except `potential`, which may be any account attribute summed over the node's
/// accounts.
public struct BasisMeasures: Sendable, Hashable, Codable {
    public var priorYear: Double?
    public var trailing12Months: Double?
    public var potential: Double?
    public var pipeline: Double?

    public init(
        priorYear: Double? = nil, trailing12Months: Double? = nil, potential: Double? = nil, pipeline: Double? = nil
    ) {
        self.priorYear = priorYear
        self.trailing12Months = trailing12Months
        self.potential = potential
        self.pipeline = pipeline
    }

    /// The value used for a basis method; `even` is 1 for every node.
    public func value(for method: BasisMethod) -> Double {
        switch method {
        case .even: 1
        case .priorYear: priorYear ?? 0
        case .trailing12Months: trailing12Months ?? 0
        case .potential: potential ?? 0
        case .pipeline: pipeline ?? 0
        }
    }

    /// Adds `other` to each measure; a measure stays `nil` only when both are `nil`.
    mutating func accumulate(_ other: BasisMeasures) {
        func add(_ a: Double?, _ b: Double?) -> Double? { a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0) }
        priorYear = add(priorYear, other.priorYear)
        trailing12Months = add(trailing12Months, other.trailing12Months)
        potential = add(potential, other.potential)
        pipeline = add(pipeline, other.pipeline)
    }
}
