import Foundation
import HeapModule
import LinearProgramming
import TerritoryDesign

/// An open node of the search, ordered by its estimated bound (then deeper first, then FIFO).
///
/// The forbidden-pair mask is stored as bits, so a large open list stays small.
private struct OpenNode: Comparable {
    var closed: [Bool]
    var open: [Bool]
    var forbiddenBits: [UInt64]
    var multipliers: [Double]
    var bound: Double
    var depth: Int
    var sequence: Int

    init(_ node: CapacitatedPMedianLagrangian.Node, multipliers: [Double], bound: Double, depth: Int, sequence: Int) {
        closed = node.closed
        open = node.open
        forbiddenBits = [UInt64](repeating: 0, count: (node.forbidden.count + 63) / 64)
        for (k, isForbidden) in node.forbidden.enumerated() where isForbidden {
            forbiddenBits[k >> 6] |= 1 << UInt64(k & 63)
        }
        self.multipliers = multipliers
        self.bound = bound
        self.depth = depth
        self.sequence = sequence
    }

    var node: CapacitatedPMedianLagrangian.Node {
        var node = CapacitatedPMedianLagrangian.Node(unitCount: closed.count)
        node.closed = closed
        node.open = open
        for k in 0..<node.forbidden.count where forbiddenBits[k >> 6] & (1 << UInt64(k & 63)) != 0 {
            node.forbidden[k] = true
        }
        return node
    }

    static func < (a: OpenNode, b: OpenNode) -> Bool {
        (a.bound, -a.depth, a.sequence) < (b.bound, -b.depth, b.sequence)
    }
    static func == (a: OpenNode, b: OpenNode) -> Bool {
        a.bound == b.bound && a.depth == b.depth && a.sequence == b.sequence
    }
}

/// Branch-and-bound for the capacitated p-median, bounded by the Lagrangian knapsack
/// relaxation, with GLPK proving each leaf.
///
/// Every node restricts centres (open / closed) and assignment pairs (forbidden), re-optimises
/// the multipliers (warm start from the parent), and prunes when the bound reaches the cutoff.
/// Otherwise it fixes what the bound implies for the subtree (centres by their ρ, pairs by the
/// knapsack with the pair forced; near the root, centres also by probing), then branches on the
/// free centre whose closing raises the bound most, or, with ``pairBranching``, on an assignment
/// pair of a unit two knapsacks take when that scores higher. Open nodes are explored best bound
/// first, so the global bound rises steadily. A leaf, where all `p` centres are decided, is a
/// generalised assignment problem: its assignment variables are fixed by reduced cost and GLPK
/// solves it exactly.
struct CapacitatedPMedianBranchAndBound {
    let problem: PMedianProblem
    var lagrangian: CapacitatedPMedianLagrangian
    let deadline: ContinuousClock.Instant
    let mipCuts: Bool
    /// Best solution; the search proves it optimal when it finishes.
    var incumbent: PMedianSolution?
    private(set) var nodes = 0
    private(set) var leaves = 0
    private(set) var completed = false
    /// Leaves GLPK failed on (kept open, so the search cannot claim optimality through them).
    private(set) var failedLeaves = 0
    /// Pair branches taken (the rest branch on centres).
    private(set) var pairBranches = 0
    /// Branch on assignment pairs as well as centres.
    var pairBranching = false
    /// Subgradient steps, starting step factor and patience at every node below the root.
    ///
    /// Measured on pmedcap: 200 steps from factor 1 halve #14's nodes (61 s instead of 106 s), but
    /// in 600 s on #20 the cheaper 60 steps from 0.5 reach both a better bound (992 against 991)
    /// and the published 1005 (200 steps: 1006), and #1–19 take about as long either way.
    var nodeIterations = 60
    var nodeTheta = 0.5
    var nodePatience = 10
    /// Nodes shallower than this depth probe their centres (1: the root only), each probe with
    /// `probingIterations` subgradient steps.
    var probingDepth = 1
    var probingIterations = 100
    /// Smallest bound over the open nodes when the search stopped early.
    private(set) var openBound = Double.infinity

    private var tried = Set<[Int]>()
    private var exactTried = Set<[Int]>()

    init(
        problem: PMedianProblem, lagrangian: CapacitatedPMedianLagrangian, incumbent: PMedianSolution?,
        deadline: ContinuousClock.Instant, mipCuts: Bool
    ) {
        self.problem = problem
        self.lagrangian = lagrangian
        self.incumbent = incumbent
        self.deadline = deadline
        self.mipCuts = mipCuts
    }

    var cutoff: Double {
        guard let incumbent else { return .infinity }
        return problem.hasIntegralCosts
            ? incumbent.objective - 1 + 1e-6 : incumbent.objective - 1e-7 * max(1, abs(incumbent.objective))
    }

    /// Runs the search from `root`; afterwards ``completed`` tells whether it was exhaustive.
    mutating func run(root: CapacitatedPMedianLagrangian.Node) throws {
        let clock = ContinuousClock()
        let n = problem.unitCount
        let p = problem.centreCount
        var heap = Heap<OpenNode>()
        var sequence = 0
        heap.insert(OpenNode(root, multipliers: lagrangian.multipliers, bound: -.infinity, depth: 0, sequence: 0))
        while let entry = heap.popMin() {
            let (lambda, parentBound) = (entry.multipliers, entry.bound)
            if clock.now >= deadline {
                openBound = min(openBound, parentBound)
                if let next = heap.min { openBound = min(openBound, next.bound) }
                return
            }
            if parentBound >= cutoff { continue }
            var node = entry.node
            guard node.propagate(centreCount: p) else { continue }
            nodes += 1
            lagrangian.multipliers = lambda
            var heuristicCentres: [[Int]] = []
            let evaluation = lagrangian.optimize(
                node: node, upperBound: { [incumbent] in incumbent?.objective ?? .infinity },
                cutoff: { [cutoff] in cutoff }, iterations: nodes == 1 ? 400 : nodeIterations,
                theta: nodes == 1 ? 2 : nodeTheta, patience: nodes == 1 ? 30 : nodePatience,
                heuristicEvery: 15, deadline: deadline
            ) { heuristicCentres.append($0) }
            for centres in heuristicCentres { tryCentres(centres) }
            if clock.now >= deadline {
                // The node stays open with the better of its inherited and its own bound.
                let nodeBound = evaluation.interrupted ? parentBound : max(parentBound, evaluation.bound)
                if evaluation.feasible { openBound = min(openBound, nodeBound) }
                if let next = heap.min { openBound = min(openBound, next.bound) }
                return
            }
            guard evaluation.feasible, evaluation.bound < cutoff else { continue }
            // Primal: the node's Lagrangian centres, assigned exactly (a leaf solved aside).
            if evaluation.centres.count == p, exactTried.insert(evaluation.centres).inserted {
                var aside = CapacitatedPMedianLagrangian.Node(unitCount: n)
                for j in 0..<n { aside.closed[j] = true }
                for j in evaluation.centres {
                    aside.closed[j] = false
                    aside.open[j] = true
                }
                let saved = lagrangian.bestMultipliers
                try solveLeaf(aside, lambda: saved, heuristic: true)
                lagrangian.reset(to: saved)
                if evaluation.bound >= cutoff { continue }
            }
            // Propagate centre and assignment fixings implied by the bound.
            var child = node
            child.forbidden = lagrangian.assignmentFixings(evaluation, node: node, cutoff: cutoff, deadline: deadline)
            let (close, open) = lagrangian.centreFixings(evaluation, node: node, cutoff: cutoff)
            for j in 0..<n {
                if close[j] { child.closed[j] = true }
                if open[j] { child.open[j] = true }
            }
            guard child.propagate(centreCount: p) else { continue }
            if entry.depth < probingDepth {
                child = probeCentres(child, evaluation: evaluation, iterations: probingIterations)
                guard child.propagate(centreCount: p) else { continue }
            }
            let openCount = child.openCount
            let freeCount = (0..<n).filter { !child.closed[$0] && !child.open[$0] }.count
            if openCount + freeCount < p { continue }
            if openCount == p || openCount + freeCount == p {
                var leaf = child
                for j in 0..<n where !leaf.closed[j] && !leaf.open[j] {
                    if openCount == p { leaf.closed[j] = true } else { leaf.open[j] = true }
                }
                try solveLeaf(leaf, lambda: lagrangian.bestMultipliers)
                continue
            }
            let lambdaNow = lagrangian.bestMultipliers
            var children: [(CapacitatedPMedianLagrangian.Node, Double)] = []
            switch chooseBranch(evaluation, node: node, child: child) {
            case .centre(let j, let closeLift):
                var closedChild = child
                closedChild.closed[j] = true
                var openChild = child
                openChild.open[j] = true
                children = [(closedChild, evaluation.bound + closeLift), (openChild, evaluation.bound)]
            case .pair(let i, let j, let forbidLift, let forceLift):
                var forbidChild = child
                forbidChild.forbidden[i * n + j] = true
                var forceChild = child
                for k in 0..<n where k != j { forceChild.forbidden[i * n + k] = true }
                forceChild.open[j] = true
                pairBranches += 1
                children = [(forbidChild, evaluation.bound + forbidLift), (forceChild, evaluation.bound + forceLift)]
            case nil:
                // No chosen free centre left undecided: the evaluation's centres are a leaf.
                var leaf = child
                let chosen = Set(evaluation.centres)
                for j in 0..<n where !leaf.open[j] && !leaf.closed[j] {
                    if chosen.contains(j) { leaf.open[j] = true } else { leaf.closed[j] = true }
                }
                if leaf.openCount == p { try solveLeaf(leaf, lambda: lambdaNow) }
                continue
            }
            for (childNode, estimate) in children {
                sequence += 1
                heap.insert(
                    OpenNode(
                        childNode, multipliers: lambdaNow, bound: estimate, depth: entry.depth + 1, sequence: sequence))
            }
        }
        completed = true
    }

    /// The pair or centre branch with the best product score; `nil` when neither exists.
    private func chooseBranch(
        _ evaluation: CapacitatedPMedianLagrangian.Evaluation, node: CapacitatedPMedianLagrangian.Node,
        child: CapacitatedPMedianLagrangian.Node
    ) -> CapacitatedPMedianLagrangian.Branch? {
        let n = problem.unitCount
        var best: CapacitatedPMedianLagrangian.Branch?
        // Centre: the chosen free centre with the largest closing penalty.
        let firstUnchosen =
            evaluation.freeOrder.count > evaluation.chosenFree
            ? evaluation.rho[evaluation.freeOrder[evaluation.chosenFree]] : 0
        for j in evaluation.freeOrder.prefix(evaluation.chosenFree) where !child.open[j] && !child.closed[j] {
            let candidate = CapacitatedPMedianLagrangian.Branch.centre(
                j, closeLift: max(0, firstUnchosen - evaluation.rho[j]))
            if best.map({ candidate.score > $0.score }) ?? true { best = candidate }
        }
        if pairBranching, let pair = lagrangian.pairBranch(evaluation, node: node),
            case .pair(let i, let j, _, _) = pair, !child.forbidden[i * n + j], !child.closed[j],
            pair.score > (best?.score ?? -.infinity)
        {
            best = pair
        }
        return best
    }

    private mutating func consider(_ candidate: PMedianSolution) {
        if candidate.objective < (incumbent?.objective ?? .infinity) - 1e-9,
            problem.violations(of: candidate.assignment).isEmpty
        {
            incumbent = candidate
        }
    }

    private mutating func tryCentres(_ centres: [Int]) {
        guard !ExactDeadline.expired(deadline), tried.insert(centres).inserted,
            let found = CapacitatedPMedianHeuristic.locateAllocate(problem, centres: centres, deadline: deadline),
            found.centres.count == problem.centreCount, problem.violations(of: found.assignment).isEmpty
        else { return }
        if found.objective < (incumbent?.objective ?? .infinity) - 1e-9 {
            incumbent = CapacitatedPMedianHeuristic.swapDescent(problem, from: found, maxRounds: 5, deadline: deadline)
        }
    }

    /// Solves the assignment problem with the leaf's centres exactly (GLPK), after fixing.
    ///
    /// - Parameters:
    ///   - leaf: the node whose centres are fixed.
    ///   - lambda: the node's multipliers.
    ///   - heuristic: the leaf is a primal probe beside the tree (not a part of it), so stopping
    ///     inside it leaves nothing open.
    /// - Throws: the GLPK error of the assignment solve.
    private mutating func solveLeaf(
        _ leaf: CapacitatedPMedianLagrangian.Node, lambda: [Double], heuristic: Bool = false
    ) throws {
        leaves += 1
        lagrangian.multipliers = lambda
        let evaluation = lagrangian.optimize(
            node: leaf, upperBound: { [incumbent] in incumbent?.objective ?? .infinity },
            cutoff: { [cutoff] in cutoff }, iterations: 60, theta: 0.5, heuristicEvery: 1_000_000, deadline: deadline
        ) { _ in }
        if ExactDeadline.expired(deadline) {
            if !heuristic && evaluation.feasible { openBound = min(openBound, evaluation.bound) }
            return
        }
        guard evaluation.feasible, evaluation.bound < cutoff else { return }
        let forbidden = lagrangian.assignmentFixings(evaluation, node: leaf, cutoff: cutoff, deadline: deadline)
        // A unit with no usable centre left makes the leaf infeasible below the cutoff.
        let n = problem.unitCount
        var only = [Int](repeating: -1, count: n)
        var determined = true
        for i in 0..<n {
            let options = (0..<n).filter { leaf.open[$0] && !forbidden[i * n + $0] }
            if options.isEmpty { return }
            if options.count == 1 { only[i] = options[0] } else { determined = false }
        }
        if determined {
            // Every unit has one centre left (GLPK's presolver would empty the problem): evaluate it.
            if problem.violations(of: only).isEmpty { consider(PMedianSolution(problem: problem, assignment: only)) }
            return
        }
        let model = PMedianModel(
            problem: problem, closed: leaf.closed, forcedOpen: leaf.open, forbidden: forbidden, relaxed: false)
        let remaining = max(deadline - ContinuousClock().now, .milliseconds(10))
        let result: SolveResult
        do {
            do {
                result = try model.model.solve(options: SolverOptions(timeLimit: remaining, mipCuts: mipCuts))
            } catch  where mipCuts {
                // GLPK 5.0's cut generators can fail on tiny presolved leaves; retry without cuts.
                result = try model.model.solve(options: SolverOptions(timeLimit: remaining, mipCuts: false))
            }
        } catch {
            // A GLPK failure leaves this leaf unexplored: its bound stays open, so no false proof.
            failedLeaves += 1
            openBound = min(openBound, evaluation.bound)
            return
        }
        switch result.termination {
        case .optimal:
            guard let solution = result.solution else { return }
            consider(PMedianSolution(problem: problem, assignment: model.assignment(from: solution)))
        case .infeasible, .infeasibleOrUnbounded:
            return
        default:
            // Time limit inside a leaf: the leaf stays open.
            openBound = min(openBound, result.bestBound ?? evaluation.bound)
            if let solution = result.solution {
                consider(PMedianSolution(problem: problem, assignment: model.assignment(from: solution)))
            }
        }
    }
}
