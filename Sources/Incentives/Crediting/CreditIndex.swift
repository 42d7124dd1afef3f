import Foundation
import SalesData

/// The credits of a request's plan year to date, ordered by person, and where each person's rows are.
///
/// Built in three steps: transactions are credited in parallel chunks (``CreditAssigner``); the chunks'
/// people and territories are numbered globally in chunk order; a counting sort on (month or earlier,
/// person id) scatters the rows into one ``CreditTable``, each chunk writing its own disjoint slots.
/// The order is the chunks' order, so it never depends on the number of threads.
struct CreditIndex {
    let table: CreditTable
    /// Transaction index → day number (days since 1970-01-01).
    let days: [Int32]
    /// Transactions of the month nobody got revenue credit for.
    let uncredited: [TransactionID]
    /// Person id → (month rows, earlier rows).
    private let ranges: [RepID: (month: Range<Int>, earlier: Range<Int>)]

    /// Credits `request.transactions` dated from `yearStart` to the end of the request's period, in
    /// chunks of about `chunkSize` transactions (at most 256 chunks).
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` for the first
    ///   transaction whose amount is not a finite number of cents below 10^13 or whose split percentage is
    ///   not finite or beyond ±200,000 %.
    init(_ request: CompRequest, from yearStart: CalendarDate, chunkSize: Int = 32_768) throws(IncentivesError) {
        let transactions = request.transactions
        guard transactions.count < Int(Int32.max) else {
            throw .invalidInput(
                file: "transactions.csv", line: 0, column: 0, value: "\(transactions.count) transactions",
                expected: "fewer than 2^31 transactions")
        }
        let assigner = CreditAssigner(alignment: request.alignment, people: request.people)
        let first = yearStart.daysSinceEpoch
        let monthFirst = request.period.first.daysSinceEpoch
        let last = request.period.last.daysSinceEpoch
        let count = max(1, min(256, transactions.count / max(1, chunkSize)))
        let slices = (0..<count).map { (transactions.count * $0 / count)..<(transactions.count * ($0 + 1) / count) }
        let credited = ParallelMap.map(slices, chunks: count) { range in
            assigner.credit(transactions, range: range, first: first, monthFirst: monthFirst, last: last)
        }
        for chunk in credited {
            switch chunk.failure {
            case nil: continue
            case .amount(let t):
                throw .invalidInput(
                    file: "transactions.csv", line: t + 2, column: 7, value: "\(transactions[t].amount)",
                    expected: "a finite amount below 10^13")
            case .share(let t, let percentage):
                throw .invalidInput(
                    file: "splits.csv", line: 0, column: 3, value: "\(transactions[t].id): \(percentage)",
                    expected: "a split percentage within ±200,000")
            }
        }
        // Global people (the assigner's, then each chunk's extras) and rules (fixed, then territories).
        var people = assigner.people
        var personIndex = assigner.index
        var territories: [TerritoryID] = []
        var territoryIndex: [TerritoryID: Int32] = [:]
        var personMaps: [[Int32]] = []
        var ruleMaps: [[Int32]] = []
        for chunk in credited {
            personMaps.append(
                chunk.extras.map { id in
                    if let known = personIndex[id] { return known }
                    personIndex[id] = Int32(people.count)
                    people.append(id)
                    return Int32(people.count - 1)
                })
            ruleMaps.append(
                chunk.territories.map { territory in
                    if let known = territoryIndex[territory] { return CreditAssigner.territoryRule + known }
                    territoryIndex[territory] = Int32(territories.count)
                    territories.append(territory)
                    return CreditAssigner.territoryRule + Int32(territories.count - 1)
                })
        }
        let rules: [CreditRule] = [.revenueSplit, .owner, .overlaySplit, .rollup] + territories.map { .territory($0) }
        let byID = people.indices.sorted { people[$0] < people[$1] }
        var rank = [Int32](repeating: 0, count: people.count)
        for (position, person) in byID.enumerated() { rank[person] = Int32(position) }

        // Renumber each chunk's people and rules; count its rows per key (month rows first, by person rank).
        let keys = 2 * people.count
        let frozenPersonMaps = personMaps
        let frozenRuleMaps = ruleMaps
        let frozenRank = rank
        let numbered = ParallelMap.map(Array(credited.indices), chunks: credited.count) { c in
            var chunk = credited[c]
            let extras = frozenPersonMaps[c]
            let territoryRules = frozenRuleMaps[c]
            var counts = [Int](repeating: 0, count: keys)
            for row in 0..<chunk.columns.count {
                let local = chunk.columns.person[row]
                let person = local >= 0 ? local : extras[Int(-local - 1)]
                chunk.columns.person[row] = person
                let rule = chunk.columns.rule[row]
                if rule >= CreditAssigner.territoryRule {
                    chunk.columns.rule[row] = territoryRules[Int(rule - CreditAssigner.territoryRule)]
                }
                let day = chunk.days[Int(chunk.columns.transaction[row]) - chunk.range.lowerBound]
                let key = Int(frozenRank[Int(person)]) + (Int(day) >= monthFirst ? 0 : keys / 2)
                counts[key] += 1
            }
            return (chunk, counts)
        }
        let chunks = numbered.map(\.0)
        // Each chunk's first slot per key: keys in order, chunks in order within a key.
        var offsets = numbered.map(\.1)
        var total = 0
        var keyStart = [Int](repeating: 0, count: keys + 1)
        for key in 0..<keys {
            keyStart[key] = total
            for c in chunks.indices {
                let rows = offsets[c][key]
                offsets[c][key] = total
                total += rows
            }
        }
        keyStart[keys] = total
        let starts = offsets
        let destinations = ParallelMap.map(Array(chunks.indices), chunks: chunks.count) { c in
            var cursor = starts[c]
            let chunk = chunks[c]
            var destination = [Int](repeating: 0, count: chunk.columns.count)
            for row in 0..<chunk.columns.count {
                let day = chunk.days[Int(chunk.columns.transaction[row]) - chunk.range.lowerBound]
                let key = Int(frozenRank[Int(chunk.columns.person[row])]) + (Int(day) >= monthFirst ? 0 : keys / 2)
                destination[row] = cursor[key]
                cursor[key] += 1
            }
            return destination
        }
        let transaction = Self.scatter(chunks, destinations, total) { $0.columns.transaction }
        let person = Self.scatter(chunks, destinations, total) { $0.columns.person }
        let kind = Self.scatter(chunks, destinations, total) { $0.columns.kind }
        let share = Self.scatter(chunks, destinations, total) { $0.columns.share }
        let amount = Self.scatter(chunks, destinations, total) { $0.columns.amount }
        let rule = Self.scatter(chunks, destinations, total) { $0.columns.rule }
        days = chunks.flatMap(\.days)
        uncredited = chunks.flatMap { $0.uncredited.map { transactions[$0].id } }
        table = CreditTable(
            transactions: transactions, people: people, rules: rules, transaction: transaction, person: person,
            kind: kind, share: share, amount: amount, rule: rule, visible: keyStart[keys / 2])
        var ranges: [RepID: (month: Range<Int>, earlier: Range<Int>)] = [:]
        for (position, person) in byID.enumerated() {
            let month = keyStart[position]..<keyStart[position + 1]
            let earlier = keyStart[keys / 2 + position]..<keyStart[keys / 2 + position + 1]
            if !month.isEmpty || !earlier.isEmpty { ranges[people[person]] = (month, earlier) }
        }
        self.ranges = ranges
    }

    /// The rows of `person` (none when they have no credit).
    func credits(of person: RepID) -> PersonCredits {
        let found = ranges[person] ?? (0..<0, 0..<0)
        return PersonCredits(table: table, days: days, month: found.month, earlier: found.earlier)
    }

    /// One column of every chunk written at its rows' destinations, chunks in parallel.
    private static func scatter<Value: Sendable>(
        _ chunks: [CreditChunk], _ destinations: [[Int]], _ total: Int, _ column: (CreditChunk) -> [Value]
    ) -> [Value] {
        let sources = chunks.map(column)
        return [Value](unsafeUninitializedCapacity: total) { buffer, initialized in
            let target = ScatterTarget(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
                let source = sources[c]
                let destination = destinations[c]
                for row in source.indices { target.initialize(destination[row], to: source[row]) }
            }
            initialized = total
        }
    }
}

/// An uninitialized buffer that parallel workers fill at disjoint positions.
///
/// `@unchecked Sendable`: the destinations of a counting sort are a permutation, so no two workers write
/// the same slot, and the buffer is read only after `concurrentPerform` returns.
private struct ScatterTarget<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>?

    init(_ buffer: UnsafeMutableBufferPointer<Value>) { base = buffer.baseAddress }

    func initialize(_ position: Int, to value: Value) { (base.map { $0 + position })?.initialize(to: value) }
}

/// One person's rows in a ``CreditTable``: those dated in the period's month and those of earlier months
/// of the plan year, each in transaction order.
struct PersonCredits: Sendable {
    let table: CreditTable
    /// Transaction index → day number.
    let days: [Int32]
    let month: Range<Int>
    let earlier: Range<Int>
}
