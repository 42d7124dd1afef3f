import Foundation

/// The pay: each comp plan's payout curve, the attainment histogram of each quota component, and the
/// simulated cost, cost of sales and share at quota at P10/P50/P90 per scenario.
struct PaySection {
    let results: PayResults

    func html() -> String {
        var html = ""
        if !results.figures.isEmpty { html += simulationPart() }
        if !results.curves.isEmpty || !results.attainments.isEmpty || !results.hitProbabilities.isEmpty {
            html += "<div class=\"charts\">"
            for (i, curve) in results.curves.enumerated() { html += curveFigure(curve, index: i) }
            for (i, group) in results.attainments.enumerated() { html += attainmentFigure(group, index: i) }
            if !results.hitProbabilities.isEmpty {
                html +=
                    "<figure>"
                    + ChartParts.histogram(
                        id: "pay-hit-histogram", values: results.hitProbabilities, domain: (0, 1), bins: 20,
                        xLabel: "Simulated probability of reaching quota (%)",
                        format: { HTMLText.percent($0, decimals: 0) }, unit: "people")
                    + "<figcaption>Each person's simulated chance of reaching quota over the plan year ("
                    + "\(HTMLText.number(Double(results.hitProbabilities.count))) people).</figcaption></figure>"
            }
            html += "</div>"
        }
        if let note = results.curvesNote { html += "<p class=\"note\">Payout curves: \(HTMLText.escape(note)).</p>" }
        return html
    }

    /// The P10/P50/P90 table of every scenario and figure, and a range chart per figure.
    private func simulationPart() -> String {
        let names = ["cost", "cost_of_sales", "share_at_quota", "revenue"]
        let labels = [
            "cost": "Plan cost (US$)", "cost_of_sales": "Cost of sales (% of revenue)",
            "share_at_quota": "Share of people at or above quota (%)", "revenue": "Revenue (US$)",
        ]
        func format(_ name: String) -> (Double) -> String {
            if name == "cost" || name == "revenue" { return { HTMLText.currency($0) } }
            return { HTMLText.percent($0, decimals: 1) }
        }
        var html = "<h3>Cost and attainment, simulated over the plan year</h3>"
        html +=
            "<div class=\"scroll\"><table class=\"data\" id=\"pay-percentiles\"><thead><tr><th>Scenario</th><th>Figure</th>"
            + "<th class=\"num\">P10</th><th class=\"num\">P50</th><th class=\"num\">P90</th><th class=\"num\">Mean</th></tr></thead><tbody>"
        let ordered = results.figures.sorted {
            ($0.scenario, names.firstIndex(of: $0.name) ?? 9) < ($1.scenario, names.firstIndex(of: $1.name) ?? 9)
        }
        let scenarioOrder = results.figures.map(\.scenario).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for scenario in scenarioOrder {
            for figure in ordered where figure.scenario == scenario {
                let f = format(figure.name)
                func cell(_ value: Double?, _ error: Double?) -> String {
                    guard let value else { return "<td class=\"num\">–</td>" }
                    return "<td class=\"num\">\(HTMLText.escape(f(value)))"
                        + (error.map { "<span class=\"se\"> ± \(HTMLText.escape(f($0)))</span>" } ?? "") + "</td>"
                }
                html +=
                    "<tr><td>\(HTMLText.escape(scenario))</td><td>\(HTMLText.escape(labels[figure.name] ?? figure.name))</td>"
                html += cell(figure.p10, figure.p10Error) + cell(figure.p50, figure.p50Error)
                html += cell(figure.p90, figure.p90Error) + cell(figure.mean, nil) + "</tr>"
            }
        }
        html += "</tbody></table></div><p class=\"legend\">P10, P50, P90: the values 10 %, 50 % and 90 % of "
        html += "the simulated years fall below; ± is the Monte Carlo standard error.</p><div class=\"charts\">"
        for name in names.prefix(3) {
            let rows = scenarioOrder.compactMap { scenario -> (String, Double, Double, Double)? in
                guard let figure = results.figures.first(where: { $0.scenario == scenario && $0.name == name }),
                    let p10 = figure.p10, let p50 = figure.p50, let p90 = figure.p90
                else { return nil }
                return (scenario, p10, p50, p90)
            }
            guard !rows.isEmpty else { continue }
            html +=
                "<figure>"
                + ChartParts.rangeChart(
                    id: "pay-range-\(name)", rows: rows.map { ($0.0, $0.1, $0.2, $0.3) },
                    xLabel: labels[name] ?? name, format: name == "cost" ? { HTMLText.shortCurrency($0) } : format(name)
                )
                + "<figcaption>\(HTMLText.escape(labels[name] ?? name)): the line spans P10 to P90, the dot is P50."
                + "</figcaption></figure>"
        }
        return html + "</div>"
    }

    private func curveFigure(_ curve: PayResults.Curve, index: Int) -> String {
        var series = curve.components.enumerated().map { k, component in
            ChartParts.Series(name: component.name, colour: k + 3, values: component.multiples)
        }
        if curve.components.count > 1 {
            series.insert(ChartParts.Series(name: "plan total", colour: 1, values: curve.total, thick: true), at: 0)
        }
        var caption =
            "\(curve.name) (\(curve.plan)): annual payout at a steady attainment, as a share of the target incentive "
            + "of \(HTMLText.currency(curve.targetIncentive)), from the plan's own payout rules"
        if !curve.leftOut.isEmpty {
            caption += "; not drawn (a gate or modifier): \(curve.leftOut.joined(separator: ", "))"
        }
        return "<figure>"
            + ChartParts.lineChart(
                id: "pay-curve-\(index)", xs: PayResults.curveAttainments, series: series,
                xLabel: "Attainment (% of quota)", yLabel: "Payout (% of target incentive)",
                xFormat: { HTMLText.percent($0, decimals: 0) }, yFormat: { HTMLText.percent($0, decimals: 0) })
            + "<figcaption>\(HTMLText.escape(caption)).</figcaption></figure>"
    }

    private func attainmentFigure(_ group: PayResults.Attainments, index: Int) -> String {
        let top = min(5, max(2, ChartScale.niceUpper(group.values.max() ?? 1)))
        let atQuota = group.values.count { $0 >= 1 }
        let caption =
            "Attainment of \(group.component) (\(group.plan)), window \(group.window): "
            + "\(HTMLText.number(Double(group.values.count))) people, \(HTMLText.number(Double(atQuota))) at or above quota"
            + (group.values.contains { $0 > top }
                ? "; those above \(HTMLText.percent(top, decimals: 0)) count in the last bin" : "")
        return "<figure>"
            + ChartParts.histogram(
                id: "pay-attainment-\(index)", values: group.values, domain: (0, top), bins: 20,
                xLabel: "Attainment (% of quota)", format: { HTMLText.percent($0, decimals: 0) },
                markers: [(1, "quota")], unit: "people")
            + "<figcaption>\(HTMLText.escape(caption)).</figcaption></figure>"
    }
}
