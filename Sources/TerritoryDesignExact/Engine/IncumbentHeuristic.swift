import Foundation
import TerritoryDesign

/// Picks the incumbent heuristic that fits a problem's side constraints.
enum IncumbentHeuristic {
    /// A feasible solution, or `nil` when the heuristics found none before `deadline`.
    static func find(_ problem: PMedianProblem, seed: UInt64, deadline: ContinuousClock.Instant) -> PMedianSolution? {
        if !problem.measures.isEmpty || problem.requiresContiguity {
            return BalancedTerritoryHeuristic.solve(problem, seed: seed, restarts: 10, kicks: 200, deadline: deadline)
        }
        // Capacitated with fractional data, or uncapacitated: farthest-first start, then swaps.
        let n = problem.unitCount
        var centres = [0]
        var nearest = (0..<n).map { problem.cost($0, 0) }
        while centres.count < problem.centreCount {
            let far = (0..<n).filter { !centres.contains($0) }.max { (nearest[$0], -$0) < (nearest[$1], -$1) } ?? 0
            centres.append(far)
            for i in 0..<n { nearest[i] = min(nearest[i], problem.cost(i, far)) }
        }
        guard
            let start = CapacitatedPMedianHeuristic.locateAllocate(
                problem, centres: centres.sorted(), deadline: deadline),
            problem.violations(of: start.assignment).isEmpty
        else { return nil }
        return CapacitatedPMedianHeuristic.swapDescent(problem, from: start, deadline: deadline)
    }
}
