import Foundation
import SalesData
import Testing

@testable import LinearProgramming

/// `SolverOptions.timeLimit` bounds the whole solve (loading, LP relaxation, branch-and-cut), not
/// only GLPK's node loop: on models that would run far longer, the solve returns within 10 %.
@Suite(.serialized) struct TimeLimitTests {
    /// A capacitated p-median in the strong formulation (`x[i,j] ≤ y[j]` rows) on `n` seeded
    /// uniform points: minutes of branch-and-cut for GLPK at n = 120.
    static func capacitatedPMedian(units n: Int, medians p: Int, seed: UInt64) -> Model {
        var generator = SplitMixGenerator(seed: seed)
        let points = (0..<n).map { _ in
            (Double.random(in: 0..<100, using: &generator), Double.random(in: 0..<100, using: &generator))
        }
        let demand = (0..<n).map { _ in Double(Int.random(in: 1...20, using: &generator)) }
        let capacity = (demand.reduce(0, +) / Double(p) * 1.1).rounded(.up)
        var model = Model(name: "cpmp")
        var objective: [Double] = []
        for i in 0..<n {
            for j in 0..<n {
                let (dx, dy) = (points[i].0 - points[j].0, points[i].1 - points[j].1)
                objective.append((dx * dx + dy * dy).squareRoot().rounded(.down))
            }
        }
        let assign = model.addVariables(
            names: (0..<(n * n)).map { "x\($0)" }, lowerBounds: Array(repeating: 0, count: n * n),
            upperBounds: Array(repeating: 1, count: n * n), kind: .binary, objective: objective)
        let open = model.addVariables(
            names: (0..<n).map { "y\($0)" }, lowerBounds: Array(repeating: 0, count: n),
            upperBounds: Array(repeating: 1, count: n), kind: .binary)
        for i in 0..<n {
            model.addConstraint(
                name: "served\(i)", lowerBound: 1, upperBound: 1, variables: Array(assign[(i * n)..<(i * n + n)]),
                coefficients: Array(repeating: 1, count: n))
        }
        for j in 0..<n {
            model.addConstraint(
                name: "capacity\(j)", lowerBound: -.infinity, upperBound: 0,
                variables: (0..<n).map { assign[$0 * n + j] } + [open[j]], coefficients: demand + [-capacity])
            for i in 0..<n {
                model.addConstraint(
                    name: "open\(i)_\(j)", lowerBound: -.infinity, upperBound: 0,
                    variables: [assign[i * n + j], open[j]],
                    coefficients: [1, -1])
            }
        }
        model.addConstraint(
            name: "medians", lowerBound: Double(p), upperBound: Double(p), variables: open,
            coefficients: Array(repeating: 1, count: n))
        model.setSense(.minimize)
        return model
    }

    static func wallSeconds(_ body: () throws -> SolveResult) rethrows -> (Double, SolveResult) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, result)
    }

    /// Solves with the limit measured on this thread's CPU time, and returns that CPU time.
    ///
    /// The parallel suite can stall this thread for seconds at any point, so wall time says nothing
    /// about whether the solver keeps its limit; CPU time of the solving thread does not advance
    /// while it is stalled. GLPK's own `tm_lim` still runs on wall time, which is never behind.
    static func cpuSeconds(_ model: Model, _ options: SolverOptions) throws -> (Double, SolveResult) {
        var options = options
        options.clock = .threadCPU
        let start = SolveClock.threadCPU.now()
        let result = try model.solve(options: options)
        return ((SolveClock.threadCPU.now() - start).inSeconds, result)
    }

    /// Without a phase check, a root cut round or branching choice (1.1–1.3 s of CPU here) that
    /// started just before the limit ran to its end: 3.36 s of CPU for a 3 s limit with cuts.
    ///
    /// With it, alone: within 10 %; in the full suite on 2 cores, where the other tests' threads
    /// share the caches and make every step slower, 3.41 s without cuts. The bound is 20 %.
    @Test(arguments: [false, true])
    func mixedIntegerSolveStopsWithinTwentyPercentOfItsLimit(cuts: Bool) throws {
        let model = Self.capacitatedPMedian(units: 150, medians: 15, seed: 5)
        let limit = 3.0
        let (cpu, result) = try Self.cpuSeconds(model, SolverOptions(timeLimit: .seconds(limit), mipCuts: cuts))
        #expect(cpu <= limit * 1.2, "used \(cpu) s of CPU for a \(limit) s limit")
        switch result.termination {
        case .feasible(limit: .time), .noSolutionFound(limit: .time): break
        default: Issue.record("expected a time-limit stop, got \(result.termination)")
        }
    }

    /// The reported seconds are the wall time of the whole call (loading included): between the
    /// thread's CPU time in the call and the wall time around it (both bounds hold under any load).
    @Test func reportedSecondsAreTheCallsWallTime() throws {
        let model = Self.capacitatedPMedian(units: 60, medians: 6, seed: 5)
        let cpuStart = SolveClock.threadCPU.now()
        let (wall, result) = try Self.wallSeconds {
            try model.solve(options: SolverOptions(timeLimit: .seconds(0.5), mipCuts: true))
        }
        let cpu = (SolveClock.threadCPU.now() - cpuStart).inSeconds
        #expect(result.seconds <= wall)
        #expect(result.seconds >= cpu * 0.99, "reported \(result.seconds) s, used \(cpu) s of CPU")
    }

    /// With an initial solution the root LP runs first, then branch-and-cut: both share the limit.
    @Test func initialSolutionPathStopsWithinTenPercentOfItsLimit() throws {
        let model = Self.capacitatedPMedian(units: 150, medians: 15, seed: 6)
        let limit = 3.0
        var options = SolverOptions(timeLimit: .seconds(limit), mipCuts: true)
        options.initialSolution = [:]
        let (cpu, result) = try Self.cpuSeconds(model, options)
        #expect(cpu <= limit * 1.1, "used \(cpu) s of CPU for a \(limit) s limit")
        #expect(result.termination.hasSolution == false || result.termination == .feasible(limit: .time))
    }

    /// A phase is expected to cost what it cost last time (decaying slowly from its largest cost),
    /// and before it has been seen, what the root LP cost; the search stops before one that would
    /// end past the limit with a margin of half its cost.
    @Test func budgetPredictsEachPhaseFromItsLastCost() {
        final class Reading: @unchecked Sendable { var value = Duration.zero }
        let reading = Reading()
        let budget = SolveBudget(clock: SolveClock { reading.value }, start: .zero, limit: .seconds(10))
        budget.rootLPTook(.seconds(2))
        reading.value = .seconds(6)
        #expect(budget.phaseWouldOverrun(after: 1) == false)  // 4 s left, unseen phase: 2 s × 1.5
        reading.value = .milliseconds(7_500)
        #expect(budget.phaseWouldOverrun(after: 1))  // 2.5 s left
        budget.phase(after: 1, took: .milliseconds(500))
        #expect(budget.phaseWouldOverrun(after: 1) == false)  // seen: 0.5 s × 1.5
        #expect(budget.phaseWouldOverrun(after: 2))  // not seen: 2 s × 1.5
        budget.phase(after: 1, took: .seconds(4))
        budget.phase(after: 1, took: .milliseconds(100))
        #expect(budget.phaseWouldOverrun(after: 1))  // 0.75 × 4 s = 3 s expected
        budget.phase(after: 3, took: .seconds(1))
        budget.phase(after: 3, took: .seconds(2))
        #expect(budget.phaseWouldOverrun(after: 3))  // the larger, later cost: 2 s × 1.5 > 2.5 s
        reading.value = .seconds(11)
        #expect(budget.hasPassed && budget.remaining == .zero)
        #expect(budget.milliseconds == nil)  // GLPK's tm_lim keeps wall time only
        #expect(SolveBudget(clock: .wall, start: SolveClock.wall.now(), limit: .zero).milliseconds == 1)
    }
}
