import Foundation
internal import GRDB

/// The commission ledger in one SQLite file (or in memory), through GRDB.
///
/// ```swift
/// let store = try SQLiteLedgerStore(path: "ledger.sqlite")   // created and migrated when new
/// try store.state().periods.map(\.state)                      // [.paid, .paid, .calculated]
/// ```
///
/// Every write is one SQLite transaction (`DatabaseQueue.write`): a process killed at any moment leaves
/// the file as it was before the write (SQLite's rollback journal undoes a half-written transaction at the
/// next open). Schema: `migrator` (`"v1-ledger"`).
public final class SQLiteLedgerStore: LedgerStore {
    private let queue: DatabaseQueue

    /// Opens (creating and migrating when needed) the ledger at `path`.
    ///
    /// - Throws: ``LedgerError`` when the file is not a ledger (another SQLite file or not SQLite at all).
    public init(path: String) throws {
        do {
            queue = try DatabaseQueue(path: path)
            try Self.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw LedgerError(
                field: "ledger", value: path, expected: "a Meridian ledger SQLite file (\(error.message ?? "\(error)"))"
            )
        }
    }

    /// An empty ledger in memory, for tests.
    public init() throws {
        queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
    }

    public func state() throws -> LedgerState {
        try queue.read { db in
            var state = LedgerState()
            for row in try Row.fetchAll(db, sql: "SELECT id, state, inputHash, batch FROM period ORDER BY id") {
                state.periods.append(
                    PeriodRecord(
                        period: try Self.month(row[0]), state: PeriodState(rawValue: row[1]) ?? .calculated,
                        inputHash: row[2], batch: row[3]))
            }
            var earnings: [Int64: [LedgerEarning]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT run, person, plan, component, amountCents, toDateCents, paidBeforeCents, tier, rate, cap
                    FROM earning ORDER BY run, person, component
                    """)
            {
                earnings[row[0], default: []].append(
                    LedgerEarning(
                        person: row[1], plan: row[2], component: row[3], amount: Money(cents: row[4]),
                        toDate: Money(cents: row[5]), paidBefore: Money(cents: row[6]), tier: row[7], rate: row[8],
                        cap: row[9]))
            }
            var attributions: [Int64: [Attribution]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT run, person, component, transactionID, amountCents FROM attribution ORDER BY rowid")
            {
                attributions[row[0], default: []].append(
                    Attribution(person: row[1], component: row[2], transaction: row[3], amount: Money(cents: row[4])))
            }
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT id, period, version, recordedIn, reason, inputHash, inputs FROM run ORDER BY period, version"
            ) {
                let id: Int64 = row[0]
                state.versions.append(
                    VersionRecord(
                        period: try Self.month(row[1]), number: row[2], recordedIn: try Self.month(row[3]),
                        reason: row[4], inputHash: row[5], inputs: Self.decodeInputs(row[6]), credits: CreditTable(),
                        measurements: [], earnings: earnings[id] ?? [], attributions: attributions[id] ?? []))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, person, period, kind, component, amountCents, reference, reason
                    FROM deposit ORDER BY period, sequence
                    """)
            {
                state.deposits.append(
                    LedgerLine(
                        id: row[0], person: row[1], period: try Self.month(row[2]),
                        kind: LedgerLine.Kind(rawValue: row[3]) ?? .earning, component: row[4],
                        amount: Money(cents: row[5]), references: row[6], reason: row[7]))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT person, period, earnedCents, advanceCents, recoveredCents, paidCents, balanceCents,
                    forgivenCents, owedCents FROM draw ORDER BY period, person
                    """)
            {
                let draw = DrawPeriod(
                    earned: Money(cents: row[2]), advance: Money(cents: row[3]), recovered: Money(cents: row[4]),
                    paid: Money(cents: row[5]), balance: Money(cents: row[6]))
                state.draws.append(
                    DrawRecord(
                        person: row[0], period: try Self.month(row[1]), draw: draw, forgiven: Money(cents: row[7]),
                        owed: Money(cents: row[8])))
            }
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT id, person, period, component, amountCents, condition, releaseAfter FROM hold ORDER BY period, id"
            ) {
                state.holds.append(
                    HoldRecord(
                        id: row[0], person: row[1], period: try Self.month(row[2]), component: row[3],
                        amount: Money(cents: row[4]), condition: row[5], releaseAfter: row[6]))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT deposit, period, fromVersion, toVersion, postedIn, person, component, amountCents, reason
                    FROM adjustment ORDER BY postedIn, deposit
                    """)
            {
                state.adjustments.append(
                    AdjustmentRecord(
                        line: row[0], period: try Self.month(row[1]), fromVersion: row[2], toVersion: row[3],
                        postedIn: try Self.month(row[4]), person: row[5], component: row[6],
                        amount: Money(cents: row[7]), reason: row[8]))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT person, period, earningCode, amountCents, currency, batch
                    FROM payment ORDER BY period, person, earningCode
                    """)
            {
                state.payments.append(
                    PaymentRecord(
                        person: row[0], period: try Self.month(row[1]), earningCode: row[2],
                        amount: Money(cents: row[3]), currency: row[4], batch: row[5]))
            }
            return state
        }
    }

    public func post(_ posting: PeriodPosting) throws {
        try queue.write { db in
            let period = posting.period.description
            if let state = try String.fetchOne(db, sql: "SELECT state FROM period WHERE id = ?", arguments: [period]),
                state != PeriodState.calculated.rawValue
            {
                throw LedgerError(
                    field: "period", value: "\(period) (\(state))",
                    expected: "an open or calculated period: an approved or paid period is not recalculated")
            }
            // The draft: the period's own run and every version recorded in it (cascades to their rows).
            try db.execute(sql: "DELETE FROM run WHERE recordedIn = ?", arguments: [period])
            try db.execute(
                sql: """
                    INSERT INTO period (id, state, inputHash) VALUES (?, 'calculated', ?)
                    ON CONFLICT (id) DO UPDATE SET inputHash = excluded.inputHash
                    """, arguments: [period, posting.inputHash])
            var ownRun: Int64?
            for version in posting.versions {
                let run = try Self.insert(version, db: db)
                if version.period == posting.period { ownRun = run }
            }
            guard let run = ownRun else {
                preconditionFailure("a posting carries its period's own version")
            }
            let deposit = try db.makeStatement(
                sql: """
                    INSERT INTO deposit (id, run, period, sequence, person, kind, component, amountCents, reference, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for (sequence, line) in posting.deposits.enumerated() {
                try deposit.execute(arguments: [
                    line.id, run, line.period.description, sequence, line.person, line.kind.rawValue, line.component,
                    line.amount.cents, line.references, line.reason,
                ])
            }
            for adjustment in posting.adjustments {
                try db.execute(
                    sql: """
                        INSERT INTO adjustment (deposit, run, period, fromVersion, toVersion, postedIn, person, component,
                        amountCents, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        adjustment.line, run, adjustment.period.description, adjustment.fromVersion,
                        adjustment.toVersion, adjustment.postedIn.description, adjustment.person, adjustment.component,
                        adjustment.amount.cents, adjustment.reason,
                    ])
            }
            for record in posting.draws {
                let draw = record.draw
                try db.execute(
                    sql: """
                        INSERT INTO draw (run, person, period, earnedCents, advanceCents, recoveredCents, paidCents,
                        balanceCents, forgivenCents, owedCents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        run, record.person, record.period.description, draw.earned.cents, draw.advance.cents,
                        draw.recovered.cents, draw.paid.cents, draw.balance.cents, record.forgiven.cents,
                        record.owed.cents,
                    ])
            }
            for hold in posting.holds {
                try db.execute(
                    sql: """
                        INSERT INTO hold (id, run, person, period, component, amountCents, condition, releaseAfter)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        hold.id, run, hold.person, hold.period.description, hold.component, hold.amount.cents,
                        hold.condition, hold.releaseAfter,
                    ])
            }
        }
    }

    public func advance(_ period: CompPeriod, from: PeriodState, to: PeriodState, payments: [PaymentRecord]) throws {
        try queue.write { db in
            let state =
                try String.fetchOne(db, sql: "SELECT state FROM period WHERE id = ?", arguments: [period.description])
                ?? PeriodState.open.rawValue
            guard state == from.rawValue else {
                throw LedgerError(
                    field: "period", value: "\(period) (\(state))",
                    expected: "a \(from.rawValue) period to make \(to.rawValue)")
            }
            let batch = payments.first?.batch
            try db.execute(
                sql: "UPDATE period SET state = ?, batch = ? WHERE id = ?",
                arguments: [to.rawValue, batch, period.description])
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO payment (person, period, earningCode, amountCents, currency, batch)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for payment in payments {
                try insert.execute(arguments: [
                    payment.person, payment.period.description, payment.earningCode, payment.amount.cents,
                    payment.currency, payment.batch,
                ])
            }
        }
    }

    public func dump() throws -> String {
        try queue.read { db in
            var text = ""
            for (table, order) in Self.dumpOrder {
                text += "## \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    text += row.description + "\n"
                }
            }
            return text
        }
    }

    // MARK: - Rows

    /// Inserts a version with its credits, measurements, earnings and attributions; returns its run id.
    private static func insert(_ version: VersionRecord, db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO run (period, version, recordedIn, reason, inputHash, inputs) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                version.period.description, version.number, version.recordedIn.description, version.reason,
                version.inputHash, try encodeInputs(version.inputs),
            ])
        let run = db.lastInsertedRowID
        try insertCredits(version.credits, run: run, db: db)
        let measurement = try db.makeStatement(
            sql: """
                INSERT INTO measurement (run, person, plan, component, window, creditCents, quotaCents, attainmentMicros,
                prorationMicros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for m in version.measurements {
            try measurement.execute(arguments: [
                run, m.person.rawValue, m.plan, m.component, m.window, m.credit.cents, m.quota?.cents,
                m.attainment?.micros, m.proration.micros,
            ])
        }
        let earning = try db.makeStatement(
            sql: """
                INSERT INTO earning (run, person, plan, component, amountCents, toDateCents, paidBeforeCents, tier, rate,
                cap) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for e in version.earnings {
            try earning.execute(arguments: [
                run, e.person, e.plan, e.component, e.amount.cents, e.toDate.cents, e.paidBefore.cents, e.tier, e.rate,
                e.cap,
            ])
        }
        let attribution = try db.makeStatement(
            sql: "INSERT INTO attribution (run, person, component, transactionID, amountCents) VALUES (?, ?, ?, ?, ?)")
        for a in version.attributions {
            try attribution.execute(arguments: [run, a.person, a.component, a.transaction, a.amount.cents])
        }
        return run
    }

    private static func month(_ text: String) throws -> CompPeriod {
        do { return try CompPeriod(parsing: text) } catch {
            throw LedgerError(field: "ledger month", value: text, expected: "YYYY-MM (the ledger file is damaged)")
        }
    }

    /// The inputs as JSON with sorted keys (the same dictionary always gives the same text).
    private static func encodeInputs(_ inputs: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(inputs), as: UTF8.self)
    }

    private static func decodeInputs(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
