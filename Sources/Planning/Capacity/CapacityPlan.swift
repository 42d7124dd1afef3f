import LinearProgramming

/// The answer of ``CapacityPlanner``: why the solve stopped, and the hires, headcount and capacity
/// it holds.
///
/// ```swift
/// let plan = try CapacityPlanner.plan(request)
/// switch plan.termination {
/// case .optimal, .feasible: print(plan.hires, plan.totalCost ?? 0)
/// case .infeasible: print(plan.shortfalls)        // which quarter misses, by how much
/// default: print(plan.summary)
/// }
/// ```
///
/// Invariants: `hires`, `months` and `totalCost` are non-empty / non-nil exactly when
/// `termination.hasSolution`; `shortfalls` is non-empty only when `termination == .infeasible`.
public struct CapacityPlan: Sendable, Hashable {
    /// Hires of one role starting in one month.
    public struct Hire: Sendable, Hashable {
        /// The role.
        public let role: String
        /// Plan month (1-based) in which the hire is decided (start month − lead time).
        public let decisionMonth: Int
        /// Plan month (1-based) of the hires' first month in seat.
        public let startMonth: Int
        /// Number of hires (a whole number).
        public let count: Int
    }

    /// One role in one month: expected headcount and productive capacity.
    public struct Month: Sendable, Hashable {
        /// The role.
        public let role: String
        /// Plan month, 1-based.
        public let month: Int
        /// Expected sellers in seat (current plus hired, less expected attrition; fractional).
        public let headcount: Double
        /// Expected bookings capacity: Σ sellers × ramp share × productivity.
        public let capacity: Double
    }

    /// One quarter: quota, required capacity (quota × coverage) and planned capacity.
    public struct Quarter: Sendable, Hashable {
        /// Quarter, 1-based.
        public let quarter: Int
        /// The quota of the quarter.
        public let quota: Double
        /// The capacity the plan must reach: quota × `quotaCoverage`.
        public let required: Double
        /// Productive capacity of the plan (of the elastic plan when infeasible).
        public let capacity: Double
        /// `max(0, required − capacity)`; positive only in an infeasible plan's quarters.
        public let shortfall: Double
    }

    /// Why the solve stopped; never `optimal` when a limit stopped it.
    public let termination: Termination
    /// Total expected cost: current sellers' seller-months plus hires' costs, when a plan is held.
    public let totalCost: Double?
    /// The part of ``totalCost`` the hires cause (hire costs and their seller-months).
    public let hiringCost: Double?
    /// Expected seller-month cost of the sellers already in seat (a constant of the model).
    public let currentSellerCost: Double
    /// The best proven lower bound on ``totalCost``.
    public let bestBound: Double?
    /// `|cost − bound| / max(|cost|, 1e-9)`.
    public let relativeGap: Double?
    /// Branch-and-bound nodes.
    public let nodes: Int
    /// Solver seconds.
    public let seconds: Double
    /// Non-zero hires, by role then start month.
    public let hires: [Hire]
    /// Expected headcount and capacity by role and month.
    public let months: [Month]
    /// Capacity against quota per quarter (from the elastic plan when infeasible).
    public let quarters: [Quarter]
    /// Quarters the quota cannot reach under the lead time, hiring limits and budget.
    ///
    /// They come from an elastic re-solve minimizing the total shortfall. Empty unless infeasible.
    public var shortfalls: [Quarter] { quarters.filter { $0.shortfall > 0 } }

    /// One line: termination, cost, bound, gap, hires, time; or the shortfalls.
    public var summary: String {
        var parts = ["termination \(termination)"]
        if let totalCost { parts.append("cost \(fixed(totalCost))") }
        if let bestBound { parts.append("bound \(fixed(bestBound))") }
        if let relativeGap { parts.append("gap \(fixed(relativeGap * 100)) %") }
        if termination.hasSolution { parts.append("hires \(hires.reduce(0) { $0 + $1.count })") }
        for q in shortfalls {
            parts.append(
                "Q\(q.quarter) short by \(fixed(q.shortfall)) (capacity \(fixed(q.capacity)) < \(fixed(q.required)))")
        }
        parts.append("nodes \(nodes)")
        return parts.joined(separator: ", ")
    }
}

/// Two decimals, locale-free, never trapping.
func fixed(_ x: Double) -> String {
    guard x.isFinite, abs(x) < 1e15 else { return "\(x)" }
    let cents = (x * 100).rounded()
    let sign = cents < 0 ? "-" : ""
    let whole = Int64(abs(cents)) / 100
    let frac = Int64(abs(cents)) % 100
    return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
}
