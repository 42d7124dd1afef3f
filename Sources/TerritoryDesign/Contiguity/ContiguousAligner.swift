import LinearProgramming
import SalesData

/// Contiguous alignment over an adjacency graph.
///
/// 1. Bound: the Lagrangian bound of the same problem without contiguity (still a valid lower
///    bound, so the gap is an honest upper estimate of the distance to the contiguous optimum).
/// 2. Seeds: the unit nearest each centre; regions grow over the graph, always extending the
///    territory with the smallest relative load by its cheapest adjacent unit.
/// 3. ``ContiguousSearch``: balancing moves and swaps (violation, then spread from the targets),
///    then cost-lowering moves and swaps that keep every band; contiguity, locks and the
///    disruption budget hold at every step.
/// 4. Iterated local search, one chain per worker in parallel: a seeded kick (a few random
///    contiguity-preserving moves), balance and improve again, keep the result when it is better in
///    (violation, cost). The number of kicks is fixed, so a run that ends before the time limit is
///    reproducible from its seed and worker count.
struct ContiguousAligner {
    let problem: AlignmentProblem
    let centres: [Location]
    let options: AlignmentOptions
    /// Kicks of the iterated local search after the first descent.
    var kicks = 60

    func align(_ instance: DenseInstance, deadline: Deadline) async throws -> Alignment {
        guard let graph = problem.adjacency else {
            throw TerritoryError.invalidProblem("contiguity needs an adjacency graph")
        }
        var boundOptions = options
        boundOptions.targetGap = 0
        let relaxed = await FixedCentreSolver(instance: instance, options: boundOptions, deadline: deadline.share(0.3))
            .solve()
        var lastReport: ContinuousClock.Instant?
        report("repair", incumbent: nil, bound: relaxed.bound, deadline: deadline, last: &lastReport)
        // Starts: regions grown from the centres, today's alignment (when every unit has one) and
        // the relaxed (non-contiguous) optimum with its stray pieces reattached; each balanced
        // and improved in its own task, the best kept.
        var starts = [ContiguousStart.grow(instance, graph)]
        if instance.current.allSatisfy({ $0 >= 0 }) { starts.append(instance.current) }
        if let relaxedAssignment = relaxed.assignment {
            let connected = ContiguousStart.connect(relaxedAssignment, instance, graph)
            var used = [Bool](repeating: false, count: instance.m)
            for t in connected { used[Int(t)] = true }
            if !used.contains(false) { starts.append(connected) }
        }
        let descended = await Self.inParallel(starts) { assignment, _ in
            var search = ContiguousSearch(instance: instance, graph: graph, deadline: deadline)
            var trial = AssignmentState(instance: instance, assignment: assignment)
            _ = search.balance(&trial)
            search.improve(&trial)
            return trial
        }
        let first = Self.best(descended)
        report(
            "improve", incumbent: first.totalViolation <= 1e-12 ? first.cost : nil, bound: relaxed.bound,
            deadline: deadline,
            last: &lastReport)
        // Iterated local search: one chain of kicks per worker, each from the best start with its
        // own stream of the seed.
        let (kicks, seed, targetGap, relaxedBound) = (kicks, options.seed, options.targetGap, relaxed.bound)
        let chains = Array(repeating: first, count: max(1, options.workers))
        var state = Self.best(
            await Self.inParallel(chains) { initial, chain in
                var search = ContiguousSearch(instance: instance, graph: graph, deadline: deadline)
                var generator = SplitMixGenerator(seed: seed).fork(UInt64(chain))
                var state = initial
                for _ in 0..<kicks where !deadline.hasPassed {
                    if state.totalViolation <= 1e-12 && state.cost - relaxedBound <= targetGap * state.cost { break }
                    var trial = state
                    search.perturb(&trial, count: 2 + generator.int(below: 2 * instance.m), using: &generator)
                    _ = search.balance(&trial)
                    search.improve(&trial)
                    if Self.isBetter(trial, than: state) { state = trial }
                }
                return state
            })
        guard state.totalViolation <= 1e-12 else {
            throw TerritoryError.noFeasibleAlignmentFound(
                violation: state.maxViolation,
                reasons: [.contiguity(detail: "contiguity-preserving moves could not balance every territory")]
                    + InfeasibilityExplainer(problem: problem).elasticReasons(timeLimit: options.explanationTimeLimit))
        }
        state.refreshCost()
        let bound = min(relaxed.bound, state.cost)
        let gap = state.cost > 0 ? (state.cost - bound) / state.cost : 0
        // the searches and kicks stop only once the deadline has passed, so this also catches them
        let timedOut = relaxed.timedOut || deadline.hasPassed
        let termination = Termination.search(gap: gap, requestedGap: options.targetGap, clockEnded: timedOut)
        return AlignmentReport(problem: problem, centres: centres).alignment(
            assignment: state.assign.map(Int.init), objective: state.cost, bound: bound, termination: termination,
            seconds: deadline.elapsed.inSeconds)
    }

    /// `work` applied to every element (with its index) in its own child task; results in input order.
    private static func inParallel<Input: Sendable>(
        _ inputs: [Input], _ work: @escaping @Sendable (Input, Int) -> AssignmentState
    ) async -> [AssignmentState] {
        await withTaskGroup(of: (Int, AssignmentState).self) { group in
            for (index, input) in inputs.enumerated() { group.addTask { (index, work(input, index)) } }
            var results: [(Int, AssignmentState)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The first of the best states in (violation, cost).
    private static func best(_ states: [AssignmentState]) -> AssignmentState {
        var best = states[0]
        for state in states.dropFirst() where isBetter(state, than: best) { best = state }
        return best
    }

    /// Lexicographic comparison on (balance violation, cost).
    private static func isBetter(_ a: AssignmentState, than b: AssignmentState) -> Bool {
        let (va, vb) = (a.totalViolation, b.totalViolation)
        return va < vb - 1e-12 || (va <= vb + 1e-12 && a.cost < b.cost - 1e-9 * max(1, b.cost))
    }

    /// Reports progress, at most every ``AlignmentOptions/progressInterval`` seconds.
    private func report(
        _ phase: String, incumbent: Double?, bound: Double, deadline: Deadline, last: inout ContinuousClock.Instant?
    ) {
        let now = ContinuousClock.now
        guard let progress = options.progress else { return }
        if let last, (now - last).inSeconds < options.progressInterval { return }
        last = now
        progress(
            AlignmentProgress(
                phase: phase, incumbent: incumbent, bound: bound, elapsed: (now - deadline.start).inSeconds))
    }
}
