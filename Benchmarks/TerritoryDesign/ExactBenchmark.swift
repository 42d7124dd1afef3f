import Foundation
import TerritoryDesign

/// `territory-bench exact [pmedcap|ctdp|ctdp-exact] [--time-limit S]`: the exact engine on the
/// public instances in `../shared/instances`, printing objective, bound, gap and time per instance.
enum ExactBenchmark {
    static func run(_ arguments: [String]) throws {
        let which = arguments.first ?? "all"
        var timeLimit = 300.0
        _ = timeLimit
        if let index = arguments.firstIndex(of: "--time-limit"), index + 1 < arguments.count,
            let value = Double(arguments[index + 1])
        {
            timeLimit = value
        }
        let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        if which == "ctdp" || which == "all" { try ctdpHeuristic(only: only) }
    }

    static var instances: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/instances")
    }

    static func tokens(_ url: URL) throws -> [Double] {
        try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isWhitespace).map {
            guard let value = Double($0) else { throw BenchmarkError("\(url.lastPathComponent): '\($0)' is not a number") }
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
            PMedianProblem.Measure.balanced(name: "a\($0 + 1)", values: activity[$0], territories: p, tolerance: tau[$0])
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
            let found = BalancedTerritoryHeuristic.solve(problem, seed: 1, restarts: 30)
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
