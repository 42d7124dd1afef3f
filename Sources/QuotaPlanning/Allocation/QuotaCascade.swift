import LinearProgramming

/// The top-down quota cascade: the company target is split level by level down a hierarchy of any
/// depth, each parent's number (times its over-assignment) going to its children through one small
/// LP per sibling group (``SiblingAllocation``).
///
/// ```swift
/// var config = QuotaPlanConfiguration(target: 50_000_000)
/// config.basis = try BasisBlend(parsing: "history:0.5,potential:0.5")
/// config.overAssignment = [0.10]
/// let plan = try QuotaCascade(hierarchy: tree, configuration: config).allocate()
/// print(plan.assignment("R-east")?.quota ?? 0)
/// ```
/// Sibling groups of one level are independent; ``allocateConcurrently()`` solves them in a task
/// group, each GLPK problem created, solved and freed inside one synchronous call.
/// - Complexity: one LP per parent, each with 3n + 1 columns and 2n + 1 rows for n children.
public struct QuotaCascade: Sendable {
    public let hierarchy: QuotaHierarchy
    public let configuration: QuotaPlanConfiguration
    /// Options for every group's LP (GLPK stays silent unless `verbose`).
    public var solverOptions: SolverOptions
    let profiles: [SeatProfile]
    /// Every seat's sales distribution under the fairness model, by node index (`nil` for units).
    let salesDistributions: [SalesDistribution?]
    /// The plan-wide equal-probability split.
    ///
    /// The targets under `fairness.method: equal-probability`, and in every mode the reference the report compares the cascade's pools with. `nil` when no
    /// seat has expected sales.
    let planWide: PlanWideEqualProbability?

    /// Validates the configuration against the hierarchy.
    ///
    /// - Throws: ``QuotaError`` for an invalid value or an override naming an unknown node.
    public init(
        hierarchy: QuotaHierarchy, configuration: QuotaPlanConfiguration, solverOptions: SolverOptions = SolverOptions()
    )
        throws(QuotaError)
    {
        try configuration.validate()
        for id in configuration.overrides.keys.sorted() where hierarchy.node(id) == nil {
            throw .invalidValue(field: "override", value: id.rawValue, expected: "the id of a node in the hierarchy")
        }
        try Self.checkMagnitudes(hierarchy: hierarchy, configuration: configuration)
        self.hierarchy = hierarchy
        self.configuration = configuration
        self.solverOptions = solverOptions
        let profiles = SeatProfile.profiles(for: hierarchy, configuration: configuration)
        let distributions = SalesDistribution.seatDistributions(
            hierarchy: hierarchy, profiles: profiles, settings: configuration.fairness)
        self.profiles = profiles
        self.salesDistributions = distributions
        var planWide: PlanWideEqualProbability? = nil
        if distributions.contains(where: { ($0?.mean ?? 0) > 0 }) {
            var lower = [Double](repeating: 0, count: distributions.count)
            var upper = [Double](repeating: .infinity, count: distributions.count)
            for i in distributions.indices {
                guard let bounds = profiles[i].growthBase?.bounds(configuration) else { continue }
                lower[i] = bounds.lower ?? 0
                upper[i] = bounds.upper ?? .infinity
            }
            planWide = PlanWideEqualProbability(
                .init(
                    hierarchy: hierarchy, configuration: configuration, distributions: distributions, lower: lower,
                    upper: upper))
        }
        self.planWide = planWide
    }

    /// The largest pool the cascade can build (the target or the largest override, grown by every
    /// level's over-assignment down the tree) must stay within
    /// ``QuotaPlanConfiguration/largestAmount`` and within ``QuotaPlanConfiguration/largestUnitCount``
    /// rounding units, so that no amount overflows on its way to the seats.
    static func checkMagnitudes(hierarchy: QuotaHierarchy, configuration c: QuotaPlanConfiguration) throws(QuotaError) {
        var largest = max(c.target, c.overrides.values.max() ?? 0)
        for level in 0..<max(hierarchy.depth, 1) { largest *= 1 + max(0, c.overAssignment(atLevel: level)) }
        let field = "target × over-assignment over \(hierarchy.depth) levels"
        if !(largest <= QuotaPlanConfiguration.largestAmount) {
            throw .invalidValue(
                field: field, value: largest.formatted2,
                expected: "at most \(QuotaPlanConfiguration.largestAmount.formatted2): "
                    + "lower the target or the over-assignment")
        }
        if !(largest / c.roundingUnit <= QuotaPlanConfiguration.largestUnitCount) {
            throw .invalidValue(
                field: "roundingUnit", value: "\(c.roundingUnit)",
                expected: "at least \((largest / QuotaPlanConfiguration.largestUnitCount).formatted2) "
                    + "for pools up to \(largest.formatted2)")
        }
    }

    /// Allocates every level in turn, one sibling group after another.
    public func allocate() throws(QuotaError) -> QuotaPlan {
        var state = CascadeState(cascade: self)
        for parents in parentsByLevel() {
            for parent in parents {
                state.record(try allocateGroup(parent: parent, quota: state.quota[parent]))
            }
        }
        return state.plan()
    }

    /// Allocates every level in turn, solving the sibling groups of a level concurrently.
    public func allocateConcurrently() async throws(QuotaError) -> QuotaPlan {
        var state = CascadeState(cascade: self)
        for parents in parentsByLevel() {
            let quotas = parents.map { state.quota[$0] }
            // Each task returns its result, so the first failure by node order is reported,
            // whatever order the tasks finish in.
            let results = await withTaskGroup(of: (Int, Result<GroupOutcome, QuotaError>).self) { group in
                for (parent, quota) in zip(parents, quotas) {
                    group.addTask {
                        do throws(QuotaError) {
                            return (parent, .success(try self.allocateGroup(parent: parent, quota: quota)))
                        } catch {
                            return (parent, .failure(error))
                        }
                    }
                }
                var collected: [(Int, Result<GroupOutcome, QuotaError>)] = []
                for await result in group { collected.append(result) }
                return collected.sorted { $0.0 < $1.0 }
            }
            var outcomes: [GroupOutcome] = []
            for (_, result) in results { outcomes.append(try result.get()) }
            for outcome in outcomes.sorted(by: { $0.parent < $1.parent }) { state.record(outcome) }
        }
        return state.plan()
    }

    /// Indices of nodes with children, grouped by level, root level first.
    func parentsByLevel() -> [[Int]] {
        var byLevel = [[Int]](repeating: [], count: hierarchy.depth + 1)
        for i in hierarchy.nodes.indices where !hierarchy.childIndices(of: i).isEmpty {
            byLevel[hierarchy.level(at: i)].append(i)
        }
        return byLevel.filter { !$0.isEmpty }
    }
}
