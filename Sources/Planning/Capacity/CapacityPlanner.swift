import LinearProgramming

/// Chooses monthly hires by role so each quarter's productive capacity covers the quota at least
/// expected cost: a small integer program over GLPK.
///
/// ```swift
/// let plan = try CapacityPlanner.plan(request)
/// print(plan.summary)   // termination optimal, cost 37.00, bound 37.00, gap 0.00 %, hires 1, nodes …
/// ```
///
/// **Model.** `h[r, s]` ≥ 0 integer: hires of role `r` whose first month in seat is `s`, for
/// `s = leadTimeMonths + 1 … M` (a decision in month `d` starts in `d + leadTimeMonths`). Attrition
/// is an **expected fractional loss**: of `n` sellers in seat in month `t`, `n (1 − a)` remain in
/// `t + 1`. Cohorts flow by tenure with that factor, so a hire starting in `s` is worth
/// `(1 − a)^(t − s) × ramp[t − s] × productivity` in month `t`, and a current cohort with `k` months
/// in seat is worth `n (1 − a)^(t − 1) × ramp[k + t − 1] × productivity`. Because the flow is linear,
/// the cohorts are folded into the coefficients of `h` instead of being separate variables; the
/// headcount stays fractional (an expectation), only the hires are whole. Quarter `q` requires
/// `Σ capacity ≥ quotaCoverage × quota[q]`. Cost: `costPerHire` per hire plus `costPerSellerMonth`
/// per expected seller-month through the end of the plan. Limits: hires per month per role, hires
/// per month over all roles, a budget on the hires' cost.
///
/// **Infeasible** plans are re-solved with one elastic (shortfall) variable per quarter, minimizing
/// the total shortfall, so the result names the quarters the quota cannot reach and by how much.
public enum CapacityPlanner {
    /// Validates the request, solves the hiring MIP, and (when infeasible) the elastic variant.
    ///
    /// - Returns: A ``CapacityPlan``; infeasibility and limit stops are results, not errors.
    /// - Throws: ``PlanningError`` for a bad request; LinearProgramming's errors when GLPK fails.
    /// - Complexity: `roles × months` integer variables, `quarters + months + 1` rows; solving is GLPK's.
    public static func plan(_ request: CapacityPlanRequest) throws -> CapacityPlan {
        try request.validate()
        return try solve(request, options: try request.solverOptions())
    }

    /// Solves a validated request with `options`.
    ///
    /// Tests use it to stop the solver before its first node (a zero time limit, which a request
    /// cannot ask for).
    static func solve(_ request: CapacityPlanRequest, options: SolverOptions) throws -> CapacityPlan {
        let model = HiringModel(request)
        let result = try model.model.solve(options: options)
        if let solution = result.solution {
            return model.plan(from: solution.values, result: result)
        }
        guard result.termination == .infeasible || result.termination == .infeasibleOrUnbounded else {
            return model.emptyPlan(result: result, quarters: [])
        }
        // Explain: the same model with a shortfall variable per quarter, minimizing total shortfall.
        let elastic = HiringModel(request, elastic: true)
        let explained = try elastic.model.solve(options: options)
        let quarters = explained.solution.map { elastic.quarters(values: $0.values) } ?? []
        return model.emptyPlan(result: result, quarters: quarters)
    }
}

/// The hiring MIP of one request, with the coefficient tables needed to read its solution.
struct HiringModel {
    let request: CapacityPlanRequest
    var model: Model
    /// `hires[r][s]`: the variable of role `r` starting in month index `s` (0-based), or nil when
    /// the lead time rules the month out.
    var hires: [[Variable?]]
    /// `currentCapacity[q]`: the current sellers' expected capacity in quarter `q`.
    let currentCapacity: [Double]
    let currentSellerCost: Double

    init(_ request: CapacityPlanRequest, elastic: Bool = false) {
        self.request = request
        let months = request.monthCount
        var model = Model(name: elastic ? "capacity_planning_elastic" : "capacity_planning")
        var hires = [[Variable?]]()
        for role in request.roles {
            let upper = role.maxHiresPerMonth.map(Double.init) ?? .infinity
            hires.append(
                (0..<months).map { s in
                    s < request.leadTimeMonths
                        ? nil
                        : model.addVariable("h[\(role.name),\(s + 1)]", upperBound: upper, kind: .integer)
                })
        }
        var current = [Double](repeating: 0, count: request.quarterlyQuota.count)
        var currentCost = 0.0
        for role in request.roles {
            for cohort in role.current {
                for t in 0..<months {
                    let survivors = cohort.count * Self.survival(role, months: t)
                    current[t / 3] +=
                        survivors * role.rampShare(monthInSeat: cohort.monthsInSeat + t) * role.monthlyProductivity
                    currentCost += survivors * role.costPerSellerMonth
                }
            }
        }
        self.currentCapacity = current
        self.currentSellerCost = currentCost
        var cost = LinearExpression()
        for (r, role) in request.roles.enumerated() {
            for s in 0..<months {
                if let h = hires[r][s] { cost.add(Self.costPerHire(role, start: s, months: months), h) }
            }
        }
        var shortfalls = [Variable]()
        for (q, quota) in request.quarterlyQuota.enumerated() {
            var capacity = LinearExpression()
            for (r, role) in request.roles.enumerated() {
                for s in 0..<months {
                    guard let h = hires[r][s] else { continue }
                    let worth = (3 * q..<3 * q + 3).reduce(0.0) { sum, t in sum + Self.worth(role, start: s, month: t) }
                    if worth > 0 { capacity.add(worth, h) }
                }
            }
            if elastic {
                shortfalls.append(model.addVariable("shortfall[\(q + 1)]"))
                capacity.add(1, shortfalls[q])
            }
            model.addConstraint(capacity >= request.quotaCoverage * quota - current[q], name: "cover[\(q + 1)]")
        }
        if let most = request.maxHiresPerMonth {
            for s in request.leadTimeMonths..<months {
                let row = LinearExpression.sum(hires.indices) { r in
                    hires[r][s].map { LinearExpression($0) } ?? LinearExpression()
                }
                model.addConstraint(row <= Double(most), name: "hiresPerMonth[\(s + 1)]")
            }
        }
        if let budget = request.hiringBudget { model.addConstraint(cost <= budget, name: "budget") }
        if elastic {
            model.minimize(LinearExpression.sum(shortfalls) { LinearExpression($0) })
        } else {
            cost.constant = currentCost
            model.minimize(cost)
        }
        self.model = model
        self.hires = hires
    }

    /// Share of a role's sellers still in seat `months` months later: `(1 − a)^months`.
    static func survival(_ role: CapacityPlanRequest.Role, months: Int) -> Double {
        var share = 1.0
        for _ in 0..<months { share *= 1 - role.monthlyAttrition }
        return share
    }

    /// Expected bookings in month index `month` of one hire starting in month index `start`.
    static func worth(_ role: CapacityPlanRequest.Role, start: Int, month: Int) -> Double {
        guard month >= start else { return 0 }
        return survival(role, months: month - start) * role.rampShare(monthInSeat: month - start)
            * role.monthlyProductivity
    }

    /// Cost of one hire starting in month index `start`: hire cost plus expected seller-months to the end.
    static func costPerHire(_ role: CapacityPlanRequest.Role, start: Int, months: Int) -> Double {
        role.costPerHire + role.costPerSellerMonth
            * (start..<months).reduce(0.0) { $0 + survival(role, months: $1 - start) }
    }

    /// Capacity against quota per quarter for the given variable values.
    func quarters(values: [Double]) -> [CapacityPlan.Quarter] {
        request.quarterlyQuota.enumerated().map { q, quota in
            var capacity = currentCapacity[q]
            for (r, role) in request.roles.enumerated() {
                for s in 0..<request.monthCount {
                    guard let h = hires[r][s] else { continue }
                    let count = values[h.index].rounded()
                    for t in 3 * q..<3 * q + 3 { capacity += count * Self.worth(role, start: s, month: t) }
                }
            }
            let required = request.quotaCoverage * quota
            let shortfall = required - capacity > 1e-6 * max(1, required) ? required - capacity : 0
            return CapacityPlan.Quarter(
                quarter: q + 1, quota: quota, required: required, capacity: capacity, shortfall: shortfall)
        }
    }

    /// The plan a solution describes.
    func plan(from values: [Double], result: SolveResult) -> CapacityPlan {
        var hireRows = [CapacityPlan.Hire]()
        var monthRows = [CapacityPlan.Month]()
        var hiringCost = 0.0
        let months = request.monthCount
        for (r, role) in request.roles.enumerated() {
            var counts = [Double](repeating: 0, count: months)
            for s in 0..<months {
                guard let h = hires[r][s] else { continue }
                counts[s] = values[h.index].rounded()
                guard counts[s] > 0 else { continue }
                hireRows.append(
                    .init(
                        role: role.name, decisionMonth: s + 1 - request.leadTimeMonths, startMonth: s + 1,
                        count: Int(exactly: counts[s]) ?? Int.max))
                hiringCost += counts[s] * Self.costPerHire(role, start: s, months: months)
            }
            for t in 0..<months {
                var headcount = 0.0
                var capacity = 0.0
                for cohort in role.current {
                    let survivors = cohort.count * Self.survival(role, months: t)
                    headcount += survivors
                    capacity +=
                        survivors * role.rampShare(monthInSeat: cohort.monthsInSeat + t) * role.monthlyProductivity
                }
                for s in 0...t where counts[s] > 0 {
                    headcount += counts[s] * Self.survival(role, months: t - s)
                    capacity += counts[s] * Self.worth(role, start: s, month: t)
                }
                monthRows.append(.init(role: role.name, month: t + 1, headcount: headcount, capacity: capacity))
            }
        }
        return CapacityPlan(
            termination: result.termination, totalCost: currentSellerCost + hiringCost, hiringCost: hiringCost,
            currentSellerCost: currentSellerCost, bestBound: result.bestBound, relativeGap: result.relativeGap,
            nodes: result.nodes, seconds: result.seconds, hires: hireRows, months: monthRows,
            quarters: quarters(values: values))
    }

    /// A plan without a solution (infeasible or stopped by a limit), with the elastic quarters if any.
    func emptyPlan(result: SolveResult, quarters: [CapacityPlan.Quarter]) -> CapacityPlan {
        CapacityPlan(
            termination: result.termination, totalCost: nil, hiringCost: nil, currentSellerCost: currentSellerCost,
            bestBound: result.bestBound, relativeGap: result.relativeGap, nodes: result.nodes, seconds: result.seconds,
            hires: [], months: [], quarters: quarters)
    }
}
