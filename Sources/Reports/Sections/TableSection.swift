import Foundation
import SalesData

/// A step output the report has no chart for yet (pay, scenarios, insights): each CSV file of the
/// folder as a table of its first rows, numbers right-aligned with thousands separators.
struct TableSection {
    let folder: URL
    static let rowLimit = 50

    func html() throws -> String {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".csv")
        }.sorted()
        var html = ""
        for file in files {
            let table = try ColumnTable(contentsOf: folder.appendingPathComponent(file))
            html += "<h3>\(HTMLText.escape(file))</h3><div class=\"scroll\"><table class=\"data\"><thead><tr>"
            html += table.columnNames.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for r in 0..<min(table.rowCount, Self.rowLimit) {
                html +=
                    "<tr>"
                    + table.columns.map { column in
                        let cell = column[r] ?? ""
                        if let x = Double(cell), x.isFinite, !cell.isEmpty {
                            let decimals = cell.contains(".") ? min(2, cell.split(separator: ".").last?.count ?? 0) : 0
                            return "<td class=\"num\">\(HTMLText.number(x, decimals: decimals))</td>"
                        }
                        return "<td>\(HTMLText.escape(cell))</td>"
                    }.joined() + "</tr>"
            }
            html += "</tbody></table></div>"
            if table.rowCount > Self.rowLimit {
                html +=
                    "<p class=\"note\">First \(Self.rowLimit) of \(HTMLText.number(Double(table.rowCount))) rows.</p>"
            }
        }
        return html
    }
}
