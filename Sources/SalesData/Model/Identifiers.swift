/// A string identifier wrapped in its own type, so an account id can never be passed where a rep id
/// is expected.
///
/// ```swift
/// let owner: RepID = "R-001"
/// owner.rawValue            // "R-001"
/// RepID("R-002") > owner    // true
/// ```
///
/// Identifiers encode as a bare JSON string and order by their raw value, which is how every
/// deterministic sort in Meridian breaks ties.
public protocol EntityIdentifier: Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The identifier exactly as it appears in the source file.
    var rawValue: String { get }
    /// Wraps `rawValue` without any normalisation.
    init(_ rawValue: String)
}

extension EntityIdentifier {
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifies an ``Account`` (Salesforce `Account.Id`).
public struct AccountID: EntityIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a ``Rep``: a person or a (possibly vacant) sales position (Salesforce `User.Id`,
/// Workday `employeeId`).
public struct RepID: EntityIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a node of the sales ``Hierarchy``: a territory, district, region or the company.
public struct TerritoryID: EntityIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an ``Opportunity`` (Salesforce `Opportunity.Id`).
public struct OpportunityID: EntityIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a ``Transaction``: a booking, order or refund line.
public struct TransactionID: EntityIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an ``Activity``: a call, meeting or email.
public struct ActivityID: EntityIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a product or product line.
public struct ProductID: EntityIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
