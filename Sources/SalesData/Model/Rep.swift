/// A sales position and the person in it (or nobody, when vacant).
///
/// ```swift
/// let rep = Rep(id: "R-001", name: "Dana Reyes", role: "Account Executive", managerID: "M-01",
///               homeBase: GeoPoint(latitude: 39.74, longitude: -104.99))
/// rep.isAvailable(on: CalendarDate(year: 2025, month: 6, day: 1)!)   // true
/// ```
public struct Rep: Sendable, Hashable, Codable, Identifiable {
    /// Staffing state of the position.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person holds the position.
        case active
        /// The position exists but nobody holds it.
        case vacant
        /// A hire is planned; see ``Rep/hireDate`` for the expected start.
        case toBeHired = "to_be_hired"
    }

    public var id: RepID
    public var name: String
    /// Job title or role, for example `Account Executive`, `District Manager`.
    public var role: String
    /// The rep's manager (Workday `supervisor`); `nil` at the top.
    public var managerID: RepID?
    /// The territory this position covers, if any.
    public var territoryID: TerritoryID?
    /// Where the rep starts their trips.
    public var homeBase: GeoPoint?
    /// Selling capacity in full-time equivalents (1 = one full-time rep).
    public var capacityFTE: Double
    public var hireDate: CalendarDate?
    public var terminationDate: CalendarDate?
    public var status: Status

    public init(
        id: RepID, name: String, role: String = "Account Executive", managerID: RepID? = nil,
        territoryID: TerritoryID? = nil, homeBase: GeoPoint? = nil, capacityFTE: Double = 1,
        hireDate: CalendarDate? = nil, terminationDate: CalendarDate? = nil, status: Status = .active
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.managerID = managerID
        self.territoryID = territoryID
        self.homeBase = homeBase
        self.capacityFTE = capacityFTE
        self.hireDate = hireDate
        self.terminationDate = terminationDate
        self.status = status
    }

    /// Whether the position is staffed on `date`: active, hired on or before it and not yet terminated.
    public func isAvailable(on date: CalendarDate) -> Bool {
        guard status == .active else { return false }
        if let hireDate, hireDate > date { return false }
        if let terminationDate, terminationDate <= date { return false }
        return true
    }
}
