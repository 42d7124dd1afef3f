import LinearProgramming

/// A progress report during a long solve, for a stderr progress line.
public struct AlignmentProgress: Sendable, Hashable {
    /// The phase: `"bound"`, `"repair"`, `"improve"`, `"relocate"`, `"exact"`.
    public var phase: String
    /// Best feasible objective so far, if any.
    public var incumbent: Double?
    /// Best lower bound so far.
    public var bound: Double
    /// Seconds since the solve started.
    public var elapsed: Double

    /// The relative gap, when an incumbent exists.
    public var gap: Double? {
        guard let incumbent else { return nil }
        return incumbent > 0 ? max(0, (incumbent - bound) / incumbent) : 0
    }
}

/// Knobs of the alignment solver.
///
/// ```swift
/// var options = AlignmentOptions(timeLimit: 10, seed: 7)
/// options.targetGap = 0.002
/// ```
public struct AlignmentOptions: Sendable {
    /// Wall-clock limit in seconds for the whole solve, validation and report included.
    ///
    /// When no alignment is found, explaining why (an elastic LP) takes at most ``explanationTimeLimit`` more.
    public var timeLimit: Double
    /// Seed for every randomized step (move order, perturbations).
    ///
    /// Phases end on iteration counts and convergence, so the same seed gives the same alignment whenever the time
    /// limit is not reached.
    public var seed: UInt64
    /// Stop once `(objective − bound) / objective` is at most this.
    public var targetGap: Double
    /// Number of parallel workers for the dense bound computation (1 = sequential).
    public var workers: Int
    /// Largest number of bound (subgradient) iterations.
    public var maxBoundIterations: Int
    /// Candidate territories per unit kept for moves (nearest in reduced cost plus nearest in distance).
    public var candidatesPerUnit: Int
    /// Territories per region when a large instance is solved region by region (more than three
    /// regions' worth of territories); 0 solves every instance whole.
    public var regionSize: Int
    /// Called from the solving task with progress, at most every ``progressInterval`` seconds.
    public var progress: (@Sendable (AlignmentProgress) -> Void)?
    /// Seconds between progress reports.
    public var progressInterval: Double
    /// Whether an opened centre serves itself: a unit whose id is a territory's id (a candidate
    /// centre on an account, a rep's home-base account) is held in that territory whenever it
    /// opens (the p-median convention).
    ///
    /// Such a unit must have no other current territory.
    public var centreServesItself = false

    /// Creates options.
    public init(
        timeLimit: Double = 60, seed: UInt64 = 1, targetGap: Double = 1e-4, workers: Int = 2,
        maxBoundIterations: Int = 4_000, candidatesPerUnit: Int = 12, regionSize: Int = 50,
        progress: (@Sendable (AlignmentProgress) -> Void)? = nil, progressInterval: Double = 1
    ) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.targetGap = targetGap
        self.workers = workers
        self.maxBoundIterations = maxBoundIterations
        self.candidatesPerUnit = candidatesPerUnit
        self.regionSize = regionSize
        self.progress = progress
        self.progressInterval = progressInterval
    }

    /// Time the infeasibility explanation may take after a failed solve: a tenth of the time
    /// limit, between 1 and 30 seconds.
    public var explanationTimeLimit: Duration { .seconds(timeLimit.isNaN ? 1 : min(30, max(1, 0.1 * timeLimit))) }

    /// The time limit as a `Duration`, validated by `Deadline.timeLimit(seconds:name:)`.
    ///
    /// - Throws: ``TerritoryError/invalidProblem(_:)`` for NaN, ≤ 0 or absurdly large limits.
    public func validatedTimeLimit() throws -> Duration {
        do { return try Deadline.timeLimit(seconds: timeLimit, name: "timeLimit") } catch {
            throw TerritoryError.invalidProblem("\(error)")
        }
    }

    /// Checks the settings a user can give: time limit, gap and workers.
    ///
    /// - Throws: ``TerritoryError/invalidProblem(_:)`` naming the setting and the value expected.
    public func validate() throws {
        _ = try validatedTimeLimit()
        guard targetGap >= 0, targetGap.isFinite else {
            throw TerritoryError.invalidProblem("gap = \(targetGap) is invalid; expected a finite number ≥ 0")
        }
        guard workers >= 1 else {
            throw TerritoryError.invalidProblem("workers = \(workers) is invalid; expected at least 1")
        }
    }
}
