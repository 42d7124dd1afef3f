import TestSupport
import Testing

@testable import TerritoryDesign
@testable import TerritoryDesignExact

@Suite struct LagrangianBranchingTests {
    @Test func aUnitWithOneAllowedCentreOpensIt() {
        var node = CapacitatedPMedianLagrangian.Node(unitCount: 3)
        node.closed[2] = true
        node.forbidden[0 * 3 + 0] = true  // unit 0 may only go to centre 1
        #expect(node.soleCentres() == [1, -1, -1])
        let feasible = node.propagate(centreCount: 1)
        #expect(feasible)
        #expect(node.open == [false, true, false])
    }

    @Test func aUnitWithoutAllowedCentreMakesTheNodeInfeasible() {
        var node = CapacitatedPMedianLagrangian.Node(unitCount: 2)
        node.forbidden[1 * 2 + 0] = true
        node.forbidden[1 * 2 + 1] = true
        #expect(node.soleCentres() == nil)
        let feasible = node.propagate(centreCount: 1)
        #expect(!feasible)
    }

    @Test func aForcedUnitIsAlwaysTakenByItsCentre() throws {
        // Units 0 and 1 sit together, unit 2 far away; forcing unit 2 onto centre 0 must put it
        // in centre 0's knapsack whatever the multipliers.
        let problem = try PMedianProblem.euclidean(
            points: [(0, 0), (1, 0), (30, 0)], centreCount: 1, demand: [1, 1, 1], capacity: [3, 3, 3])
        let lagrangian = try #require(CapacitatedPMedianLagrangian(problem: problem))
        var node = CapacitatedPMedianLagrangian.Node(unitCount: 3)
        node.forbidden[2 * 3 + 1] = true
        node.forbidden[2 * 3 + 2] = true
        let feasible = node.propagate(centreCount: 1)
        #expect(feasible)
        let evaluation = lagrangian.evaluate([0, 0, 0], node: node)
        #expect(evaluation.centres == [0])
        #expect(evaluation.picks[0][2])
        #expect(evaluation.bound == 30)  // Σλ = 0; ρ₀ = cost of the forced unit
        let fixings = lagrangian.assignmentFixings(evaluation, node: node, cutoff: 100)
        #expect(!fixings[2 * 3 + 0])
        #expect(fixings[2 * 3 + 1] && fixings[2 * 3 + 2])
    }

    /// Pair branching and centre probing prove the published optimum of instance 1 (n = 50).
    @Test func pairBranchingProvesThePublishedOptimumOfInstanceOne() throws {
        let instance = try ORLibCapacitatedPMedian.load(1)
        let problem = try instance.problem()
        var options = ExactPMedianSolver.Options(timeLimit: .seconds(120))
        options.pairBranching = true
        let report = try ExactPMedianSolver(options: options).solve(problem)
        #expect(report.termination == .optimal)
        #expect(report.solution?.objective == instance.optimum)
        #expect(report.bound == instance.optimum)
    }
}
