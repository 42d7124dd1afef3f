import BenchSupport
import Foundation
import TerritoryDesign
import TerritoryDesignSupport

/// `territory-bench [scale] [N M LIMIT]`: the scale goals of the territory-design issue.
///
/// Without arguments: 10,000 × 50 (goal: balance-feasible within 0.5 % of the LP bound in ≤ 10 s)
/// and 100,000 × 500 (goal: within 2 % in ≤ 120 s and ≤ 4 GB peak RSS), two measures at ±5 %, on
/// the same generated instance for every solver. Peers (HiGHS LP for the true LP bound, HiGHS MIP
/// and OR-Tools CP-SAT at 60 s) run from `peers.py` on the 10,000 × 50 instance; `--peers-large`
/// also runs them on 100,000 × 500 (50 M binaries: expect them to fail on memory or time).
enum ScaleBenchmark {
    struct Case {
        var units: Int, territories: Int, limit: Double, goalGap: Double, peers: Bool
        var regionSize: Int? = nil
    }

    static func run(_ arguments: BenchArguments) async {
        var flags = arguments
        let peersLarge = flags.flag("--peers-large")
        let peers = flags.flag("--peers")
        let regionSize: Int? = flags.value("--region-size")
        flags.finish()
        // `scale` is optional: the words after it are N, M and LIMIT.
        let first = flags.positional.first == "scale" ? 1 : 0
        flags.expectPositional(atMost: first + 3, usage: "territory-bench [scale] [N M [LIMIT]]")
        let units = max(1, flags.positionalValue(first, name: "N (accounts)", default: 0))
        let territories = max(1, flags.positionalValue(first + 1, name: "M (territories)", default: 0))
        let limit = flags.positionalValue(first + 2, name: "LIMIT (seconds)", default: 60.0)
        var cases: [Case] =
            flags.positional.count >= first + 2
            ? [Case(units: units, territories: territories, limit: limit, goalGap: 0.02, peers: peers)]
            : [
                Case(units: 10_000, territories: 50, limit: 10, goalGap: 0.005, peers: true),
                Case(units: 100_000, territories: 500, limit: 120, goalGap: 0.02, peers: peersLarge),
            ]
        for index in cases.indices { cases[index].regionSize = regionSize }
        print("territory-bench: synthetic planar instances (seed 42), two measures (potential, workload) at ±5 %,")
        print("travel weighted by workload; \(ProcessInfo.processInfo.activeProcessorCount) cores.\n")
        for c in cases { await runCase(c) }
    }

    static func runCase(_ c: Case) async {
        let problem = SyntheticAlignment.make(units: c.units, territories: c.territories, tolerance: 0.05, seed: 42)
        print(
            "== \(c.units) accounts × \(c.territories) territories, limit \(Int(c.limit)) s, goal gap ≤ \(c.goalGap * 100)%"
        )
        var options = AlignmentOptions(timeLimit: c.limit, seed: 1, targetGap: c.goalGap / 5)
        if let size = c.regionSize { options.regionSize = size }
        options.progress = { p in
            let line = String(
                format: "\r  [%@] incumbent %@ bound %.6g elapsed %.1fs   ", p.phase,
                p.incumbent.map { String(format: "%.6g", $0) } ?? "-", p.bound, p.elapsed)
            FileHandle.standardError.write(Data(line.utf8))
        }
        let start = Date()
        var ours: (objective: Double, bound: Double, seconds: Double)?
        do {
            let a = try await TerritoryAligner(options: options).align(problem)
            let seconds = Date().timeIntervalSince(start)
            ours = (a.objective, a.bound, seconds)
            FileHandle.standardError.write(Data("\n".utf8))
            let deviation = a.maxDeviation.values.max() ?? 0
            print(
                row(
                    "Meridian (Lagrangian + LS)", a.termination.description, a.objective, a.bound, a.gap, deviation,
                    seconds))
            let met = a.gap <= c.goalGap && seconds <= c.limit * 1.02 && deviation <= 0.05 + 1e-9
            print(String(format: "  peak RSS %.0f MB; goal %@", peakRSSMegabytes(), met ? "MET" : "NOT MET"))
        } catch {
            FileHandle.standardError.write(Data("\n".utf8))
            print(
                "  Meridian: \(error) after \(String(format: "%.1f", Date().timeIntervalSince(start))) s; goal NOT MET")
        }
        guard c.peers else {
            print("  peers: skipped at this size (pass --peers-large to try)\n")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "territory-bench-\(c.units)x\(c.territories)")
        do { try writeInstance(problem, to: folder) } catch {
            print("  peers: cannot write the instance: \(error)\n")
            return
        }
        var lpBound: Double?
        for line in runPeers(folder: folder) {
            guard let data = line.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            let solver = json["solver"] as? String ?? "?"
            let status = json["status"] as? String ?? "?"
            let objective = json["objective"] as? Double, bound = json["bound"] as? Double
            if solver == "HiGHS LP", status == "Optimal" { lpBound = objective }
            print(
                row(
                    solver, status, objective, bound, json["gap"] as? Double, json["maxDeviation"] as? Double,
                    json["seconds"] as? Double ?? 0))
            if let ours, let seconds = json["seconds"] as? Double, solver != "HiGHS LP" {
                print(String(format: "    time ratio peer/ours %.1f×", seconds / max(ours.seconds, 1e-9)))
            }
        }
        if let lpBound, let ours {
            print(
                String(
                    format:
                        "  true LP bound (HiGHS) %.2f: our Lagrangian bound is %.3f%% below it; our objective %.3f%% above it",
                    lpBound, (lpBound - ours.bound) / lpBound * 100, (ours.objective - lpBound) / lpBound * 100))
        }
        print("")
    }

    static func row(
        _ name: String, _ status: String, _ objective: Double?, _ bound: Double?, _ gap: Double?,
        _ deviation: Double?, _ seconds: Double
    ) -> String {
        func f(_ x: Double?, _ format: String) -> String { x.map { String(format: format, $0) } ?? "-" }
        return "  "
            + [
                name.padding(toLength: 28, withPad: " ", startingAt: 0),
                status.padding(toLength: 14, withPad: " ", startingAt: 0),
                "obj " + f(objective, "%.2f"), "bound " + f(bound, "%.2f"), "gap " + f(gap.map { $0 * 100 }, "%.3f%%"),
                "maxdev " + f(deviation.map { $0 * 100 }, "%.2f%%"), String(format: "%.2fs", seconds),
            ].joined(separator: "  ")
    }

    /// Peak resident set size of this process (`VmHWM` in /proc/self/status).
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? .nan
            return kb / 1024
        }
        return .nan
    }

    static func writeInstance(_ problem: AlignmentProblem, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var units = "id,x,y,potential,workload\n"
        for u in problem.units {
            units += "\(u.id),\(u.location.first),\(u.location.second),\(u.measures[0]),\(u.measures[1])\n"
        }
        try units.write(to: folder.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        var territories = "id,x,y\n"
        for t in problem.territories { territories += "\(t.id),\(t.centre.first),\(t.centre.second)\n" }
        try territories.write(to: folder.appendingPathComponent("territories.csv"), atomically: true, encoding: .utf8)
    }

    /// Runs `peers.py` (beside this file) and returns its JSON lines.
    static func runPeers(folder: URL) -> [String] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("peers.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, "--time-limit", "60", "--lp-time-limit", "300"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        do { try process.run() } catch {
            print("  peers: cannot run python3 \(script.path): \(error)")
            return []
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            print("  peers: peers.py exited with \(process.terminationStatus) (pip install highspy ortools numpy)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
