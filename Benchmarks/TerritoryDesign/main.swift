import Foundation
import TerritoryDesign

// `territory-bench exact …`: the exact engine on the public instances (ExactBenchmark.swift).
if CommandLine.arguments.dropFirst().first == "exact" {
    do { try ExactBenchmark.run(Array(CommandLine.arguments.dropFirst(2))) } catch { print("error: \(error)") }
    exit(0)
}

let args = CommandLine.arguments
let n = Int(args.count > 1 ? args[1] : "10000") ?? 10000
let m = Int(args.count > 2 ? args[2] : "50") ?? 50
let limit = Double(args.count > 3 ? args[3] : "10") ?? 10
let problem = SyntheticAlignment.make(units: n, territories: m, tolerance: 0.05, seed: 42)
var options = AlignmentOptions(timeLimit: limit, seed: 1, targetGap: 0.001)
options.progress = { p in
    FileHandle.standardError.write(Data(String(format: "[%@] inc %.1f bound %.1f gap %.3f%% %.1fs\n", p.phase, p.incumbent ?? -1, p.bound, (p.gap ?? 1) * 100, p.elapsed).utf8))
}
let t0 = Date()
do {
    let a = try await TerritoryAligner(options: options).align(problem)
    print(String(format: "ours: obj %.2f bound %.2f gap %.4f%% maxdev %@ time %.2fs %@", a.objective, a.bound, a.gap * 100, a.maxDeviation.description, Date().timeIntervalSince(t0), a.termination.rawValue))
} catch { print("error: \(error)") }
let dir = "/tmp/td-inst-\(n)-\(m)"
try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
var u = "id,x,y,potential,workload\n"
for unit in problem.units { u += "\(unit.id),\(unit.location.first),\(unit.location.second),\(unit.measures[0]),\(unit.measures[1])\n" }
try u.write(toFile: dir + "/units.csv", atomically: true, encoding: .utf8)
var tt = "id,x,y\n"
for t in problem.territories { tt += "\(t.id),\(t.centre.first),\(t.centre.second)\n" }
try tt.write(toFile: dir + "/territories.csv", atomically: true, encoding: .utf8)
