import Foundation
import SalesData

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
    static let idNames = ColumnTable.unitIDColumns
    static let territoryIDNames = ["id", "territory_id", "territoryid", "territory", "fips"]

    /// Loads units.
    ///
    /// `territoryColumn` and `lockedColumn` are used when present in the header.
    public static func units(
        from url: URL, measures: [String], territoryColumn: String = "territory", lockedColumn: String = "locked"
    ) throws -> [AlignmentUnit] {
        try units(
            from: try ColumnTable(contentsOf: url), measures: measures, territoryColumn: territoryColumn,
            lockedColumn: lockedColumn)
    }

    /// Loads units from a table already in memory (a plan's accounts with step outputs as columns).
    public static func units(
        from table: ColumnTable, measures: [String], territoryColumn: String = "territory",
        lockedColumn: String = "locked"
    ) throws -> [AlignmentUnit] {
        let id = try requireColumn(table, idNames)
        let (c1, c2, geographic) = try locationColumns(table)
        let measureColumns = try measures.map { try requireColumn(table, [$0]) }
        let territory = table.column([territoryColumn, "current_territory", "territory_id"])
        let locked = table.column([lockedColumn])
        var seen = Set<String>()
        return try table.rows.map { row in
            let unitID = row.fields[id]
            if unitID.isEmpty {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: id + 1, field: table.columnNames[id], message: "empty id")
            }
            if !seen.insert(unitID).inserted {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: id + 1, field: table.columnNames[id],
                    message: "duplicate id \(ErrorText.quoted(unitID))")
            }
            let location = try location(table, row, c1, c2, geographic)
            let values = try measureColumns.map { column -> Double in
                let v = try number(table, row, column)
                if v < 0 {
                    throw TerritoryError.badInput(
                        file: table.file, line: row.line, column: column + 1, field: table.columnNames[column],
                        message: "value \(v) is negative; expected ≥ 0")
                }
                return v
            }
            let current = territory.map { row.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            let isLocked = try locked.map { try flag(table, row, $0) } ?? false
            if isLocked && current == nil {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: (locked ?? 0) + 1, field: lockedColumn,
                    message: "account \(unitID) is locked but has no current territory")
            }
            return AlignmentUnit(
                id: unitID, location: location, measures: values, currentTerritory: current, locked: isLocked)
        }
    }

    /// Loads territories (or candidate centres).
    ///
    /// Targets are read from `target_<measure>` when present.
    public static func territories(from url: URL, measures: [String]) throws -> [TerritorySpec] {
        let table = try ColumnTable(contentsOf: url)
        // a reps file (one row per position) names the territory in `territory_id`
        let id = try table.column(["territory_id"]).map { $0 } ?? requireColumn(table, territoryIDNames)
        let (c1, c2, geographic) = try locationColumns(table)
        let capacity = table.column(["capacity", "fte", "capacity_fte"])
        let targetColumns = measures.map { table.column(["target_\($0)"]) }
        var seen = Set<String>()
        // rows without a territory id (managers in a reps file) are not territories
        return try table.rows.filter { !$0.fields[id].trimmingCharacters(in: .whitespaces).isEmpty }.map { row in
            let territoryID = row.fields[id]
            if !seen.insert(territoryID).inserted {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: id + 1, field: table.columnNames[id],
                    message: territoryID.isEmpty ? "empty id" : "duplicate id \(ErrorText.quoted(territoryID))")
            }
            let fte = try capacity.map { try number(table, row, $0, allowEmpty: 1) } ?? 1
            if fte <= 0 {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: (capacity ?? 0) + 1,
                    field: table.columnNames[capacity ?? 0],
                    message: "capacity \(fte); expected > 0")
            }
            let targets: [Double?]? =
                targetColumns.contains { $0 != nil }
                ? try targetColumns.map { column in try column.map { try number(table, row, $0) } } : nil
            return TerritorySpec(
                id: territoryID, centre: try location(table, row, c1, c2, geographic), capacity: fte, targets: targets)
        }
    }

    /// Loads adjacency pairs (first two columns) over the given unit ids; pairs naming ids outside
    /// the set are skipped when `ignoreUnknown` (for example excluded islands), otherwise they throw.
    public static func adjacency(from url: URL, unitIDs: [String], ignoreUnknown: Bool = true) throws -> UnitAdjacency {
        let table = try ColumnTable(contentsOf: url)
        guard table.columnNames.count >= 2 else {
            throw TerritoryError.badInput(file: table.file, line: 1, field: "", message: "expected two id columns")
        }
        let known = Set(unitIDs)
        var pairs: [(String, String)] = []
        for row in table.rows {
            let a = row.fields[0], b = row.fields[1]
            if known.contains(a) && known.contains(b) {
                pairs.append((a, b))
            } else if !ignoreUnknown {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: (known.contains(a) ? 1 : 0) + 1,
                    field: table.columnNames[known.contains(a) ? 1 : 0],
                    message: "unknown unit id \(known.contains(a) ? b : a)")
            }
        }
        // With no pair every territory of two or more units would be "disconnected": refuse.
        guard !pairs.isEmpty else {
            throw TerritoryError.badInput(
                file: table.file, line: table.rows.last?.line ?? 1, column: 1, field: table.columnNames[0],
                message: "no adjacency pair between known account ids (\(table.rows.count) rows read); "
                    + "expected rows of two account ids")
        }
        return try UnitAdjacency(unitIDs: unitIDs, pairs: pairs)
    }

    /// Whether a CSV's header has latitude/longitude (else x/y).
    public static func isGeographic(_ url: URL) throws -> Bool {
        try isGeographic(try ColumnTable(contentsOf: url))
    }

    /// Whether a table has latitude/longitude columns (else x/y).
    public static func isGeographic(_ table: ColumnTable) throws -> Bool {
        try locationColumns(table).2
    }

    private static func locationColumns(_ table: ColumnTable) throws -> (Int, Int, Bool) {
        if let lat = table.column(["latitude", "lat", "home_latitude", "rep_latitude"]),
            let lon = table.column(["longitude", "lon", "lng", "home_longitude", "rep_longitude"])
        {
            return (lat, lon, true)
        }
        if let x = table.column(["x"]), let y = table.column(["y"]) { return (x, y, false) }
        throw TerritoryError.badInput(
            file: table.file, line: 1, field: "latitude",
            message: "missing location; expected latitude,longitude or x,y columns")
    }

    /// The index of the first of `names` in the header, or one error naming them all.
    private static func requireColumn(_ table: ColumnTable, _ names: [String]) throws -> Int {
        guard let index = table.column(names) else {
            throw TerritoryError.badInput(
                file: table.file, line: 1, field: names[0],
                message: "missing column; expected one of \(names.joined(separator: ", ")) in header "
                    + ErrorText.quoted(table.columnNames.joined(separator: ",")))
        }
        return index
    }

    /// The finite number in `row` at `column` (`allowEmpty` for an empty cell when given).
    private static func number(_ table: ColumnTable, _ row: ColumnTable.Row, _ column: Int, allowEmpty: Double? = nil)
        throws -> Double
    {
        let raw = row.fields[column]
        if raw.isEmpty, let allowEmpty { return allowEmpty }
        guard let value = Double(raw), value.isFinite else {
            throw TerritoryError.badInput(
                file: table.file, line: row.line, column: column + 1, field: table.columnNames[column],
                message: "value \"\(ErrorText.quoted(raw))\" is not a finite number")
        }
        return value
    }

    /// A boolean (`true/false`, `1/0`, `yes/no`, `y/n`, empty = false).
    private static func flag(_ table: ColumnTable, _ row: ColumnTable.Row, _ column: Int) throws -> Bool {
        switch row.fields[column].lowercased() {
        case "", "0", "false", "no", "n", "f": return false
        case "1", "true", "yes", "y", "t": return true
        case let raw:
            throw TerritoryError.badInput(
                file: table.file, line: row.line, column: column + 1, field: table.columnNames[column],
                message: "value \"\(ErrorText.quoted(raw))\" is not a boolean (true/false, 1/0, yes/no)")
        }
    }

    private static func location(_ table: ColumnTable, _ row: ColumnTable.Row, _ c1: Int, _ c2: Int, _ geographic: Bool)
        throws -> Location
    {
        let a = try number(table, row, c1), b = try number(table, row, c2)
        if geographic {
            if abs(a) > 90 {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: c1 + 1, field: table.columnNames[c1],
                    message: "latitude \(a) outside -90...90")
            }
            if abs(b) > 180 {
                throw TerritoryError.badInput(
                    file: table.file, line: row.line, column: c2 + 1, field: table.columnNames[c2],
                    message: "longitude \(b) outside -180...180")
            }
            return .geographic(latitude: a, longitude: b)
        }
        return .planar(x: a, y: b)
    }
}
