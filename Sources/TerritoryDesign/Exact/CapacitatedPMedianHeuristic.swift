/// Incumbents for the capacitated p-median: assignment for given centres, median relocation
/// inside each cluster (alternating location–allocation), and a centre-swap descent.
enum CapacitatedPMedianHeuristic {
    /// Location–allocation from `centres`: assign, move each centre to its cluster's best median,
    /// repeat while the cost falls.
    ///
    /// Returns `nil` if no feasible assignment was found.
    static func locateAllocate(_ problem: PMedianProblem, centres start: [Int]) -> PMedianSolution? {
        var centres = start
        var best: PMedianSolution?
        for _ in 0..<20 {
            guard let assignment = CapacitatedAssignment.assign(problem, centres: centres) else { break }
            let solution = PMedianSolution(problem: problem, assignment: assignment)
            if let current = best, solution.objective >= current.objective - 1e-9 { break }
            best = solution
            let relocated = relocate(problem, solution: solution)
            if relocated == centres { break }
            centres = relocated
        }
        return best
    }

    /// For each cluster, the member minimising the cluster's cost that can carry its load.
    static func relocate(_ problem: PMedianProblem, solution: PMedianSolution) -> [Int] {
        let demand = problem.demand
        let capacity = problem.capacity
        var result: [Int] = []
        for (c, members) in solution.members.enumerated() {
            let load = demand.map { d in members.reduce(0.0) { $0 + d[$1] } } ?? 0
            var bestCentre = solution.centres[c]
            var bestCost = members.reduce(0.0) { $0 + problem.cost($1, bestCentre) }
            for k in members where capacity.map({ $0[k] >= load - 1e-9 }) ?? true {
                let cost = members.reduce(0.0) { $0 + problem.cost($1, k) }
                if cost < bestCost - 1e-9 {
                    bestCost = cost
                    bestCentre = k
                }
            }
            result.append(bestCentre)
        }
        return Array(Set(result)).sorted()
    }

    /// Centre-swap descent: replace one open centre by one of the `neighbourhood` nearest closed
    /// units of its cluster's members, keep the first improving swap, repeat.
    static func swapDescent(
        _ problem: PMedianProblem, from start: PMedianSolution, neighbourhood: Int = 12, maxRounds: Int = 30
    ) -> PMedianSolution {
        var best = start
        let n = problem.unitCount
        for _ in 0..<maxRounds {
            var improved = false
            let open = Set(best.centres)
            search: for (c, members) in best.members.enumerated() {
                let centre = best.centres[c]
                // Candidates: closed units near this centre.
                let candidates = (0..<n).filter { !open.contains($0) }
                    .sorted { (problem.cost($0, centre), $0) < (problem.cost($1, centre), $1) }
                    .prefix(neighbourhood)
                _ = members
                for k in candidates {
                    var centres = best.centres
                    centres[c] = k
                    if let solution = locateAllocate(problem, centres: centres.sorted()),
                        solution.objective < best.objective - 1e-9,
                        solution.centres.count == problem.centreCount
                    {
                        best = solution
                        improved = true
                        break search
                    }
                }
            }
            if !improved { break }
        }
        return best
    }
}
