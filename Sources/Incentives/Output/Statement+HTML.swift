import SalesData

extension Statement {
    /// A self-contained HTML page (no scripts, no external files): one line per credited transaction and
    /// component with credit, rate, tier, cap, proration and amount; the total equals the lines' sum.
    public func html(period: CompPeriod) -> String {
        func escape(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
                return text
            }
            return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var rows = ""
        for line in lines {
            rows += "<tr><td>\(escape(line.component))</td><td>\(escape(line.transactionID?.rawValue ?? "—"))</td>"
            rows += "<td>\(line.date?.description ?? "")</td><td class=n>\(line.credit?.formatted ?? "")</td>"
            rows += "<td class=n>\(escape(line.rate))</td><td>\(escape(line.tier))</td><td>\(escape(line.cap))</td>"
            rows += "<td class=n>\(line.proration.percentText)</td><td class=n>\(line.amount.formatted)</td></tr>\n"
        }
        return """
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
            \(rows)</tbody>
            <tfoot><tr><td colspan=8>Total</td><td class=n>\(total.formatted)</td></tr></tfoot></table>
            </body></html>

            """
    }
}
