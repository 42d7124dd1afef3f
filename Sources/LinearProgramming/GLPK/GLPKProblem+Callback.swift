internal import CGLPK

/// Mutable state of one branch-and-cut search, shared with GLPK's callback through `cb_info`.
///
/// Lives on the solving thread for the duration of one `glp_intopt` call.
final class MIPSearchState {
    /// Why the callback asked GLPK to stop.
    enum StopReason { case nodes, time, interrupted }

    let nodeLimit: Int?
    /// The whole solve's time limit, checked at every callback (GLPK checks `tm_lim` only between
    /// nodes, so a long cut round or node would overrun it), with the cost of each phase between
    /// callbacks.
    let budget: SolveBudget?
    /// Column values with slot 0 unused, offered once through `glp_ios_heur_sol`.
    let initialValues: [Double]?
    private(set) var stopReason: StopReason?
    /// The best bound over active nodes, as last seen by the callback.
    private(set) var bestBound: Double?
    /// Distinct subproblems seen as the current node.
    private(set) var nodes = 0
    /// Whether GLPK accepted the initial solution as its incumbent.
    private(set) var initialSolutionAccepted = false
    private var offeredInitialSolution = false
    private var lastNode: Int32 = 0
    /// The reason and clock reading of the previous callback (the phase since then has ended).
    private var lastCallback: (reason: Int32, reading: Duration)?

    /// Branching priority per column, slot 0 unused.
    let priorities: [Int]?

    init(nodeLimit: Int?, initialValues: [Double]?, priorities: [Int]?, budget: SolveBudget?) {
        self.nodeLimit = nodeLimit
        self.budget = budget
        self.initialValues = initialValues.map { [0] + $0 }
        self.priorities = priorities.map { [0] + $0 }
    }

    /// Branches on the fractional column with the highest positive priority, most fractional first.
    private func branchByPriority(_ tree: OpaquePointer, _ priorities: [Int]) {
        guard let problem = glp_ios_get_prob(tree) else { return }
        var chosen: Int32 = 0
        var chosenPriority = 0
        var chosenFraction = 0.0
        for j in 1..<priorities.count where priorities[j] > 0 && priorities[j] >= chosenPriority {
            let column = Int32(j)
            guard glp_ios_can_branch(tree, column) != 0 else { continue }
            let value = glp_get_col_prim(problem, column)
            let fraction = abs(value - value.rounded())
            if priorities[j] > chosenPriority || fraction > chosenFraction {
                chosen = column
                chosenPriority = priorities[j]
                chosenFraction = fraction
            }
        }
        if chosen != 0 {
            glp_ios_branch_upon(tree, chosen, GLP_NO_BRNCH)
        }
    }

    /// Called by GLPK at every callback reason.
    func observe(_ tree: OpaquePointer) {
        let current = glp_ios_curr_node(tree)
        if current != 0 && current != lastNode {
            lastNode = current
            nodes += 1
        }
        let best = glp_ios_best_node(tree)
        if best != 0 {
            let bound = glp_ios_node_bound(tree, best)
            if abs(bound) < 1e300 { bestBound = bound }
        }
        let reason = glp_ios_reason(tree)
        if let budget {
            let reading = budget.now()
            if let lastCallback { budget.phase(after: lastCallback.reason, took: reading - lastCallback.reading) }
            lastCallback = (reason, reading)
        }
        if reason == GLP_IHEUR, !offeredInitialSolution, let initialValues {
            offeredInitialSolution = true
            initialSolutionAccepted =
                initialValues.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
        }
        if reason == GLP_IBRANCH, let priorities {
            branchByPriority(tree, priorities)
        }
        if stopReason == nil {
            if Task.isCancelled {
                stopReason = .interrupted
            } else if let budget, budget.hasPassed || budget.phaseWouldOverrun(after: reason) {
                // stopping now keeps the limit; the phase GLPK would start next could not be stopped
                stopReason = .time
            } else if let nodeLimit, reason == GLP_ISELECT, nodes >= nodeLimit {
                stopReason = .nodes
            }
            if stopReason != nil { glp_ios_terminate(tree) }
        }
    }
}

/// GLPK's branch-and-cut callback (`glp_iocp.cb_func`); `info` is the unretained ``MIPSearchState``.
let mipCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    Unmanaged<MIPSearchState>.fromOpaque(info).takeUnretainedValue().observe(tree)
}
