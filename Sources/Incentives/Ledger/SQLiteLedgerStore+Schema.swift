internal import GRDB

extension SQLiteLedgerStore {
    /// The schema, changed only by appending migrations with stable ids.
    ///
    /// Money columns hold integer cents (`…Cents`), rates integer millionths (`…Micros`), months `YYYY-MM`
    /// text. Every row produced by a run points at its `run`, whose `inputHash` traces it to its inputs.
    /// Triggers keep paid periods immutable even against a direct write.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(
                sql: """
                    CREATE TABLE period (
                      id TEXT PRIMARY KEY NOT NULL,
                      state TEXT NOT NULL CHECK (state IN ('calculated', 'approved', 'paid')),
                      inputHash TEXT NOT NULL,
                      batch TEXT);
                    CREATE TABLE run (
                      id INTEGER PRIMARY KEY,
                      period TEXT NOT NULL,
                      version INTEGER NOT NULL,
                      recordedIn TEXT NOT NULL,
                      reason TEXT,
                      inputHash TEXT NOT NULL,
                      inputs TEXT NOT NULL,
                      UNIQUE (period, version));
                    CREATE INDEX runByRecordedIn ON run (recordedIn);
                    CREATE TABLE credit (
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      person TEXT NOT NULL, transactionID TEXT NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL,
                      shareMicros INTEGER NOT NULL, amountCents INTEGER NOT NULL, rule TEXT NOT NULL);
                    CREATE INDEX creditByRun ON credit (run);
                    CREATE TABLE measurement (
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      person TEXT NOT NULL, plan TEXT NOT NULL, component TEXT NOT NULL, window TEXT NOT NULL,
                      creditCents INTEGER NOT NULL, quotaCents INTEGER, attainmentMicros INTEGER,
                      prorationMicros INTEGER NOT NULL);
                    CREATE INDEX measurementByRun ON measurement (run);
                    CREATE TABLE earning (
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      person TEXT NOT NULL, plan TEXT NOT NULL, component TEXT NOT NULL,
                      amountCents INTEGER NOT NULL, toDateCents INTEGER NOT NULL, paidBeforeCents INTEGER NOT NULL,
                      tier TEXT NOT NULL, rate TEXT NOT NULL, cap TEXT NOT NULL,
                      PRIMARY KEY (run, person, component));
                    CREATE TABLE attribution (
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      person TEXT NOT NULL, component TEXT NOT NULL, transactionID TEXT NOT NULL,
                      amountCents INTEGER NOT NULL);
                    CREATE INDEX attributionByRun ON attribution (run);
                    CREATE TABLE deposit (
                      id TEXT PRIMARY KEY NOT NULL,
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      period TEXT NOT NULL, sequence INTEGER NOT NULL, person TEXT NOT NULL, kind TEXT NOT NULL,
                      component TEXT NOT NULL, amountCents INTEGER NOT NULL, reference TEXT, reason TEXT);
                    CREATE INDEX depositByPeriod ON deposit (period, sequence);
                    CREATE TABLE adjustment (
                      deposit TEXT PRIMARY KEY NOT NULL REFERENCES deposit(id) ON DELETE CASCADE,
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      period TEXT NOT NULL, fromVersion INTEGER NOT NULL, toVersion INTEGER NOT NULL,
                      postedIn TEXT NOT NULL, person TEXT NOT NULL, component TEXT NOT NULL,
                      amountCents INTEGER NOT NULL, reason TEXT NOT NULL);
                    CREATE TABLE draw (
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      person TEXT NOT NULL, period TEXT NOT NULL,
                      earnedCents INTEGER NOT NULL, advanceCents INTEGER NOT NULL, recoveredCents INTEGER NOT NULL,
                      paidCents INTEGER NOT NULL, balanceCents INTEGER NOT NULL,
                      forgivenCents INTEGER NOT NULL, owedCents INTEGER NOT NULL,
                      PRIMARY KEY (person, period));
                    CREATE TABLE hold (
                      id TEXT PRIMARY KEY NOT NULL,
                      run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                      person TEXT NOT NULL, period TEXT NOT NULL, component TEXT NOT NULL,
                      amountCents INTEGER NOT NULL, condition TEXT NOT NULL, releaseAfter TEXT NOT NULL);
                    CREATE TABLE payment (
                      person TEXT NOT NULL, period TEXT NOT NULL REFERENCES period(id), earningCode TEXT NOT NULL,
                      amountCents INTEGER NOT NULL, currency TEXT NOT NULL, batch TEXT NOT NULL,
                      PRIMARY KEY (person, period, earningCode));

                    CREATE TRIGGER paidPeriodIsFinal BEFORE UPDATE ON period WHEN OLD.state = 'paid'
                    BEGIN SELECT RAISE(ABORT, 'a paid (closed) period is immutable'); END;
                    CREATE TRIGGER paidPeriodIsKept BEFORE DELETE ON period WHEN OLD.state = 'paid'
                    BEGIN SELECT RAISE(ABORT, 'a paid (closed) period is immutable'); END;
                    CREATE TRIGGER runOfPaidPeriodIsKept BEFORE DELETE ON run
                    WHEN (SELECT state FROM period WHERE id = OLD.recordedIn) = 'paid'
                    BEGIN SELECT RAISE(ABORT, 'a version recorded in a paid (closed) period is immutable'); END;
                    CREATE TRIGGER runIsNeverEdited BEFORE UPDATE ON run
                    BEGIN SELECT RAISE(ABORT, 'a version is never edited'); END;
                    CREATE TRIGGER depositIsNeverEdited BEFORE UPDATE ON deposit
                    BEGIN SELECT RAISE(ABORT, 'a posted line is never edited'); END;
                    CREATE TRIGGER paymentIsNeverEdited BEFORE UPDATE ON payment
                    BEGIN SELECT RAISE(ABORT, 'a payment is never edited'); END;
                    CREATE TRIGGER paymentIsKept BEFORE DELETE ON payment
                    BEGIN SELECT RAISE(ABORT, 'a payment is never deleted'); END;
                    """)
        }
        return migrator
    }

    /// Tables and their sort keys, in dump order.
    static let dumpOrder: [(table: String, order: String)] = [
        ("period", "id"), ("run", "id"),
        ("credit", "run, person, transactionID, kind, date, shareMicros, amountCents, rule"),
        ("measurement", "run, person, component, window"), ("earning", "run, person, component"),
        ("attribution", "run, person, component, transactionID, amountCents"), ("deposit", "period, sequence"),
        ("adjustment", "deposit"), ("draw", "person, period"), ("hold", "id"),
        ("payment", "period, person, earningCode"),
    ]
}
