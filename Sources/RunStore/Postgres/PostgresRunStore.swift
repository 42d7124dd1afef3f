import Foundation
internal import PostgresNIO

/// A run store on a PostgreSQL server, through PostgresNIO: one store that many machines write (the
/// shards of a scenario batch on Kubernetes or Slurm).
///
/// Same schema and migrations as ``SQLiteRunStore`` (`RunStoreSchema`). Every method is one
/// transaction; migrations serialize on an advisory lock, duplicate runs are refused with
/// `INSERT … ON CONFLICT DO NOTHING`, and a claim inserts its row the same way, then decides on the
/// row locked with `SELECT … FOR UPDATE`, so two workers never both hold a fresh claim.
///
/// The store owns a connection pool whose background task runs until ``close()``.
public final class PostgresRunStore: RunStore {
    /// The URL as given, with any password replaced by `***` (for messages).
    public let location: String
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    /// Connects lazily to the server `location` names (`postgresql://user:password@host:port/database`).
    ///
    /// - Throws: ``RunStoreError/invalidLocation(location:reason:)`` when the URL cannot be used.
    public init(url location: String) throws {
        let parsed = try PostgresLocation(parsing: location)
        self.location = parsed.redacted
        var logger = Logger(label: "meridian.run-store")
        logger.logLevel = .critical
        self.logger = logger
        let client = PostgresClient(configuration: try parsed.configuration(), backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    public func close() async {
        runner.cancel()
        await runner.value
    }

    public func migrate() async throws {
        try await transaction { connection in
            // 0x6d6572696469616e is "meridian": one lock per database, held until the transaction ends.
            try await connection.query("SELECT pg_advisory_xact_lock(7882794207398805870)", logger: self.logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS meridian_migrations (
                    name TEXT PRIMARY KEY NOT NULL, applied_at DOUBLE PRECISION NOT NULL)
                """, logger: self.logger)
            var applied: Set<String> = []
            for try await name in try await connection.query(
                "SELECT name FROM meridian_migrations", logger: self.logger
            ).decode(String.self) {
                applied.insert(name)
            }
            for migration in RunStoreSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                }
                let now = Date().timeIntervalSince1970
                try await connection.query(
                    "INSERT INTO meridian_migrations (name, applied_at) VALUES (\(migration.name), \(now))",
                    logger: self.logger)
            }
        }
    }

    public func record(_ run: RunRecord) async throws {
        let rows = RunRows(run)
        try await transaction { connection in
            for row in rows.runs {
                let inserted = try await connection.query(
                    """
                    INSERT INTO runs (id, scenario, batch, plan_path, plan_text, plan_hash, output_folder,
                        started_at, ended_at, status, exit_code, error)
                    VALUES (\(row.id), \(row.scenario), \(row.batch), \(row.planPath), \(row.planText),
                        \(row.planHash), \(row.outputFolder), \(row.startedAt), \(row.endedAt), \(row.status),
                        \(row.exitCode), \(row.error))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """, logger: self.logger
                ).collect()
                if inserted.isEmpty { throw RunStoreError.duplicateRun(id: row.id) }
            }
            for step in rows.steps {
                try await connection.query(
                    """
                    INSERT INTO steps (run_id, position, name, version, input_hash, cache_hit, termination,
                        clock_limited, started_at, ended_at)
                    VALUES (\(step.runID), \(step.position), \(step.name), \(step.version), \(step.inputHash),
                        \(step.cacheHit), \(step.termination), \(step.clockLimited), \(step.startedAt),
                        \(step.endedAt))
                    """, logger: self.logger)
            }
            for metric in rows.metrics {
                try await connection.query(
                    """
                    INSERT INTO metrics (run_id, step_position, name, value)
                    VALUES (\(metric.runID), \(metric.stepPosition), \(metric.name), \(metric.value))
                    """, logger: self.logger)
            }
            for output in rows.outputs {
                try await connection.query(
                    """
                    INSERT INTO outputs (run_id, step_position, position, path, sha256, bytes)
                    VALUES (\(output.runID), \(output.stepPosition), \(output.position), \(output.file.path),
                        \(output.file.sha256), \(output.file.bytes))
                    """, logger: self.logger)
            }
            for input in rows.inputs {
                try await connection.query(
                    """
                    INSERT INTO inputs (run_id, position, path, sha256, bytes)
                    VALUES (\(input.runID), \(input.position), \(input.file.path), \(input.file.sha256),
                        \(input.file.bytes))
                    """, logger: self.logger)
            }
            for seed in rows.seeds {
                try await connection.query(
                    "INSERT INTO seeds (run_id, key, value) VALUES (\(seed.runID), \(seed.key), \(seed.value))",
                    logger: self.logger)
            }
        }
    }

    public func runs(limit: Int?) async throws -> [RunRecord] {
        let limit = limit.map { Int64($0) }
        return try await transaction { connection in
            var ids: [String] = []
            for try await id in try await connection.query(
                "SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT \(limit)", logger: self.logger
            ).decode(String.self) {
                ids.append(id)
            }
            return try await self.fetch(ids: ids, on: connection)
        }
    }

    public func run(id: String) async throws -> RunRecord? {
        try await transaction { connection in try await self.fetch(ids: [id], on: connection).first }
    }

    public func claimScenario(batch: String, scenario: String, worker: String, staleAfterSeconds: Double)
        async throws -> Bool
    {
        let now = Date().timeIntervalSince1970
        return try await transaction { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO scenario_claims (batch, scenario, worker, claimed_at)
                VALUES (\(batch), \(scenario), \(worker), \(now))
                ON CONFLICT (batch, scenario) DO NOTHING RETURNING scenario
                """, logger: self.logger
            ).collect()
            if !inserted.isEmpty { return true }
            var existing: ScenarioClaim.Existing?
            for try await (holder, claimedAt, runID) in try await connection.query(
                """
                SELECT worker, claimed_at, run_id FROM scenario_claims
                WHERE batch = \(batch) AND scenario = \(scenario) FOR UPDATE
                """, logger: self.logger
            ).decode((String, Double, String?).self) {
                existing = ScenarioClaim.Existing(worker: holder, claimedAt: claimedAt, runID: runID)
            }
            switch ScenarioClaim.decide(
                existing: existing, worker: worker, now: now, staleAfterSeconds: staleAfterSeconds)
            {
            case .insert, .takeOver:
                // `.insert` here means the row vanished between the two statements: write it back.
                try await connection.query(
                    """
                    INSERT INTO scenario_claims (batch, scenario, worker, claimed_at)
                    VALUES (\(batch), \(scenario), \(worker), \(now))
                    ON CONFLICT (batch, scenario) DO UPDATE SET worker = excluded.worker,
                        claimed_at = excluded.claimed_at
                    """, logger: self.logger)
                return true
            case .refuse:
                return false
            }
        }
    }

    public func completeScenario(batch: String, scenario: String, runID: String) async throws {
        let now = Date().timeIntervalSince1970
        try await transaction { connection in
            _ = try await connection.query(
                """
                INSERT INTO scenario_claims (batch, scenario, worker, claimed_at, run_id, completed_at)
                VALUES (\(batch), \(scenario), '', \(now), \(runID), \(now))
                ON CONFLICT (batch, scenario) DO UPDATE SET run_id = excluded.run_id,
                    completed_at = excluded.completed_at WHERE scenario_claims.run_id IS NULL
                """, logger: self.logger)
        }
    }

    public func completedScenarios(batch: String) async throws -> [String: String] {
        try await transaction { connection in
            var completed: [String: String] = [:]
            for try await (scenario, runID) in try await connection.query(
                "SELECT scenario, run_id FROM scenario_claims WHERE batch = \(batch) AND run_id IS NOT NULL",
                logger: self.logger
            ).decode((String, String).self) {
                completed[scenario] = runID
            }
            return completed
        }
    }

    // MARK: - Rows

    /// Runs `body` in one transaction; server and decoding errors become ``RunStoreError``.
    private func transaction<T: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError as? RunStoreError { throw inner }
            let cause = error.beginError ?? error.closureError ?? error.commitError ?? error.rollbackError
            throw RunStoreError.database(location: location, message: cause.map(Self.message) ?? "transaction failed")
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw RunStoreError.database(location: location, message: Self.message(error))
        }
    }

    private static func message(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return String(describing: error)
    }

    /// The records of the runs `ids` names, newest first (ids that are not stored are skipped).
    private func fetch(ids: [String], on connection: PostgresConnection) async throws -> [RunRecord] {
        if ids.isEmpty { return [] }
        var result = RunRows()
        for try await row in try await connection.query(
            """
            SELECT id, scenario, batch, plan_path, plan_text, plan_hash, output_folder, started_at, ended_at,
                status, exit_code, error
            FROM runs WHERE id = ANY(\(ids))
            """, logger: logger)
        {
            let cells = row.makeRandomAccess()
            result.runs.append(
                RunRows.Run(
                    id: try cells[0].decode(String.self), scenario: try cells[1].decode(String?.self),
                    batch: try cells[2].decode(String?.self), planPath: try cells[3].decode(String.self),
                    planText: try cells[4].decode(String.self), planHash: try cells[5].decode(String.self),
                    outputFolder: try cells[6].decode(String.self), startedAt: try cells[7].decode(Double.self),
                    endedAt: try cells[8].decode(Double.self), status: try cells[9].decode(String.self),
                    exitCode: try cells[10].decode(Int64.self), error: try cells[11].decode(String?.self)))
        }
        result.runs.sort { ($0.startedAt, $0.id) > ($1.startedAt, $1.id) }
        for try await row in try await connection.query(
            """
            SELECT run_id, position, name, version, input_hash, cache_hit, termination, clock_limited,
                started_at, ended_at
            FROM steps WHERE run_id = ANY(\(ids))
            """, logger: logger)
        {
            let cells = row.makeRandomAccess()
            result.steps.append(
                RunRows.Step(
                    runID: try cells[0].decode(String.self), position: try cells[1].decode(Int64.self),
                    name: try cells[2].decode(String.self), version: try cells[3].decode(String.self),
                    inputHash: try cells[4].decode(String.self), cacheHit: try cells[5].decode(Bool.self),
                    termination: try cells[6].decode(String.self), clockLimited: try cells[7].decode(Bool.self),
                    startedAt: try cells[8].decode(Double.self), endedAt: try cells[9].decode(Double.self)))
        }
        for try await (runID, stepPosition, name, value) in try await connection.query(
            "SELECT run_id, step_position, name, value FROM metrics WHERE run_id = ANY(\(ids))", logger: logger
        ).decode((String, Int64, String, Double).self) {
            result.metrics.append(RunRows.Metric(runID: runID, stepPosition: stepPosition, name: name, value: value))
        }
        for try await (runID, stepPosition, position, path, sha256, bytes) in try await connection.query(
            """
            SELECT run_id, step_position, position, path, sha256, bytes FROM outputs WHERE run_id = ANY(\(ids))
            """, logger: logger
        ).decode((String, Int64, Int64, String, String, Int64).self) {
            result.outputs.append(
                RunRows.Output(
                    runID: runID, stepPosition: stepPosition, position: position,
                    file: FileDigest(path: path, sha256: sha256, bytes: bytes)))
        }
        for try await (runID, position, path, sha256, bytes) in try await connection.query(
            "SELECT run_id, position, path, sha256, bytes FROM inputs WHERE run_id = ANY(\(ids))", logger: logger
        ).decode((String, Int64, String, String, Int64).self) {
            result.inputs.append(
                RunRows.Input(
                    runID: runID, position: position, file: FileDigest(path: path, sha256: sha256, bytes: bytes)))
        }
        for try await (runID, key, value) in try await connection.query(
            "SELECT run_id, key, value FROM seeds WHERE run_id = ANY(\(ids))", logger: logger
        ).decode((String, String, String).self) {
            result.seeds.append(RunRows.Seed(runID: runID, key: key, value: value))
        }
        return try result.records()
    }
}

extension PostgresLocation {
    /// The PostgresNIO client configuration of this URL.
    func configuration() throws -> PostgresClient.Configuration {
        if let socketPath {
            return PostgresClient.Configuration(
                unixSocketPath: socketPath, username: user, password: password, database: database)
        }
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "require": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
