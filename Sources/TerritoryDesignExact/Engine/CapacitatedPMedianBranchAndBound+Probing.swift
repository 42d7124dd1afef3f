import TerritoryDesign

/// Probing on centres: each undecided centre is tentatively flipped against the node's
/// Lagrangian choice (a chosen centre closed, an unchosen one opened) and the bound re-optimised;
/// a flip whose bound reaches the cutoff fixes the centre the other way for the whole subtree.
///
/// The one-step fixings of ``CapacitatedPMedianLagrangian/centreFixings(_:node:cutoff:)`` keep
/// the multipliers; re-optimising them lets far more centres be fixed near the root, where every
/// fixing removes a large part of the tree.
extension CapacitatedPMedianBranchAndBound {
    /// Returns `node` with the centres that probing fixed; restores the node's best multipliers.
    ///
    /// - Complexity: One subgradient run of `iterations` steps per undecided centre.
    mutating func probeCentres(
        _ node: CapacitatedPMedianLagrangian.Node, evaluation: CapacitatedPMedianLagrangian.Evaluation,
        iterations: Int
    ) -> CapacitatedPMedianLagrangian.Node {
        let n = problem.unitCount
        var result = node
        let base = lagrangian.bestMultipliers
        let chosen = Set(evaluation.centres)
        let limit = cutoff
        for j in 0..<n where !result.open[j] && !result.closed[j] {
            if ContinuousClock().now >= deadline { break }
            var test = result
            if chosen.contains(j) { test.closed[j] = true } else { test.open[j] = true }
            guard test.propagate(centreCount: problem.centreCount) else {
                if chosen.contains(j) { result.open[j] = true } else { result.closed[j] = true }
                continue
            }
            lagrangian.multipliers = base
            let probe = lagrangian.optimize(
                node: test, upperBound: { [incumbent] in incumbent?.objective ?? .infinity }, cutoff: { limit },
                iterations: iterations, theta: 1, patience: 20, heuristicEvery: Int.max, deadline: deadline
            ) { _ in }
            if !probe.feasible || probe.bound >= limit {
                if chosen.contains(j) { result.open[j] = true } else { result.closed[j] = true }
            }
        }
        lagrangian.reset(to: base)
        return result
    }
}
