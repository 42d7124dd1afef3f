import Foundation
import SalesData

/// What the quota step wrote (`quotas.csv`, `quota_summary.txt`), read as is.
struct QuotaResults: Sendable {
    /// One node of the cascade (a row of `quotas.csv`).
    struct Node: Sendable {
        var id: String
        var name: String
        var level: Int
        var parent: String
        var role: String
        var status: String
        var basisPriorYear: Double?
        var basisPotential: Double?
        var shareBlended: Double?
        var target: Double?
        var quota: Double
        var floor: Double?
        var cap: Double?
        var floorBinding: Bool
        var capBinding: Bool
        var rampBinding: Bool
        var overridden: Bool
        var held: Bool
        var attainmentProbability: Double?
    }

    var nodes: [Node]
    /// The summary text the step printed, shown verbatim.
    var summary: String?
    /// The equal-probability level from the summary's fairness line, as a share.
    var fairnessLevel: Double?
    /// The expected share of seats at or above quota, from the same line.
    var expectedShareAtQuota: Double?

    /// The deepest level: the seats.
    var seatLevel: Int { nodes.map(\.level).max() ?? 0 }

    /// Nodes in tree order (parent before children, siblings in file order), with their depth.
    func treeOrder() -> [(node: Node, depth: Int)] {
        let children = Dictionary(grouping: nodes.indices, by: { nodes[$0].parent })
        let ids = Set(nodes.map(\.id))
        var out: [(Node, Int)] = []
        func visit(_ i: Int, _ depth: Int) {
            out.append((nodes[i], depth))
            for c in children[nodes[i].id] ?? [] where c != i { visit(c, depth + 1) }
        }
        for i in nodes.indices where nodes[i].parent.isEmpty || !ids.contains(nodes[i].parent) { visit(i, 0) }
        return out
    }

    /// Reads a quota output folder.
    static func load(folder: URL) throws -> QuotaResults {
        let table = try ColumnTable(contentsOf: folder.appendingPathComponent("quotas.csv"))
        func text(_ name: String) throws -> [String?] {
            table.has(name) ? try table.strings(name) : Array(repeating: nil, count: table.rowCount)
        }
        func number(_ name: String) throws -> [Double?] {
            table.has(name) ? try table.numbers(name) : Array(repeating: nil, count: table.rowCount)
        }
        let ids = try table.strings("node"), quota = try table.numbers("quota")
        let names = try text("name"), parents = try text("parent"), roles = try text("role"),
            status = try text("status")
        let levels = try number("level"), prior = try number("basis_prior_year"),
            potential = try number("basis_potential")
        let share = try number("share_blended"), target = try number("target"), floor = try number("floor")
        let cap = try number("cap"), probability = try number("attainment_probability")
        let flags = try ["floor_binding", "cap_binding", "ramp_binding", "override", "held_by_manager"].map(text)
        var nodes: [Node] = []
        for r in 0..<table.rowCount {
            guard let id = ids[r], let q = quota[r] else {
                throw ReportsError.badFile(
                    file: table.file, line: table.lineNumbers[r], reason: "a node without an id or a quota")
            }
            let level = levels[r] ?? 0
            guard level >= 0, level < 100 else {
                throw ReportsError.badFile(
                    file: table.file, line: table.lineNumbers[r], reason: "level \(level); expected 0...99")
            }
            func on(_ k: Int) -> Bool { ["1", "true"].contains(flags[k][r] ?? "") }
            nodes.append(
                Node(
                    id: id, name: names[r] ?? id, level: Int(level), parent: parents[r] ?? "", role: roles[r] ?? "",
                    status: status[r] ?? "", basisPriorYear: prior[r], basisPotential: potential[r],
                    shareBlended: share[r], target: target[r], quota: q, floor: floor[r], cap: cap[r],
                    floorBinding: on(0), capBinding: on(1), rampBinding: on(2), overridden: on(3), held: on(4),
                    attainmentProbability: probability[r]))
        }
        var result = QuotaResults(nodes: nodes)
        let summaryURL = folder.appendingPathComponent("quota_summary.txt")
        if let summary = try? String(contentsOf: summaryURL, encoding: .utf8) {
            result.summary = summary
            result.readFairness(summary)
        }
        return result
    }

    /// Reads `expected share at or above quota X%` and `equal-probability level Y%` from the summary.
    private mutating func readFairness(_ summary: String) {
        guard let line = summary.split(separator: "\n").first(where: { $0.hasPrefix("fairness:") }) else { return }
        func percent(after key: String) -> Double? {
            guard let range = line.range(of: key) else { return nil }
            let digits = line[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || $0 == "." }
            return Double(digits).map { $0 / 100 }
        }
        expectedShareAtQuota = percent(after: "expected share at or above quota")
        fairnessLevel = percent(after: "equal-probability level")
    }
}
