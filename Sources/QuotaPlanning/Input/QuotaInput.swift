import Foundation
import SalesData

/// Reads the quota planning input: a node file (the hierarchy with seats and their measures) and,
/// optionally, an account file whose amounts and attributes roll up to their owners.
///
/// `nodes.csv` columns (header names are case- and separator-insensitive; aliases in brackets):
/// - `id` [`employeeId`, `Id`] required, unique; `name` optional;
/// - `parent` [`manager`, `supervisor`, `ParentId`] empty for the company;
/// - `role` `unit` or `seat` (default: `seat` for nodes without children, else `unit`);
/// - `status` `active`, `vacant` or `to-be-hired` (default `active`);
/// - `hire_date` [`hireDate`], `expected_start` ISO dates;
/// - `prior_year` [`prior_year_sales`], `t12m` [`trailing_12m_sales`], `potential`, `pipeline`
///   amounts ≥ 0 (empty = unknown; units roll them up from their seats);
/// - `volatility` coefficient of variation ≥ 0; `m1` … `m12` monthly sales for seasonality.
///
/// `accounts.csv` (optional): `owner` [`OwnerId`] naming a seat, plus numeric columns; the
/// attribute chosen as potential, `prior_year_sales`, `t12m_sales` and `pipeline` are summed per
/// owner and fill the owner's measures that `nodes.csv` leaves empty.
///
/// ```swift
/// let tree = try QuotaInput.load(nodes: URL(fileURLWithPath: "Data/plans/quota_nodes.csv"))
/// ```
public enum QuotaInput {
    /// Loads and validates the hierarchy.
    ///
    /// - Throws: ``QuotaError/badInput(file:line:position:column:value:expected:)`` naming file, line and
    ///   column, or ``QuotaError/invalidHierarchy(_:)``.
    public static func load(nodes: URL, accounts: URL? = nil, potentialAttribute: String = "potential")
        throws(QuotaError)
        -> QuotaHierarchy
    {
        var list = try parseNodes(text: read(nodes), file: nodes.lastPathComponent)
        if let accounts {
            try rollUpAccounts(
                text: read(accounts), file: accounts.lastPathComponent, attribute: potentialAttribute, into: &list)
        }
        return try QuotaHierarchy(list)
    }

    static func read(_ url: URL) throws(QuotaError) -> String {
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw .table(.unreadable(file: url.path, reason: AtomicFolder.plainReason(error)))
        }
    }

    /// CSV text as a table, read by SalesData's CSV engine.
    static func table(_ text: String, file: String) throws(QuotaError) -> ColumnTable {
        do { return try ColumnTable(csv: text, file: file) } catch let error as ColumnTableError {
            throw .table(error)
        } catch {
            throw .table(.malformed(file: file, line: 0, column: 0, reason: "\(error)"))
        }
    }

    /// Parses node rows from CSV text.
    public static func parseNodes(text: String, file: String) throws(QuotaError) -> [QuotaNode] {
        let table = try Self.table(text, file: file)
        guard let idColumn = table.column(["id", "employeeId", "node"]) else {
            throw .badInput(
                file: file, line: 1, column: "id", value: table.columnNames.joined(separator: ","),
                expected: "an id column")
        }
        if let repeated = table.firstDuplicate(in: idColumn) {
            throw .badInput(
                file: file, line: repeated.line, position: idColumn + 1, column: table.columnNames[idColumn],
                value: repeated.fields[idColumn], expected: "a node id that appears once")
        }
        let c = (
            name: table.column(["name"]),
            parent: table.column(["parent", "manager", "supervisor", "parentId", "managerId"]),
            role: table.column(["role", "kind"]), status: table.column(["status"]),
            hire: table.column(["hire_date", "hireDate"]), start: table.column(["expected_start", "expectedStart"]),
            prior: table.column(["prior_year", "prior_year_sales", "priorYearSales"]),
            t12m: table.column(["t12m", "trailing_12m_sales", "t12m_sales", "trailing12MonthSales"]),
            potential: table.column(["potential"]), pipeline: table.column(["pipeline"]),
            volatility: table.column(["volatility", "cv"])
        )
        let months = (1...12).map { table.column(["m\($0)", "month\($0)"]) }
        let hasMonths = months.allSatisfy { $0 != nil }
        var nodes: [QuotaNode] = []
        var parents = Set<String>()
        for row in table.rows {
            func text(_ i: Int?) -> String { row.text(i) }
            func number(_ i: Int?, _ name: String) throws(QuotaError) -> Double? {
                let t = text(i)
                if t.isEmpty { return nil }
                guard let v = Double(t), v.isFinite, v >= 0 else {
                    throw .badInput(
                        file: file, line: row.line, position: (i ?? -1) + 1, column: name, value: t,
                        expected: "a finite number ≥ 0")
                }
                return v
            }
            func date(_ i: Int?, _ name: String) throws(QuotaError) -> CalendarDate? {
                let t = text(i)
                if t.isEmpty { return nil }
                do { return try CalendarDate(iso8601: t) } catch {
                    throw .badInput(
                        file: file, line: row.line, position: (i ?? -1) + 1, column: name, value: t,
                        expected: "an ISO date YYYY-MM-DD")
                }
            }
            let id = text(idColumn)
            guard !id.isEmpty else {
                throw .badInput(
                    file: file, line: row.line, position: idColumn + 1, column: "id", value: "", expected: "a node id")
            }
            let parent = text(c.parent)
            if !parent.isEmpty { parents.insert(parent) }
            var role: QuotaNode.Role = .seat
            let roleText = text(c.role).lowercased()
            if !roleText.isEmpty {
                guard let r = QuotaNode.Role(rawValue: roleText), r != .reserve else {
                    throw .badInput(
                        file: file, line: row.line, position: (c.role ?? -1) + 1, column: "role", value: roleText,
                        expected: "unit or seat")
                }
                role = r
            }
            var status = QuotaNode.Status.active
            let statusText = text(c.status).lowercased().replacingOccurrences(of: "_", with: "-")
            if !statusText.isEmpty {
                guard let s = QuotaNode.Status(rawValue: statusText) else {
                    throw .badInput(
                        file: file, line: row.line, position: (c.status ?? -1) + 1, column: "status", value: statusText,
                        expected: "active, vacant or to-be-hired")
                }
                status = s
            }
            var history: [Double]? = nil
            if hasMonths {
                var values: [Double] = []
                for (k, column) in months.enumerated() { values.append(try number(column, "m\(k + 1)") ?? 0) }
                history = values
            }
            nodes.append(
                QuotaNode(
                    id: QuotaNodeID(id), name: text(c.name).isEmpty ? id : text(c.name),
                    parent: parent.isEmpty ? nil : QuotaNodeID(parent), role: c.role == nil ? .seat : role,
                    status: status, hireDate: try date(c.hire, "hire_date"),
                    expectedStart: try date(c.start, "expected_start"),
                    measures: BasisMeasures(
                        priorYear: try number(c.prior, "prior_year"), trailing12Months: try number(c.t12m, "t12m"),
                        potential: try number(c.potential, "potential"), pipeline: try number(c.pipeline, "pipeline")),
                    monthlyHistory: history, volatility: try number(c.volatility, "volatility")))
        }
        if c.role == nil {
            for k in nodes.indices where parents.contains(nodes[k].id.rawValue) { nodes[k].role = .unit }
        }
        return nodes
    }

    /// Sums account amounts per owner (from account CSV text) into the owners' empty measures.
    public static func rollUpAccounts(text: String, file: String, attribute: String, into nodes: inout [QuotaNode])
        throws(QuotaError)
    {
        let table = try Self.table(text, file: file)
        guard let owner = table.column(["owner", "OwnerId", "owner_id", "rep"]) else {
            throw .badInput(
                file: file, line: 1, column: "owner", value: table.columnNames.joined(separator: ","),
                expected: "an owner column")
        }
        guard let potential = table.column([attribute]) else {
            throw .badInput(
                file: file, line: 1, column: attribute, value: table.columnNames.joined(separator: ","),
                expected: "the potential attribute column \(attribute)")
        }
        let prior = table.column(["prior_year_sales", "prior_year", "priorYearSales"])
        let t12m = table.column(["t12m_sales", "t12m", "trailing_12m_sales", "trailing12MonthSales"])
        let pipeline = table.column(["pipeline"])
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id.rawValue, $0) })
        var sums: [Int: BasisMeasures] = [:]
        for row in table.rows {
            let id = row.fields[owner]
            if id.isEmpty { continue }
            guard let k = index[id] else {
                throw .badInput(
                    file: file, line: row.line, position: owner + 1, column: table.columnNames[owner], value: id,
                    expected: "a node id from the node file")
            }
            func value(_ column: Int?) throws(QuotaError) -> Double? {
                guard let column else { return nil }
                let t = row.fields[column]
                if t.isEmpty { return nil }
                guard let v = Double(t), v.isFinite, v >= 0 else {
                    throw .badInput(
                        file: file, line: row.line, position: column + 1, column: table.columnNames[column], value: t,
                        expected: "a finite number ≥ 0")
                }
                return v
            }
            sums[k, default: BasisMeasures()].accumulate(
                BasisMeasures(
                    priorYear: try value(prior), trailing12Months: try value(t12m), potential: try value(potential),
                    pipeline: try value(pipeline)))
        }
        for (k, sum) in sums {
            var m = nodes[k].measures
            m.priorYear = m.priorYear ?? sum.priorYear
            m.trailing12Months = m.trailing12Months ?? sum.trailing12Months
            m.potential = m.potential ?? sum.potential
            m.pipeline = m.pipeline ?? sum.pipeline
            nodes[k].measures = m
        }
    }
}
