/// The identifier of one node of the quota hierarchy: the company, a region, a district, a rep's
/// seat, a vacancy or a reserve held at a manager.
///
/// ```swift
/// let id: QuotaNodeID = "R-east"
/// print(id)   // R-east
/// ```
public struct QuotaNodeID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: QuotaNodeID, rhs: QuotaNodeID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
