import TerritoryDesign
import TerritoryDesignExact
import Testing

/// The doc-comment examples of the exact engine, verbatim.
@Suite struct ExactDocumentationExamplesTests {
    @Test func adjacencyGraphExample() throws {
        let graph = try AdjacencyGraph(vertexCount: 4, edges: [(0, 1), (1, 2)])
        #expect(graph.connectedComponents().count == 2)
        #expect(graph.isConnected([0, 1, 2]))
        #expect(!graph.isConnected([0, 2]))
    }

    @Test func problemAndSolutionExamples() throws {
        let points = [(0.0, 0.0), (1.0, 0.0), (10.0, 0.0), (11.0, 0.0)]
        let problem = try PMedianProblem.euclidean(points: points, centreCount: 2)
        #expect(problem.cost(1, 0) == 1.0)
        let small = try PMedianProblem.euclidean(points: [(0, 0), (1, 0), (5, 0)], centreCount: 2)
        let solution = PMedianSolution(problem: small, assignment: [0, 0, 2])
        #expect(solution.objective == 1.0)
        #expect(solution.centres == [0, 2])
        #expect(small.violations(of: solution.assignment).isEmpty)
    }

    @Test func exactSolverExample() throws {
        let points = [(0.0, 0.0), (1.0, 0.0), (10.0, 0.0), (11.0, 0.0)]
        let problem = try PMedianProblem.euclidean(
            points: points, centreCount: 2, demand: [1, 1, 1, 1], capacity: [2, 2, 2, 2])
        let report = try ExactPMedianSolver().solve(problem)
        #expect(report.termination == .optimal)
        #expect(report.solution?.objective == 2.0)
    }

    @Test func alignmentProblemExample() throws {
        let units = [(0.0, 0.0), (1.0, 0.0), (5.0, 0.0), (6.0, 0.0)].enumerated().map { k, p in
            AlignmentUnit(id: "U\(k)", location: .planar(x: p.0, y: p.1), measures: [1])
        }
        let candidates = units.map { TerritorySpec(id: $0.id, centre: $0.location) }
        let alignment = AlignmentProblem(
            units: units, territories: candidates, measures: [BalanceMeasure(name: "accounts", tolerance: 0)],
            metric: .euclidean, centrePolicy: .choose(count: 2))
        let report = try ExactPMedianSolver().solve(PMedianProblem(alignment))
        #expect(report.solution?.objective == 2.0)
    }

    @Test func alignmentWithLocksIsRejectedWithAReason() throws {
        let units = [
            AlignmentUnit(id: "A", location: .planar(x: 0, y: 0), measures: [1], locked: true),
            AlignmentUnit(id: "B", location: .planar(x: 1, y: 0), measures: [1]),
        ]
        let alignment = AlignmentProblem(
            units: units, territories: units.map { TerritorySpec(id: $0.id, centre: $0.location) },
            measures: [BalanceMeasure(name: "accounts", tolerance: 0.1)],
            metric: .euclidean, centrePolicy: .choose(count: 1))
        #expect(throws: TerritoryError.self) { try PMedianProblem(alignment) }
    }
}
