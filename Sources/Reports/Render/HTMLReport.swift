import Foundation
import SalesData

/// The report of a run folder as one self-contained HTML page.
///
/// Inline SVG, CSS and a little JavaScript, no network access, readable offline. It renders what the steps wrote and computes
/// no result of its own.
///
/// ```swift
/// var sources = try ReportSources.discover(in: URL(fileURLWithPath: "out/demo"))
/// sources.accounts = URL(fileURLWithPath: "Data/demo/accounts.csv")
/// let report = HTMLReport(sources: sources)
/// try report.write(to: URL(fileURLWithPath: "out/demo/report.html"))
/// ```
///
/// Sections, in order: Map, Balance (both need the territory output; the map also needs account
/// locations), Quotas, Pay, Scenarios, Insights. A section whose input is absent is left out and
/// the page's header says which and why.
public struct HTMLReport: Sendable {
    /// Where the step outputs are.
    public var sources: ReportSources
    /// τ per balance measure when `metrics.json` does not carry `tolerances`.
    public var tolerances: [String: Double]
    /// The page title.
    public var title: String

    /// A section of the page: an anchor id, a heading and its HTML, or the reason it is left out.
    public struct Section: Sendable, Hashable {
        /// The anchor id (`map`, `balance`, `quotas`, `pay`, `scenarios`, `insights`).
        public var id: String
        /// The heading.
        public var title: String
        /// The body, or `nil` when the section is left out.
        public var body: String?
        /// Why the section is left out.
        public var omittedBecause: String?
    }

    /// Creates a report of `sources`.
    public init(sources: ReportSources, tolerances: [String: Double] = [:], title: String? = nil) {
        self.sources = sources
        self.tolerances = tolerances
        self.title = title ?? "Meridian report: \(sources.root.lastPathComponent)"
    }

    /// The sections in page order, rendered or with the reason they are left out.
    ///
    /// - Throws: ``ReportsError`` or SalesData's `ColumnTableError` for an output file that cannot be read.
    public func sections() throws -> [Section] {
        var out: [Section] = []
        if let folder = sources.territories {
            let results = try TerritoryResults.load(folder: folder, accountsFile: sources.accounts)
            if results.hasLocations {
                let outline = try sources.stateOutline.map(GeoOutline.states)
                let counties = try sources.countyOutline.map(GeoOutline.counties)
                out.append(
                    Section(
                        id: "map", title: "Map",
                        body: MapSection(results: results, outline: outline, counties: counties).html()))
            } else {
                out.append(
                    Section(
                        id: "map", title: "Map",
                        omittedBecause: "no accounts file with latitude and longitude (give --accounts)"))
            }
            let tau = results.metrics.tolerances.merging(tolerances) { file, _ in file }
            out.append(
                Section(id: "balance", title: "Balance", body: BalanceSection(results: results, tolerances: tau).html())
            )
        } else {
            out.append(
                Section(
                    id: "map", title: "Map", omittedBecause: "no territory output (assignment.csv, territories.csv)"))
            out.append(Section(id: "balance", title: "Balance", omittedBecause: "no territory output"))
        }
        if let folder = sources.quotas {
            out.append(
                Section(
                    id: "quotas", title: "Quotas",
                    body: QuotaSection(results: try QuotaResults.load(folder: folder)).html()))
        } else {
            out.append(Section(id: "quotas", title: "Quotas", omittedBecause: "no quota output (quotas.csv)"))
        }
        if sources.pay != nil || sources.simulation != nil {
            let pay = try PayResults.load(comp: sources.pay, simulation: sources.simulation, plans: sources.plans)
            out.append(
                pay.isEmpty
                    ? Section(
                        id: "pay", title: "Pay",
                        omittedBecause: "the comp and simulation folders hold no measurements.csv or summary.csv")
                    : Section(id: "pay", title: "Pay", body: PaySection(results: pay).html()))
        } else {
            out.append(
                Section(
                    id: "pay", title: "Pay",
                    omittedBecause: "no comp or simulation output (a comp/ or simulation/ folder)"))
        }
        if let file = sources.scenarios {
            out.append(
                Section(
                    id: "scenarios", title: "Scenarios",
                    body: ScenarioSection(results: try ScenarioResults.load(file)).html()))
        } else {
            out.append(
                Section(id: "scenarios", title: "Scenarios", omittedBecause: "no scenario comparison (compare.json)"))
        }
        if let folder = sources.insights {
            out.append(Section(id: "insights", title: "Insights", body: try InsightsSection(folder: folder).html()))
        } else {
            out.append(
                Section(id: "insights", title: "Insights", omittedBecause: "no insights output (an insights/ folder)"))
        }
        return out
    }

    /// The whole page.
    ///
    /// - Throws: ``ReportsError/nothingToRender(path:looked:)`` when the sources hold no step output.
    public func render() throws -> String {
        guard !sources.isEmpty else {
            throw ReportsError.nothingToRender(path: sources.root.path, looked: ReportSources.looked)
        }
        let sections = try sections()
        let shown = sections.filter { $0.body != nil }
        let omitted = sections.filter { $0.body == nil }
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html +=
            "<title>\(HTMLText.escape(title))</title><script>\(PageStyle.errorProbe)</script><style>\(PageStyle.css)</style></head><body>"
        html += "<header><h1>\(HTMLText.escape(title))</h1><nav>"
        html += shown.map { "<a href=\"#\($0.id)\">\(HTMLText.escape($0.title))</a>" }.joined()
        html += "</nav>"
        if !omitted.isEmpty {
            html += "<p class=\"omitted\" id=\"omitted\">Not in this report: "
            html +=
                omitted.map { "\(HTMLText.escape($0.title)) (\(HTMLText.escape($0.omittedBecause ?? "no input")))" }
                .joined(separator: "; ") + ".</p>"
        }
        html += "</header><main>"
        for section in shown {
            html += "<section id=\"\(section.id)\" class=\"report-section\"><h2>\(HTMLText.escape(section.title))</h2>"
            html += (section.body ?? "") + "</section>"
        }
        html += "</main><footer>Colours: Paul Tol's muted scheme (colour-blind safe); territories beyond nine colours "
        html += "also differ by outline pattern, and neighbours get different colours. Money in US$. "
        html += "Rendered by meridian from the step outputs in \(HTMLText.escape(sources.root.lastPathComponent)); "
        html += "the report computes no result of its own.</footer>"
        html += "<script>\(PageStyle.script)</script></body></html>\n"
        return html
    }

    /// Renders and writes the page atomically (temporary sibling, then rename).
    public func write(to file: URL) throws {
        try AtomicFile.write(try render(), to: file)
    }
}
