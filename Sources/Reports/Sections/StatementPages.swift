import Foundation
import SalesData

/// One statement page per person, in the report's style.
///
/// Read from the comp step's `statements.csv` and `statement_totals.csv`. A page holds only its
/// person's lines and total: no one else's pay.
public struct StatementPages: Sendable {
    /// A rendered page: its file name (`<person>.html`, unsafe characters replaced by `_`) and HTML.
    public struct Page: Sendable, Hashable {
        /// The person the page is for.
        public var person: String
        /// The file name, unique within the set.
        public var fileName: String
        /// The page.
        public var html: String
    }

    /// The comp output folder holding `statements.csv` (and optionally `statement_totals.csv`).
    public var folder: URL

    /// Pages for the statements in `folder`.
    public init(folder: URL) { self.folder = folder }

    /// Whether `folder` holds statements.
    public var exists: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("statements.csv").path)
    }

    /// One page per person, in the order people first appear in `statement_totals.csv`, then `statements.csv`.
    ///
    /// - Throws: SalesData's `ColumnTableError` for a file that cannot be read or lacks a column.
    public func pages() throws -> [Page] {
        let lines = try ColumnTable(contentsOf: folder.appendingPathComponent("statements.csv"))
        let columns = ["component", "transaction_id", "date", "credit", "rate", "tier", "cap", "proration", "amount"]
        let people = try lines.strings("person_id")
        let cells = try columns.map {
            lines.has($0) ? try lines.strings($0) : Array(repeating: nil, count: lines.rowCount)
        }
        var names: [String: (name: String, plan: String, total: String)] = [:]
        var order: [String] = []
        let totalsURL = folder.appendingPathComponent("statement_totals.csv")
        if FileManager.default.fileExists(atPath: totalsURL.path) {
            let totals = try ColumnTable(contentsOf: totalsURL)
            let ids = try totals.strings("person_id"), name = try totals.strings("name")
            let plan = try totals.strings("plan"), total = try totals.strings("total")
            for r in 0..<totals.rowCount {
                guard let id = ids[r] else { continue }
                if names[id] == nil { order.append(id) }
                names[id] = (name[r] ?? id, plan[r] ?? "", total[r] ?? "")
            }
        }
        var rows: [String: [Int]] = [:]
        for (r, person) in people.enumerated() {
            guard let person else { continue }
            if rows[person] == nil && names[person] == nil { order.append(person) }
            rows[person, default: []].append(r)
        }
        var used = Set<String>()
        return order.map { person in
            var base = String(person.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
            if base.isEmpty { base = "_" }
            var fileName = base + ".html", k = 2
            while !used.insert(fileName).inserted {
                fileName = "\(base)-\(k).html"
                k += 1
            }
            let info = names[person] ?? (person, "", "")
            var body = "<header><h1>Commission statement: \(HTMLText.escape(info.name))"
            if info.name != person { body += " <span class=\"id\">\(HTMLText.escape(person))</span>" }
            body += "</h1><p class=\"omitted\">"
            body += info.plan.isEmpty ? "" : "Plan \(HTMLText.escape(info.plan)); "
            body += "amounts in US$.</p></header><main>"
            body += "<table class=\"data\"><thead><tr>"
            body += columns.map {
                "<th\($0 == "amount" || $0 == "credit" ? " class=\"num\"" : "")>\($0.replacingOccurrences(of: "_", with: " "))</th>"
            }.joined()
            body += "</tr></thead><tbody>"
            for r in rows[person] ?? [] {
                body +=
                    "<tr>"
                    + columns.indices.map { c in
                        let text = cells[c][r] ?? ""
                        if columns[c] == "amount" || columns[c] == "credit", let x = Double(text), x.isFinite {
                            return "<td class=\"num\">\(HTMLText.number(x, decimals: 2))</td>"
                        }
                        return "<td>\(HTMLText.escape(text))</td>"
                    }.joined() + "</tr>"
            }
            body += "</tbody>"
            if !info.total.isEmpty {  // the comp step's total (statement_totals.csv), never re-added here
                let total = Double(info.total).map { HTMLText.number($0, decimals: 2) } ?? HTMLText.escape(info.total)
                body += "<tfoot><tr><th colspan=\"\(columns.count - 1)\">Total</th>"
                body += "<td class=\"num\"><b>\(total)</b></td></tr></tfoot>"
            }
            body += "</table></main>"
            let html =
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Statement \(HTMLText.escape(person))</title>"
                + "<style>\(PageStyle.css)</style></head><body>\(body)</body></html>\n"
            return Page(person: person, fileName: fileName, html: html)
        }
    }

    /// Writes every page into `destination` as one folder (temporary sibling, then rename).
    public func write(to destination: URL) throws -> Int {
        let pages = try pages()
        try AtomicFolder.write(pages.map { (name: $0.fileName, data: Data($0.html.utf8)) }, to: destination)
        return pages.count
    }
}
