import Foundation
import Testing

@testable import Reports

/// The browser check, `scripts/render-report`, on the fixture page in headless Chromium.
///
/// Skipped (with the reason) when
/// Chromium is not installed; `scripts/install-system-packages` installs it.
@Suite struct BrowserCheckTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let script = ReportFixture.stateOutline.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/render-report")

    /// Runs the script on `page` and returns its exit status and standard error.
    private func check(_ page: String, screenshots: Bool = false, sections: String? = nil) throws -> (
        Int32, String, URL
    ) {
        let folder = try ReportFixture.write()
        let file = folder.appendingPathComponent("report.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Self.script
        process.arguments = [file.path, folder.appendingPathComponent("shots").path]
        var environment = ProcessInfo.processInfo.environment
        if !screenshots { environment["NO_SCREENSHOTS"] = "1" }
        if let sections { environment["SECTIONS"] = sections }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text, folder.appendingPathComponent("shots"))
    }

    private func fixturePage(quotasOnly: Bool = false) throws -> String {
        var sources = try ReportSources.discover(in: try ReportFixture.write(quotasOnly: quotasOnly))
        sources.stateOutline = ReportFixture.stateOutline
        return try HTMLReport(sources: sources).render()
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func fixturePagePassesAndEachSectionIsCaptured() throws {
        let (status, errors, shots) = try check(try fixturePage(), screenshots: true)
        #expect(status == 0, "\(errors)")
        for name in ["map", "map-before", "map-moved", "balance", "quotas"] {
            let size = try FileManager.default.attributesOfItem(
                atPath: shots.appendingPathComponent("\(name).png").path)[.size]
            #expect(((size as? NSNumber)?.intValue ?? 0) > 10_000, "\(name).png")
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func aScriptErrorFailsTheCheck() throws {
        let page = try fixturePage().replacingOccurrences(of: "</body>", with: "<script>notDefined();</script></body>")
        let (status, errors, _) = try check(page)
        #expect(status == 1)
        #expect(errors.contains("JavaScript error") && errors.contains("notDefined"))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func aMissingSectionFailsTheCheck() throws {
        let (status, errors, _) = try check(try fixturePage(quotasOnly: true))
        #expect(status == 1)
        #expect(errors.contains("missing section 'map'"))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func anEmptyMapFailsTheCheck() throws {
        let page = try fixturePage().replacingOccurrences(of: "<circle class=\"p ", with: "<circle class=\"q ")
        let (status, errors, _) = try check(page)
        #expect(status == 1)
        #expect(errors.contains("the map has no points"))
    }
}
