internal import CGLPK

/// What one GLPK run produced, before timing is added.
struct SolveOutcome {
    var termination: Termination
    var solution: Solution?
    var bestBound: Double?
    var relativeGap: Double?
    var iterations: Int
    var nodes: Int
}

extension GLPKProblem {
    /// The terminal-output level for a parameter struct.
    static func messageLevel(_ options: SolverOptions) -> Int32 {
        options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
    }

    // MARK: - LP

    /// Solves the loaded LP.
    ///
    /// The GLPK routines are `glp_simplex` and `glp_interior`. Each simplex run gets the time left
    /// in `budget` (`tm_lim`).
    func solveLP(_ options: SolverOptions, budget: SolveBudget? = nil) throws -> SolveOutcome {
        if options.lpAlgorithm == .interiorPoint {
            return try solveInterior(options)
        }
        glp_scale_prob(raw, GLP_SF_AUTO)  // as glpsol does by default
        var parm = simplexParameters(options, budget: budget)
        let rc = simplex(&parm, budget: budget, options)
        var status = GLPKStatus(rawValue: glp_get_status(raw))
        var termination = try Termination.fromSimplex(rc, status, presolve: options.presolve)
        if termination == .infeasibleOrUnbounded {
            // Presolve cannot tell infeasible from unbounded; ask primal simplex without it.
            parm.presolve = GLP_OFF
            parm.meth = GLP_PRIMAL
            if let milliseconds = budget?.milliseconds { parm.tm_lim = milliseconds }
            glp_std_basis(raw)
            let retry = simplex(&parm, budget: budget, options)
            status = GLPKStatus(rawValue: glp_get_status(raw))
            if retry == .success, let decided = try? Termination.fromSimplex(retry, status, presolve: false),
                decided == .infeasible || decided == .unbounded
            {
                termination = decided
            }
        }
        let iterations = Int(glp_get_it_cnt(raw))
        guard termination.hasSolution else {
            return SolveOutcome(termination: termination, iterations: iterations, nodes: 0)
        }
        let solution = simplexSolution()
        let isOptimal = termination == .optimal
        return SolveOutcome(
            termination: termination, solution: solution, bestBound: isOptimal ? solution.objectiveValue : nil,
            relativeGap: isOptimal ? 0 : nil, iterations: iterations, nodes: 0)
    }

    /// Runs `glp_simplex`; on a clock GLPK does not keep (``SolveBudget/milliseconds`` is `nil`),
    /// in slices of ``SolveBudget/iterationSlice`` iterations, each resumed from the basis the
    /// last reached, until the LP is done or the budget has passed (then `GLP_ETMLIM`).
    func simplex(_ parm: inout glp_smcp, budget: SolveBudget?, _ options: SolverOptions) -> GLPKReturnCode {
        var rc = GLPKReturnCode(rawValue: glp_simplex(raw, &parm))
        guard let budget, budget.milliseconds == nil, options.iterationLimit == nil else { return rc }
        while rc == .iterationLimit && !budget.hasPassed {
            rc = GLPKReturnCode(rawValue: glp_simplex(raw, &parm))
        }
        return rc == .iterationLimit ? .timeLimit : rc
    }

    func simplexParameters(_ options: SolverOptions, budget: SolveBudget? = nil) -> glp_smcp {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = Self.messageLevel(options)
        parm.meth = options.lpAlgorithm == .primalSimplex ? GLP_PRIMAL : GLP_DUALP
        parm.presolve = options.presolve ? GLP_ON : GLP_OFF
        if let budget {
            if let milliseconds = budget.milliseconds {
                parm.tm_lim = milliseconds
            } else if options.iterationLimit == nil {
                // slices resume from the basis reached, which the presolver would discard
                parm.it_lim = SolveBudget.iterationSlice
                parm.presolve = GLP_OFF
            }
        } else if let milliseconds = options.timeLimitMilliseconds {
            parm.tm_lim = milliseconds
        }
        if let iterations = options.iterationLimit { parm.it_lim = Int32(clamping: iterations) }
        return parm
    }

    private func simplexSolution() -> Solution {
        let m = Int(glp_get_num_rows(raw))
        let n = Int(glp_get_num_cols(raw))
        return Solution(
            objectiveValue: glp_get_obj_val(raw),
            values: (0..<n).map { glp_get_col_prim(raw, Self.glpkIndex($0)) },
            activities: (0..<m).map { glp_get_row_prim(raw, Self.glpkIndex($0)) },
            duals: (0..<m).map { glp_get_row_dual(raw, Self.glpkIndex($0)) },
            reducedCosts: (0..<n).map { glp_get_col_dual(raw, Self.glpkIndex($0)) })
    }

    private func solveInterior(_ options: SolverOptions) throws -> SolveOutcome {
        var parm = glp_iptcp()
        glp_init_iptcp(&parm)
        parm.msg_lev = Self.messageLevel(options)
        let rc = GLPKReturnCode(rawValue: glp_interior(raw, &parm))
        let status = GLPKStatus(rawValue: glp_ipt_status(raw))
        let termination = try Termination.fromInterior(rc, status)
        let iterations = Int(glp_get_it_cnt(raw))
        guard termination.hasSolution else {
            return SolveOutcome(termination: termination, iterations: iterations, nodes: 0)
        }
        let m = Int(glp_get_num_rows(raw))
        let n = Int(glp_get_num_cols(raw))
        let solution = Solution(
            objectiveValue: glp_ipt_obj_val(raw),
            values: (0..<n).map { glp_ipt_col_prim(raw, Self.glpkIndex($0)) },
            activities: (0..<m).map { glp_ipt_row_prim(raw, Self.glpkIndex($0)) },
            duals: (0..<m).map { glp_ipt_row_dual(raw, Self.glpkIndex($0)) },
            reducedCosts: (0..<n).map { glp_ipt_col_dual(raw, Self.glpkIndex($0)) })
        return SolveOutcome(
            termination: termination, solution: solution, bestBound: solution.objectiveValue, relativeGap: 0,
            iterations: iterations, nodes: 0)
    }

    // MARK: - MIP

    /// Solves the loaded MIP by branch-and-cut.
    ///
    /// The GLPK routine is `glp_intopt` (presolve on).
    ///
    /// With an initial solution or branching priorities, the root LP is solved first by `glp_simplex` (with presolve) and
    /// `glp_intopt` runs without its presolver: only then do the callback's column numbers match the
    /// model's, which `glp_ios_heur_sol` and `glp_ios_branch_upon` need.
    ///
    /// `budget` bounds every phase. `glp_intopt`'s presolver solves its root LP without any
    /// time limit (71–102 s for a 60 s limit on capacitated p-median MIPs), so with a limit the
    /// root LP is also solved first by `glp_simplex` with the time left (`tm_lim`); `glp_intopt`
    /// then gets the time left, and the callback stops the search when the limit passes or when
    /// the phase about to start (a cut round, a node's LP, a branching choice: GLPK cannot
    /// interrupt them) is expected to end past it (``SolveBudget``).
    func solveMIP(
        _ options: SolverOptions, initialValues: [Double]?, priorities: [Int]?,
        budget: SolveBudget? = nil
    ) throws -> SolveOutcome {
        let budget =
            budget ?? options.timeLimit.map { SolveBudget(clock: options.clock, start: options.clock.now(), limit: $0) }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = Self.messageLevel(options)
        parm.presolve = GLP_ON
        if let gap = options.relativeGap { parm.mip_gap = gap }
        if options.mipCuts {
            parm.gmi_cuts = GLP_ON
            parm.mir_cuts = GLP_ON
            parm.cov_cuts = GLP_ON
            parm.clq_cuts = GLP_ON
        }
        glp_scale_prob(raw, GLP_SF_AUTO)  // as glpsol does by default
        if initialValues != nil || priorities != nil || budget != nil {
            var lp = simplexParameters(options, budget: budget)
            lp.meth = GLP_DUALP
            // The LP presolver runs outside `tm_lim` (4 s on a 90,000-column p-median); under a
            // limit the simplex starts from the loaded basis instead, so the limit covers it all.
            if budget != nil { lp.presolve = GLP_OFF }
            let rootStart = budget?.now()
            let rc = simplex(&lp, budget: budget, options)
            if let budget, let rootStart { budget.rootLPTook(budget.now() - rootStart) }
            let status = GLPKStatus(rawValue: glp_get_status(raw))
            if !(rc == .success && status == .optimal) {
                let relaxation = try Termination.fromSimplex(rc, status, presolve: true)
                return SolveOutcome(
                    termination: Termination.forMIP(relaxation: relaxation),
                    iterations: Int(glp_get_it_cnt(raw)), nodes: 0)
            }
            parm.presolve = GLP_OFF
        }
        if let milliseconds = budget?.milliseconds { parm.tm_lim = milliseconds }
        let search = MIPSearchState(
            nodeLimit: options.nodeLimit, initialValues: initialValues, priorities: priorities, budget: budget)
        parm.cb_func = mipCallback
        parm.cb_info = Unmanaged.passUnretained(search).toOpaque()
        let rc = withExtendedLifetime(search) { GLPKReturnCode(rawValue: glp_intopt(raw, &parm)) }
        let status = GLPKStatus(rawValue: glp_mip_status(raw))
        let termination = try Termination.fromIntopt(rc, status, stop: search.stopReason)
        let iterations = Int(glp_get_it_cnt(raw))
        guard termination.hasSolution else {
            return SolveOutcome(
                termination: termination, bestBound: search.bestBound, iterations: iterations,
                nodes: search.nodes)
        }
        let m = Int(glp_get_num_rows(raw))
        let n = Int(glp_get_num_cols(raw))
        let objective = glp_mip_obj_val(raw)
        let solution = Solution(
            objectiveValue: objective,
            values: (0..<n).map { glp_mip_col_val(raw, Self.glpkIndex($0)) },
            activities: (0..<m).map { glp_mip_row_val(raw, Self.glpkIndex($0)) },
            duals: nil, reducedCosts: nil)
        var bound = search.bestBound
        if rc == .success {
            bound = objective  // the search space is exhausted: the incumbent is proven optimal
        } else if let captured = bound {
            // A node bound never beats the incumbent; clamp rounding noise in the proven direction.
            let isMinimize = glp_get_obj_dir(raw) == GLP_MIN
            bound = isMinimize ? min(captured, objective) : max(captured, objective)
        }
        return SolveOutcome(
            termination: termination, solution: solution, bestBound: bound,
            relativeGap: bound.map { SolveResult.gap(objective: objective, bound: $0) },
            iterations: iterations, nodes: search.nodes)
    }
}
