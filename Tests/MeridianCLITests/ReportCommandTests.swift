import Foundation
import RunStore
import TestSupport
import Testing

/// `meridian report RUN --store FILE`: a recorded run is rendered from its output folder only while
/// that folder holds the bytes the run recorded.
@Suite struct ReportCommandTests {
    /// A store with run `R1`, whose `quotas` step wrote `quotas/quotas.csv` into the returned folder.
    static func recordedRun() async throws -> (folder: URL, store: String) {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-report-run")
        let quotas = "node,name,level,parent,role,quota\nCO,Company,0,,unit,1000\nR1,Ann,1,CO,seat,1000\n"
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("quotas"), withIntermediateDirectories: true)
        try quotas.write(to: folder.appendingPathComponent("quotas/quotas.csv"), atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let opened = try await openRunStore(at: store)
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let step = StepRecord(
            name: "quotas", version: "1", inputHash: "", cacheHit: false, termination: "completed",
            clockLimited: false, metrics: [:],
            outputs: [
                FileDigest(
                    path: "quotas/quotas.csv", sha256: SHA256Digest.hex(of: quotas), bytes: Int64(quotas.utf8.count))
            ], startedAt: now, endedAt: now)
        try await opened.record(
            RunRecord(
                id: "R1", planPath: "plan.yaml", planText: "", planHash: "", outputFolder: folder.path,
                startedAt: now, endedAt: now, status: .completed, exitCode: 0, seeds: [:], inputs: [], steps: [step]))
        await opened.close()
        return (folder, store)
    }

    @Test func aRecordedRunIsRenderedFromItsFolder() async throws {
        let (folder, store) = try await Self.recordedRun()
        let run = try MeridianProcess.run(["report", "R1", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("<section id=\"quotas\""))
    }

    @Test func aChangedOrUnknownRunIsRefused() async throws {
        let (folder, store) = try await Self.recordedRun()
        try "node,quota\nCO,999\n".write(
            to: folder.appendingPathComponent("quotas/quotas.csv"), atomically: true, encoding: .utf8)
        let changed = try MeridianProcess.run(["report", "R1", "--store", store])
        #expect(changed.status == 65)
        #expect(changed.stderr.contains("quotas/quotas.csv (changed)"), "\(changed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
        let unknown = try MeridianProcess.run(["report", "R9", "--store", store])
        #expect(unknown.status == 64 && unknown.stderr.contains("no run 'R9'"), "\(unknown.stderr)")
    }
}
