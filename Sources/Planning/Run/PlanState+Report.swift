import Foundation
import Reports
import SalesData

extension PlanState {
    /// The run's `report.html`, rendered by Reports' `HTMLReport` from the files the steps produced, or
    /// `nil` when no step wrote anything the report shows (a capacity-only plan).
    ///
    /// The report reads folders, so the steps' data files (each step folder's own files, without pages
    /// and per-period subfolders) are staged in a temporary folder named like
    /// the run's output folder, with the accounts table as this run built it (the dataset's columns,
    /// locations and every step output column) as `accounts.csv` for the map and the before figures.
    /// The staging folder is removed afterwards.
    ///
    /// - Parameters:
    ///   - files: The run's files so far, by path relative to the output folder.
    ///   - folderName: The output folder's name (the report's default title names it).
    /// - Returns: The page's bytes, or `nil` when there is nothing to show.
    /// - Throws: Reports' errors for a step output it cannot read; AtomicFolder's for the staging folder.
    func report(files: [(name: String, data: Data)], folderName: String) throws -> Data? {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meridian-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let stage = parent.appendingPathComponent(folderName.isEmpty ? "run" : folderName)
        // the report reads each step folder's own data files, not the pages or per-period subfolders
        let read = files.filter { !$0.name.hasSuffix(".html") && $0.name.filter { $0 == "/" }.count <= 1 }
        let data = read + [("accounts.csv", Data(accounts.table.csv().utf8))]
        try AtomicFolder.write(data, to: stage)
        var sources = try ReportSources.discover(in: stage)
        guard !sources.isEmpty else { return nil }
        sources.accounts = stage.appendingPathComponent("accounts.csv")
        sources.stateOutline = ReportSources.findStateOutline(executable: Bundle.main.executableURL)
        sources.countyOutline = ReportSources.findCountyOutline(executable: Bundle.main.executableURL)
        // the comp section's plan folder draws each plan's payout curve
        if let comp = plan.comp { sources.plans = URL(fileURLWithPath: comp.plans) }
        let page = HTMLReport(
            sources: sources, tolerances: plan.report?.tolerances ?? [:], title: plan.report?.title)
        return Data(try page.render().utf8)
    }
}
