import Foundation
import LinearProgramming
import SalesData
import TerritoryDesign

/// Writes a p-median plan: `assignment.csv` (account, centre, distance), `centres.csv` (each
/// opened centre: location, accounts, demand, capacity, weighted travel, diameter) and
/// `metrics.json` (termination, objective, bound, gap, seconds, centres), all or nothing.
///
/// ```swift
/// try PMedianWriter(plan: plan).write(to: URL(fileURLWithPath: "out"))
/// ```
public struct PMedianWriter: Sendable {
    /// The plan to write.
    public let plan: PMedianPlan

    /// Creates a writer.
    public init(plan: PMedianPlan) { self.plan = plan }

    /// Writes the three files into `folder` through a temporary sibling folder (a kill leaves the
    /// previous folder or the complete new one).
    public func write(to folder: URL) throws {
        try AtomicFolder.write(
            [
                ("assignment.csv", Data(assignmentCSV().utf8)), ("centres.csv", Data(centresCSV().utf8)),
                ("metrics.json", Data(metricsJSON(pretty: true).utf8)),
            ], to: folder)
    }

    /// `account,centre,distance` (the distance unweighted, in the metric's unit).
    public func assignmentCSV() -> String {
        var out = "account,centre,distance\n"
        guard let centreOf = plan.centreOfAccount else { return out }
        for (i, account) in plan.accounts.enumerated() {
            let site = plan.sites[centreOf[i]]
            let d = plan.metric.distance(account.location, site.location)
            out += "\(CSVWriter.quoted(account.id)),\(CSVWriter.quoted(site.id)),\(Self.number(d))\n"
        }
        return out
    }

    /// One row per opened centre: `centre,centre_1,centre_2,accounts,demand,capacity,weighted_travel,diameter`.
    public func centresCSV() -> String {
        var out = "centre,centre_1,centre_2,accounts,demand,capacity,weighted_travel,diameter\n"
        for summary in summaries() {
            let site = plan.sites[summary.site]
            let fields = [
                CSVWriter.quoted(site.id), Self.number(site.location.first), Self.number(site.location.second),
                "\(summary.accounts.count)", summary.demand.map(Self.number) ?? "",
                site.capacity.map(Self.number) ?? "",
                Self.number(summary.weightedTravel), Self.number(summary.diameter),
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The run's figures as JSON: termination, objective (`null` without a solution), bound,
    /// gap (`null` without a solution), seconds, centres opened.
    public func metricsJSON(pretty: Bool = false) -> String {
        let report = plan.report
        let solved = plan.centreOfAccount != nil
        let metrics = Metrics(
            termination: plan.termination.description, objective: solved ? report.solution?.objective : nil,
            bound: report.bound.isFinite ? report.bound : nil, gap: solved ? report.gap : nil,
            seconds: report.seconds, centres: plan.openedSites.map { plan.sites[$0].id },
            maxDiameter: summaries().map(\.diameter).max() ?? 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        let data = (try? encoder.encode(metrics)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A short human-readable summary for the terminal.
    public func textSummary() -> String {
        let report = plan.report
        guard plan.centreOfAccount != nil, let solution = report.solution, let gap = report.gap else {
            return "termination \(plan.termination)  no solution  \(String(format: "%.1fs", report.seconds))\n"
        }
        var out = String(
            format: "termination %@  objective %.6g  bound %.6g  gap %.3f%%  %.1fs\n", plan.termination.description,
            solution.objective, report.bound, gap * 100, report.seconds)
        out += "opened \(plan.openedSites.map { plan.sites[$0].id }.joined(separator: ", "))\n"
        return out
    }

    struct Metrics: Encodable {
        var termination: String
        var objective: Double?
        var bound: Double?
        var gap: Double?
        var seconds: Double
        var centres: [String]
        var maxDiameter: Double

        enum CodingKeys: String, CodingKey { case termination, objective, bound, gap, seconds, centres, maxDiameter }

        /// As synthesised, except that a missing value is written as `null` (every key is there).
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(termination, forKey: .termination)
            try c.encode(objective, forKey: .objective)
            try c.encode(bound, forKey: .bound)
            try c.encode(gap, forKey: .gap)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(centres, forKey: .centres)
            try c.encode(maxDiameter, forKey: .maxDiameter)
        }
    }

    /// Per opened centre: its accounts, demand, weighted travel and diameter.
    struct Summary {
        var site: Int
        var accounts: [Int]
        var demand: Double?
        var weightedTravel: Double
        var diameter: Double
    }

    func summaries() -> [Summary] {
        guard let centreOf = plan.centreOfAccount else { return [] }
        let sites = plan.openedSites
        var members: [Int: [Int]] = [:]
        for (i, s) in centreOf.enumerated() { members[s, default: []].append(i) }
        return sites.map { s in
            let list = members[s] ?? []
            let site = plan.sites[s]
            let travel = list.reduce(0.0) {
                $0 + plan.weights[$1] * plan.metric.distance(plan.accounts[$1].location, site.location)
            }
            let demand = plan.demand.map { values in list.reduce(0.0) { $0 + values[$1] } }
            return Summary(
                site: s, accounts: list, demand: demand, weightedTravel: travel,
                diameter: TerritoryDiameter.of(list.map { plan.accounts[$0].location }, metric: plan.metric))
        }
    }

    private static func number(_ x: Double) -> String {
        x.isFinite ? String(format: "%.6f", x) : ""
    }
}
