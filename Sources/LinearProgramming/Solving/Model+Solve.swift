extension Model {
    /// Solves the model with GLPK and returns why it stopped and what it found.
    ///
    /// ```swift
    /// var model = Model(name: "knapsack")
    /// let a = model.addVariable("a", kind: .binary)
    /// let b = model.addVariable("b", kind: .binary)
    /// model.addConstraint(3 * a + 4 * b <= 5, name: "weight")
    /// model.maximize(5 * a + 6 * b)
    /// let result = try model.solve(options: SolverOptions(timeLimit: .seconds(5)))
    /// result.termination             // .optimal
    /// result.solution?.objectiveValue  // 6.0
    /// ```
    ///
    /// Continuous models use `glp_simplex` (or `glp_interior`); models with integer or binary
    /// variables use `glp_intopt` with presolve. GLPK's problem lives only inside this call, on the
    /// calling thread. GLPK's terminal output is off unless `options.verbose` is set.
    ///
    /// - Parameter options: Algorithm, limits, gap, initial MIP solution and verbosity.
    /// - Returns: A ``SolveResult``; infeasible, unbounded and limit stops are results, not errors.
    /// - Throws: ``ModelError`` from ``validate()``; ``SolverError`` when GLPK fails or an option is invalid.
    /// - Complexity: Loading is O(variables + constraints + nonzeros); solving is GLPK's.
    public func solve(options: SolverOptions = SolverOptions()) throws -> SolveResult {
        let start = ContinuousClock.now
        let startReading = options.clock.now()
        try validate()
        try options.validate()
        let initialValues = try dense(options.initialSolution, zero: 0.0, context: "initialSolution")
        let priorities = try dense(options.branchingPriority, zero: 0, context: "branchingPriority")
        // One budget for every phase (loading, LP relaxation, branch-and-cut): each GLPK call
        // gets the time left, and the MIP callback stops the search when it passes.
        let budget = options.timeLimit.map { SolveBudget(clock: options.clock, start: startReading, limit: $0) }
        let problem = GLPKProblem()
        let model = self
        let outcome = try GLPKProblem.withErrorGuard(echo: options.verbose) {
            problem.load(model)
            if model.isMixedInteger {
                return try problem.solveMIP(
                    options, initialValues: initialValues, priorities: priorities, budget: budget)
            }
            return try problem.solveLP(options, budget: budget)
        }
        return SolveResult(
            termination: outcome.termination, solution: outcome.solution, bestBound: outcome.bestBound,
            relativeGap: outcome.relativeGap, iterations: outcome.iterations, nodes: outcome.nodes,
            seconds: (ContinuousClock.now - start).inSeconds)
    }

    /// A per-variable map made dense by variable index (missing variables at `zero`), or `nil`.
    ///
    /// - Throws: ``ModelError/variableNotOwned(variable:context:model:)`` for a variable of another
    ///   model; `context` names the option it came from.
    private func dense<Value>(_ map: [Variable: Value]?, zero: Value, context: String) throws -> [Value]? {
        guard let map else { return nil }
        var values = [Value](repeating: zero, count: variableCount)
        for (variable, value) in map {
            guard variable.modelID == id, variable.index < variableCount else {
                throw ModelError.variableNotOwned(variable: "#\(variable.index)", context: context, model: name)
            }
            values[variable.index] = value
        }
        return values
    }
}
