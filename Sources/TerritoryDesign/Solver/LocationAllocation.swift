import LinearProgramming

/// Centre policies beyond fixed home bases.
///
/// *Relocate* (location-allocation) alternates an alignment with moving every centre to the member
/// location of least weighted travel (a medoid), until no centre moves or the rounds run out, and
/// keeps the best alignment. Its bound is the Lagrangian bound *for the returned centres*
/// (``BoundScope/givenCentres``: no gap is claimed, and "optimal" means optimal for those centres
/// only, so it is reported as ``AlignmentTermination/searchExhausted``).
///
/// *Choose* (capacitated p-median) opens `count` candidates: every candidate holding a locked unit,
/// then greedily the candidate that most lowers weighted nearest-centre travel, then aligns with
/// balance to the opened ones. Its bound is ``ChosenCentresBound`` (valid over every choice of
/// centres), not the bound for the opened ones. For a proven optimum on small instances use the
/// exact p-median solver.
struct LocationAllocation {
    let aligner: TerritoryAligner

    func relocate(_ problem: AlignmentProblem, rounds: Int, run: Deadline) async throws -> Alignment {
        var centres = problem.territories.map(\.centre)
        var best: Alignment?
        var timedOut = false
        for round in 0..<rounds {
            let deadline = run.share(Double(round + 1) / Double(rounds))
            let alignment = try await aligner.alignFixed(problem, centres: centres, deadline: deadline)
            if alignment.termination == .feasible(limit: .time) { timedOut = true }
            if alignment.objective < (best?.objective ?? .infinity) - 1e-9 { best = alignment }
            let moved = medoids(problem, alignment: alignment)
            if moved == centres { break }
            if run.hasPassed {
                if round < rounds - 1 { timedOut = true }
                break
            }
            centres = moved
        }
        guard var result = best else { throw TerritoryError.invalidProblem("relocation needs at least one round") }
        // a round cut by its share of the limit makes the result depend on the machine's speed
        if timedOut && result.termination == .feasible(limit: .searchExhausted) {
            result.termination = .feasible(limit: .time)
        }
        result.restrictBoundToGivenCentres()
        result.seconds = run.elapsed.inSeconds
        return result
    }

    /// Each territory's member location minimizing weighted travel to it (sampled for large territories).
    func medoids(_ problem: AlignmentProblem, alignment: Alignment) -> [Location] {
        var members = [[Int]](repeating: [], count: alignment.territoryIDs.count)
        for (i, j) in alignment.assignment.enumerated() { members[j].append(i) }
        return members.enumerated().map { j, list in
            guard !list.isEmpty else { return alignment.territories[j].centre }
            let weight = list.map { i in problem.compactnessMeasure.map { problem.units[i].measures[$0] } ?? 1 }
            let step = max(1, list.count / 400)
            var best = alignment.territories[j].centre
            var bestCost = zip(list, weight).reduce(0) {
                $0 + $1.1 * problem.metric.distance(problem.units[$1.0].location, best)
            }
            for s in stride(from: 0, to: list.count, by: step) {
                let candidate = problem.units[list[s]].location
                var cost = 0.0
                for (t, i) in list.enumerated() {
                    cost += weight[t] * problem.metric.distance(problem.units[i].location, candidate)
                    if cost >= bestCost { break }
                }
                if cost < bestCost - 1e-9 { bestCost = cost; best = candidate }
            }
            return best
        }
    }

    func choose(_ problem: AlignmentProblem, count: Int, run: Deadline) async throws -> Alignment {
        let chosen = openCentres(problem, count: count)
        var reduced = problem
        reduced.territories = chosen.map { problem.territories[$0] }
        reduced.centrePolicy = .fixed
        if aligner.options.centreServesItself { reduced = try reduced.holdingCentresOnThemselves() }
        let explanation = InfeasibilityExplainer(problem: reduced).quickReasons()
        if !explanation.isEmpty { throw TerritoryError.infeasible(explanation) }
        // The aligner's bound holds for the opened centres only; the last tenth of the limit goes to
        // a bound over every choice of centres, which replaces it.
        var alignment = try await aligner.alignFixed(
            reduced, centres: reduced.territories.map(\.centre), deadline: run.share(0.9))
        // At least a few hundred million cost visits (about a second), even past the deadline.
        let visits = max(problem.units.count * problem.territories.count, 1)
        let valid = ChosenCentresBound(problem: problem, count: count).value(
            upperBound: alignment.objective, iterations: 500, minimumIterations: min(300, max(3, 300_000_000 / visits)),
            deadline: aligner.reservingReportTime(run))
        alignment.replaceBound(with: valid, targetGap: aligner.options.targetGap)
        alignment.seconds = run.elapsed.inSeconds
        return alignment
    }

    /// Candidate indices to open, sorted: locked units' territories first, then greedy p-median
    /// additions over a deterministic sample of units.
    func openCentres(_ problem: AlignmentProblem, count: Int) -> [Int] {
        var index: [String: Int] = [:]
        for (j, t) in problem.territories.enumerated() { index[t.id] = j }
        var open = Set(problem.units.filter(\.locked).compactMap { $0.currentTerritory.flatMap { index[$0] } })
        let step = max(1, problem.units.count / 3000)
        let sample = Array(stride(from: 0, to: problem.units.count, by: step))
        let weight = sample.map { i in problem.compactnessMeasure.map { problem.units[i].measures[$0] } ?? 1 }
        let m = problem.territories.count
        var distance = [[Double]](repeating: [], count: m)
        for j in 0..<m {
            distance[j] = sample.map {
                problem.metric.distance(problem.units[$0].location, problem.territories[j].centre)
            }
        }
        var nearest = [Double](repeating: .infinity, count: sample.count)
        for j in open { for s in sample.indices { nearest[s] = min(nearest[s], distance[j][s]) } }
        while open.count < count {
            var bestJ = -1, bestCost = Double.infinity
            for j in 0..<m where !open.contains(j) {
                var cost = 0.0
                for s in sample.indices { cost += weight[s] * min(nearest[s], distance[j][s]) }
                if cost < bestCost { bestCost = cost; bestJ = j }
            }
            guard bestJ >= 0 else { break }
            open.insert(bestJ)
            for s in sample.indices { nearest[s] = min(nearest[s], distance[bestJ][s]) }
        }
        // interchange: swap an open centre for a closed one while weighted travel drops
        let required = Set(problem.units.filter(\.locked).compactMap { $0.currentTerritory.flatMap { index[$0] } })
        func travel(_ centres: [Int]) -> Double {
            var total = 0.0
            for s in sample.indices {
                var best = Double.infinity
                for j in centres { best = min(best, distance[j][s]) }
                total += weight[s] * best
            }
            return total
        }
        var current = open.sorted()
        var currentCost = travel(current)
        for _ in 0..<(m * count <= 20_000 ? 3 : 0) {
            var improved = false
            for o in current where !required.contains(o) {
                var bestSwap: (Int, Double)?
                for c in 0..<m where !current.contains(c) {
                    let trial = current.map { $0 == o ? c : $0 }
                    let cost = travel(trial)
                    if cost < (bestSwap?.1 ?? currentCost) - 1e-9 { bestSwap = (c, cost) }
                }
                if let (c, cost) = bestSwap {
                    current = current.map { $0 == o ? c : $0 }.sorted()
                    currentCost = cost
                    improved = true
                }
            }
            if !improved { break }
        }
        return current
    }
}
