/// The one schema of both run-store backends, as named migrations applied in order.
///
/// The DDL uses types both SQLite and PostgreSQL accept with the same meaning (`TEXT`, `BIGINT`,
/// `DOUBLE PRECISION`, `BOOLEAN`), so one list serves GRDB's `DatabaseMigrator` and the PostgreSQL
/// backend's migration table. A migration, once shipped, is never edited: changes are new entries.
///
/// Times are seconds since 1970 (`DOUBLE PRECISION`); seeds are decimal text, because a `UInt64`
/// does not fit a signed `BIGINT`.
enum RunStoreSchema {
    /// A named migration: its statements run in one transaction.
    struct Migration: Sendable {
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(
            name: "v1-runs",
            statements: [
                """
                CREATE TABLE runs (
                    id TEXT PRIMARY KEY NOT NULL,
                    scenario TEXT,
                    batch TEXT,
                    plan_path TEXT NOT NULL,
                    plan_text TEXT NOT NULL,
                    plan_hash TEXT NOT NULL,
                    output_folder TEXT NOT NULL,
                    started_at DOUBLE PRECISION NOT NULL,
                    ended_at DOUBLE PRECISION NOT NULL,
                    status TEXT NOT NULL,
                    exit_code BIGINT NOT NULL,
                    error TEXT
                )
                """,
                "CREATE INDEX runs_by_start ON runs (started_at, id)",
                "CREATE INDEX runs_by_batch ON runs (batch, scenario)",
                """
                CREATE TABLE steps (
                    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    name TEXT NOT NULL,
                    version TEXT NOT NULL,
                    input_hash TEXT NOT NULL,
                    cache_hit BOOLEAN NOT NULL,
                    termination TEXT NOT NULL,
                    clock_limited BOOLEAN NOT NULL,
                    started_at DOUBLE PRECISION NOT NULL,
                    ended_at DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE metrics (
                    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    step_position BIGINT NOT NULL,
                    name TEXT NOT NULL,
                    value DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (run_id, step_position, name)
                )
                """,
                """
                CREATE TABLE outputs (
                    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    step_position BIGINT NOT NULL,
                    position BIGINT NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes BIGINT NOT NULL,
                    PRIMARY KEY (run_id, step_position, position)
                )
                """,
                """
                CREATE TABLE inputs (
                    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes BIGINT NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE seeds (
                    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (run_id, key)
                )
                """,
                """
                CREATE TABLE scenario_claims (
                    batch TEXT NOT NULL,
                    scenario TEXT NOT NULL,
                    worker TEXT NOT NULL,
                    claimed_at DOUBLE PRECISION NOT NULL,
                    run_id TEXT,
                    completed_at DOUBLE PRECISION,
                    PRIMARY KEY (batch, scenario)
                )
                """,
            ])
    ]
}
