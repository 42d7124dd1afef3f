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
    /// until `deadline` (`tm_lim`).
    func solveLP(_ options: SolverOptions, deadline: Deadline? = nil) throws -> SolveOutcome {
        if options.lpAlgorithm == .interiorPoint {
            return try solveInterior(options)
        }
        glp_scale_prob(raw, GLP_SF_AUTO)  // as glpsol does by default
        var parm = simplexParameters(options, deadline: deadline)
        let rc = GLPKReturnCode(rawValue: glp_simplex(raw, &parm))
        var status = GLPKStatus(rawValue: glp_get_status(raw))
        var termination = try Termination.fromSimplex(rc, status, presolve: options.presolve)
        if termination == .infeasibleOrUnbounded {
            // Presolve cannot tell infeasible from unbounded; ask primal simplex without it.
            parm.presolve = GLP_OFF
            parm.meth = GLP_PRIMAL
            if let deadline { parm.tm_lim = Self.milliseconds(until: deadline) }
            glp_std_basis(raw)
            let retry = GLPKReturnCode(rawValue: glp_simplex(raw, &parm))
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

    /// Whole milliseconds left in `deadline` (at least 1, so GLPK starts and then reports the
    /// limit), clamped to GLPK's `int` range.
    static func milliseconds(until deadline: Deadline) -> Int32 {
        max(1, SolverOptions.milliseconds(deadline.remaining))
    }

    func simplexParameters(_ options: SolverOptions, deadline: Deadline? = nil) -> glp_smcp {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = Self.messageLevel(options)
        parm.meth = options.lpAlgorithm == .primalSimplex ? GLP_PRIMAL : GLP_DUALP
        parm.presolve = options.presolve ? GLP_ON : GLP_OFF
        if let deadline {
            parm.tm_lim = Self.milliseconds(until: deadline)
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
    /// `deadline` bounds every phase. `glp_intopt`'s presolver solves its root LP without any
    /// time limit (71–102 s for a 60 s limit on capacitated p-median MIPs), so with a deadline the
    /// root LP is also solved first by `glp_simplex` with the time left (`tm_lim`); `glp_intopt`
    /// then gets the time left, and the callback stops the search when the deadline passes
    /// mid-node (GLPK itself checks `tm_lim` only between nodes).
    func solveMIP(
        _ options: SolverOptions, initialValues: [Double]?, priorities: [Int]?,
        deadline: Deadline? = nil
    ) throws -> SolveOutcome {
        let deadline = deadline ?? options.timeLimit.map { Deadline(limit: $0) }
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
        if initialValues != nil || priorities != nil || deadline != nil {
            var lp = simplexParameters(options, deadline: deadline)
            lp.meth = GLP_DUALP
            // The LP presolver runs outside `tm_lim` (4 s on a 90,000-column p-median); under a
            // deadline the simplex starts from the loaded basis instead, so the limit covers it all.
            if deadline != nil { lp.presolve = GLP_OFF }
            let rc = GLPKReturnCode(rawValue: glp_simplex(raw, &lp))
            let status = GLPKStatus(rawValue: glp_get_status(raw))
            if !(rc == .success && status == .optimal) {
                let relaxation = try Termination.fromSimplex(rc, status, presolve: true)
                return SolveOutcome(
                    termination: Termination.forMIP(relaxation: relaxation),
                    iterations: Int(glp_get_it_cnt(raw)), nodes: 0)
            }
            parm.presolve = GLP_OFF
        }
        if let deadline { parm.tm_lim = Self.milliseconds(until: deadline) }
        let search = MIPSearchState(
            nodeLimit: options.nodeLimit, initialValues: initialValues, priorities: priorities, deadline: deadline)
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
