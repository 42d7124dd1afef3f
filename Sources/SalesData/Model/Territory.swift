/// A node of the sales ``Hierarchy``: the company, a region, a district or a territory.
///
/// ```swift
/// let east = Territory(id: "R-EAST", name: "East", level: .region, parentID: "CO")
/// let t1 = Territory(id: "T-001", name: "Atlanta North", level: .territory, parentID: "D-ATL", ownerID: "R-001")
/// ```
public struct Territory: Sendable, Hashable, Codable, Identifiable {
    /// The level of a node; any names and any depth are allowed, these are the usual ones.
    public struct Level: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
        ExpressibleByStringLiteral
    {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let company: Level = "company"
        public static let region: Level = "region"
        public static let district: Level = "district"
        public static let territory: Level = "territory"
    }

    public var id: TerritoryID
    public var name: String
    public var level: Level
    /// The node above; `nil` for a root.
    public var parentID: TerritoryID?
    /// The rep or manager responsible for the node.
    public var ownerID: RepID?

    public init(
        id: TerritoryID, name: String, level: Level = .territory, parentID: TerritoryID? = nil, ownerID: RepID? = nil
    ) {
        self.id = id
        self.name = name
        self.level = level
        self.parentID = parentID
        self.ownerID = ownerID
    }
}
