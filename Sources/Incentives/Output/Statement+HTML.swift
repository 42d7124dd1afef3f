import SalesData

extension Statement {
    /// A self-contained HTML page (no scripts, no external files): one line per credited transaction and
    /// component with credit, rate, tier, cap, proration and amount; the total equals the lines' sum.
    public func html(period: CompPeriod) -> String { String(decoding: htmlBytes(period: period), as: UTF8.self) }

    /// ``html(period:)`` as UTF-8 bytes, built without intermediate strings per line (a statement may
    /// hold thousands of lines).
    func htmlBytes(period: CompPeriod) -> [UInt8] {
        func escape(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
                return text
            }
            return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var rows: [UInt8] = []
        rows.reserveCapacity(lines.count * 200)
        var component = (text: "", escaped: [UInt8]())
        var rate = component
        var tier = component
        var cap = component
        func repeated(_ field: inout (text: String, escaped: [UInt8]), _ value: String) {
            if field.text != value || field.escaped.isEmpty { field = (value, Array(escape(value).utf8)) }
            rows.append(contentsOf: field.escaped)
        }
        func text(_ value: StaticString) {
            rows.append(contentsOf: UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
        }
        for line in lines {
            text("<tr><td>")
            repeated(&component, line.component)
            text("</td><td>")
            rows.append(contentsOf: escape(line.transactionID?.rawValue ?? "—").utf8)
            text("</td><td>")
            line.date?.appendISO(to: &rows)
            text("</td><td class=n>")
            line.credit?.appendFormatted(to: &rows)
            text("</td><td class=n>")
            repeated(&rate, line.rate)
            text("</td><td>")
            repeated(&tier, line.tier)
            text("</td><td>")
            repeated(&cap, line.cap)
            text("</td><td class=n>")
            rows.append(contentsOf: line.proration.percentText.utf8)
            text("</td><td class=n>")
            line.amount.appendFormatted(to: &rows)
            text("</td></tr>\n")
        }
        let head = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Statement \(escape(person.rawValue)) \(period)</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}
            th{background:#f4f4f4}.n{text-align:right;font-variant-numeric:tabular-nums}tfoot td{font-weight:bold;border-top:2px solid #222}
            </style></head><body>
            <h1>Commission statement — \(escape(name)) (\(escape(person.rawValue)))</h1>
            <p>Period \(period) · plan \(escape(plan)) (version from \(planVersion)) · amounts in USD, rounded half to even to the cent per line.</p>
            <table><thead><tr><th>Component</th><th>Transaction</th><th>Date</th><th class=n>Credit</th><th class=n>Rate</th><th>Tier</th><th>Cap</th><th class=n>Proration</th><th class=n>Amount</th></tr></thead>
            <tbody>

            """
        let foot = """
            </tbody>
            <tfoot><tr><td colspan=8>Total</td><td class=n>\(total.formatted)</td></tr></tfoot></table>
            </body></html>

            """
        return Array(head.utf8) + rows + Array(foot.utf8)
    }
}
