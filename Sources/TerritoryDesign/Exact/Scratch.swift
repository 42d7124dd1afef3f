public enum ScratchLagrangian {
    public static func run(_ problem: PMedianProblem, ub: Double, iterations: Int) -> Double {
        guard var l = CapacitatedPMedianLagrangian(problem: problem) else { return .nan }
        l.optimize(upperBound: { ub }, iterations: iterations, heuristicEvery: 1_000_000) { _ in }
        let f = l.fixings(cutoff: ub - 1 + 1e-6)
        print("bound", l.bestBound, "closed", f.closed.filter { $0 }.count, "open", f.forcedOpen.filter { $0 }.count, "forbidden", f.forbidden.filter { $0 }.count)
        return l.bestBound
    }
}
