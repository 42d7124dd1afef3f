import TerritoryDesign
import TerritoryDesignExact
import TestSupport
import Testing

@Suite struct CapacitatedPMedianTests {
    @Test func allTwentyPublicInstancesParseWithTheDocumentedSizes() throws {
        for k in 1...20 {
            let instance = try ORLibCapacitatedPMedian.load(k)
            #expect(instance.id == k)
            #expect(instance.points.count == (k <= 10 ? 50 : 100))
            #expect(instance.medians == (k <= 10 ? 5 : 10))
            #expect(instance.capacity == 120)
        }
    }

    /// Instances 1–3 in the debug test run; all 20 run in `territory-bench exact pmedcap`.
    @Test(arguments: [1, 2, 3])
    func reachesAndProvesThePublishedOptimum(number: Int) throws {
        let instance = try ORLibCapacitatedPMedian.load(number)
        let problem = try instance.problem()
        let report = try ExactPMedianSolver(options: .init(timeLimit: .seconds(120))).solve(problem)
        let solution = try #require(report.solution)
        #expect(report.termination == .optimal)
        #expect(solution.objective == instance.optimum)
        #expect(report.bound == instance.optimum)
        #expect(report.gap == 0)
        #expect(problem.violations(of: solution.assignment).isEmpty)
    }

    @Test func tinyCapacitatedInstanceMatchesEnumeration() throws {
        // Two clusters of three; capacity 2 forces one unit of each cluster to travel.
        let points: [(Double, Double)] = [(0, 0), (1, 0), (2, 0), (10, 0), (11, 0), (12, 0)]
        let problem = try PMedianProblem.euclidean(
            points: points, centreCount: 3, demand: [1, 1, 1, 1, 1, 1], capacity: [2, 2, 2, 2, 2, 2])
        let report = try ExactPMedianSolver().solve(problem)
        #expect(report.termination == .optimal)
        #expect(report.solution?.objective == bruteForce(problem))
    }

    @Test func infeasibleCapacityIsReportedAsInfeasible() throws {
        let problem = try PMedianProblem.euclidean(
            points: [(0, 0), (1, 0), (2, 0)], centreCount: 1, demand: [1, 1, 1], capacity: [2, 2, 2])
        let report = try ExactPMedianSolver().solve(problem)
        #expect(report.termination == .infeasible)
        #expect(report.solution == nil)
    }
}

/// Exhaustive search over assignments of a tiny problem (for cross-checks).
func bruteForce(_ problem: PMedianProblem) -> Double {
    let n = problem.unitCount
    var best = Double.infinity
    var assignment = [Int](repeating: 0, count: n)
    func recurse(_ i: Int) {
        if i == n {
            if problem.violations(of: assignment).isEmpty {
                best = min(best, PMedianSolution(problem: problem, assignment: assignment).objective)
            }
            return
        }
        for j in 0..<n {
            assignment[i] = j
            recurse(i + 1)
        }
    }
    recurse(0)
    return best
}
