import SalesData

/// Calculates a period's credits, measurements, earnings and statements.
///
/// ```swift
/// let result = try CompCalculator().calculate(request)
/// result.statements.first?.total   // e.g. $5,200.00
/// ```
///
/// The calculation is a pure function of the ``CompRequest``: same request, same result, byte for
/// byte once written. Transactions are credited in chunks and people are calculated on all cores;
/// credits are ordered by person id with a counting sort and results by person id, so nothing depends
/// on the number of threads.
///
/// - Complexity: O(t + c·k) for t transactions of the plan year to date and c credits, with k the
///   number of components that read a credit: each component sums a person's credits per day once, and
///   every window, gate and year-cap month then reads those sums.
public struct CompCalculator: Sendable {
    public init() {}

    /// Calculates `request.period` for every person with a seat in it (or `request.only`).
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` for a person with no
    ///   plan, a missing quota, an amount that is not a finite number of cents.
    public func calculate(_ request: CompRequest) throws(IncentivesError) -> CompResult {
        let period = request.period
        let yearStart = CalendarDate(year: period.year, month: 1, day: 1) ?? period.first
        let index = try CreditIndex(request, from: yearStart)
        let masks = Self.masks(request, from: yearStart)

        if let only = request.only {
            let known = Set(request.people.map(\.id))
            if let unknown = only.sorted().first(where: { !known.contains($0) }) {
                throw .invalidInput(
                    file: "reps.csv", line: 0, column: 0, value: unknown.rawValue, expected: "a person of reps.csv")
            }
        }
        var jobs: [PersonCalculation] = []
        for (position, rep) in request.people.enumerated() where rep.status == .active {
            if let only = request.only, !only.contains(rep.id) { continue }
            guard let lastDay = Self.lastEmployedDay(rep, in: period) else { continue }
            let (plan, version) = try request.plans.plan(for: rep, on: lastDay, line: position + 2)
            jobs.append(
                PersonCalculation(
                    rep: rep, plan: plan, version: version, credits: index.credits(of: rep.id), request: request,
                    transactions: request.transactions, masks: masks))
        }
        let outcomes = try Self.run(jobs)
        var result = CompResult(
            period: period, credits: index.table, measurements: [], earnings: [], statements: [],
            uncredited: index.uncredited)
        for outcome in outcomes {
            result.measurements += outcome.measurements
            result.earnings += outcome.earnings
            result.statements.append(outcome.statement)
        }
        return result
    }

    /// One qualification mask per distinct component filter, over the request's transactions of the plan
    /// year to date, computed in parallel.
    static func masks(_ request: CompRequest, from start: CalendarDate) -> [String: [Bool]] {
        var components: [String: PlanComponent] = [:]
        for plan in request.plans.plans {
            for version in plan.versions {
                for component in version.components { components[PersonCalculation.filterKey(component)] = component }
            }
        }
        let keys = components.keys.sorted()
        let chosen = components
        let transactions = request.transactions
        let end = request.period.last
        let masks = ParallelMap.map(keys) { key in
            guard let component = chosen[key] else { return [Bool]() }
            return transactions.map { $0.date >= start && $0.date <= end && PersonCalculation.matches(component, $0) }
        }
        return Dictionary(uniqueKeysWithValues: zip(keys, masks))
    }

    /// The last day `rep` is employed in `period`, or `nil` when not employed in it.
    static func lastEmployedDay(_ rep: Rep, in period: CompPeriod) -> CalendarDate? {
        if let hire = rep.hireDate, hire > period.last { return nil }
        if let termination = rep.terminationDate {
            if termination <= period.first { return nil }
            if termination <= period.last { return termination.adding(days: -1) }
        }
        return period.last
    }

    /// Runs the people in parallel (each job is independent) and returns outcomes sorted by person.
    private static func run(_ jobs: [PersonCalculation]) throws(IncentivesError) -> [PersonOutcome] {
        let results = ParallelMap.map(jobs, chunks: 1_024) { job in
            Result { () throws(IncentivesError) in try job.run() }
        }
        var outcomes: [PersonOutcome] = []
        outcomes.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let outcome): outcomes.append(outcome)
            case .failure(let error): throw error
            }
        }
        return outcomes.sorted { $0.statement.person < $1.statement.person }
    }
}
