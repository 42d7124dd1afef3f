import Foundation
import SalesData

extension QuotaPlan {
    /// `quotas.csv`: one row per node in breadth-first order with its level, parent, basis values,
    /// blended share, target, quota, quota per period, method contributions and binding flags.
    ///
    /// ```swift
    /// try AtomicFile.write(plan.quotasCSV(), to: folder.appendingPathComponent("quotas.csv"))
    /// ```
    public func quotasCSV() -> String {
        let methods = configuration.basis.methods
        let periods = configuration.periods
        var header = ["node", "name", "level", "parent", "role", "status"]
        header += ["basis_prior_year", "basis_t12m", "basis_potential", "basis_pipeline"]
        header += methods.map { "share_\($0.csvName)" }
        header += ["share_blended", "capacity", "target", "quota"]
        header += (0..<periods.count).map { "quota_\(periods.label($0))" }
        header += methods.map { "contribution_\($0.csvName)" }
        header += ["growth_base", "growth_base_source"]
        header += ["floor", "cap", "floor_binding", "cap_binding", "ramp_binding", "override", "held_by_manager"]
        header += ["children_pool", "over_assignment", "expected_sales", "attainment_probability"]
        var lines = [header.joined(separator: ",")]
        lines.reserveCapacity(assignments.count + 1)
        for a in assignments {
            var row = [
                csvField(a.id.rawValue), csvField(a.name), "\(a.level)", csvField(a.parent?.rawValue ?? ""),
                a.role.rawValue, a.status.rawValue,
            ]
            row += [a.measures.priorYear, a.measures.trailing12Months, a.measures.potential, a.measures.pipeline].map(
                amount)
            row += methods.map { share(a.shares[$0]) }
            row += [share(a.blendedShare), share(a.capacity), amount(a.target), amount(a.quota)]
            row += a.periodQuotas.map(amount)
            row += methods.map { amount(a.contributions[$0]) }
            row += [amount(a.growthBase?.amount), a.growthBase?.source.rawValue ?? ""]
            row += [amount(a.floor), amount(a.cap), flag(a.floorBinding), flag(a.capBinding), flag(a.rampBinding)]
            row += [flag(a.overridden), flag(a.heldByManager)]
            row += [
                amount(a.childrenPool), share(a.overAssignment), amount(a.expectedSales),
                share(a.attainmentProbability),
            ]
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `quota_levels.csv`: the per-level summary.
    public func levelsCSV() -> String {
        var lines = [
            "level,nodes,total_quota,floors_binding,caps_binding,ramps_binding,overrides,held,mean_relative_deviation,max_relative_deviation"
        ]
        for l in levels {
            lines.append(
                [
                    "\(l.level)", "\(l.nodes)", amount(l.totalQuota), "\(l.floorsBinding)", "\(l.capsBinding)",
                    "\(l.rampsBinding)", "\(l.overrides)", "\(l.held)", share(l.meanRelativeDeviation),
                    share(l.maxRelativeDeviation),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `quota_checks.csv`: every parent against its children's sum ÷ (1 + over-assignment)
    /// (`check` = `roll-up`), then the ``PlanCheck`` rows: seats without a growth base, bounds left
    /// by rounding, and units and seats against the plan-wide equal-probability split.
    ///
    /// `reference` is the implied quota of a roll-up row, or what a plan check compares the quota with.
    public func checksCSV() -> String {
        var lines = ["check,node,quota,over_assignment,children_sum,reference,difference,tolerance,passes,note"]
        for c in checks {
            lines.append(
                [
                    "roll-up", csvField(c.parent.rawValue), amount(c.quota), share(c.overAssignment),
                    amount(c.childrenSum),
                    amount(c.impliedQuota), amount(c.difference), amount(c.tolerance), flag(c.passes), "",
                ].joined(separator: ","))
        }
        for c in planChecks {
            let difference = c.quota.flatMap { q in c.reference.map { q - $0 } }
            lines.append(
                [
                    c.kind.rawValue, csvField(c.node.rawValue), amount(c.quota), "", "", amount(c.reference),
                    amount(difference), "", c.passes.map(flag) ?? "", csvField(c.note),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A short human-readable summary: per level, checks, fairness and warnings.
    public func summaryText() -> String {
        var out = "Quota cascade: target \(amount(configuration.target)), \(assignments.count) nodes\n"
        out += "level  nodes        total quota  floors  caps  ramps  overrides  held  mean dev  max dev\n"
        for l in levels {
            out +=
                pad("\(l.level)", 5) + pad("\(l.nodes)", 7) + pad(amount(l.totalQuota), 19)
                + pad("\(l.floorsBinding)", 8)
                + pad("\(l.capsBinding)", 6) + pad("\(l.rampsBinding)", 7) + pad("\(l.overrides)", 11)
                + pad("\(l.held)", 6)
                + pad(percent(l.meanRelativeDeviation), 10) + pad(percent(l.maxRelativeDeviation), 9) + "\n"
        }
        let failing = checks.filter { !$0.passes }
        out +=
            "roll-up checks: \(checks.count - failing.count) of \(checks.count) parents equal their children's sum ÷ (1 + over-assignment)\n"
        for c in failing.prefix(10) {
            out += "  FAIL \(c.parent): implied \(amount(c.impliedQuota)) vs quota \(amount(c.quota))\n"
        }
        if fairness.seats > 0 {
            out +=
                "fairness: \(fairness.seats) seats, expected share at or above quota \(percent(fairness.expectedShareAtOrAboveQuota))"
            out += " (range \(percent(fairness.minimumProbability))–\(percent(fairness.maximumProbability)));"
            out += " equal-probability level \(percent(fairness.equalProbabilityLevel))\n"
        }
        if let level = fairness.planWideLevel {
            out += "plan-wide equal probability: level \(percent(level))"
            out += fairness.seatsAtBound > 0 ? ", \(fairness.seatsAtBound) seats held off it by a growth bound" : ""
            out += "; units' quotas within \(percent(fairness.largestPoolGap)) of the pools it implies\n"
        }
        let failingPlanChecks = planChecks.filter { $0.passes == false }
        if !failingPlanChecks.isEmpty {
            out += "plan checks failing: \(failingPlanChecks.count) (see quota_checks.csv)\n"
        }
        for w in warnings { out += "warning: \(w)\n" }
        return out
    }
}

extension BasisMethod {
    var csvName: String {
        switch self {
        case .even: "even"
        case .priorYear: "prior_year"
        case .trailing12Months: "t12m"
        case .potential: "potential"
        case .pipeline: "pipeline"
        }
    }
}

private func amount(_ value: Double?) -> String { value.map { fixed($0, decimals: 2) } ?? "" }
private func share(_ value: Double?) -> String { value.map { fixed($0, decimals: 6) } ?? "" }

/// Fixed-point text with `decimals` digits, rounded half away from zero; much faster than
/// `String(format:)` on Linux and locale-free.
///
/// Falls back to `String(format:)` beyond 2⁶³.
func fixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard value.isFinite, scaled < 9.2e18 else { return String(format: "%.\(decimals)f", value) }
    let units = Int64(scaled)
    let divisor = Int64(scale)
    let whole = String(units / divisor)
    var fraction = String(units % divisor)
    if fraction.count < decimals { fraction = String(repeating: "0", count: decimals - fraction.count) + fraction }
    return (value < 0 && units != 0 ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "")
}
private func flag(_ value: Bool) -> String { value ? "1" : "0" }
private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

/// Quotes a CSV field by ``CSVWriter``'s rule.
func csvField(_ text: String) -> String { CSVWriter.quoted(text) }
