import Foundation

extension MeasureSpec {
    enum CodingKeys: String, CodingKey { case name, tolerance, target }

    /// Decodes `{name, tolerance?, target?}` (defaults ±5 %, equal) or the string form `name:tol:target`.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            try self.init(parsing: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), tolerance: try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? 0.05,
            target: try c.decodeIfPresent(BalanceTarget.self, forKey: .target) ?? .equal)
    }
}

extension TerritoryDesignRequest {
    enum CodingKeys: String, CodingKey {
        case accounts, territories, measures, metric, weightMeasure, territoryColumn, lockedColumn, maxMovedShare
        case maxMovedValueShare, movePenalty, valueMeasure, adjacency, territoryCount, chooseCentres, relocateRounds
        case add, remove, workloadMeasure, timeLimit, seed, workers, gap
    }

    /// Decodes a config (YAML or JSON) in which only `accounts`, `territories` and `measures` are
    /// required; every other key has the CLI's default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            accounts: try c.decodeIfPresent(String.self, forKey: .accounts) ?? "",
            territories: try c.decodeIfPresent(String.self, forKey: .territories) ?? "",
            measures: try c.decodeIfPresent([MeasureSpec].self, forKey: .measures) ?? [],
            metric: try c.decodeIfPresent(DistanceMetric.self, forKey: .metric),
            weightMeasure: try c.decodeIfPresent(String.self, forKey: .weightMeasure),
            territoryColumn: try c.decodeIfPresent(String.self, forKey: .territoryColumn) ?? "territory",
            lockedColumn: try c.decodeIfPresent(String.self, forKey: .lockedColumn) ?? "locked",
            maxMovedShare: try c.decodeIfPresent(Double.self, forKey: .maxMovedShare),
            maxMovedValueShare: try c.decodeIfPresent(Double.self, forKey: .maxMovedValueShare),
            movePenalty: try c.decodeIfPresent(Double.self, forKey: .movePenalty) ?? 0,
            valueMeasure: try c.decodeIfPresent(String.self, forKey: .valueMeasure),
            adjacency: try c.decodeIfPresent(String.self, forKey: .adjacency),
            territoryCount: try c.decodeIfPresent(Int.self, forKey: .territoryCount),
            chooseCentres: try c.decodeIfPresent(Bool.self, forKey: .chooseCentres) ?? false,
            relocateRounds: try c.decodeIfPresent(Int.self, forKey: .relocateRounds),
            add: try c.decodeIfPresent(Int.self, forKey: .add) ?? 0,
            remove: try c.decodeIfPresent(Int.self, forKey: .remove) ?? 0,
            workloadMeasure: try c.decodeIfPresent(String.self, forKey: .workloadMeasure),
            timeLimit: try c.decodeIfPresent(Double.self, forKey: .timeLimit) ?? 60,
            seed: try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1,
            workers: try c.decodeIfPresent(Int.self, forKey: .workers) ?? 2,
            gap: try c.decodeIfPresent(Double.self, forKey: .gap) ?? 1e-4)
    }
}

extension TerritoryDesignJob {
    /// Runs the job from synchronous code (the CLI), blocking the calling thread until it ends.
    public func runBlocking(progress: (@Sendable (AlignmentProgress) -> Void)? = nil) throws -> TerritoryPlan {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let job = self
        Task {
            do { box.set(.success(try await job.run(progress: progress))) } catch { box.set(.failure(error)) }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.get()
    }
}

/// Hands a result from the solving task to the blocked caller. `@unchecked Sendable` is safe: every
/// access holds the lock, and the semaphore orders the single write before the single read.
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
