import Foundation
import SalesData

/// Quotas by person or territory, named, per month, quarter or year.
///
/// File `quotas.csv`: `id,period,amount[,quota]` where `id` is a person or a territory, `period` is
/// `2026-03`, `2026-Q1` or `2026`, and `quota` names the quota a component asks for (`default` when the
/// column is absent or empty). A window's quota is its own row, or else the sum of its months' or
/// quarters' rows.
///
/// ```swift
/// let book = try QuotaBook(csv: "id,period,amount\nR1,2026,800000\n", file: "quotas.csv")
/// book.amount(name: "default", id: "R1", window: CompPeriod(year: 2026, month: 3)!.window(.year))  // $800,000.00
/// ```
public struct QuotaBook: Sendable, Hashable {
    private var rows: [Key: Money]
    /// Ids whose quotas the quota step already fitted to a partial or ramping seat (`capacity` below 1):
    /// their months before the start and ramp months are already reduced, so comp does not prorate or
    /// ramp them again.
    private var fitted: Set<String> = []

    private struct Key: Sendable, Hashable {
        var name: String
        var id: String
        var period: String
    }

    /// No quotas.
    public init() { rows = [:] }

    /// Adds or replaces one quota.
    public mutating func set(_ amount: Money, name: String = "default", id: String, period: String) {
        rows[Key(name: name, id: id, period: period)] = amount
    }

    /// Parses a quota file.
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` for a bad period or
    ///   amount, or a duplicate row.
    public init(csv: String, file: String) throws(IncentivesError) {
        try self.init(table: TableFile.parse(Array(csv.utf8), file: file, required: ["id", "period", "amount"]))
    }

    /// Reads a quota file: the comp layout (`id,period,amount[,quota]`) or the quota step's `quotas.csv`
    /// (`node,…,quota,quota_Q1…` with `FY`, `Qn` or `Mn` labels of plan year `planYear`), whose quotas are
    /// named `default`.
    ///
    /// `url` may also be the quota step's output folder (`meridian quotas allocate --output DIR`): its
    /// `quotas.csv` is read. Nodes whose `capacity` is below 1 (a seat starting or ramping in the plan
    /// year) are marked as fitted: see ``isFittedToSeat(_:)``.
    public init(contentsOf url: URL, planYear: Int) throws(IncentivesError) {
        var isFolder: ObjCBool = false
        let file =
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
            ? url.appendingPathComponent("quotas.csv") : url
        let table = try TableFile.read(file, required: [])
        if table.column("node") != nil && table.column("id") == nil {
            try self.init(quotaStep: table, planYear: planYear)
        } else {
            try self.init(table: TableFile.read(file, required: ["id", "period", "amount"]))
        }
    }

    /// One node of the quota step's plan as comp reads it: the typed form of a `quotas.csv` row, so a
    /// plan run hands its quota step's result over without writing and re-reading the file.
    public struct QuotaStepNode: Sendable, Hashable {
        /// The node id (a territory, district, region or the company).
        public var id: String
        /// Share of the year the seat is productive (the quota step's `capacity`; 1 for units).
        public var capacity: Double
        /// The quotas by the quota step's period label (`FY`, `Q1`…`Q4`, `M1`…`M12`), in currency units.
        public var quotas: [String: Double]

        public init(id: String, capacity: Double, quotas: [String: Double]) {
            self.id = id
            self.capacity = capacity
            self.quotas = quotas
        }
    }

    /// The quotas of the quota step's nodes for plan year `planYear`, named `default`, exactly as
    /// ``init(contentsOf:planYear:)`` reads them from the step's `quotas.csv`.
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` (file `quotas`) for a
    ///   label that is not a quota period, a capacity outside [0, 1] or an amount that is negative or
    ///   not finite.
    public init(quotaStep nodes: [QuotaStepNode], planYear: Int) throws(IncentivesError) {
        rows = [:]
        for (index, node) in nodes.enumerated() {
            guard node.capacity.isFinite, node.capacity >= 0 else {
                throw .invalidInput(
                    file: "quotas", line: index + 1, column: 1, value: "\(node.capacity)",
                    expected: "a share of the year in seat between 0 and 1 for \(node.id)")
            }
            if Self.isFitted(capacity: node.capacity) { fitted.insert(node.id) }
            for (label, value) in node.quotas.sorted(by: { $0.key < $1.key }) {
                guard let period = Self.period(label: label, planYear: planYear) else {
                    throw .invalidInput(
                        file: "quotas", line: index + 1, column: 1, value: label,
                        expected: "a quota period label FY, Qn or Mn")
                }
                guard let amount = Money(exactly: value), amount.cents >= 0 else {
                    throw .invalidInput(
                        file: "quotas", line: index + 1, column: 1, value: "\(value)",
                        expected: "a non-negative finite quota for \(node.id) \(label)")
                }
                rows[Key(name: "default", id: node.id, period: period)] = amount
            }
        }
    }

    /// Whether a seat of this capacity had its quotas fitted by the quota step: below 1 at the six
    /// decimals `quotas.csv` carries, so the file and the typed path agree.
    static func isFitted(capacity: Double) -> Bool { (capacity * 1e6).rounded() < 1e6 }

    /// The comp period of a quota step label of plan year `planYear` (`FY` → `2026`, `Q2` → `2026-Q2`,
    /// `M3` → `2026-03`), or `nil` for any other label.
    static func period(label: String, planYear: Int) -> String? {
        if label == "FY" { return "\(planYear)" }
        if label.hasPrefix("Q"), let q = Int(label.dropFirst()), (1...4).contains(q) { return "\(planYear)-Q\(q)" }
        if label.hasPrefix("M"), let m = Int(label.dropFirst()), let month = CompPeriod(year: planYear, month: m) {
            return month.description
        }
        return nil
    }

    private init(quotaStep table: TableFile, planYear: Int) throws(IncentivesError) {
        rows = [:]
        if table.column("capacity") != nil {
            for row in table.rows {
                guard let capacity = Double(table.value(row, "capacity")), capacity.isFinite, capacity >= 0 else {
                    throw table.error(row, "capacity", expected: "a share of the year in seat between 0 and 1")
                }
                if Self.isFitted(capacity: capacity) { fitted.insert(table.value(row, "node")) }
            }
        }
        for (index, name) in table.header.enumerated() where name.hasPrefix("quota_") {
            guard let period = Self.period(label: String(name.dropFirst("quota_".count)), planYear: planYear) else {
                throw .invalidInput(
                    file: table.file, line: 1, column: index + 1, value: name,
                    expected: "a quota column quota_FY, quota_Qn or quota_Mn")
            }
            for row in table.rows {
                guard let amount = try? Money(parsing: table.value(row, name)), amount.cents >= 0 else {
                    throw table.error(row, name, expected: "a non-negative amount with at most 2 decimals")
                }
                rows[Key(name: "default", id: table.value(row, "node"), period: period)] = amount
            }
        }
    }

    private init(table: TableFile) throws(IncentivesError) {
        rows = [:]
        for row in table.rows {
            let period = table.value(row, "period")
            guard Self.isPeriod(period) else {
                throw table.error(row, "period", expected: "a period YYYY-MM, YYYY-Qn or YYYY")
            }
            guard let amount = try? Money(parsing: table.value(row, "amount")), amount.cents >= 0 else {
                throw table.error(row, "amount", expected: "a non-negative amount with at most 2 decimals")
            }
            let name = table.value(row, "quota")
            let key = Key(name: name.isEmpty ? "default" : name, id: table.value(row, "id"), period: period)
            guard rows[key] == nil else { throw table.error(row, "id", expected: "one row per id, period and quota") }
            rows[key] = amount
        }
    }

    private static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard let first = parts.first, first.count == 4, Int(first) != nil else { return false }
        if parts.count == 1 { return true }
        guard parts.count == 2 else { return false }
        if parts[1].hasPrefix("Q") { return ["Q1", "Q2", "Q3", "Q4"].contains(String(parts[1])) }
        return (try? CompPeriod(parsing: text)) != nil
    }

    /// The quota named `name` of `id` for `window`: its own row, or the sum of its quarters' or months' rows.
    public func amount(name: String, id: String, window: CompPeriod.Window) -> Money? {
        if let own = rows[Key(name: name, id: id, period: window.label)] { return own }
        guard window.months > 1 else { return nil }
        if window.months == 12 {
            let quarters = (0..<4).map { rows[Key(name: name, id: id, period: "\(window.year)-Q\($0 + 1)")] }
            if quarters.allSatisfy({ $0 != nil }) { return quarters.compactMap { $0 }.reduce(.zero, +) }
        }
        let months = window.periods.map { rows[Key(name: name, id: id, period: $0.description)] }
        guard months.allSatisfy({ $0 != nil }) else { return nil }
        return months.compactMap { $0 }.reduce(.zero, +)
    }

    /// Whether the quota step already fitted `id`'s quotas to its seat (a hire or ramp in the plan year):
    /// comp then neither prorates them by days in seat nor applies the plan's ramp, and a window whose
    /// quota is zero (before the start, or a ramp month at 0 %) pays its quota components nothing.
    public func isFittedToSeat(_ id: String) -> Bool { fitted.contains(id) }

    /// Whether any quota row names `id`.
    public func names(_ id: String) -> Bool { rows.keys.contains { $0.id == id } }
}
