import Foundation

/// Loads alignment units, territories and adjacency pairs from the project's CSV files.
///
/// Accounts: an id column (`id`, `account_id`, `fips`), a location (`latitude`/`longitude` or
/// planar `x`/`y`), one column per measure, optionally the current territory and a lock flag.
/// Territories: an id column (`territory_id` when present, else `id`; rows with an empty id are
/// skipped, so a reps file with home bases works), a location (`latitude`/`longitude`,
/// `home_latitude`/`home_longitude`, or `x`/`y`), optional `capacity` (FTE, default 1) and optional
/// `target_<measure>` columns. Adjacency: two id columns per row.
///
/// ```swift
/// let units = try AlignmentInput.units(from: url, measures: ["potential", "workload"])
/// ```
public enum AlignmentInput {
    static let idNames = ["id", "account_id", "accountid", "unit_id", "fips"]
    static let territoryIDNames = ["id", "territory_id", "territoryid", "territory", "fips"]

    /// Loads units. `territoryColumn` and `lockedColumn` are used when present in the header.
    public static func units(
        from url: URL, measures: [String], territoryColumn: String = "territory", lockedColumn: String = "locked"
    ) throws -> [AlignmentUnit] {
        let table = try CSVTable(contentsOf: url)
        let id = try table.requireColumn(idNames)
        let (c1, c2, geographic) = try locationColumns(table)
        let measureColumns = try measures.map { try table.requireColumn([$0]) }
        let territory = table.column([territoryColumn, "current_territory", "territory_id"])
        let locked = table.column([lockedColumn])
        var seen = Set<String>()
        return try table.rows.map { row in
            let unitID = row.fields[id].trimmingCharacters(in: .whitespaces)
            if unitID.isEmpty {
                throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[id], message: "empty id")
            }
            if !seen.insert(unitID).inserted {
                throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[id], message: "duplicate id \(unitID)")
            }
            let location = try location(table, row, c1, c2, geographic)
            let values = try measureColumns.map { column -> Double in
                let v = try table.number(row, column)
                if v < 0 {
                    throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[column],
                                                  message: "value \(v) is negative; expected ≥ 0")
                }
                return v
            }
            let current = territory.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            let isLocked = try locked.map { try table.flag(row, $0) } ?? false
            if isLocked && current == nil {
                throw TerritoryError.badInput(file: table.file, line: row.line, field: lockedColumn,
                                              message: "account \(unitID) is locked but has no current territory")
            }
            return AlignmentUnit(id: unitID, location: location, measures: values, currentTerritory: current, locked: isLocked)
        }
    }

    /// Loads territories (or candidate centres). Targets are read from `target_<measure>` when present.
    public static func territories(from url: URL, measures: [String]) throws -> [TerritorySpec] {
        let table = try CSVTable(contentsOf: url)
        // a reps file (one row per position) names the territory in `territory_id`
        let id = try table.column(["territory_id"]).map { $0 } ?? table.requireColumn(territoryIDNames)
        let (c1, c2, geographic) = try locationColumns(table)
        let capacity = table.column(["capacity", "fte", "capacity_fte"])
        let targetColumns = measures.map { table.column(["target_\($0)"]) }
        var seen = Set<String>()
        // rows without a territory id (managers in a reps file) are not territories
        return try table.rows.filter { !$0.fields[id].trimmingCharacters(in: .whitespaces).isEmpty }.map { row in
            let territoryID = row.fields[id].trimmingCharacters(in: .whitespaces)
            if !seen.insert(territoryID).inserted {
                throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[id],
                                              message: territoryID.isEmpty ? "empty id" : "duplicate id \(territoryID)")
            }
            let fte = try capacity.map { try table.number(row, $0, allowEmpty: 1) } ?? 1
            if fte <= 0 {
                throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[capacity ?? 0],
                                              message: "capacity \(fte); expected > 0")
            }
            let targets: [Double?]? = targetColumns.contains { $0 != nil }
                ? try targetColumns.map { column in try column.map { try table.number(row, $0) } } : nil
            return TerritorySpec(id: territoryID, centre: try location(table, row, c1, c2, geographic), capacity: fte, targets: targets)
        }
    }

    /// Loads adjacency pairs (first two columns) over the given unit ids; pairs naming ids outside
    /// the set are skipped when `ignoreUnknown` (e.g. excluded islands), otherwise they throw.
    public static func adjacency(from url: URL, unitIDs: [String], ignoreUnknown: Bool = true) throws -> UnitAdjacency {
        let table = try CSVTable(contentsOf: url)
        guard table.header.count >= 2 else {
            throw TerritoryError.badInput(file: table.file, line: 1, field: "", message: "expected two id columns")
        }
        let known = Set(unitIDs)
        var pairs: [(String, String)] = []
        for row in table.rows {
            let a = row.fields[0].trimmingCharacters(in: .whitespaces), b = row.fields[1].trimmingCharacters(in: .whitespaces)
            if known.contains(a) && known.contains(b) {
                pairs.append((a, b))
            } else if !ignoreUnknown {
                throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[known.contains(a) ? 1 : 0],
                                              message: "unknown unit id \(known.contains(a) ? b : a)")
            }
        }
        // With no pair every territory of two or more units would be "disconnected": refuse.
        guard !pairs.isEmpty else {
            throw TerritoryError.badInput(
                file: table.file, line: max(table.rows.count, 1), field: table.header[0],
                message: "no adjacency pair between known account ids (\(table.rows.count) rows read); "
                    + "expected rows of two account ids")
        }
        return try UnitAdjacency(unitIDs: unitIDs, pairs: pairs)
    }

    /// Whether a CSV's header has latitude/longitude (else x/y).
    public static func isGeographic(_ url: URL) throws -> Bool {
        try locationColumns(try CSVTable(contentsOf: url)).2
    }

    private static func locationColumns(_ table: CSVTable) throws -> (Int, Int, Bool) {
        if let lat = table.column(["latitude", "lat", "home_latitude", "rep_latitude"]),
           let lon = table.column(["longitude", "lon", "lng", "home_longitude", "rep_longitude"]) {
            return (lat, lon, true)
        }
        if let x = table.column(["x"]), let y = table.column(["y"]) { return (x, y, false) }
        throw TerritoryError.badInput(file: table.file, line: 1, field: "latitude",
                                      message: "missing location; expected latitude,longitude or x,y columns")
    }

    private static func location(_ table: CSVTable, _ row: CSVTable.Row, _ c1: Int, _ c2: Int, _ geographic: Bool) throws -> Location {
        let a = try table.number(row, c1), b = try table.number(row, c2)
        if geographic {
            if abs(a) > 90 { throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[c1], message: "latitude \(a) outside -90...90") }
            if abs(b) > 180 { throw TerritoryError.badInput(file: table.file, line: row.line, field: table.header[c2], message: "longitude \(b) outside -180...180") }
            return .geographic(latitude: a, longitude: b)
        }
        return .planar(x: a, y: b)
    }
}
