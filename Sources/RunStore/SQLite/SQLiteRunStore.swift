import Foundation
internal import GRDB

/// A run store in one SQLite file, through GRDB: the default store of `plan run` and `scenarios run`.
///
/// The file is opened in WAL mode with a busy timeout, so several processes on one machine (for
/// example the shards of a scenario batch) can share it. Every method is one `IMMEDIATE` transaction:
/// a writer takes the write lock before it reads, so two claims of one scenario cannot both succeed.
public final class SQLiteRunStore: RunStore {
    /// The file as given.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating when missing) the store at `path`; call ``migrate()`` before use.
    ///
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - busyTimeoutSeconds: how long a statement waits for another process's write lock.
    /// - Throws: ``RunStoreError/database(location:message:)`` when the file cannot be opened as SQLite.
    public init(path: String, busyTimeoutSeconds: Double = 60) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.foreignKeysEnabled = true
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw RunStoreError.database(location: path, message: Self.message(error))
        }
    }

    public func migrate() async throws {
        let migrator = Self.migrator
        do {
            try migrator.migrate(pool)
        } catch {
            // Another process may have applied the same migration between our check and our write.
            let done = (try? await pool.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
            if !done { throw RunStoreError.database(location: path, message: Self.message(error)) }
        }
    }

    /// The schema's migrations, registered by name.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in RunStoreSchema.migrations {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    public func record(_ run: RunRecord) async throws {
        let rows = RunRows(run)
        try await transaction { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [run.id]) != nil {
                throw RunStoreError.duplicateRun(id: run.id)
            }
            try Self.insert(rows, into: db)
        }
    }

    public func runs(limit: Int?) async throws -> [RunRecord] {
        try await transaction { db in
            try Self.fetch(
                db, idQuery: "SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit ?? -1])
        }
    }

    public func run(id: String) async throws -> RunRecord? {
        try await transaction { db in
            try Self.fetch(db, idQuery: "SELECT id FROM runs WHERE id = ?", arguments: [id]).first
        }
    }

    public func claimScenario(batch: String, scenario: String, worker: String, staleAfterSeconds: Double)
        async throws -> Bool
    {
        let now = Date().timeIntervalSince1970
        return try await transaction { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT worker, claimed_at, run_id FROM scenario_claims WHERE batch = ? AND scenario = ?",
                arguments: [batch, scenario])
            let existing = try row.map { row in
                ScenarioClaim.Existing(
                    worker: try row.value("worker"), claimedAt: try row.value("claimed_at"),
                    runID: try row.value("run_id"))
            }
            switch ScenarioClaim.decide(
                existing: existing, worker: worker, now: now, staleAfterSeconds: staleAfterSeconds)
            {
            case .insert:
                try db.execute(
                    sql: "INSERT INTO scenario_claims (batch, scenario, worker, claimed_at) VALUES (?, ?, ?, ?)",
                    arguments: [batch, scenario, worker, now])
                return true
            case .takeOver:
                try db.execute(
                    sql: "UPDATE scenario_claims SET worker = ?, claimed_at = ? WHERE batch = ? AND scenario = ?",
                    arguments: [worker, now, batch, scenario])
                return true
            case .refuse:
                return false
            }
        }
    }

    public func completeScenario(batch: String, scenario: String, runID: String) async throws {
        let now = Date().timeIntervalSince1970
        try await transaction { db in
            try db.execute(
                sql: """
                    INSERT INTO scenario_claims (batch, scenario, worker, claimed_at, run_id, completed_at)
                    VALUES (?, ?, '', ?, ?, ?)
                    ON CONFLICT (batch, scenario) DO UPDATE SET run_id = excluded.run_id,
                        completed_at = excluded.completed_at WHERE scenario_claims.run_id IS NULL
                    """,
                arguments: [batch, scenario, now, runID, now])
        }
    }

    public func completedScenarios(batch: String) async throws -> [String: String] {
        try await transaction { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT scenario, run_id FROM scenario_claims WHERE batch = ? AND run_id IS NOT NULL",
                arguments: [batch])
            var completed: [String: String] = [:]
            for row in rows { completed[try row.value("scenario")] = try row.value("run_id") }
            return completed
        }
    }

    // MARK: - Rows

    /// Runs `body` in one `IMMEDIATE` transaction; database errors become ``RunStoreError``.
    private func transaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { preconditionFailure("a committed transaction sets its result") }
                return result
            }
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw RunStoreError.database(location: path, message: Self.message(error))
        }
    }

    private static func message(_ error: any Error) -> String {
        (error as? DatabaseError).map { "\($0.message ?? "SQLite error \($0.resultCode.rawValue)")" }
            ?? String(describing: error)
    }

    private static func insert(_ rows: RunRows, into db: Database) throws {
        for run in rows.runs {
            try db.execute(
                sql: """
                    INSERT INTO runs (id, scenario, batch, plan_path, plan_text, plan_hash, output_folder,
                        started_at, ended_at, status, exit_code, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.id, run.scenario, run.batch, run.planPath, run.planText, run.planHash, run.outputFolder,
                    run.startedAt, run.endedAt, run.status, run.exitCode, run.error,
                ])
        }
        for step in rows.steps {
            try db.execute(
                sql: """
                    INSERT INTO steps (run_id, position, name, version, input_hash, cache_hit, termination,
                        clock_limited, started_at, ended_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    step.runID, step.position, step.name, step.version, step.inputHash, step.cacheHit,
                    step.termination, step.clockLimited, step.startedAt, step.endedAt,
                ])
        }
        for metric in rows.metrics {
            try db.execute(
                sql: "INSERT INTO metrics (run_id, step_position, name, value) VALUES (?, ?, ?, ?)",
                arguments: [metric.runID, metric.stepPosition, metric.name, metric.value])
        }
        for output in rows.outputs {
            try db.execute(
                sql: """
                    INSERT INTO outputs (run_id, step_position, position, path, sha256, bytes)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    output.runID, output.stepPosition, output.position, output.file.path, output.file.sha256,
                    output.file.bytes,
                ])
        }
        for input in rows.inputs {
            try db.execute(
                sql: "INSERT INTO inputs (run_id, position, path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                arguments: [input.runID, input.position, input.file.path, input.file.sha256, input.file.bytes])
        }
        for seed in rows.seeds {
            try db.execute(
                sql: "INSERT INTO seeds (run_id, key, value) VALUES (?, ?, ?)",
                arguments: [seed.runID, seed.key, seed.value])
        }
    }

    /// The records of the runs whose ids `idQuery` selects (a `SELECT id FROM runs …` taking
    /// `arguments`), newest first.
    private static func fetch(
        _ db: Database, idQuery: String, arguments: StatementArguments
    ) throws -> [RunRecord] {
        func rows(_ table: String, key: String = "run_id") throws -> [Row] {
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(key) IN (\(idQuery))", arguments: arguments)
        }
        var result = RunRows()
        result.runs = try rows("runs", key: "id").map { row in
            RunRows.Run(
                id: try row.value("id"), scenario: try row.value("scenario"), batch: try row.value("batch"),
                planPath: try row.value("plan_path"), planText: try row.value("plan_text"),
                planHash: try row.value("plan_hash"), outputFolder: try row.value("output_folder"),
                startedAt: try row.value("started_at"), endedAt: try row.value("ended_at"),
                status: try row.value("status"), exitCode: try row.value("exit_code"), error: try row.value("error"))
        }
        result.runs.sort { ($0.startedAt, $0.id) > ($1.startedAt, $1.id) }
        result.steps = try rows("steps").map { row in
            RunRows.Step(
                runID: try row.value("run_id"), position: try row.value("position"), name: try row.value("name"),
                version: try row.value("version"), inputHash: try row.value("input_hash"),
                cacheHit: try row.value("cache_hit"), termination: try row.value("termination"),
                clockLimited: try row.value("clock_limited"), startedAt: try row.value("started_at"),
                endedAt: try row.value("ended_at"))
        }
        result.metrics = try rows("metrics").map { row in
            RunRows.Metric(
                runID: try row.value("run_id"), stepPosition: try row.value("step_position"),
                name: try row.value("name"), value: try row.value("value"))
        }
        result.outputs = try rows("outputs").map { row in
            RunRows.Output(
                runID: try row.value("run_id"), stepPosition: try row.value("step_position"),
                position: try row.value("position"), file: try row.fileDigest())
        }
        result.inputs = try rows("inputs").map { row in
            RunRows.Input(
                runID: try row.value("run_id"), position: try row.value("position"), file: try row.fileDigest())
        }
        result.seeds = try rows("seeds").map { row in
            RunRows.Seed(runID: try row.value("run_id"), key: try row.value("key"), value: try row.value("value"))
        }
        return try result.records()
    }
}

extension Row {
    /// The column's value, or a thrown decoding error (never GRDB's trapping subscript).
    fileprivate func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        try decode(Value.self, forColumn: column)
    }

    fileprivate func fileDigest() throws -> FileDigest {
        FileDigest(path: try value("path"), sha256: try value("sha256"), bytes: try value("bytes"))
    }
}
