import BenchSupport
import Foundation
import TerritoryDesign
import TerritoryDesignExact

/// `territory-bench exact [pmedcap|ctdp|ctdp-exact] [--time-limit S] [--only K] [--pair-branching]`: the exact engine on the
/// public instances in `../shared/instances`, printing objective, bound, gap and time per instance.
enum ExactBenchmark {
    static func run(_ arguments: BenchArguments) throws {
        var flags = arguments
        let which = flags.positional.dropFirst().first ?? "all"
        let timeLimit = flags.value("--time-limit", default: 300.0)
        let only: String? = flags.value("--only")
        let pairBranching = flags.flag("--pair-branching")
        flags.finish()
        let usage = "territory-bench exact [pmedcap|ctdp|ctdp-exact|all] [--time-limit S] [--only K] [--pair-branching]"
        flags.expectPositional(atMost: 2, usage: usage)
        if !["pmedcap", "ctdp", "ctdp-exact", "all"].contains(which) {
            flags.fail("unknown set '\(which)'; usage: \(usage)")
        }
        if !(timeLimit > 0) { flags.fail("--time-limit: expected seconds > 0, got \(timeLimit)") }
        if which == "pmedcap" || which == "all" {
            try pmedcap(only: only.flatMap { Int($0) }, timeLimit: timeLimit, pairBranching: pairBranching)
        }
        if which == "ctdp" || which == "all" { try ctdpHeuristic(only: only) }
        if which == "ctdp-exact" || which == "all" {
            let names = only.map { [$0] } ?? ["2DU60-05-1", "2DU60-05-2", "2DU80-05-1", "2DU100-05-1"]
            try ctdpExact(names, timeLimit: timeLimit)
        }
    }

    /// OR-Library pmedcap1 #k: (problem, published optimum), d = floor(Euclidean).
    static func pmedcapProblem(_ k: Int) throws -> (PMedianProblem, Double) {
        let name = "pmedcap1_" + (k < 10 ? "0\(k)" : "\(k)") + ".txt"
        let t = try tokens(instances.appendingPathComponent("orlib-pmedcap1").appendingPathComponent(name))
        guard t.count >= 5 else { throw BenchmarkError("\(name): too short") }
        let n = Int(t[2])
        let p = Int(t[3])
        let q = t[4]
        guard t.count >= 5 + 4 * n else { throw BenchmarkError("\(name): expected \(n) points") }
        var points: [(Double, Double)] = []
        var demand: [Double] = []
        for i in 0..<n {
            let base = 5 + 4 * i
            points.append((t[base + 1], t[base + 2]))
            demand.append(t[base + 3])
        }
        let problem = try PMedianProblem.euclidean(
            points: points, centreCount: p, floored: true, demand: demand,
            capacity: [Double](repeating: q, count: n))
        return (problem, t[1])
    }

    static func pmedcap(only: Int?, timeLimit: Double, pairBranching: Bool) throws {
        print(
            "instance,n,p,published,objective,bound,gap,status,heuristic,lagrangian,nodes,pair_branches,glpk_runs,seconds"
        )
        let clock = ContinuousClock()
        let all = clock.now
        var proven = 0
        var atOptimum = 0
        let list = only.map { [$0] } ?? Array(1...20)
        for k in list {
            let (problem, published) = try pmedcapProblem(k)
            var options = ExactPMedianSolver.Options(timeLimit: .seconds(timeLimit))
            options.pairBranching = pairBranching
            let report = try ExactPMedianSolver(options: options).solve(problem)
            let objective = report.solution?.objective ?? .nan
            if report.termination == .optimal { proven += 1 }
            if objective == published { atOptimum += 1 }
            print(
                "\(k),\(problem.unitCount),\(problem.centreCount),\(published),\(objective),\(report.bound),"
                    + String(format: "%.4f%%", 100 * (report.gap ?? .nan))
                    + ",\(report.termination),\(report.heuristicObjective ?? .nan),"
                    + String(format: "%.2f", report.lagrangianBound ?? .nan)
                    + ",\(report.searchNodes),\(report.pairBranches),\(report.mipRuns),"
                    + String(format: "%.2f", report.seconds))
        }
        print(
            "pmedcap: \(atOptimum)/\(list.count) at the published optimum, \(proven)/\(list.count) proven optimal, "
                + String(format: "%.1f s total", (clock.now - all).seconds))
    }

    static func ctdpExact(_ names: [String], timeLimit: Double) throws {
        print("instance,n,p,objective,bound,gap,status,heuristic,lp,fixed,cuts,glpk_runs,seconds")
        for name in names {
            let url = instances.appendingPathComponent("ctdp-du-riosmercado/\(name)-edited.dat")
            let problem = try ctdp(url)
            let report = try ExactPMedianSolver(options: .init(timeLimit: .seconds(timeLimit))).solve(problem)
            let violations = report.solution.map { problem.violations(of: $0.assignment) } ?? ["no solution"]
            print(
                "\(name),\(problem.unitCount),\(problem.centreCount),"
                    + String(
                        format: "%.2f,%.2f,%.4f%%", report.solution?.objective ?? .nan, report.bound,
                        100 * (report.gap ?? .nan))
                    + ",\(report.termination),"
                    + String(
                        format: "%.2f,%.2f", report.heuristicObjective ?? .nan, report.linearRelaxationBound ?? .nan)
                    + ",\(report.fixedAssignments),\(report.contiguityCuts),\(report.mipRuns),"
                    + String(format: "%.2f", report.seconds) + (violations.isEmpty ? "" : " INVALID: \(violations)"))
        }
    }

    static var instances: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/instances")
    }

    static func tokens(_ url: URL) throws -> [Double] {
        try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isWhitespace).map {
            guard let value = Double($0) else {
                throw BenchmarkError("\(url.lastPathComponent): '\($0)' is not a number")
            }
            return value
        }
    }

    /// CTDP instance as a contiguous balanced p-median problem.
    static func ctdp(_ url: URL, contiguity: Bool = true) throws -> PMedianProblem {
        let t = try tokens(url)
        var k = 0
        func next() -> Double { defer { k += 1 }; return k < t.count ? t[k] : .nan }
        let n = Int(next())
        var points: [(Double, Double)] = []
        var activity = [[Double]](repeating: [], count: 3)
        for _ in 0..<n {
            _ = next()
            points.append((next(), next()))
            for a in 0..<3 { activity[a].append(next()) }
            _ = next()
        }
        let m = Int(next())
        var edges: [(Int, Int)] = []
        for _ in 0..<m { edges.append((Int(next()), Int(next()))) }
        let p = Int(next())
        _ = next()
        let tau = (0..<3).map { _ in next() }
        let measures = (0..<3).map {
            PMedianProblem.Measure.balanced(
                name: "a\($0 + 1)", values: activity[$0], territories: p, tolerance: tau[$0])
        }
        return try PMedianProblem.euclidean(
            points: points, centreCount: p, measures: measures,
            adjacency: try AdjacencyGraph(vertexCount: n, edges: edges), requiresContiguity: contiguity,
            centreServesItself: true)
    }

    static func ctdpFiles(only: String?) throws -> [URL] {
        let folder = instances.appendingPathComponent("ctdp-du-riosmercado")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { url in
                url.pathExtension == "dat" && (only.map { url.lastPathComponent.hasPrefix($0 + "-edited") } ?? true)
            }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func ctdpHeuristic(only: String?) throws {
        print("instance,n,p,objective,feasible,contiguous,seconds")
        var ok = 0
        var total = 0
        let clock = ContinuousClock()
        let all = clock.now
        for url in try ctdpFiles(only: only) {
            let problem = try ctdp(url)
            let start = clock.now
            let found = BalancedTerritoryHeuristic.solve(problem, seed: 1, restarts: 8, kicks: 150)
            let seconds = (clock.now - start).seconds
            let violations = found.map { problem.violations(of: $0.assignment) } ?? ["no solution"]
            let name = url.lastPathComponent.replacingOccurrences(of: "-edited.dat", with: "")
            total += 1
            if violations.isEmpty { ok += 1 }
            print(
                "\(name),\(problem.unitCount),\(problem.centreCount),\(found.map { String(format: "%.2f", $0.objective) } ?? "-"),"
                    + "\(violations.isEmpty),\(violations.isEmpty),\(String(format: "%.2f", seconds))")
        }
        print("feasible+contiguous: \(ok)/\(total) in \(String(format: "%.1f", (clock.now - all).seconds)) s")
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
