import Foundation

/// The quotas: the cascade as a tree table (company → region → district → seat) with basis,
/// floors, caps, ramps and overrides, and the distributions of seat quotas and of P(attainment).
struct QuotaSection {
    let results: QuotaResults

    func html() -> String {
        var html = "<div class=\"charts\">"
        let seats = results.nodes.filter { $0.level == results.seatLevel && $0.role != "reserve" }
        let quotas = seats.map(\.quota)
        let top = ChartScale.niceUpper(quotas.max() ?? 1)
        html +=
            "<figure>"
            + ChartParts.histogram(
                id: "quota-histogram", values: quotas, domain: (0, top), bins: 20, xLabel: "Seat quota (US$)",
                format: HTMLText.shortCurrency)
            + "<figcaption>Quotas of the \(seats.count) seats.</figcaption></figure>"
        let probabilities = seats.filter { !$0.held }.compactMap(\.attainmentProbability)
        if !probabilities.isEmpty {
            var markers: [(value: Double, label: String)] = []
            if let level = results.fairnessLevel {
                markers.append((level, "equal-probability level \(HTMLText.percent(level))"))
            }
            var caption = "P(attainment) of \(probabilities.count) seats"
            if let share = results.expectedShareAtQuota {
                caption += "; expected share at or above quota \(HTMLText.percent(share))"
            }
            if let level = results.fairnessLevel {
                caption += "; the fairness level (every seat equally likely to attain) is \(HTMLText.percent(level))"
            }
            html +=
                "<figure>"
                + ChartParts.histogram(
                    id: "attainment-histogram", values: probabilities, domain: (0, 1), bins: 20,
                    xLabel: "Probability of reaching quota (%)", format: { HTMLText.percent($0, decimals: 0) },
                    markers: markers)
                + "<figcaption>\(HTMLText.escape(caption)).</figcaption></figure>"
        }
        html += "</div>"
        html +=
            "<h3>The cascade</h3><p class=\"legend\">Click a row to fold its children. Flags: "
            + "<span class=\"flag\">floor</span> growth floor binding, <span class=\"flag\">cap</span> cap binding, "
            + "<span class=\"flag\">ramp</span> new-hire ramp, <span class=\"flag\">override</span> manual override, "
            + "<span class=\"flag\">held</span> vacancy held by the manager.</p>"
        html += treeTable()
        if let summary = results.summary {
            html +=
                "<details><summary>The quota step's summary</summary><pre>\(HTMLText.escape(summary))</pre></details>"
        }
        return html
    }

    private func treeTable() -> String {
        var html =
            "<div class=\"scroll\"><table id=\"quota-tree\" class=\"tree\"><thead><tr><th>Node</th><th>Role</th>"
            + "<th class=\"num\">Prior-year sales</th><th class=\"num\">Potential</th><th class=\"num\">Blended share</th>"
            + "<th class=\"num\">Target</th><th class=\"num\">Quota</th><th class=\"num\">Floor</th><th class=\"num\">Cap</th>"
            + "<th>Flags</th><th class=\"num\">P(attain)</th></tr></thead><tbody>"
        func money(_ x: Double?) -> String { x.map(HTMLText.currency) ?? "" }
        for (node, depth) in results.treeOrder() {
            var flags: [String] = []
            if node.floorBinding { flags.append("floor") }
            if node.capBinding { flags.append("cap") }
            if node.rampBinding { flags.append("ramp") }
            if node.overridden { flags.append("override") }
            if node.held { flags.append("held") }
            html +=
                "<tr class=\"d\(min(depth, 5))\" data-id=\"\(HTMLText.escape(node.id))\" data-parent=\"\(HTMLText.escape(node.parent))\">"
            html +=
                "<td style=\"padding-left:\(Double(depth) * 1.2 + 0.3)em\">\(HTMLText.escape(node.name)) <span class=\"id\">\(HTMLText.escape(node.id))</span></td>"
            html +=
                "<td>\(HTMLText.escape(node.role))\(node.status == "active" || node.status.isEmpty ? "" : " (" + HTMLText.escape(node.status) + ")")</td>"
            html +=
                "<td class=\"num\">\(money(node.basisPriorYear))</td><td class=\"num\">\(money(node.basisPotential))</td>"
            html += "<td class=\"num\">\(node.shareBlended.map { HTMLText.percent($0, decimals: 2) } ?? "")</td>"
            html +=
                "<td class=\"num\">\(money(node.target))</td><td class=\"num\"><b>\(HTMLText.currency(node.quota))</b></td>"
            html += "<td class=\"num\">\(money(node.floor))</td><td class=\"num\">\(money(node.cap))</td>"
            html += "<td>\(flags.map { "<span class=\"flag\">\($0)</span>" }.joined(separator: " "))</td>"
            html += "<td class=\"num\">\(node.attainmentProbability.map { HTMLText.percent($0) } ?? "")</td></tr>"
        }
        return html + "</tbody></table></div>"
    }
}
