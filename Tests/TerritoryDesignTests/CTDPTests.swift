import Foundation
import TerritoryDesign
import TerritoryDesignExact
import TestSupport
import Testing

@Suite struct CTDPTests {
    private static let folder = Fixtures.instance("ctdp-du-riosmercado", "")

    @Test func allHundredInstancesParse() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "dat" }
        #expect(files.count == 100)
        for url in files {
            let instance = try CTDPInstance(url: url)
            #expect(instance.tolerances == [0.05, 0.05, 0.05], "\(instance.name)")
            #expect(instance.activities.allSatisfy { $0.count == instance.points.count })
        }
    }

    /// One instance per size class here; all 100 run in `territory-bench exact ctdp`.
    @Test(arguments: ["2DU60-05-3", "2DU80-05-4", "2DU100-05-5", "2DU120-05-6", "DU150-05-7", "DU200-05-8"])
    func heuristicIsBalancedAndContiguous(name: String) throws {
        let problem = try CTDPInstance.load(name).problem()
        let solution = try #require(BalancedTerritoryHeuristic.solve(problem, seed: 1, restarts: 4))
        #expect(problem.violations(of: solution.assignment).isEmpty)
        #expect(solution.centres.count == problem.centreCount)
        // Sanity of the checker: every territory is connected over the adjacency graph.
        let graph = try #require(problem.adjacency)
        for members in solution.members { #expect(graph.isConnected(members)) }
    }

    @Test func heuristicIsDeterministicForASeed() throws {
        let problem = try CTDPInstance.load("2DU60-05-2").problem()
        let a = BalancedTerritoryHeuristic.solve(problem, seed: 9, restarts: 3)
        let b = BalancedTerritoryHeuristic.solve(problem, seed: 9, restarts: 3)
        #expect(a == b)
    }

    @Test func exactValueOf2DU60_05_1IsReachedAndProven() throws {
        let problem = try CTDPInstance.load("2DU60-05-1").problem()
        let report = try ExactPMedianSolver(options: .init(timeLimit: .seconds(120))).solve(problem)
        let solution = try #require(report.solution)
        #expect(report.termination == .optimal)
        #expect(abs(solution.objective - 5305.57) < 0.005)
        #expect(problem.violations(of: solution.assignment).isEmpty)
    }

    @Test func checkerRejectsADisconnectedTerritory() throws {
        let graph = try AdjacencyGraph(vertexCount: 4, edges: [(0, 1), (1, 2), (2, 3)])
        let problem = try PMedianProblem.euclidean(
            points: [(0, 0), (1, 0), (2, 0), (3, 0)], centreCount: 2, adjacency: graph, requiresContiguity: true)
        #expect(problem.violations(of: [0, 0, 3, 3]).isEmpty)
        #expect(problem.violations(of: [0, 3, 0, 3]).contains { $0.contains("connected components") })
    }

    @Test func lazySeparatorsMakeADisconnectedOptimumContiguous() throws {
        // Positions pull units 0, 2 and 4 together, but the path 0-1-2-3-4-5 keeps them apart.
        let points: [(Double, Double)] = [(0, 0), (9, 0), (0.5, 0), (9.5, 0), (1, 0), (10, 0)]
        let graph = try AdjacencyGraph(vertexCount: 6, edges: [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)])
        let free = try PMedianProblem.euclidean(points: points, centreCount: 2, centreServesItself: true)
        let contiguous = try PMedianProblem.euclidean(
            points: points, centreCount: 2, adjacency: graph, requiresContiguity: true)
        let freeReport = try ExactPMedianSolver().solve(free)
        let freeObjective = try #require(freeReport.solution?.objective)
        #expect(isApproximatelyEqual(freeObjective, 2))
        let report = try ExactPMedianSolver().solve(contiguous)
        let solution = try #require(report.solution)
        #expect(report.termination == .optimal)
        #expect(report.contiguityCuts > 0)
        #expect(solution.objective > freeObjective + 1)
        #expect(contiguous.violations(of: solution.assignment).isEmpty)
        #expect(isApproximatelyEqual(solution.objective, bruteForce(contiguous), absolute: 1e-9))
    }
}
