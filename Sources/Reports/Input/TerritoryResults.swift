import Foundation
import SalesData

/// What the territory design step wrote (`assignment.csv`, `territories.csv`, `metrics.json`,
/// `territories_before.csv`), joined with the accounts file for locations; read, never recomputed.
struct TerritoryResults: Sendable {
    /// One row of `territories.csv`.
    struct TerritoryRow: Sendable {
        var id: String
        /// `centre_1`, `centre_2`: latitude and longitude for haversine runs.
        var centre: (Double, Double)?
        var accounts: Int
        var totals: [Double]
        var targets: [Double]
        var deviations: [Double]
        var weightedTravel: Double?
        var meanDistance: Double?
        var connected: Bool
    }

    /// One row of `assignment.csv`, with the account's location when the accounts file has one.
    struct AccountRow: Sendable {
        var id: String
        var before: String
        var after: String
        var moved: Bool
        var distance: Double?
        var latitude: Double?
        var longitude: Double?
        /// The county (FIPS code) the account lies in: its `county_fips` column, or its `fips` id
        /// when the units are counties.
        var county: String?
        /// The account's value of each measure (same order as ``TerritoryResults/measures``), when the
        /// accounts file has the column.
        var values: [Double?]
    }

    /// The plan metrics from `metrics.json`, every key optional.
    struct Metrics: Sendable {
        var termination: String?
        var objective: Double?
        var bound: Double?
        var gap: Double?
        var seconds: Double?
        var movedAccounts: Int?
        var movedShare: Double?
        var movedValueShare: Double?
        var movedValue: Double?
        var valueMeasure: String?
        var weightedTravel: Double?
        var tolerances: [String: Double] = [:]
        /// Today's alignment (`before` in `metrics.json`), when the step wrote it.
        var before: Before?
    }

    /// The `before` object of `metrics.json`: today's alignment measured as the plan is.
    struct Before: Sendable {
        var maxDeviation: [String: Double]
        var weightedTravel: Double?
        var maxDiameter: Double?
        var connected: Bool?
        var accounts: Int?
        var unassignedAccounts: Int?
    }

    var measures: [String]
    var territories: [TerritoryRow]
    var accounts: [AccountRow]
    var metrics: Metrics
    /// Whether the accounts file gave locations (the map needs them).
    var hasLocations: Bool
    /// Per-territory totals of each measure before the realignment: the accounts' values summed by
    /// their current territory (`nil` without the measure columns in the accounts file).
    var beforeTotals: [String: [Double]]?
    /// Today's alignment by territory id, from `territories_before.csv` (`nil` when the step did not
    /// write it); preferred to ``beforeTotals``.
    var beforeRows: [String: TerritoryRow]?

    /// Whether any before figure is known.
    var hasBefore: Bool { beforeRows != nil || beforeTotals != nil }

    /// Reads a territory output folder and, when given, the accounts file.
    static func load(folder: URL, accountsFile: URL?) throws -> TerritoryResults {
        let (measures, rows) = try territoryRows(folder.appendingPathComponent("territories.csv"))
        var result = TerritoryResults(
            measures: measures, territories: rows, accounts: try assignment(folder), metrics: try metrics(folder),
            hasLocations: false, beforeTotals: nil)
        let beforeURL = folder.appendingPathComponent("territories_before.csv")
        if FileManager.default.fileExists(atPath: beforeURL.path) {
            let (beforeMeasures, before) = try territoryRows(beforeURL)
            guard beforeMeasures == measures else {
                throw ReportsError.badFile(
                    file: beforeURL.path, line: 1,
                    reason:
                        "measures \(beforeMeasures.joined(separator: ", ").prefix(200)); expected those of territories.csv (\(measures.joined(separator: ", ").prefix(200)))"
                )
            }
            result.beforeRows = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        if let accountsFile { try result.join(accounts: ColumnTable(contentsOf: accountsFile)) }
        return result
    }

    /// The measures and rows of a `territories.csv` (or `territories_before.csv`).
    private static func territoryRows(_ url: URL) throws -> ([String], [TerritoryRow]) {
        let table = try ColumnTable(contentsOf: url)
        let measures = table.columnNames.filter { $0.hasSuffix("_total") }.map { String($0.dropLast("_total".count)) }
        let ids = try table.strings("territory")
        let count = try table.numbers("accounts")
        let centre1 = table.has("centre_1") ? try table.numbers("centre_1") : []
        let centre2 = table.has("centre_2") ? try table.numbers("centre_2") : []
        let travel = table.has("weighted_travel") ? try table.numbers("weighted_travel") : []
        let meanDistance = table.has("mean_distance") ? try table.numbers("mean_distance") : []
        let connected = table.has("connected") ? try table.strings("connected") : []
        var totals: [[Double?]] = [], targets: [[Double?]] = [], deviations: [[Double?]] = []
        for m in measures {
            totals.append(try table.numbers("\(m)_total"))
            targets.append(table.has("\(m)_target") ? try table.numbers("\(m)_target") : [])
            deviations.append(table.has("\(m)_deviation") ? try table.numbers("\(m)_deviation") : [])
        }
        var rows: [TerritoryRow] = []
        for r in 0..<table.rowCount {
            guard let id = ids[r] else {
                throw ReportsError.badFile(file: table.file, line: table.lineNumbers[r], reason: "empty territory id")
            }
            let c1 = centre1.isEmpty ? nil : centre1[r]
            let c2 = centre2.isEmpty ? nil : centre2[r]
            rows.append(
                TerritoryRow(
                    id: id, centre: c1.flatMap { a in c2.map { (a, $0) } },
                    accounts: Int(exactly: (count[r] ?? 0).rounded()) ?? 0,
                    totals: measures.indices.map { totals[$0][r] ?? 0 },
                    targets: measures.indices.map { targets[$0].isEmpty ? 0 : targets[$0][r] ?? 0 },
                    deviations: measures.indices.map { deviations[$0].isEmpty ? 0 : deviations[$0][r] ?? 0 },
                    weightedTravel: travel.isEmpty ? nil : travel[r],
                    meanDistance: meanDistance.isEmpty ? nil : meanDistance[r],
                    connected: connected.isEmpty ? true : connected[r] != "false"))
        }
        return (measures, rows)
    }

    private static func assignment(_ folder: URL) throws -> [AccountRow] {
        let table = try ColumnTable(contentsOf: folder.appendingPathComponent("assignment.csv"))
        let ids = try table.strings("account"), old = try table.strings("old_territory")
        let new = try table.strings("new_territory"), moved = try table.strings("moved")
        let distance = table.has("distance") ? try table.numbers("distance") : []
        return (0..<table.rowCount).map { r in
            AccountRow(
                id: ids[r] ?? "", before: old[r] ?? "", after: new[r] ?? "", moved: moved[r] == "true",
                distance: distance.isEmpty ? nil : distance[r], latitude: nil, longitude: nil, county: nil, values: [])
        }
    }

    private static func metrics(_ folder: URL) throws -> Metrics {
        let url = folder.appendingPathComponent("metrics.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return Metrics() }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReportsError.unreadable(file: url.path, reason: AtomicFolder.plainReason(error))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ReportsError.badFile(
                file: "metrics.json", line: 1, reason: "not a JSON object; expected the plan metrics")
        }
        func number(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
        var metrics = Metrics(
            termination: object["termination"] as? String, objective: number("objective"), bound: number("bound"),
            gap: number("gap"), seconds: number("seconds"),
            movedAccounts: (object["movedAccounts"] as? NSNumber)?.intValue,
            movedShare: number("movedShare"), movedValueShare: number("movedValueShare"),
            movedValue: number("movedValue"), valueMeasure: object["valueMeasure"] as? String,
            weightedTravel: number("weightedTravel"))
        if let tolerances = object["tolerances"] as? [String: Any] {
            for (name, value) in tolerances { metrics.tolerances[name] = (value as? NSNumber)?.doubleValue }
        }
        if let before = object["before"] as? [String: Any] {
            func value(_ key: String) -> Double? { (before[key] as? NSNumber)?.doubleValue }
            var deviations: [String: Double] = [:]
            for (name, x) in before["maxDeviation"] as? [String: Any] ?? [:] {
                deviations[name] = (x as? NSNumber)?.doubleValue
            }
            metrics.before = Before(
                maxDeviation: deviations, weightedTravel: value("weightedTravel"), maxDiameter: value("maxDiameter"),
                connected: before["connected"] as? Bool, accounts: (before["accounts"] as? NSNumber)?.intValue,
                unassignedAccounts: (before["unassignedAccounts"] as? NSNumber)?.intValue)
        }
        return metrics
    }

    /// Adds locations and measure values from the accounts table, and the before totals.
    mutating func join(accounts table: ColumnTable) throws {
        guard let idColumn = table.column(ColumnTable.unitIDColumns) else {
            throw ReportsError.badFile(
                file: table.file, line: 1,
                reason: "no id column; expected one of \(ColumnTable.unitIDColumns.joined(separator: ", "))")
        }
        let ids = table.columns[idColumn]
        let countyColumn = table.column(["county_fips", "fips"])
        let counties = countyColumn.map { table.columns[$0] } ?? []
        let latitude = table.has("latitude") ? try table.numbers("latitude") : []
        let longitude = table.has("longitude") ? try table.numbers("longitude") : []
        let values = try measures.map { table.has($0) ? try table.numbers($0) : [] }
        var row = [String: Int]()
        for (r, id) in ids.enumerated() { if let id { row[id] = r } }
        hasLocations = !latitude.isEmpty && !longitude.isEmpty
        for i in accounts.indices {
            guard let r = row[accounts[i].id] else { continue }
            if hasLocations {
                accounts[i].latitude = latitude[r]
                accounts[i].longitude = longitude[r]
            }
            accounts[i].values = values.map { $0.isEmpty ? nil : $0[r] }
            if !counties.isEmpty { accounts[i].county = counties[r].flatMap { $0.isEmpty ? nil : $0 } }
        }
        guard values.allSatisfy({ !$0.isEmpty }) else { return }
        var before = [String: [Double]]()
        for account in accounts where !account.before.isEmpty {
            var sums = before[account.before] ?? Array(repeating: 0, count: measures.count)
            for k in measures.indices { sums[k] += account.values[k] ?? 0 }
            before[account.before] = sums
        }
        beforeTotals = before
    }

    /// The deviation from target of territory `t` on measure `k` before the realignment: from
    /// `territories_before.csv` when the step wrote it, else summed from the accounts file.
    func beforeDeviation(_ t: TerritoryRow, measure k: Int) -> Double? {
        if let beforeRows { return beforeRows[t.id]?.deviations[k] }
        guard let totals = beforeTotals, t.targets[k] > 0 else { return nil }
        return ((totals[t.id]?[k] ?? 0) - t.targets[k]) / t.targets[k]
    }
}
