/// Reads and writes `reps.csv`: one row per sales position (rep or manager).
///
/// ```swift
/// let csv = "employeeId,name,supervisor,hireDate\nM-1,Ann Lee,,2019-04-01\nR-1,Bo Chen,M-1,2023-01-09\n"
/// let reps = try RepCSV.decode(Array(csv.utf8))
/// reps[1].managerID     // "M-1"
/// ```
///
/// Workday worker fields (`employeeId`, `hireDate`, `terminationDate`, `supervisor`) are accepted
/// as aliases. Checks: unique ids, a rep listed twice with different managers, managers that exist,
/// no cycle in the reporting lines, termination not before hire.
public enum RepCSV {
    enum Column: Int, CaseIterable {
        case id, name, role, managerID, territoryID, homeLatitude, homeLongitude, capacity, hireDate, terminationDate,
            status
    }

    /// The columns of `reps.csv`.
    public static let schema = CSVSchema(
        fileName: "reps.csv",
        columns: [
            CSVColumn(
                "id", aliases: ["Id", "employeeId", "employee_id", "worker_id", "rep_id", "UserId"], required: true,
                "Unique position id."),
            CSVColumn(
                "name", aliases: ["Name", "worker", "legal_name", "full_name"], required: true,
                "Person's name, or a label for a vacancy."),
            CSVColumn(
                "role", aliases: ["Title", "job_title", "businessTitle", "position"],
                "Role, default `Account Executive`."),
            CSVColumn(
                "manager_id", aliases: ["ManagerId", "supervisor", "supervisor_id", "supervisorId", "manager"],
                "Manager's id; must exist in the file."),
            CSVColumn(
                "territory_id", aliases: ["TerritoryId", "territory"],
                "Territory covered; must exist in territories.csv."),
            CSVColumn(
                "home_latitude", aliases: ["latitude"], "Home base, decimal degrees, -90...90 (with home_longitude)."),
            CSVColumn(
                "home_longitude", aliases: ["longitude"], "Home base, decimal degrees, -180...180 (with home_latitude)."
            ),
            CSVColumn(
                "capacity_fte", aliases: ["fte", "capacity", "scheduledWeeklyHoursFTE"],
                "Selling capacity in FTE, 0...10, default 1."),
            CSVColumn("hire_date", aliases: ["hireDate", "start_date"], "YYYY-MM-DD."),
            CSVColumn(
                "termination_date", aliases: ["terminationDate", "end_date"], "YYYY-MM-DD, not before hire_date."),
            CSVColumn(
                "status", aliases: ["worker_status", "position_status"],
                "active, vacant or to_be_hired; default active."),
        ])

    static let statuses: [String: Rep.Status] = [
        "active": .active, "vacant": .vacant, "tobehired": .toBeHired, "tbh": .toBeHired, "open": .vacant,
    ]

    /// Decodes and validates the reps in `bytes`.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "reps.csv", issueLimit: Int = 100) throws -> [Rep] {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<Rep> {
        // Duplicates are checked here rather than by the schema, to tell "two managers" apart.
        var decoded = schema.decode(bytes, file: file, log: &log, id: { $0.id.rawValue }, reportDuplicates: false) {
            row -> Rep? in
            typealias C = Column
            let id = row.identifier(C.id.rawValue).map(RepID.init)
            let name = row.string(C.name.rawValue, required: true)
            var rep = Rep(id: id ?? "", name: name ?? "")
            if let role = row.string(C.role.rawValue, required: false) { rep.role = role }
            rep.managerID = row.identifier(C.managerID.rawValue, required: false).map(RepID.init)
            rep.territoryID = row.identifier(C.territoryID.rawValue, required: false).map(TerritoryID.init)
            let latitude = row.double(C.homeLatitude.rawValue, range: GeoPoint.latitudeRange)
            let longitude = row.double(C.homeLongitude.rawValue, range: GeoPoint.longitudeRange)
            if let latitude, let longitude {
                rep.homeBase = GeoPoint(latitude: latitude, longitude: longitude)
            } else if (latitude == nil) != (longitude == nil), row.rowIsValid {
                let missing = latitude == nil ? C.homeLatitude.rawValue : C.homeLongitude.rawValue
                row.missing(missing)
            }
            if let capacity = row.double(C.capacity.rawValue, range: 0...10, rangeText: "an FTE in 0...10") {
                rep.capacityFTE = capacity
            }
            rep.hireDate = row.date(C.hireDate.rawValue)
            rep.terminationDate = row.date(C.terminationDate.rawValue)
            if let hire = rep.hireDate, let end = rep.terminationDate, end < hire {
                row.invalid(
                    C.terminationDate.rawValue, .inconsistentDates, expected: "a date on or after hire_date \(hire)",
                    problem: "is before the hire date")
            }
            rep.status = row.choice(C.status.rawValue, statuses) ?? .active
            if let id, id == rep.managerID {
                row.invalid(
                    C.managerID.rawValue, .managerCycle, expected: "another rep's id", problem: "is the rep's own id")
            }
            return rep
        }
        checkDuplicatesAndManagers(&decoded, file: file, log: &log)
        return decoded
    }

    private static func checkDuplicatesAndManagers(_ decoded: inout Decoded<Rep>, file: String, log: inout IssueLog) {
        var keep: [Bool] = []
        var indexOfID: [RepID: Int] = [:]
        for (index, rep) in decoded.values.enumerated() {
            let line = decoded.lines[index]
            if let first = indexOfID[rep.id] {
                let other = decoded.values[first]
                let firstLine = decoded.lines[first]
                if other.managerID != rep.managerID {
                    log.add(
                        SalesDataIssue(
                            .multipleManagers, file: file, line: line, column: 0, field: "manager_id",
                            value: rep.managerID?.rawValue ?? "", expected: "one manager per rep",
                            message:
                                "rep \(rep.id) has two managers: \(other.managerID?.rawValue ?? "none") (line \(firstLine)) and \(rep.managerID?.rawValue ?? "none"); keep one row per rep"
                        ))
                } else {
                    log.add(
                        SalesDataIssue(
                            .duplicateID, file: file, line: line, column: 0, field: "id", value: rep.id.rawValue,
                            expected: "a unique id",
                            message: "id \(rep.id) is used twice (first on line \(firstLine)); ids must be unique"))
                }
                keep.append(false)
            } else {
                indexOfID[rep.id] = index
                keep.append(true)
            }
        }
        for (index, rep) in decoded.values.enumerated() where keep[index] {
            if let manager = rep.managerID, decoded.lineOfID[manager.rawValue] == nil {
                log.add(
                    SalesDataIssue(
                        .danglingReference, file: file, line: decoded.lines[index], column: 0, field: "manager_id",
                        value: manager.rawValue, expected: "an id in \(file)",
                        message: "manager_id: rep \(manager) does not exist in \(file)"))
            }
        }
        // Reporting-line cycles: follow manager links with a visited state per rep.
        var state = [UInt8](repeating: 0, count: decoded.values.count)
        for start in decoded.values.indices where state[start] == 0 && keep[start] {
            var walk: [Int] = []
            var current: Int? = start
            while let index = current, state[index] == 0 {
                state[index] = 1
                walk.append(index)
                current = decoded.values[index].managerID.flatMap { indexOfID[$0] }
            }
            if let index = current, state[index] == 1, let first = walk.firstIndex(of: index), walk.count - first > 1 {
                let cycle = walk[first...].map { decoded.values[$0].id.rawValue }
                log.add(
                    SalesDataIssue(
                        .managerCycle, file: file, line: decoded.lines[index], column: 0, field: "manager_id",
                        value: decoded.values[index].managerID?.rawValue,
                        expected: "reporting lines that end at a top manager",
                        message:
                            "reporting lines form a cycle: \((cycle + [cycle[0]]).joined(separator: " → ")); fix one manager_id"
                    ))
            }
            for index in walk { state[index] = 2 }
        }
    }

    /// Writes `reps` with the canonical header.
    public static func encode(_ reps: [Rep]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        for rep in reps {
            writer.field(rep.id.rawValue)
            writer.field(rep.name)
            writer.field(rep.role)
            writer.field(rep.managerID?.rawValue)
            writer.field(rep.territoryID?.rawValue)
            writer.number(rep.homeBase?.latitude)
            writer.number(rep.homeBase?.longitude)
            writer.number(rep.capacityFTE)
            writer.date(rep.hireDate)
            writer.date(rep.terminationDate)
            writer.field(rep.status.rawValue)
            writer.endRow()
        }
        return writer.bytes
    }
}
