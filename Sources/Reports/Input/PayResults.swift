import Foundation
import Incentives
import SalesData

/// What the comp and simulation steps wrote, read as is: attainment per person from the comp step's
/// `measurements.csv`, cost, cost of sales and share at quota from the simulation's `summary.csv`,
/// each person's odds from its `reps.csv`; plus each comp plan's payout curve, which the plan's own
/// payout rule (Incentives' `PlanComponent.payout`) gives at every attainment.
struct PayResults: Sendable {
    /// One figure of `summary.csv` for one scenario: mean and P10/P50/P90 with standard errors.
    struct Figure: Sendable {
        var scenario: String
        var name: String
        var mean: Double?
        var p10: Double?
        var p50: Double?
        var p90: Double?
        var p10Error: Double?
        var p50Error: Double?
        var p90Error: Double?
    }

    /// The attainments of one quota component in its latest window (one per person).
    struct Attainments: Sendable {
        var plan: String
        var component: String
        var window: String
        var values: [Double]
    }

    /// A plan's payout curve: per quota component and in total, the annual payout as a multiple of the
    /// target incentive, at ``PayResults/curveAttainments``.
    struct Curve: Sendable {
        var plan: String
        var name: String
        var targetIncentive: Double
        var components: [(name: String, multiples: [Double])]
        var total: [Double]
        /// Quota components the curve leaves out (with a gate or modifiers, which the comp engine's
        /// one-component payout does not evaluate).
        var leftOut: [String]
    }

    /// Attainments 0 %, 1 %, … 250 %, where curves are evaluated.
    static let curveAttainments = (0...250).map { Double($0) / 100 }

    var figures: [Figure] = []
    var attainments: [Attainments] = []
    /// The simulated probability of reaching quota per person (`p_hit_quota` of `reps.csv`).
    var hitProbabilities: [Double] = []
    var curves: [Curve] = []
    /// Why curves are missing, when they are.
    var curvesNote: String?

    /// Reads the comp folder, the simulation folder and the plan folder, each optional.
    static func load(comp: URL?, simulation: URL?, plans: URL?) throws -> PayResults {
        var result = PayResults()
        var windowQuotas: [String: [Double]] = [:]  // "plan/component" → quotas of the latest window
        if let comp, FileManager.default.fileExists(atPath: comp.appendingPathComponent("measurements.csv").path) {
            let table = try ColumnTable(contentsOf: comp.appendingPathComponent("measurements.csv"))
            let plans = try table.strings("plan"), components = try table.strings("component")
            let windows = try table.strings("window"), attainment = try table.numbers("attainment")
            let quotas = try table.numbers("quota")
            var latest: [String: String] = [:]
            for r in 0..<table.rowCount {
                let key = "\(plans[r] ?? "")/\(components[r] ?? "")", window = windows[r] ?? ""
                if window > latest[key, default: ""] { latest[key] = window }
            }
            var groups: [String: Attainments] = [:]
            var order: [String] = []
            for r in 0..<table.rowCount {
                let key = "\(plans[r] ?? "")/\(components[r] ?? "")"
                guard let window = windows[r], window == latest[key], let a = attainment[r], a.isFinite else {
                    continue
                }
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = Attainments(
                        plan: plans[r] ?? "", component: components[r] ?? "", window: window, values: [])
                }
                groups[key]?.values.append(a)
                if let q = quotas[r], q.isFinite, q > 0 { windowQuotas[key, default: []].append(q) }
            }
            result.attainments = order.compactMap { groups[$0] }
        }
        if let simulation {
            let summaryURL = simulation.appendingPathComponent("summary.csv")
            if FileManager.default.fileExists(atPath: summaryURL.path) {
                let table = try ColumnTable(contentsOf: summaryURL)
                let scenarios = try table.strings("scenario"), names = try table.strings("figure")
                let columns = try ["mean", "p10", "p50", "p90", "p10_se", "p50_se", "p90_se"].map {
                    table.has($0) ? try table.numbers($0) : Array(repeating: nil, count: table.rowCount)
                }
                for r in 0..<table.rowCount {
                    guard let name = names[r] else {
                        throw ReportsError.badFile(
                            file: table.file, line: table.lineNumbers[r], reason: "a row without a figure name")
                    }
                    result.figures.append(
                        Figure(
                            scenario: scenarios[r] ?? "", name: name, mean: columns[0][r], p10: columns[1][r],
                            p50: columns[2][r], p90: columns[3][r], p10Error: columns[4][r], p50Error: columns[5][r],
                            p90Error: columns[6][r]))
                }
            }
            let repsURL = simulation.appendingPathComponent("reps.csv")
            if FileManager.default.fileExists(atPath: repsURL.path) {
                let table = try ColumnTable(contentsOf: repsURL)
                if table.has("p_hit_quota") {
                    result.hitProbabilities = try table.numbers("p_hit_quota").compactMap { $0 }.filter(\.isFinite)
                }
            }
        }
        if let plans {
            let book: PlanBook
            do { book = try PlanBook(folder: plans) } catch {
                throw ReportsError.badFile(file: plans.path, line: 0, reason: "comp plans: \(error)")
            }
            result.curves = book.plans.compactMap { curve(of: $0, windowQuotas: windowQuotas) }
            let drawn = Set(result.curves.map(\.plan))
            let undrawn = book.plans.map(\.id).filter { !drawn.contains($0) }
            if !undrawn.isEmpty {
                result.curvesNote =
                    "no curve for \(undrawn.joined(separator: ", ")): its quota components have a gate or a modifier, "
                    + "which the comp engine's one-component payout does not evaluate"
            }
        } else {
            result.curvesNote = "no comp plan folder (give --plans DIR) for the payout curves"
        }
        return result
    }

    /// The payout curve of the plan's latest version: each quota component paid by its own rule at a
    /// window quota (the median of the comp step's quotas for it, else $250,000 a quarter pro rata),
    /// annualised, over the target incentive.
    static func curve(of plan: CompPlan, windowQuotas: [String: [Double]]) -> Curve? {
        guard let version = plan.versions.last, version.targetIncentive > .zero else { return nil }
        let incentive = version.targetIncentive
        var components: [(name: String, multiples: [Double])] = [], leftOut: [String] = []
        for component in version.components where component.kind == .quota {
            let months = component.period == .year ? 12.0 : component.period == .quarter ? 3 : 1
            let quotas = (windowQuotas["\(plan.id)/\(component.name)"] ?? []).sorted()
            let quota = quotas.isEmpty ? 1_000_000 * months / 12 : quotas[quotas.count / 2]
            guard let quotaMoney = Money(exactly: (quota * 100).rounded() / 100), quotaMoney > .zero else { continue }
            var multiples: [Double] = []
            for a in curveAttainments {
                guard let credit = Money(exactly: (a * quota * 100).rounded() / 100),
                    let pay = component.payout(credit: credit, quota: quotaMoney, annualTargetIncentive: incentive)
                else { break }
                multiples.append(Double(pay.cents) * 12 / months / Double(incentive.cents))
            }
            if multiples.count == curveAttainments.count {
                components.append((component.name, multiples))
            } else {
                leftOut.append(component.name)
            }
        }
        guard !components.isEmpty else { return nil }
        let total = curveAttainments.indices.map { i in components.reduce(0) { $0 + $1.multiples[i] } }
        return Curve(
            plan: plan.id, name: plan.name, targetIncentive: Double(incentive.cents) / 100, components: components,
            total: total, leftOut: leftOut)
    }

    /// Whether anything was read.
    var isEmpty: Bool { figures.isEmpty && attainments.isEmpty && hitProbabilities.isEmpty && curves.isEmpty }
}
