import Foundation
internal import GRDB
internal import GRDBSQLite
import SalesData

extension SQLiteLedgerStore {
    /// Inserts `credits` as rows of `credit` for `run` through one prepared statement, binding each column
    /// with the SQLite C API (no per-row argument array): the one place the ledger calls `sqlite3_*`.
    ///
    /// A person's, rule's, kind's and date's text is made once; the caller's transaction makes the rows
    /// appear all at once or not at all.
    static func insertCredits(_ credits: CreditTable, run: Int64, db: Database) throws {
        let sql = """
            INSERT INTO credit (run, person, transactionID, date, kind, shareMicros, amountCents, rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        let statement = try db.makeStatement(sql: sql)
        let raw = statement.sqliteStatement
        let people = credits.people.map { Array($0.rawValue.utf8) }
        let rules = credits.rules.map { Array($0.text(date: CalendarDate(daysSinceEpoch: 0)).utf8) }
        let kinds = Dictionary(uniqueKeysWithValues: CreditKind.allCases.map { ($0, Array($0.rawValue.utf8)) })
        var dates: [Int: [UInt8]] = [:]
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func bind(_ index: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
            if let base = buffer.baseAddress, !buffer.isEmpty {
                let text = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                sqlite3_bind_text(raw, index, text, Int32(buffer.count), transient)
            } else {
                sqlite3_bind_text(raw, index, "", 0, transient)
            }
        }
        func bind(_ index: Int32, _ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { bind(index, $0) } }
        for row in credits.indices {
            let transaction = credits.transactions[Int(credits.transaction[row])]
            sqlite3_reset(raw)
            sqlite3_bind_int64(raw, 1, run)
            bind(2, people[Int(credits.person[row])])
            var id = transaction.id.rawValue
            id.withUTF8 { bind(3, $0) }
            let day = transaction.date.daysSinceEpoch
            if dates[day] == nil {
                var text: [UInt8] = []
                transaction.date.appendISO(to: &text)
                dates[day] = text
            }
            bind(4, dates[day] ?? [])
            bind(5, kinds[credits.kind[row]] ?? [])
            sqlite3_bind_int64(raw, 6, Int64(credits.share[row]))
            sqlite3_bind_int64(raw, 7, credits.amount[row])
            bind(8, rules[Int(credits.rule[row])])
            let code = sqlite3_step(raw)
            guard code == SQLITE_DONE else {
                let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
                sqlite3_reset(raw)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
        }
        sqlite3_reset(raw)
    }
}
