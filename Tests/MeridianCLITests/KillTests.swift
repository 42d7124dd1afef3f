import Foundation
import TestSupport
import Testing

/// `kill -9` at random (seeded) moments while a command writes its output folder: the folder is
/// always absent (no previous one), the previous complete folder or the new complete folder, and the
/// dot-named siblings a kill may leave belong to the dead process only and are gone (or put in place)
/// after the next run, as `AtomicFolder` documents.
@Suite(.serialized) struct KillTests {
    /// The files of a folder and their bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// Dot-named siblings of `folder` (temporary, new or old copies).
    static func siblings(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(folder.lastPathComponent).") }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Kills `arguments` `count` times at moments drawn uniformly in `0...0.95 × duration` of a full
    /// run (the estimate shrinks whenever a run finished before its kill, so load changes do not
    /// leave every kill after the end); before every other kill the folder is removed, so fresh writes and replacements alternate.
    ///
    /// `isComplete` judges a present folder.
    static func killRepeatedly(
        _ arguments: [String], output: URL, count: Int, seed: UInt64, isComplete: ([String: Data]) -> Bool
    ) throws {
        let start = ContinuousClock.now
        let full = try MeridianProcess.run(arguments)
        try #require(full.status == 0, "\(full.stderr)")
        var duration = seconds(since: start)
        try #require(isComplete(try snapshot(output)))
        var generator = SplitMix64(seed: seed)
        var interrupted = 0
        var killed: Set<Int32> = []
        for kill in 0..<count {
            if kill % 2 == 0 { try? FileManager.default.removeItem(at: output) }
            // a kill between the two renames leaves the folder missing and its copy beside it
            let hadPrevious =
                try FileManager.default.fileExists(atPath: output.path)
                || (try siblings(of: output)).contains { $0.hasSuffix(".new") || $0.hasSuffix(".old") }
            let delay = Double(generator.next() % 1_000_000) / 1_000_000 * 0.95 * duration
            let process = try MeridianProcess.start(arguments)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { interrupted += 1 } else { duration = delay }
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            killed.insert(process.processIdentifier)
            let left = try siblings(of: output)
            // only siblings of killed (dead) processes may remain, until a later run sweeps them
            let pids = left.map { Int32($0.dropFirst(output.lastPathComponent.count + 2).prefix { $0 != "." }) }
            #expect(pids.allSatisfy { $0.map(killed.contains) ?? false }, "kill \(kill): \(left)")
            if FileManager.default.fileExists(atPath: output.path) {
                #expect(isComplete(try snapshot(output)), "kill \(kill) after \(delay) s: partial folder")
            } else if hadPrevious {
                // killed between the two renames: a complete copy waits beside it for the next run
                #expect(
                    left.contains { $0.hasSuffix(".new") || $0.hasSuffix(".old") }, "kill \(kill): previous folder lost"
                )
            }
        }
        #expect(interrupted >= count / 2, "most kills should land while the command runs")
        let final = try MeridianProcess.run(arguments)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try siblings(of: output).isEmpty, "the next run sweeps what dead processes left")
        #expect(isComplete(try snapshot(output)))
    }

    @Test func killedDataGenerateLeavesNoPartialFolder() throws {
        let root = try Fixtures.temporaryFolder(prefix: "meridian-kill")
        let output = root.appendingPathComponent("demo")
        let arguments = ["data", "generate", "--accounts", "2000", "--reps", "12", "--seed", "7", "--out", output.path]
        let reference = try MeridianProcess.run(
            arguments.dropLast(2) + ["--out", root.appendingPathComponent("reference").path])
        try #require(reference.status == 0, "\(reference.stderr)")
        let expected = try Self.snapshot(root.appendingPathComponent("reference"))
        #expect(expected.count == 10)  // seven dataset files, two alignment histories and the truth
        // deterministic generator: a complete folder is byte-identical to the reference
        try Self.killRepeatedly(arguments, output: output, count: 12, seed: 20_261_203) { $0 == expected }
        let validate = try MeridianProcess.run(["data", "validate", output.path])
        #expect(validate.status == 0, "\(validate.stdout)")
    }

    @Test func killedTerritoriesDesignLeavesNoPartialFolder() throws {
        let root = try Fixtures.temporaryFolder(prefix: "meridian-kill")
        try TerritoriesCommandTests.writeFixture(in: root)
        let output = root.appendingPathComponent("design")
        let arguments = [
            "territories", "design", "--accounts", root.appendingPathComponent("accounts.csv").path,
            "--territories", root.appendingPathComponent("territories.csv").path, "--measure", "potential:0.05",
            "--measure", "workload:0.05", "--seed", "3", "--quiet", "--output", output.path,
        ]
        try Self.killRepeatedly(arguments, output: output, count: 8, seed: 11) { files in
            // every account starts in T1, so the folder also carries today's alignment as territories_before.csv
            guard Set(files.keys) == ["assignment.csv", "territories.csv", "metrics.json", "territories_before.csv"],
                let assignment = files["assignment.csv"], let metrics = files["metrics.json"]
            else { return false }
            // 60 accounts plus the header, and metrics that parse
            return String(decoding: assignment, as: UTF8.self).split(separator: "\n").count == 61
                && (try? JSONSerialization.jsonObject(with: metrics)) != nil
        }
    }
}
