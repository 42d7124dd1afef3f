import Foundation
import LinearProgramming
import SalesData
import TerritoryDesign

/// A solved p-median plan: the sites, the accounts, which site serves each account, and the
/// engine's report (termination, objective, proven bound and gap).
public struct PMedianPlan: Sendable {
    /// A place that may open as a centre (an account).
    public struct Site: Sendable, Hashable {
        public var id: String
        public var location: Location
        /// Capacity in demand units (`nil`: uncapacitated).
        public var capacity: Double?
    }

    /// The accounts, in file order.
    public var accounts: [AlignmentUnit]
    /// The candidate centres: the accounts, in file order.
    public var sites: [Site]
    /// The demand of each account (`nil`: uncapacitated).
    public var demand: [Double]?
    /// The travel weight of each account (1 without a weight measure).
    public var weights: [Double]
    /// The metric the costs were priced in.
    public var metric: DistanceMetric
    /// Why the engine stopped, the bound and the gap; its solution's indices are engine units.
    public var report: ExactPMedianReport
    /// The plan's termination (the report's).
    public var termination: Termination
    /// For each account, the index in ``sites`` of its centre (`nil` without a solution).
    public var centreOfAccount: [Int]?

    /// The opened sites, ascending (empty without a solution).
    public var openedSites: [Int] { Array(Set(centreOfAccount ?? [])).sorted() }
}

/// Runs a ``PMedianRequest``: the CLI's one library call.
///
/// Loads the accounts CSV, prices great-circle (or planar) distances, solves the p-median with
/// ``ExactPMedianSolver`` within the time limit (counted from the start of the run, loading
/// included) and returns the plan. Every account is a candidate centre.
///
/// ```swift
/// let plan = try PMedianJob(request: request).run()
/// try PMedianWriter(plan: plan).write(to: URL(fileURLWithPath: "out"))
/// ```
public struct PMedianJob: Sendable {
    public let request: PMedianRequest

    public init(request: PMedianRequest) { self.request = request }

    /// Validates, loads, solves.
    ///
    /// - Throws: ``TerritoryError/invalidRequest(key:value:expected:)`` for a bad setting (also a
    ///   count above the number of accounts), file errors located by file, line and column,
    ///   ``TerritoryError/invalidProblem(_:)`` for more accounts than the exact engine takes.
    public func run() throws -> PMedianPlan {
        let r = request
        try r.validate()
        let window = Deadline(limit: try Deadline.timeLimit(seconds: r.timeLimit, name: "timeLimit"))
        let accountsURL = URL(fileURLWithPath: r.accounts)
        var columns: [String] = []
        for name in [r.demand, r.weightMeasure, r.capacityColumn].compactMap({ $0 }) where !columns.contains(name) {
            columns.append(name)
        }
        let accounts = try AlignmentInput.units(from: accountsURL, measures: columns)
        let metric = try r.metric ?? (AlignmentInput.isGeographic(accountsURL) ? .haversineKilometres : .euclidean)
        func column(_ name: String?) -> [Double]? {
            guard let name, let k = columns.firstIndex(of: name) else { return nil }
            return accounts.map { $0.measures[k] }
        }
        let demand = column(r.demand)
        let weight = column(r.weightMeasure) ?? [Double](repeating: 1, count: accounts.count)
        let capacities = column(r.capacityColumn)
        let sites = accounts.enumerated().map { i, account in
            PMedianPlan.Site(id: account.id, location: account.location, capacity: capacities?[i] ?? r.capacity)
        }
        guard accounts.count <= PMedianRequest.maximumUnits else {
            throw TerritoryError.invalidProblem(
                "\(accounts.count) accounts; the exact engine takes at most \(PMedianRequest.maximumUnits) "
                    + "(use territories design --choose-centres)")
        }
        guard r.count <= accounts.count else {
            throw TerritoryError.invalidRequest(
                key: "count", value: "\(r.count)", expected: "at most the \(accounts.count) accounts")
        }
        let n = accounts.count
        var costs = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                costs[i * n + j] = weight[i] * metric.distance(accounts[i].location, accounts[j].location)
            }
        }
        let problem = try PMedianProblem(
            unitCount: n, costs: costs, centreCount: r.count, demand: demand,
            capacity: demand == nil ? nil : sites.map { $0.capacity ?? 0 }, centreServesItself: r.centreServesItself)
        // the solver gets what loading left of the limit
        let solver = ExactPMedianSolver(
            options: .init(timeLimit: max(window.remaining, .milliseconds(10)), seed: r.seed))
        let report = try solver.solve(problem)
        return PMedianPlan(
            accounts: accounts, sites: sites, demand: demand, weights: weight, metric: metric, report: report,
            termination: report.termination, centreOfAccount: report.solution?.assignment)
    }
}
