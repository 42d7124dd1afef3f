import Foundation
import SalesData

/// A designed plan: the problem as solved (after peel and grow), the alignment, and each unit's
/// territory before the run.
public struct TerritoryPlan: Sendable {
    public var problem: AlignmentProblem
    public var alignment: Alignment
    /// Territory id of each unit before the run (also for units of closed territories).
    public var originalTerritories: [String?]
    /// Territories opened and closed by peel and grow.
    public var opened: [String]
    public var closed: [String]
    /// Today's alignment measured as a plan is (the "before" of the report), over the problem as
    /// loaded, before peel and grow; `nil` when no unit has a current territory.
    public var current: CurrentAlignment? = nil
}

/// Runs a ``TerritoryDesignRequest``: loads the CSVs, builds the problem, applies peel and grow,
/// aligns, and returns the plan (the CLI's one library call).
///
/// ```swift
/// let plan = try await TerritoryDesignJob(request: request).run()
/// try AlignmentWriter(plan: plan).write(to: URL(fileURLWithPath: "out"))
/// ```
public struct TerritoryDesignJob: Sendable {
    public let request: TerritoryDesignRequest

    public init(request: TerritoryDesignRequest) { self.request = request }

    /// Validates the request and builds the problem from its files, before peel and grow.
    ///
    /// - Throws: ``TerritoryError/invalidRequest(key:value:expected:)`` naming the key of a bad
    ///   setting; file errors located by file and line.
    public func problem() throws -> AlignmentProblem {
        try problem(accounts: nil)
    }

    /// ``problem()`` over an accounts table already in memory (`nil` reads ``TerritoryDesignRequest/accounts``).
    ///
    /// A plan hands its accounts here with step outputs (scores, derived workloads) as columns, so
    /// any of them can be a balance measure.
    public func problem(accounts table: ColumnTable?) throws -> AlignmentProblem {
        let r = request
        try r.validate()
        let names = r.measures.map(\.name)
        func index(_ name: String?, _ role: String) throws -> Int? {
            guard let name else { return nil }
            guard let k = names.firstIndex(of: name) else {
                throw TerritoryError.invalidProblem("\(role) \(name) is not one of the measures \(names)")
            }
            return k
        }
        let accountsURL = URL(fileURLWithPath: r.accounts), territoriesURL = URL(fileURLWithPath: r.territories)
        let accounts = try table ?? ColumnTable(contentsOf: accountsURL)
        let units = try AlignmentInput.units(
            from: accounts, measures: names, territoryColumn: r.territoryColumn,
            lockedColumn: r.lockedColumn)
        let territories = try AlignmentInput.territories(from: territoriesURL, measures: names)
        let geographic = try AlignmentInput.isGeographic(accounts)
        let metric = r.metric ?? (geographic ? .haversineKilometres : .euclidean)
        let disruption = DisruptionBudget(
            maxMovedAccountShare: r.maxMovedShare, maxMovedValueShare: r.maxMovedValueShare,
            penaltyPerMovedValue: r.movePenalty, valueMeasure: try index(r.valueMeasure, "value measure") ?? 0)
        let adjacency = try r.adjacency.map {
            try AlignmentInput.adjacency(from: URL(fileURLWithPath: $0), unitIDs: units.map(\.id))
        }
        var policy = CentrePolicy.fixed
        if r.chooseCentres {
            let count = r.territoryCount ?? territories.count
            // Every candidate holding a locked account must open: a smaller count is a bad setting.
            let lockedCentres = Set(units.filter(\.locked).compactMap(\.currentTerritory)).sorted()
            if lockedCentres.count > count {
                throw TerritoryError.invalidRequest(
                    key: "territoryCount", value: "\(count)",
                    expected: "at least \(lockedCentres.count): the candidates holding locked accounts ("
                        + ErrorText.quoted(lockedCentres.prefix(5).joined(separator: ", "))
                        + (lockedCentres.count > 5 ? ", …" : "") + ") all open")
            }
            policy = .choose(count: count)
        } else if let rounds = r.relocateRounds {
            policy = .relocate(rounds: rounds)
        }
        return AlignmentProblem(
            units: units, territories: territories,
            measures: r.balanceMeasures,
            metric: metric, compactnessMeasure: try index(r.weightMeasure, "weight measure"), disruption: disruption,
            adjacency: adjacency, centrePolicy: policy)
    }

    /// Loads, applies peel and grow, aligns.
    public func run(
        accounts table: ColumnTable? = nil, progress: (@Sendable (AlignmentProgress) -> Void)? = nil
    ) async throws -> TerritoryPlan {
        var problem = try problem(accounts: table)
        try problem.validate()
        let original = problem.units.map(\.currentTerritory)
        let current = AlignmentReport.current(of: problem)
        var opened: [String] = [], closed: [String] = []
        if request.add > 0 || request.remove > 0 {
            let names = problem.measures.map(\.name)
            let workload = request.workloadMeasure.flatMap { names.firstIndex(of: $0) } ?? (names.count - 1)
            let change = try PeelAndGrow(workloadMeasure: workload).apply(
                to: problem, add: request.add, remove: request.remove)
            problem = change.problem
            opened = change.opened
            closed = change.closed
        }
        var options = AlignmentOptions(
            timeLimit: request.timeLimit, seed: request.seed, targetGap: request.gap, workers: request.workers,
            progress: progress)
        options.centreServesItself = request.centreServesItself
        var alignment = try await TerritoryAligner(options: options).align(problem)
        // Peel and grow placed or dropped centres by a rule, so the bound holds for its centres only.
        if !opened.isEmpty || !closed.isEmpty { alignment.restrictBoundToGivenCentres() }
        return TerritoryPlan(
            problem: problem, alignment: alignment, originalTerritories: original, opened: opened, closed: closed,
            current: current)
    }
}
