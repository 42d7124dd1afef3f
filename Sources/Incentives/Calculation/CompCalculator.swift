import SalesData

/// Calculates a period's credits, measurements, earnings and statements.
///
/// ```swift
/// let result = try CompCalculator().calculate(request)
/// result.statements.first?.total   // e.g. $5,200.00
/// ```
///
/// The calculation is a pure function of the ``CompRequest``: same request, same result, byte for
/// byte once written. People are independent, so they are calculated on all cores; results are then
/// ordered by person id.
///
/// - Complexity: O(t + c·k) for t transactions of the plan year to date and c credits, with k the
///   number of components that read a credit; year caps re-evaluate each earlier month of the year.
public struct CompCalculator: Sendable {
    public init() {}

    /// Calculates `request.period` for every person with a seat in it (or `request.only`).
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` for a person with no
    ///   plan, a missing quota, an amount that is not a finite number of cents.
    public func calculate(_ request: CompRequest) throws(IncentivesError) -> CompResult {
        let period = request.period
        let yearStart = CalendarDate(year: period.year, month: 1, day: 1) ?? period.first
        var cents = [Int64](repeating: 0, count: request.transactions.count)
        var credits: [Credit] = []
        var uncredited: [TransactionID] = []
        let assigner = CreditAssigner(alignment: request.alignment, people: request.people)
        for (index, transaction) in request.transactions.enumerated() {
            guard transaction.date >= yearStart, transaction.date <= period.last else { continue }
            guard let money = Money(exactly: transaction.amount), abs(money.cents) <= 1_000_000_000_000_000 else {
                throw .invalidInput(
                    file: "transactions.csv", line: index + 2, column: 7, value: "\(transaction.amount)",
                    expected: "a finite amount below 10^13")
            }
            cents[index] = money.cents
            let credited = assigner.credit(transaction, cents: money.cents, index: index, into: &credits)
            if !credited && transaction.date >= period.first { uncredited.append(transaction.id) }
        }
        let masks = Self.masks(request, from: yearStart)
        var creditsByPerson: [RepID: [Credit]] = [:]
        for credit in credits { creditsByPerson[credit.person, default: []].append(credit) }
        credits = []  // the per-person lists hold them now

        if let only = request.only {
            let known = Set(request.people.map(\.id))
            if let unknown = only.sorted().first(where: { !known.contains($0) }) {
                throw .invalidInput(
                    file: "reps.csv", line: 0, column: 0, value: unknown.rawValue, expected: "a person of reps.csv")
            }
        }
        var jobs: [PersonCalculation] = []
        for (index, rep) in request.people.enumerated() where rep.status == .active {
            if let only = request.only, !only.contains(rep.id) { continue }
            guard let lastDay = Self.lastEmployedDay(rep, in: period) else { continue }
            let (plan, version) = try request.plans.plan(for: rep, on: lastDay, line: index + 2)
            jobs.append(
                PersonCalculation(
                    rep: rep, plan: plan, version: version, credits: creditsByPerson[rep.id] ?? [], request: request,
                    transactions: request.transactions, masks: masks))
        }
        let outcomes = try Self.run(jobs)
        var result = CompResult(
            period: period, credits: [], measurements: [], earnings: [], statements: [], uncredited: uncredited)
        for outcome in outcomes {
            result.measurements += outcome.measurements
            result.earnings += outcome.earnings
            result.statements.append(outcome.statement)
        }
        for person in creditsByPerson.keys.sorted() {
            guard let own = creditsByPerson[person] else { continue }
            result.credits += own.filter { $0.date >= period.first }.sorted {
                ($0.transactionIndex, $0.kind) < ($1.transactionIndex, $1.kind)
            }
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
        let results = ParallelMap.map(jobs) { job in Result { () throws(IncentivesError) in try job.run() } }
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
