import Foundation
import RunStore
import TestSupport
import Testing

/// `RunRecord.changedOutputs`: what `meridian report RUN` checks before it renders a recorded run.
@Suite struct ChangedOutputsTests {
    /// A run whose `territories` step wrote `a.csv` and whose `report` step wrote `report.html`.
    static func run() throws -> RunRecord {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-changed")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("territories"), withIntermediateDirectories: true)
        let files = [("territories/a.csv", "id\n1\n"), ("report.html", "<html>")]
        for (path, text) in files {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        func step(_ name: String, _ path: String, _ text: String) -> StepRecord {
            StepRecord(
                name: name, version: "1", inputHash: "", cacheHit: false, termination: "completed",
                clockLimited: false, metrics: [:],
                outputs: [FileDigest(path: path, sha256: SHA256Digest.hex(of: text), bytes: Int64(text.utf8.count))],
                startedAt: Date(), endedAt: Date())
        }
        return RunRecord(
            id: "r1", planPath: "plan.yaml", planText: "", planHash: "", outputFolder: folder.path, startedAt: Date(),
            endedAt: Date(), status: .completed, exitCode: 0, seeds: [:], inputs: [],
            steps: [step("territories", files[0].0, files[0].1), step("report", files[1].0, files[1].1)])
    }

    @Test func anUntouchedFolderHasNoChanges() throws {
        #expect(try Self.run().changedOutputs().isEmpty)
    }

    @Test func editedAndMissingFilesAreNamed() throws {
        let run = try Self.run()
        let folder = URL(fileURLWithPath: run.outputFolder)
        try "id\n2\n".write(to: folder.appendingPathComponent("territories/a.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("report.html"))
        #expect(run.changedOutputs() == ["territories/a.csv (changed)", "report.html (missing)"])
        #expect(run.changedOutputs(ignoringSteps: ["report"]) == ["territories/a.csv (changed)"])
    }
}
