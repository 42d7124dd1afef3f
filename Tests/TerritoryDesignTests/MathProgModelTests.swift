import Foundation
import TerritoryDesign
import TerritoryDesignExact
import TestSupport
import Testing

/// `Models/territory_pmedian.mod` run by `glpsol` must agree with the Swift-built model.
@Suite struct MathProgModelTests {
    /// A 3×4 grid of units with two measures and a capacity, seeded.
    private func gridProblem(seed: UInt64, contiguity: Bool) throws -> PMedianProblem {
        var generator = SplitMix64(seed: seed)
        var points: [(Double, Double)] = []
        var edges: [(Int, Int)] = []
        for r in 0..<3 {
            for c in 0..<4 {
                points.append(
                    (
                        Double(c) * 10 + Double.random(in: -4...4, using: &generator),
                        Double(r) * 10 + Double.random(in: -4...4, using: &generator)
                    ))
                let k = r * 4 + c
                if c < 3 { edges.append((k, k + 1)) }
                if r < 2 { edges.append((k, k + 4)) }
            }
        }
        let a = (0..<12).map { _ in Double(Int.random(in: 5...15, using: &generator)) }
        let b = (0..<12).map { _ in Double(Int.random(in: 1...9, using: &generator)) }
        let measures = [
            PMedianProblem.Measure.balanced(name: "potential", values: a, territories: 3, tolerance: 0.25),
            PMedianProblem.Measure.balanced(name: "workload", values: b, territories: 3, tolerance: 0.35),
        ]
        return try PMedianProblem.euclidean(
            points: points, centreCount: 3, demand: b, capacity: [Double](repeating: 24, count: 12),
            measures: measures, adjacency: try AdjacencyGraph(vertexCount: 12, edges: edges),
            requiresContiguity: contiguity, centreServesItself: true)
    }

    /// The problem as a MathProg data section.
    private func dataSection(_ problem: PMedianProblem, contiguity: Bool) -> String {
        let n = problem.unitCount
        let units = (0..<n).map { "u\($0)" }
        var text = "data;\nset U := \(units.joined(separator: " "));\nparam p := \(problem.centreCount);\n"
        text += "param self_served := 1;\nparam contiguous := \(contiguity ? 1 : 0);\n"
        text += "param cost :=\n"
        for i in 0..<n { for j in 0..<n { text += "  u\(i) u\(j) \(problem.cost(i, j))\n" } }
        text += ";\n"
        if let demand = problem.demand, let capacity = problem.capacity {
            text += "param demand := " + (0..<n).map { "u\($0) \(demand[$0])" }.joined(separator: " ") + ";\n"
            text += "param capacity := " + (0..<n).map { "u\($0) \(capacity[$0])" }.joined(separator: " ") + ";\n"
        }
        text += "set M := " + problem.measures.map(\.name).joined(separator: " ") + ";\n"
        text += "param value :=\n"
        for measure in problem.measures {
            for i in 0..<n { text += "  \(measure.name) u\(i) \(measure.values[i])\n" }
        }
        text += ";\nparam lower := " + problem.measures.map { "\($0.name) \($0.lower)" }.joined(separator: " ") + ";\n"
        text += "param upper := " + problem.measures.map { "\($0.name) \($0.upper)" }.joined(separator: " ") + ";\n"
        if let graph = problem.adjacency {
            var pairs: [String] = []
            for u in 0..<n { for v in graph.neighbours[u] where u < v { pairs.append("(u\(u),u\(v))") } }
            text += "set E := " + pairs.joined(separator: " ") + ";\n"
        }
        return text + "end;\n"
    }

    /// Runs glpsol on the shipped model and returns the printed objective.
    private func glpsolObjective(_ problem: PMedianProblem, contiguity: Bool) throws -> Double {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("meridian-mod-\(ProcessInfo.processInfo.processIdentifier)-\(contiguity)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("instance.dat")
        try dataSection(problem, contiguity: contiguity).write(to: data, atomically: true, encoding: .utf8)
        let model = Fixtures.repositoryRoot.appendingPathComponent("Models/territory_pmedian.mod")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["glpsol", "--math", model.path, "--data", data.path, "--tmlim", "60"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.contains("INTEGER OPTIMAL SOLUTION FOUND"))
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("objective ") })
        return try #require(Double(line.dropFirst("objective ".count)))
    }

    @Test(arguments: [UInt64(3), 11])
    func mathProgAndSwiftModelsAgreeWithoutContiguity(seed: UInt64) throws {
        let problem = try gridProblem(seed: seed, contiguity: false)
        let report = try ExactPMedianSolver().solve(problem)
        #expect(report.termination == .optimal)
        let swift = try #require(report.solution?.objective)
        #expect(isApproximatelyEqual(swift, try glpsolObjective(problem, contiguity: false), absolute: 1e-4))
    }

    @Test func mathProgFlowContiguityAgreesWithLazySeparators() throws {
        let problem = try gridProblem(seed: 5, contiguity: true)
        let report = try ExactPMedianSolver().solve(problem)
        #expect(report.termination == .optimal)
        let swift = try #require(report.solution?.objective)
        #expect(isApproximatelyEqual(swift, try glpsolObjective(problem, contiguity: true), absolute: 1e-4))
    }
}
