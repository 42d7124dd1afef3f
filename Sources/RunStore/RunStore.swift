/// Where plan runs and scenario batches are recorded: SQLite (one file, the default) or PostgreSQL
/// (one server that many machines write).
///
/// Both backends keep the same schema, created and upgraded by ``migrate()``. Every method is one
/// transaction: a run killed mid-write leaves the store as it was.
public protocol RunStore: Sendable {
    /// Creates or upgrades the schema; idempotent.
    func migrate() async throws
    /// Stores a finished run. Recording the same ``RunRecord/id`` twice is an error.
    func record(_ run: RunRecord) async throws
    /// The most recent runs first, at most `limit` of them (all when `nil`).
    func runs(limit: Int?) async throws -> [RunRecord]
    /// The run with this id, or `nil`.
    func run(id: String) async throws -> RunRecord?
    /// Atomically claims a scenario of a batch for one worker. Returns `false` when the scenario is
    /// already completed, or claimed by a worker whose claim is younger than `staleAfterSeconds`
    /// (a killed worker's claim expires, so a resumed batch redoes only unfinished scenarios).
    func claimScenario(batch: String, scenario: String, worker: String, staleAfterSeconds: Double)
        async throws -> Bool
    /// Marks a claimed scenario done with the run that produced it; a scenario already completed keeps
    /// its first run.
    func completeScenario(batch: String, scenario: String, runID: String) async throws
    /// The scenarios of a batch that completed, with their run ids.
    func completedScenarios(batch: String) async throws -> [String: String]
    /// Releases the store's connections (a default no-op is provided); the store must not be used
    /// afterwards.
    func close() async
}

extension RunStore {
    /// Does nothing: a store without connections to release (SQLite) needs no closing.
    public func close() async {}
}
