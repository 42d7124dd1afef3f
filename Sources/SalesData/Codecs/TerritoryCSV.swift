/// Reads and writes `territories.csv`: every node of the sales hierarchy (company, regions,
/// districts, territories), one per row, linked by `parent_id`.
///
/// ```swift
/// let csv = "id,name,level,parent_id\nCO,Company,company,\nT1,Atlanta,territory,CO\n"
/// let hierarchy = try Hierarchy(TerritoryCSV.decode(Array(csv.utf8)))
/// hierarchy.children(of: "CO")    // ["T1"]
/// ```
public enum TerritoryCSV {
    enum Column: Int, CaseIterable {
        case id, name, level, parentID, ownerID
    }

    /// The columns of `territories.csv`.
    public static let schema = CSVSchema(
        fileName: "territories.csv",
        columns: [
            CSVColumn("id", aliases: ["Id", "territory_id", "TerritoryId"], required: true, "Unique node id."),
            CSVColumn("name", aliases: ["Name", "territory_name"], required: true, "Display name."),
            CSVColumn(
                "level", aliases: ["type", "node_type"],
                "company, region, district, territory or any label; default territory."),
            CSVColumn(
                "parent_id", aliases: ["ParentId", "ParentTerritoryId", "parent"], "Parent node; empty for the root."),
            CSVColumn(
                "owner_id", aliases: ["OwnerId", "rep_id", "manager_id"],
                "Rep or manager responsible; must exist in reps.csv."),
        ])

    /// Decodes the nodes in `bytes` and checks them as a hierarchy (unique ids, existing parents, no cycle).
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "territories.csv", issueLimit: Int = 100) throws
        -> [Territory]
    {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<Territory> {
        let decoded = schema.decode(bytes, file: file, log: &log, id: { $0.id.rawValue }) { row -> Territory? in
            typealias C = Column
            let id = row.identifier(C.id.rawValue).map(TerritoryID.init)
            let name = row.string(C.name.rawValue, required: true)
            var node = Territory(id: id ?? "", name: name ?? "")
            if let level = row.identifier(C.level.rawValue, required: false) {
                node.level = Territory.Level(rawValue: level.lowercased())
            }
            node.parentID = row.identifier(C.parentID.rawValue, required: false).map(TerritoryID.init)
            node.ownerID = row.identifier(C.ownerID.rawValue, required: false).map(RepID.init)
            return node
        }
        var lineOfIndex: [TerritoryID: Int] = [:]
        for (index, node) in decoded.values.enumerated() where lineOfIndex[node.id] == nil {
            lineOfIndex[node.id] = index
        }
        for (index, node) in decoded.values.enumerated() {
            if let parent = node.parentID, !decoded.contains(parent) {
                log.add(
                    SalesDataIssue(
                        .danglingReference, file: file, line: decoded.lines[index], column: 0, field: "parent_id",
                        value: parent.rawValue, expected: "an id in \(file)",
                        message: "parent_id: node \(parent) does not exist in \(file)"))
            }
        }
        let unique = decoded.values.enumerated().filter { lineOfIndex[$0.element.id] == $0.offset }.map(\.element)
        if let cycle = Hierarchy.findCycle(
            unique, indexByID: Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1.id, $0) }))
        {
            let line = lineOfIndex[cycle[0]].map { decoded.lines[$0] } ?? 0
            log.add(
                SalesDataIssue(
                    .hierarchyCycle, file: file, line: line, column: 0, field: "parent_id", value: cycle[0].rawValue,
                    expected: "parent links that end at a root",
                    message:
                        "hierarchy has a cycle: \((cycle + [cycle[0]]).map(\.rawValue).joined(separator: " → ")); break one parent link"
                ))
        }
        return decoded
    }

    /// Writes `nodes` with the canonical header.
    public static func encode(_ nodes: [Territory]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        for node in nodes {
            writer.writeRow([
                node.id.rawValue, node.name, node.level.rawValue, node.parentID?.rawValue ?? "",
                node.ownerID?.rawValue ?? "",
            ])
        }
        return writer.bytes
    }
}
