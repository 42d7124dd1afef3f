import Foundation
import SalesData

/// Writes a territory plan: `assignment.csv` (account, old and new territory, moved, distance),
/// `territories.csv` (per territory and measure: total, target, deviation; accounts, compactness,
/// farthest account, connected), `metrics.json` (plan metrics, each measure's tolerance, and the
/// current alignment's figures under `before`) and, when units have current territories,
/// `territories_before.csv` (the columns of `territories.csv` for today's alignment).
///
/// The folder is written whole through SalesData's `AtomicFolder`: after a `kill -9` it holds the
/// previous plan or the complete new one, never a mix.
///
/// ```swift
/// try AlignmentWriter(plan: plan).write(to: URL(fileURLWithPath: "out"))
/// ```
public struct AlignmentWriter: Sendable {
    /// The plan to write.
    public let plan: TerritoryPlan

    /// Creates a writer.
    public init(plan: TerritoryPlan) { self.plan = plan }

    /// Writes ``files()`` into `folder`.
    public func write(to folder: URL) throws {
        try AtomicFolder.write(files(), to: folder)
    }

    /// The files of the plan's folder, by name: `assignment.csv`, `territories.csv`, `metrics.json`,
    /// and `territories_before.csv` when the plan has a current alignment.
    public func files() -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = [
            ("assignment.csv", Data(assignmentCSV().utf8)), ("territories.csv", Data(territoriesCSV().utf8)),
            ("metrics.json", Data(metricsJSON(pretty: true).utf8)),
        ]
        if let current = plan.current {
            files.append(("territories_before.csv", Data(territoriesCSV(current.territories).utf8)))
        }
        return files
    }

    /// `account,old_territory,new_territory,moved,distance,locked`.
    public func assignmentCSV() -> String {
        let problem = plan.problem, a = plan.alignment
        var out = "account,old_territory,new_territory,moved,distance,locked\n"
        for (i, unit) in problem.units.enumerated() {
            let old = plan.originalTerritories[i] ?? ""
            let new = a.territoryID(ofUnit: i)
            let d = problem.metric.distance(unit.location, a.territories[a.assignment[i]].centre)
            out +=
                "\(CSVField.quote(unit.id)),\(CSVField.quote(old)),\(CSVField.quote(new)),\(!old.isEmpty && old != new),"
            out += "\(CSVField.number(d)),\(unit.locked)\n"
        }
        return out
    }

    /// One row per territory of the plan.
    public func territoriesCSV() -> String { territoriesCSV(plan.alignment.territories) }

    /// One row per territory of `territories` (the plan's, or today's alignment's).
    func territoriesCSV(_ territories: [TerritorySummary]) -> String {
        let problem = plan.problem
        var header = ["territory", "centre_1", "centre_2", "accounts"]
        for measure in problem.measures {
            header += ["\(measure.name)_total", "\(measure.name)_target", "\(measure.name)_deviation"]
        }
        header += [
            "weighted_travel", "mean_distance", "farthest_account", "farthest_distance", "diameter", "connected",
        ]
        var out = header.joined(separator: ",") + "\n"
        for t in territories {
            var fields = [
                CSVField.quote(t.id), CSVField.number(t.centre.first), CSVField.number(t.centre.second),
                "\(t.unitCount)",
            ]
            for k in problem.measures.indices {
                fields += [
                    CSVField.number(t.totals[k]), CSVField.number(t.targets[k]), CSVField.number(t.deviations[k]),
                ]
            }
            fields += [
                CSVField.number(t.weightedTravel), CSVField.number(t.meanDistance),
                CSVField.quote(t.farthestUnit ?? ""),
                CSVField.number(t.farthestDistance), CSVField.number(t.diameter), "\(t.connected)",
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The plan metrics as JSON: termination, objective, bound, gap, seconds, maxDeviation,
    /// movedAccounts, movedShare, movedValue, movedValueShare, valueMeasure, weightedTravel, connected,
    /// territories, accounts, the peel-and-grow changes, `tolerances` (τ per measure: the band is
    /// target × (1 ± τ); 0 for a one-sided `max` measure, whose deviation is its excess over the
    /// limit) and `before` (today's alignment: maxDeviation, weightedTravel, maxDiameter, connected,
    /// territories, accounts in a territory and unassignedAccounts), absent without current territories.
    public func metricsJSON(pretty: Bool = false) -> String {
        let a = plan.alignment, problem = plan.problem
        let valueIndex = problem.disruption.valueMeasure
        let hasValue = problem.measures.indices.contains(valueIndex)
        var movedValue = 0.0
        for (i, unit) in problem.units.enumerated() {  // moved as movedUnits counts them
            guard let old = unit.currentTerritory, !old.isEmpty, old != a.territoryID(ofUnit: i) else { continue }
            movedValue += hasValue ? unit.measures[valueIndex] : 1
        }
        var tolerances: [String: Double] = [:]
        for measure in problem.measures {
            tolerances[measure.name] = measure.target == .upperLimit ? 0 : measure.tolerance
        }
        var metrics = PlanMetrics(
            termination: a.termination.description, objective: a.objective, bound: a.bound,
            boundScope: a.boundScope.rawValue,
            gap: a.boundScope == .allAlignments ? a.gap : nil, seconds: a.seconds,
            maxDeviation: a.maxDeviation, movedAccounts: a.movedUnits, movedShare: a.movedShare,
            movedValueShare: a.movedValueShare, connected: a.connected, maxDiameter: a.maxDiameter,
            territories: a.territoryIDs.count,
            accounts: a.assignment.count, openedTerritories: plan.opened, closedTerritories: plan.closed)
        metrics.tolerances = tolerances
        metrics.movedValue = movedValue
        metrics.valueMeasure = hasValue ? problem.measures[valueIndex].name : nil
        metrics.weightedTravel = a.territories.reduce(0) { $0 + $1.weightedTravel }
        metrics.before = plan.current.map {
            BeforeMetrics(
                maxDeviation: $0.maxDeviation, weightedTravel: $0.weightedTravel, maxDiameter: $0.maxDiameter,
                connected: $0.connected, territories: $0.territories.count, accounts: $0.assignedUnits,
                unassignedAccounts: $0.unassignedUnits)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        let data = (try? encoder.encode(metrics)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct PlanMetrics: Codable {
        var termination: String
        var objective: Double
        var bound: Double
        /// `allAlignments`, or `givenCentres` when the bound holds for the returned centres only.
        var boundScope: String
        /// `null` when the bound holds for the given centres only.
        var gap: Double?
        var seconds: Double
        var maxDeviation: [String: Double]
        var movedAccounts: Int
        var movedShare: Double
        var movedValueShare: Double
        var connected: Bool
        /// The largest territory diameter (farthest pair of accounts).
        var maxDiameter: Double
        var territories: Int
        var accounts: Int
        var openedTerritories: [String]
        var closedTerritories: [String]
        /// τ per measure name.
        var tolerances: [String: Double] = [:]
        /// The moved units' value (of ``valueMeasure``; the count of moved units without one).
        var movedValue = 0.0
        /// The disruption budget's value measure.
        var valueMeasure: String?
        /// Weighted travel summed over territories (the objective without the disruption penalty).
        var weightedTravel = 0.0
        /// Today's alignment, when units have current territories.
        var before: BeforeMetrics?

        enum CodingKeys: String, CodingKey {
            case termination, objective, bound, boundScope, gap, seconds, maxDeviation, movedAccounts, movedShare
            case movedValueShare, connected, maxDiameter, territories, accounts, openedTerritories, closedTerritories
            case tolerances, movedValue, valueMeasure, weightedTravel, before
        }

        /// As synthesised, except that a missing gap is written as `null` (the key is always there).
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(termination, forKey: .termination)
            try container.encode(objective, forKey: .objective)
            try container.encode(bound, forKey: .bound)
            try container.encode(boundScope, forKey: .boundScope)
            try container.encode(gap, forKey: .gap)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(maxDeviation, forKey: .maxDeviation)
            try container.encode(movedAccounts, forKey: .movedAccounts)
            try container.encode(movedShare, forKey: .movedShare)
            try container.encode(movedValueShare, forKey: .movedValueShare)
            try container.encode(connected, forKey: .connected)
            try container.encode(maxDiameter, forKey: .maxDiameter)
            try container.encode(territories, forKey: .territories)
            try container.encode(accounts, forKey: .accounts)
            try container.encode(openedTerritories, forKey: .openedTerritories)
            try container.encode(closedTerritories, forKey: .closedTerritories)
            try container.encode(tolerances, forKey: .tolerances)
            try container.encode(movedValue, forKey: .movedValue)
            try container.encode(valueMeasure, forKey: .valueMeasure)
            try container.encode(weightedTravel, forKey: .weightedTravel)
            try container.encodeIfPresent(before, forKey: .before)
        }
    }

    /// Today's alignment in `metrics.json` (key `before`).
    struct BeforeMetrics: Codable {
        var maxDeviation: [String: Double]
        var weightedTravel: Double
        var maxDiameter: Double
        var connected: Bool
        var territories: Int
        var accounts: Int
        var unassignedAccounts: Int
    }
}

extension AlignmentWriter {
    /// A short human-readable summary for the terminal.
    public func textSummary() -> String {
        let a = plan.alignment
        var out: String
        switch a.boundScope {
        case .allAlignments:
            out = String(
                format: "termination %@  objective %.6g  bound %.6g  gap %.3f%%  %.1fs\n",
                a.termination.description, a.objective, a.bound, a.gap * 100, a.seconds)
        case .givenCentres:
            out = String(
                format: "termination %@  objective %.6g  fixed-centre bound %.6g (these centres only; no gap)  %.1fs\n",
                a.termination.description, a.objective, a.bound, a.seconds)
        }
        for (name, deviation) in a.maxDeviation.sorted(by: { $0.key < $1.key }) {
            out += String(format: "max deviation %@ %.2f%%\n", name, deviation * 100)
        }
        out += String(format: "largest territory diameter %.6g\n", a.maxDiameter)
        out += String(
            format: "moved %d accounts (%.2f%%, value %.2f%%)  territories %d  connected %@\n",
            a.movedUnits, a.movedShare * 100, a.movedValueShare * 100, a.territoryIDs.count, a.connected ? "yes" : "no")
        if !plan.opened.isEmpty { out += "opened \(plan.opened.joined(separator: ", "))\n" }
        if !plan.closed.isEmpty { out += "closed \(plan.closed.joined(separator: ", "))\n" }
        return out
    }
}

/// CSV field quoting for writers.
enum CSVField {
    static func quote(_ s: String) -> String { CSVWriter.quoted(s) }
    static func number(_ x: Double) -> String {
        if !x.isFinite { return x.isNaN ? "" : (x > 0 ? "inf" : "-inf") }
        return String(format: "%.6f", x)
    }
}
