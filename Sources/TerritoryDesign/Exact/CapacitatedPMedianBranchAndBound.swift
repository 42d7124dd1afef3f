import Foundation
import HeapModule
import LinearProgramming

/// An open node of the search, ordered by its parent's bound (then deeper first, then FIFO).
private struct OpenNode: Comparable {
    var node: CapacitatedPMedianLagrangian.Node
    var multipliers: [Double]
    var bound: Double
    var depth: Int
    var sequence: Int
    static func < (a: OpenNode, b: OpenNode) -> Bool {
        (a.bound, -a.depth, a.sequence) < (b.bound, -b.depth, b.sequence)
    }
    static func == (a: OpenNode, b: OpenNode) -> Bool {
        a.bound == b.bound && a.depth == b.depth && a.sequence == b.sequence
    }
}

/// Branch-and-bound over the centre variables of the capacitated p-median, bounded by the
/// Lagrangian knapsack relaxation, with GLPK proving each leaf.
///
/// Every node fixes some centres open or closed, re-optimises the multipliers (warm start from
/// the parent), prunes when the bound reaches the cutoff, propagates centre fixings from the
/// bound, and branches on the free centre whose closing raises the bound most; open nodes are
/// explored best bound first, so the global bound rises steadily. A leaf, where all `p` centres are decided, is a generalised assignment
/// problem: its assignment variables are fixed by reduced cost and GLPK solves it exactly.
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
    /// Smallest bound over the open nodes when the search stopped early.
    private(set) var openBound = Double.infinity

    private var tried = Set<[Int]>()
    private var exactTried = Set<[Int]>()

    init(problem: PMedianProblem, lagrangian: CapacitatedPMedianLagrangian, incumbent: PMedianSolution?,
         deadline: ContinuousClock.Instant, mipCuts: Bool) {
        self.problem = problem
        self.lagrangian = lagrangian
        self.incumbent = incumbent
        self.deadline = deadline
        self.mipCuts = mipCuts
    }

    private var cutoff: Double {
        guard let incumbent else { return .infinity }
        return problem.hasIntegralCosts
            ? incumbent.objective - 1 + 1e-6 : incumbent.objective - 1e-7 * max(1, abs(incumbent.objective))
    }

    /// Runs the search from `root`; afterwards ``completed`` tells whether it was exhaustive.
    mutating func run(root: CapacitatedPMedianLagrangian.Node) throws {
        let clock = ContinuousClock()
        var heap = Heap<OpenNode>()
        var sequence = 0
        heap.insert(OpenNode(node: root, multipliers: lagrangian.multipliers, bound: -.infinity, depth: 0, sequence: 0))
        while let entry = heap.popMin() {
            let (node, lambda, parentBound) = (entry.node, entry.multipliers, entry.bound)
            if clock.now >= deadline {
                openBound = min(openBound, parentBound)
                if let next = heap.min { openBound = min(openBound, next.bound) }
                return
            }
            if parentBound >= cutoff { continue }
            nodes += 1
            lagrangian.multipliers = lambda
            var heuristicCentres: [[Int]] = []
            let evaluation = lagrangian.optimize(
                node: node, upperBound: { [incumbent] in incumbent?.objective ?? .infinity },
                cutoff: { [cutoff] in cutoff }, iterations: nodes == 1 ? 400 : 60, theta: nodes == 1 ? 2 : 0.5,
                patience: nodes == 1 ? 30 : 10, heuristicEvery: 15
            ) { heuristicCentres.append($0) }
            for centres in heuristicCentres { tryCentres(centres) }
            guard evaluation.feasible, evaluation.bound < cutoff else { continue }
            // Primal: the node's Lagrangian centres, assigned exactly (a leaf solved aside).
            if evaluation.centres.count == problem.centreCount, exactTried.insert(evaluation.centres).inserted {
                var aside = CapacitatedPMedianLagrangian.Node(unitCount: problem.unitCount)
                for j in 0..<problem.unitCount { aside.closed[j] = true }
                for j in evaluation.centres {
                    aside.closed[j] = false
                    aside.open[j] = true
                }
                let saved = lagrangian.bestMultipliers
                try solveLeaf(aside, lambda: saved)
                lagrangian.reset(to: saved)
                if evaluation.bound >= cutoff { continue }
            }
            // Propagate centre fixings implied by the bound.
            var child = node
            let (close, open) = lagrangian.centreFixings(evaluation, node: node, cutoff: cutoff)
            for j in 0..<problem.unitCount {
                if close[j] { child.closed[j] = true }
                if open[j] { child.open[j] = true }
            }
            let openCount = child.openCount
            let freeCount = (0..<problem.unitCount).filter { !child.closed[$0] && !child.open[$0] }.count
            if openCount > problem.centreCount || openCount + freeCount < problem.centreCount { continue }
            if openCount == problem.centreCount || openCount + freeCount == problem.centreCount {
                var leaf = child
                for j in 0..<problem.unitCount where !leaf.closed[j] && !leaf.open[j] {
                    if openCount == problem.centreCount { leaf.closed[j] = true } else { leaf.open[j] = true }
                }
                try solveLeaf(leaf, lambda: lagrangian.bestMultipliers)
                continue
            }
            // Branch on the chosen free centre with the largest closing penalty.
            let firstUnchosen = evaluation.freeOrder.count > evaluation.chosenFree
                ? evaluation.rho[evaluation.freeOrder[evaluation.chosenFree]] : 0
            var branch = -1
            var penalty = -Double.infinity
            for j in evaluation.freeOrder.prefix(evaluation.chosenFree) where !child.open[j] && !child.closed[j] {
                let value = firstUnchosen - evaluation.rho[j]
                if value > penalty {
                    penalty = value
                    branch = j
                }
            }
            if branch < 0 {
                // No chosen free centre left undecided: the evaluation's centres are a leaf.
                var leaf = child
                let chosen = Set(evaluation.centres)
                for j in 0..<problem.unitCount where !leaf.open[j] && !leaf.closed[j] {
                    if chosen.contains(j) { leaf.open[j] = true } else { leaf.closed[j] = true }
                }
                if leaf.openCount == problem.centreCount { try solveLeaf(leaf, lambda: lagrangian.bestMultipliers) }
                continue
            }
            var closedChild = child
            closedChild.closed[branch] = true
            var openChild = child
            openChild.open[branch] = true
            let lambdaNow = lagrangian.bestMultipliers
            sequence += 2
            heap.insert(OpenNode(
                node: closedChild, multipliers: lambdaNow, bound: evaluation.bound + max(penalty, 0),
                depth: entry.depth + 1, sequence: sequence))
            heap.insert(OpenNode(
                node: openChild, multipliers: lambdaNow, bound: evaluation.bound, depth: entry.depth + 1,
                sequence: sequence + 1))
        }
        completed = true
    }

    private mutating func consider(_ candidate: PMedianSolution) {
        if candidate.objective < (incumbent?.objective ?? .infinity) - 1e-9,
            problem.violations(of: candidate.assignment).isEmpty
        {
            incumbent = candidate
        }
    }

    private mutating func tryCentres(_ centres: [Int]) {
        guard tried.insert(centres).inserted,
            let found = CapacitatedPMedianHeuristic.locateAllocate(problem, centres: centres),
            found.centres.count == problem.centreCount, problem.violations(of: found.assignment).isEmpty
        else { return }
        if found.objective < (incumbent?.objective ?? .infinity) - 1e-9 {
            incumbent = CapacitatedPMedianHeuristic.swapDescent(problem, from: found, maxRounds: 5)
        }
    }

    /// Solves the assignment problem with the leaf's centres exactly (GLPK), after fixing.
    private mutating func solveLeaf(_ leaf: CapacitatedPMedianLagrangian.Node, lambda: [Double]) throws {
        leaves += 1
        lagrangian.multipliers = lambda
        let evaluation = lagrangian.optimize(
            node: leaf, upperBound: { [incumbent] in incumbent?.objective ?? .infinity },
            cutoff: { [cutoff] in cutoff }, iterations: 60, theta: 0.5, heuristicEvery: 1_000_000
        ) { _ in }
        guard evaluation.feasible, evaluation.bound < cutoff else { return }
        let forbidden = lagrangian.assignmentFixings(evaluation, node: leaf, cutoff: cutoff)
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
            } catch where mipCuts {
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
