/// A customer or prospect company: where it is, how big it is, who owns it today and what it bought.
///
/// ```swift
/// var acme = Account(id: "A-1", name: "Acme", location: GeoPoint(latitude: 33.75, longitude: -84.39))
/// acme.attributes["potential"] = 120_000
/// acme.measure("potential")        // 120000
/// acme.measure("annualRevenue")    // nil (unknown)
/// ```
public struct Account: Sendable, Hashable, Codable, Identifiable {
    public var id: AccountID
    public var name: String
    /// Billing location (Salesforce `BillingLatitude` / `BillingLongitude`).
    public var location: GeoPoint
    public var postalCode: String?
    /// Five-digit US county FIPS code, for example `13121` for Fulton County, GA.
    public var countyFIPS: String?
    public var industry: String?
    public var employees: Int?
    /// Annual revenue of the customer company, in the dataset currency.
    public var annualRevenue: Double?
    /// A segment label such as `Enterprise`, `Mid-Market` or `SMB`.
    public var segment: String?
    /// The parent account (Salesforce `ParentId`).
    public var parentID: AccountID?
    /// The rep who owns the account today.
    public var ownerID: RepID?
    /// The territory the account is aligned to today.
    public var territoryID: TerritoryID?
    /// A locked account keeps its current territory in any redesign.
    public var isLocked: Bool
    /// Our sales to the account in the prior fiscal year.
    public var priorYearSales: Double
    /// Our sales to the account over the trailing twelve months.
    public var trailingTwelveMonthSales: Double
    /// Any further named numeric measure (for example `potential`, `workload`) that designs balance or weight on.
    public var attributes: [String: Double]

    public init(
        id: AccountID, name: String, location: GeoPoint, postalCode: String? = nil, countyFIPS: String? = nil,
        industry: String? = nil, employees: Int? = nil, annualRevenue: Double? = nil, segment: String? = nil,
        parentID: AccountID? = nil, ownerID: RepID? = nil, territoryID: TerritoryID? = nil, isLocked: Bool = false,
        priorYearSales: Double = 0, trailingTwelveMonthSales: Double = 0, attributes: [String: Double] = [:]
    ) {
        self.id = id
        self.name = name
        self.location = location
        self.postalCode = postalCode
        self.countyFIPS = countyFIPS
        self.industry = industry
        self.employees = employees
        self.annualRevenue = annualRevenue
        self.segment = segment
        self.parentID = parentID
        self.ownerID = ownerID
        self.territoryID = territoryID
        self.isLocked = isLocked
        self.priorYearSales = priorYearSales
        self.trailingTwelveMonthSales = trailingTwelveMonthSales
        self.attributes = attributes
    }

    /// Names of the built-in numeric measures understood by ``measure(_:)``.
    public static let builtInMeasures = ["employees", "annualRevenue", "priorYearSales", "trailingTwelveMonthSales"]

    /// The value of a named numeric measure: a built-in one (see ``builtInMeasures``) or an entry of
    /// ``attributes``; `nil` when unknown.
    public func measure(_ name: String) -> Double? {
        switch name {
        case "employees": return employees.map(Double.init)
        case "annualRevenue": return annualRevenue
        case "priorYearSales": return priorYearSales
        case "trailingTwelveMonthSales": return trailingTwelveMonthSales
        default: return attributes[name]
        }
    }
}
