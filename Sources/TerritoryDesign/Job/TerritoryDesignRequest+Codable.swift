import Foundation
import LinearProgramming
import SalesData

extension MeasureSpec {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, tolerance, target, maximum }

    /// Decodes `{name, tolerance?, target?}`, `{name, maximum}` or the string forms
    /// `name:tol:target` and `name:max:LIMIT`.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            try self.init(parsing: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            tolerance: try c.decodeIfPresent(Double.self, forKey: .tolerance),
            target: try c.decodeIfPresent(BalanceTarget.self, forKey: .target) ?? .equal)
        if let maximum = try c.decodeIfPresent(Double.self, forKey: .maximum) {
            self.maximum = maximum
            target = .upperLimit
        }
    }
}

extension TerritoryDesignRequest: ValidatedRequest {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case accounts, territories, measures, tolerance, metric, weightMeasure, territoryColumn, lockedColumn
        case maxMovedShare, maxMovedValueShare, movePenalty, valueMeasure, adjacency, territoryCount, chooseCentres
        case relocateRounds, add, remove, workloadMeasure, centreServesItself, timeLimit, seed, workers, gap
    }

    /// Decodes a config (YAML or JSON); every absent key keeps the default of `TerritoryDesignRequest()`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        func read<T: Decodable>(_ key: CodingKeys, into value: inout T) throws {
            if let decoded = try c.decodeIfPresent(T.self, forKey: key) { value = decoded }
        }
        func read<T: Decodable>(_ key: CodingKeys, into value: inout T?) throws {
            if let decoded = try c.decodeIfPresent(T.self, forKey: key) { value = decoded }
        }
        try read(.accounts, into: &accounts)
        try read(.territories, into: &territories)
        try read(.measures, into: &measures)
        try read(.tolerance, into: &tolerance)
        try read(.metric, into: &metric)
        try read(.weightMeasure, into: &weightMeasure)
        try read(.territoryColumn, into: &territoryColumn)
        try read(.lockedColumn, into: &lockedColumn)
        try read(.maxMovedShare, into: &maxMovedShare)
        try read(.maxMovedValueShare, into: &maxMovedValueShare)
        try read(.movePenalty, into: &movePenalty)
        try read(.valueMeasure, into: &valueMeasure)
        try read(.adjacency, into: &adjacency)
        try read(.territoryCount, into: &territoryCount)
        try read(.chooseCentres, into: &chooseCentres)
        try read(.relocateRounds, into: &relocateRounds)
        try read(.add, into: &add)
        try read(.remove, into: &remove)
        try read(.workloadMeasure, into: &workloadMeasure)
        try read(.centreServesItself, into: &centreServesItself)
        try read(.timeLimit, into: &timeLimit)
        try read(.seed, into: &seed)
        try read(.workers, into: &workers)
        try read(.gap, into: &gap)
    }

    /// Every problem with the request's values, each naming its config key.
    public func problems() -> [any RequestKeyError] {
        var list: [TerritoryError] = []
        func check(_ ok: Bool, _ key: String, _ value: @autoclosure () -> String, _ expected: String) {
            if !ok { list.append(.invalidRequest(key: key, value: ErrorText.quoted(value()), expected: expected)) }
        }
        func share(_ value: Double?, _ key: String) {
            if let value { check(value.isFinite && (0...1).contains(value), key, "\(value)", "a share in 0...1") }
        }
        check(!accounts.isEmpty, "accounts", accounts, "the accounts CSV file")
        check(!territories.isEmpty, "territories", territories, "the territories CSV file")
        check(!measures.isEmpty, "measures", "[]", "at least one balance measure")
        check(tolerance.isFinite && tolerance >= 0, "tolerance", "\(tolerance)", "a finite number ≥ 0")
        var seen = Set<String>()
        for (i, measure) in measures.enumerated() {
            check(!measure.name.isEmpty, "measures[\(i)].name", measure.name, "a measure name")
            check(
                seen.insert(measure.name).inserted, "measures[\(i)].name", measure.name,
                "a name not used by another measure")
            if let t = measure.tolerance {
                check(t.isFinite && t >= 0, "measures[\(i)].tolerance", "\(t)", "a finite number ≥ 0")
            }
            if let maximum = measure.maximum {
                check(maximum.isFinite && maximum > 0, "measures[\(i)].maximum", "\(maximum)", "a finite limit > 0")
                check(
                    measure.tolerance == nil, "measures[\(i)].tolerance", "\(measure.tolerance ?? 0)",
                    "no tolerance on a measure with a maximum (it is one-sided)")
            } else {
                check(
                    measure.target != .upperLimit, "measures[\(i)].target", "max",
                    "equal, capacity or given (a one-sided measure gives maximum instead)")
            }
        }
        let names = measures.map(\.name)
        // with no measures yet (flags may give them), only `measures` itself is a problem
        for (key, name) in [
            ("weightMeasure", weightMeasure), ("valueMeasure", valueMeasure), ("workloadMeasure", workloadMeasure),
        ] where !measures.isEmpty {
            if let name {
                check(
                    names.contains(name), key, name,
                    "one of the measures (\(ErrorText.quoted(names.joined(separator: ", "))))")
            }
        }
        check(!territoryColumn.isEmpty, "territoryColumn", territoryColumn, "a column name")
        check(!lockedColumn.isEmpty, "lockedColumn", lockedColumn, "a column name")
        share(maxMovedShare, "maxMovedShare")
        share(maxMovedValueShare, "maxMovedValueShare")
        check(movePenalty.isFinite && movePenalty >= 0, "movePenalty", "\(movePenalty)", "a finite number ≥ 0")
        if let territoryCount { check(territoryCount >= 1, "territoryCount", "\(territoryCount)", "at least 1") }
        if let relocateRounds { check(relocateRounds >= 0, "relocateRounds", "\(relocateRounds)", "0 or more rounds") }
        check(add >= 0, "add", "\(add)", "0 or more territories")
        check(remove >= 0, "remove", "\(remove)", "0 or more territories")
        check(
            timeLimit.isFinite && timeLimit > 0 && timeLimit <= Deadline.maximumSeconds, "timeLimit", "\(timeLimit)",
            "seconds in (0, \(Int(Deadline.maximumSeconds))]")
        check(
            (1...Self.maximumWorkers).contains(workers), "workers", "\(workers)", "1...\(Self.maximumWorkers) workers")
        check(gap.isFinite && gap >= 0, "gap", "\(gap)", "a finite relative gap ≥ 0")
        return list
    }
}

extension TerritoryDesignJob {
    /// Runs the job from synchronous code (the CLI), blocking the calling thread until it ends.
    public func runBlocking(
        accounts table: ColumnTable? = nil, progress: (@Sendable (AlignmentProgress) -> Void)? = nil
    ) throws -> TerritoryPlan {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let job = self
        Task {
            do { box.set(.success(try await job.run(accounts: table, progress: progress))) } catch {
                box.set(.failure(error))
            }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.get()
    }
}

/// Hands a result from the solving task to the blocked caller.
///
/// `@unchecked Sendable` is safe: every access holds the lock, and the semaphore orders the single write before the single read.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<TerritoryPlan, any Error>?
    func set(_ r: Result<TerritoryPlan, any Error>) { lock.lock(); result = r; lock.unlock() }
    func get() throws -> TerritoryPlan {
        lock.lock(); defer { lock.unlock() }
        guard let result else { throw TerritoryError.invalidProblem("the solve ended without a result") }
        return try result.get()
    }
}
