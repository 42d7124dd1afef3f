import Foundation
import LinearProgramming

/// The scalable core: Lagrangian bound by projected subgradient over all territories (dense,
/// parallel), primal repair from Lagrangian assignments, then feasible moves and swaps.
struct FixedCentreSolver {
    let instance: DenseInstance
    let options: AlignmentOptions
    /// The solve's window; its phases get shares of it.
    let deadline: Deadline
    /// Extra assignments to try as primal seeds (for example the current alignment).
    var seeds: [[Int32]] = []
    /// Starting multipliers (for example from ``RegionalDecomposition``); zero when `nil`.
    var initialMultipliers: LagrangeMultipliers?
    /// The instant progress reports count elapsed time from (`start` when `nil`).
    var reportOrigin: ContinuousClock.Instant?

    struct Outcome: Sendable {
        var assignment: [Int32]?
        var objective: Double
        var bound: Double
        var bestViolation: Double
        var iterations: Int
        /// Whether a clock (the deadline, or the share of it a phase is given) ended any phase:
        /// a solve that ends otherwise is reproducible from its seed on any machine.
        var timedOut: Bool
        /// Set when the bound exceeded the most expensive assignment: proven infeasible.
        var dualUnbounded: (bound: Double, largestCost: Double)? = nil
        /// The multipliers of the best bound phase (a warm start for a larger relaxation).
        var multipliers: LagrangeMultipliers? = nil
        /// Without an incumbent: the least violating assignment a repair reached.
        var bestAttempt: [Int32]? = nil
    }

    func solve() async -> Outcome {
        let inst = instance
        let candidates = await CandidateLists.build(inst, width: options.candidatesPerUnit, workers: options.workers)
        var search = LocalSearch(instance: inst, candidates: candidates, deadline: deadline, seed: options.seed)
        var relaxation = LagrangianRelaxation(instance: inst, workers: options.workers)
        var incumbent: AssignmentState?
        var bestViolation = Double.infinity
        var bestAttempt: [Int32]?
        var bestMultipliers: LagrangeMultipliers?
        var bound = -Double.infinity
        var theta = 1.0
        var stall = 0
        var lastReport = deadline.start
        var iterations = 0
        var nextPrimal = 100
        var timedOut = false
        let firstPrimal = 1_000_000  // primal attempts come from the narrowed phase
        let stallLimit = 15
        let shrink = 0.6
        nextPrimal = firstPrimal
        // Attempts: bound phase, then primal phase; when repair fails with time left, the
        // multipliers keep improving and the primal phase runs again.
        let schedule: [(bound: Double, narrow: Double)] = [(0.4, 0.55), (0.65, 0.72), (0.82, 0.88)]
        var boundDeadline = deadline.share(schedule[0].bound)
        var narrowDeadline = deadline.share(schedule[0].narrow)

        // initial adaptive step: a price that shifts a unit's reduced cost by ~5 % of a mean cost
        var meanCost = 0.0
        for i in stride(from: 0, to: inst.n, by: max(1, inst.n / 1000)) { meanCost += inst.c(i, 0) }
        meanCost /= Double((inst.n + max(1, inst.n / 1000) - 1) / max(1, inst.n / 1000))
        var initialStep = max(1e-9, 0.05 * meanCost * Double(inst.n) / Double(inst.m))
        if let initialMultipliers {
            // a warm start: steps a small fraction of the typical multiplier
            relaxation.multipliers = initialMultipliers
            let magnitudes = (initialMultipliers.up + initialMultipliers.down).filter { $0 > 0 }
            if !magnitudes.isEmpty { initialStep = 0.02 * magnitudes.reduce(0, +) / Double(magnitudes.count) }
        }
        var adaptive = AdaptiveSteps(rows: inst.m * inst.measureCount, initial: initialStep)
        func report(_ phase: String) {
            guard let progress = options.progress else { return }
            let now = ContinuousClock.now
            guard (now - lastReport).inSeconds >= options.progressInterval else { return }
            lastReport = now
            let elapsed = (now - (reportOrigin ?? deadline.start)).inSeconds
            progress(AlignmentProgress(phase: phase, incumbent: incumbent?.cost, bound: bound, elapsed: elapsed))
        }
        func tryPrimal(_ assignment: [Int32], passes: Int, rounds: Int = 200) {
            var state = AssignmentState(instance: inst, assignment: assignment)
            let ok = search.repair(&state, rounds: rounds)
            if ok {
                search.improve(&state, maxPasses: passes)
                if state.cost < (incumbent?.cost ?? .infinity) - 1e-12 { incumbent = state }
            } else if state.maxViolation < bestViolation {
                bestViolation = state.maxViolation
                bestAttempt = state.assign
            }
        }
        func gap() -> Double {
            guard let incumbent else { return .infinity }
            return incumbent.cost > 0 ? (incumbent.cost - bound) / incumbent.cost : 0
        }

        var largestCost = 0.0
        for i in 0..<inst.n {
            var worst = 0.0
            for j in 0..<inst.m { worst = max(worst, inst.c(i, j)) }
            largestCost += worst
        }
        var unbounded: (bound: Double, largestCost: Double)?
        var stagnationReference = -Double.infinity, lastProgress = 0
        var restarts = 0, firstValue = -Double.infinity
        // Today's alignment far from balance is not worth long repairs before the bound phase (the
        // relaxed assignments repair far better): few rounds of chains, exchanges and swaps for it;
        // a warm start's joined assignment keeps the full repair.
        for seed in seeds { tryPrimal(seed, passes: 1, rounds: seed == inst.current ? 20 : 200) }
        for attempt in schedule.indices {
            if attempt > 0 {
                boundDeadline = deadline.share(schedule[attempt].bound)
                if incumbent != nil || unbounded != nil { break }
                if boundDeadline.hasPassed { timedOut = true; break }
                narrowDeadline = deadline.share(schedule[attempt].narrow)
                lastProgress = iterations
            }
            while iterations < options.maxBoundIterations + attempt * 1000 {
                if boundDeadline.hasPassed { timedOut = true; break }
                iterations += 1
                let evaluation = await relaxation.evaluate()
                if !bound.isFinite || evaluation.value > bound + 1e-12 * max(1, abs(bound)) {
                    if !bound.isFinite || evaluation.value > bound + 1e-6 * max(1, abs(bound)) {
                        stall = 0
                    } else {
                        stall += 1
                    }
                    bound = evaluation.value
                    bestMultipliers = relaxation.multipliers
                } else {
                    stall += 1
                }
                if bound > stagnationReference * (1 + 1e-5) + 1e-9 {
                    stagnationReference = bound; lastProgress = iterations
                }
                if iterations - lastProgress >= 150 { break }  // converged (deterministic stop)
                if bound > largestCost * (1 + 1e-9) + 1e-9 {
                    unbounded = (bound, largestCost)
                    break
                }
                let g = relaxation.subgradient(evaluation)
                var norm = g.count * g.count + g.value * g.value
                for q in 0..<g.up.count { norm += g.up[q] * g.up[q] + g.down[q] * g.down[q] }
                if norm <= 1e-18 {
                    // The relaxed assignment is feasible and complementary: it is optimal.
                    tryPrimal(evaluation.assignment, passes: 0)
                    break
                }
                if iterations >= nextPrimal {
                    tryPrimal(evaluation.assignment, passes: 3)
                    nextPrimal = iterations + max(50, iterations / 2)
                }
                if gap() <= options.targetGap { break }
                if stall >= stallLimit { theta *= shrink; stall = 0 }
                if theta < 1e-6 { break }
                // theta only ends the phase after long stalls; the steps themselves are adaptive
                if iterations == 1 { firstValue = evaluation.value }
                if relaxation.countsMoves, bound <= firstValue, evaluation.value < bound - 0.2 * abs(bound),
                    let bestMultipliers, restarts < 20
                {
                    // The first steps overshoot (the value fell far below the start before ever rising
                    // above it): go back with every step halved, so a poorly scaled first step cannot
                    // cost the phase its iterations. Only with a moved-count row, where the start is
                    // already the (strong) balance-free budget bound; without one the phase is unchanged.
                    relaxation.multipliers = bestMultipliers
                    adaptive.restart(halving: true)
                    restarts += 1
                    continue
                }
                relaxation.adaptiveStep(g, state: &adaptive)
                report("bound")
            }
            if let unbounded {
                return Outcome(
                    assignment: nil, objective: .infinity, bound: unbounded.bound, bestViolation: .infinity,
                    iterations: iterations, timedOut: false, dualUnbounded: unbounded)
            }
            if relaxation.countsMoves {
                search.movePrice = relaxation.countMultiplier / Double(max(inst.unitsWithCurrent, 1))
            }
            if relaxation.valuesMoves {
                search.valuePrice = relaxation.valueMultiplier / max(inst.totalMoveValue, 1e-300)
            }
            // Primal phase: continue the subgradient on narrowed bands, so relaxed assignments land
            // inside the real bands; keep the least violating (then cheapest) ones for repair.
            let final = await relaxation.evaluate()
            if final.value > bound { bound = final.value; bestMultipliers = relaxation.multipliers }
            let primalIterations = 60
            let narrowFactor = 0.85
            var tight = relaxation
            tight.instance = inst.narrowed(by: narrowFactor)
            var tightTheta = 0.5
            var candidatesFound: [(Double, Double, [Int32])] = [
                (inst.violation(loads: final.loads), 0, final.assignment)
            ]
            for it in 0..<primalIterations {
                if it >= 3 && narrowDeadline.hasPassed { timedOut = true; break }
                let e = await tight.evaluate()
                var cost = 0.0
                for i in 0..<inst.n { cost += inst.c(i, Int(e.assignment[i])) }
                candidatesFound.append((inst.violation(loads: e.loads), cost, e.assignment))
                let g = tight.subgradient(e)
                var norm = g.count * g.count + g.value * g.value
                for q in 0..<g.up.count { norm += g.up[q] * g.up[q] + g.down[q] * g.down[q] }
                if norm <= 1e-18 { break }
                if it % 20 == 19 { tightTheta *= 0.7 }
                let upper = incumbent?.cost ?? (bound * 1.003 + 1e-6)
                tight.step(g, length: tightTheta * max(upper - e.value, 1e-6 * abs(upper)) / norm)
            }
            candidatesFound.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            for (s, candidate) in candidatesFound.prefix(3).enumerated() {
                if s > 0 && deadline.hasPassed { timedOut = true; break }
                tryPrimal(candidate.2, passes: 3)
            }
            if attempt < schedule.count - 1 && incumbent == nil {
                if !deadline.share(schedule[attempt + 1].bound).hasPassed { continue }
                timedOut = true
            }
            if incumbent == nil {
                // Grace: one repair from the least violating candidate may use up to a quarter of the
                // time limit (at most 3 s) beyond it, so a short limit under load still yields an alignment.
                let graceEnd = max(deadline.end, .now) + min(.seconds(3), deadline.span * 0.25)
                search.deadline = Deadline(start: deadline.start, end: graceEnd)
                tryPrimal(candidatesFound[0].2, passes: 1)
                search.deadline = deadline
            }
        }
        if var state = incumbent {
            report("improve")
            search.improve(&state, maxPasses: 200)
            incumbent = state
        }
        if deadline.hasPassed { timedOut = true }
        return Outcome(
            assignment: incumbent?.assign, objective: incumbent?.cost ?? .infinity, bound: bound,
            bestViolation: incumbent == nil ? bestViolation : 0, iterations: iterations, timedOut: timedOut,
            multipliers: bestMultipliers, bestAttempt: incumbent == nil ? bestAttempt : nil)
    }
}
