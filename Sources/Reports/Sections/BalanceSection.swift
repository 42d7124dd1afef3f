import Foundation
import LinearProgramming

/// The balance: per measure, each territory's deviation from target as bars (before grey, after
/// indigo) over the ±τ band; then compactness, disruption and the optimizer's stop in words.
struct BalanceSection {
    let results: TerritoryResults
    /// τ per measure: from `metrics.json` (`tolerances`) or given to the report.
    let tolerances: [String: Double]

    func html() -> String {
        var html = "<div class=\"cards\">" + summaryCards() + "</div>"
        html += "<p class=\"words\">" + HTMLText.escape(terminationInWords()) + "</p>"
        for (k, measure) in results.measures.enumerated() {
            html += "<h3>\(HTMLText.escape(measure)): deviation from target by territory</h3>"
            html += chart(measure: k)
            html += legend(measure: k)
        }
        html += compactnessTable()
        return html
    }

    private func summaryCards() -> String {
        let m = results.metrics
        var cards: [(String, String)] = []
        let movedCount = m.movedAccounts ?? results.accounts.count { $0.moved }
        cards.append(
            (
                "Accounts moved",
                HTMLText.number(Double(movedCount)) + (m.movedShare.map { " (" + HTMLText.percent($0) + ")" } ?? "")
            ))
        if let v = m.movedValueShare {
            let what = m.valueMeasure.map { "Value moved (\($0))" } ?? "Value moved"
            cards.append((what, (m.movedValue.map { HTMLText.number($0) + " = " } ?? "") + HTMLText.percent(v)))
        }
        for (k, measure) in results.measures.enumerated() {
            let after = results.territories.map { abs($0.deviations[k]) }.max() ?? 0
            let before =
                m.before?.maxDeviation[measure]
                ?? results.territories.compactMap { results.beforeDeviation($0, measure: k).map(abs) }.max()
            let text = (before.map { HTMLText.percent($0) + " → " } ?? "") + HTMLText.percent(after)
            cards.append(("Largest \(measure) deviation" + (before == nil ? "" : ", before → after"), text))
        }
        if let gap = m.gap { cards.append(("Gap to the bound", HTMLText.percent(gap, decimals: 2))) }
        return cards.map {
            "<div class=\"card\"><div class=\"label\">\(HTMLText.escape($0.0))</div><div class=\"value\">\(HTMLText.escape($0.1))</div></div>"
        }.joined()
    }

    /// The termination, bound and gap said in a sentence.
    func terminationInWords() -> String {
        let m = results.metrics
        let why: String
        switch m.termination.flatMap(Termination.init(description:)) {
        case .optimal?: why = "The optimizer proved this alignment optimal"
        case .feasible(let limit)?: why = "The optimizer stopped at its \(limit) limit with a usable alignment"
        case .noSolutionFound?: why = "The optimizer stopped before it found an alignment"
        case .infeasible?, .infeasibleOrUnbounded?, .unbounded?: why = "The constraints admit no alignment"
        case nil:
            switch m.termination {
            case "timeLimit"?: why = "The optimizer stopped at its time limit with a usable alignment"
            case let other?: why = "The optimizer stopped (\(other))"
            case nil: why = "The territory step wrote no metrics.json, so how the optimizer stopped is not known"
            }
        }
        var text = why
        if let seconds = m.seconds { text += " after \(HTMLText.number(seconds, decimals: 1)) s" }
        if let objective = m.objective, let bound = m.bound, let gap = m.gap {
            text +=
                ". Its weighted travel plus disruption penalty is \(HTMLText.number(objective)); no alignment can do better than the lower bound \(HTMLText.number(bound)), so it is at most \(HTMLText.percent(gap, decimals: 2)) from the best possible"
        }
        return text + "."
    }

    private func chart(measure k: Int) -> String {
        let territories = results.territories
        let tau = tolerances[results.measures[k]]
        let after = territories.map { $0.deviations[k] }
        let before = territories.map { results.beforeDeviation($0, measure: k) }
        let largest = (after + before.compactMap { $0 } + [tau ?? 0]).map(abs).filter(\.isFinite).max() ?? 0.1
        let limit = min(1.0, ChartScale.niceUpper(max(0.05, largest)))
        let width = 960.0, height = 280.0, left = 62.0, right = 10.0, top = 12.0, bottom = 44.0
        let y = ChartScale(domain: (-limit, limit), range: (height - bottom, top))
        let slot = (width - left - right) / Double(max(1, territories.count))
        var svg =
            "<svg id=\"balance-\(k)\" class=\"chart balance\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Deviation from target of \(HTMLText.escape(results.measures[k])) by territory\">"
        if let tau {
            svg +=
                "<rect class=\"band\" x=\"\(HTMLText.coordinate(left))\" y=\"\(HTMLText.coordinate(y(min(tau, limit))))\" width=\"\(HTMLText.coordinate(width - left - right))\" height=\"\(HTMLText.coordinate(y(-min(tau, limit)) - y(min(tau, limit))))\"><title>±τ band: ±\(HTMLText.percent(tau))</title></rect>"
        }
        svg += ChartParts.leftAxis(y, x0: left, x1: width - right, label: "Deviation from target (%)") {
            HTMLText.signedPercent($0, decimals: 0)
        }
        func bar(_ value: Double, _ x: Double, _ w: Double, _ cls: String, _ title: String) -> String {
            let v = max(-limit, min(limit, value))
            let y0 = y(0), y1 = y(v)
            let clipped = abs(value) > limit ? " clipped" : ""
            return
                "<rect class=\"bar \(cls)\(clipped)\" x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(min(y0, y1)))\" width=\"\(HTMLText.coordinate(w))\" height=\"\(HTMLText.coordinate(max(0.5, abs(y1 - y0))))\"><title>\(HTMLText.escape(title))</title></rect>"
        }
        for (t, territory) in territories.enumerated() {
            let x = left + Double(t) * slot
            if let b = before[t] {
                svg += bar(
                    b, x + slot * 0.05, slot * 0.9, "before", "\(territory.id) before: \(HTMLText.signedPercent(b))")
            }
            svg += bar(
                after[t], x + slot * 0.25, slot * 0.5, "after",
                "\(territory.id) after: \(HTMLText.signedPercent(after[t])) (total \(HTMLText.number(territory.totals[k])), target \(HTMLText.number(territory.targets[k])))"
            )
        }
        svg +=
            "<line class=\"zero\" x1=\"\(HTMLText.coordinate(left))\" x2=\"\(HTMLText.coordinate(width - right))\" y1=\"\(HTMLText.coordinate(y(0)))\" y2=\"\(HTMLText.coordinate(y(0)))\"/>"
        let step = max(1, territories.count / 12)
        for t in stride(from: 0, to: territories.count, by: step) {
            svg +=
                "<text class=\"tick-label\" x=\"\(HTMLText.coordinate(left + (Double(t) + 0.5) * slot))\" y=\"\(HTMLText.coordinate(height - bottom + 14))\" text-anchor=\"middle\">\(HTMLText.escape(territories[t].id))</text>"
        }
        svg +=
            "<text class=\"title\" x=\"\(HTMLText.coordinate((left + width - right) / 2))\" y=\"\(HTMLText.coordinate(height - 6))\" text-anchor=\"middle\">Territory (in file order; bars beyond ±\(HTMLText.percent(limit, decimals: 0)) are clipped and outlined)</text>"
        return svg + "</svg>"
    }

    private func legend(measure k: Int) -> String {
        let tau = tolerances[results.measures[k]]
        let outside = { (values: [Double?]) -> Int in
            guard let tau else { return 0 }
            return values.compactMap { $0 }.count { abs($0) > tau + 1e-9 }
        }
        var text = "<p class=\"legend\"><span class=\"key after\"></span>after"
        if results.beforeRows != nil {
            text += " <span class=\"key before\"></span>before (today's alignment, as the territory step measured it)"
        } else if results.beforeTotals != nil {
            text +=
                " <span class=\"key before\"></span>before (accounts summed by their current territory, same targets)"
        }
        if let tau {
            text += " <span class=\"key band\"></span>±τ = ±\(HTMLText.percent(tau)). Outside the band: "
            if results.hasBefore {
                text += "\(outside(results.territories.map { results.beforeDeviation($0, measure: k) })) before, "
            }
            text += "\(outside(results.territories.map { $0.deviations[k] })) after."
        } else {
            text +=
                ". τ for this measure is not in metrics.json; give it with <code>--tolerance \(HTMLText.escape(results.measures[k]))=τ</code> to draw the band."
        }
        return text + "</p>"
    }

    /// Compactness and disruption, before and after when the territory step wrote today's figures.
    private func compactnessTable() -> String {
        let rows = results.territories, m = results.metrics
        let before = m.before
        let beforeRows = results.beforeRows.map { Array($0.values) }
        func median(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.sorted()[values.count / 2] }
        func widest(_ values: [Double]) -> Double? { values.max() }
        var figures: [(String, String?, String)] = []
        let travelAfter = m.weightedTravel ?? rows.compactMap(\.weightedTravel).reduce(0, +)
        let travelBefore = before?.weightedTravel ?? beforeRows.map { $0.compactMap(\.weightedTravel).reduce(0, +) }
        figures.append(
            (
                "Weighted travel (sum over territories, km × weight)", travelBefore.map { HTMLText.number($0) },
                HTMLText.number(travelAfter)
            ))
        let meansAfter = rows.compactMap(\.meanDistance), meansBefore = beforeRows?.compactMap(\.meanDistance) ?? []
        if let afterMedian = median(meansAfter), let afterWidest = widest(meansAfter) {
            let km = { (x: Double) in HTMLText.number(x, decimals: 1) + " km" }
            figures.append(
                ("Mean account-to-centre distance, median territory", median(meansBefore).map(km), km(afterMedian)))
            figures.append(
                ("Mean account-to-centre distance, widest territory", widest(meansBefore).map(km), km(afterWidest)))
        }
        let disconnectedBefore = beforeRows.map { $0.count { !$0.connected } }
        figures.append(
            ("Territories not contiguous", disconnectedBefore.map { "\($0)" }, "\(rows.count { !$0.connected })"))
        let moved = m.movedAccounts ?? results.accounts.count { $0.moved }
        figures.append(
            (
                "Accounts moved", nil,
                HTMLText.number(Double(moved))
                    + (m.movedShare.map { " (" + HTMLText.percent($0) + " of accounts)" } ?? "")
            ))
        if let v = m.movedValueShare {
            let amount = m.movedValue.map { HTMLText.number($0) + ", " } ?? ""
            figures.append(
                ("Value moved", nil, amount + HTMLText.percent(v) + " of " + (m.valueMeasure ?? "the value measure")))
        }
        let hasBefore = figures.contains { $0.1 != nil }
        var html = "<h3>Compactness and disruption</h3><table class=\"figures\" id=\"compactness\">"
        if hasBefore {
            html += "<thead><tr><th></th><th class=\"num\">Before</th><th class=\"num\">After</th></tr></thead>"
        }
        html += "<tbody>"
        for (label, beforeText, afterText) in figures {
            html += "<tr><th>\(HTMLText.escape(label))</th>"
            if hasBefore { html += "<td class=\"num\">\(HTMLText.escape(beforeText ?? ""))</td>" }
            html += "<td class=\"num\">\(HTMLText.escape(afterText))</td></tr>"
        }
        html += "</tbody></table>"
        if let unassigned = before?.unassignedAccounts, unassigned > 0 {
            html +=
                "<p class=\"note\">Before: \(HTMLText.number(Double(unassigned))) accounts had no current territory and count in none.</p>"
        }
        return html
    }
}
