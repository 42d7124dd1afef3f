/// Cross-file checks of refunds and cancellations and of the effective-dated alignment.
extension LoadedParts {
    /// Logs every refund or cancellation whose `original_id` is unknown, not a booking or order, of
    /// another account or later than the reversal, and every line whose reversals take back more
    /// than its amount (± 0.01).
    mutating func checkReversals(log: inout IssueLog) {
        let file = TransactionCSV.schema.fileName
        var offsetOfID: [TransactionID: Int] = [:]
        for (offset, line) in transactions.values.enumerated() where offsetOfID[line.id] == nil {
            offsetOfID[line.id] = offset
        }
        var reversed: [TransactionID: Double] = [:]
        for (index, line) in transactions.values.enumerated() {
            guard let originalID = line.originalID else { continue }
            let at = transactions.lines[index]
            guard transactions.contains(originalID) else {
                log.add(
                    SalesDataIssue(
                        .danglingReference, file: file, line: at, field: "original_id", value: originalID.rawValue,
                        expected: "an id in transactions.csv",
                        message: "original_id: \(originalID) does not exist in transactions.csv"))
                continue
            }
            guard let offset = offsetOfID[originalID] else { continue }  // rejected itself; reported there
            let original = transactions.values[offset]
            func report(_ kind: SalesDataIssue.Kind, _ expected: String, _ problem: String) {
                log.add(
                    SalesDataIssue(
                        kind, file: file, line: at, field: "original_id", value: originalID.rawValue,
                        expected: expected,
                        message: "original_id: \(originalID) \(problem); expected \(expected)"))
            }
            if original.kind.isReversal {
                report(.invalidValue, "a booking or order", "is a \(original.kind.rawValue)")
            } else if original.accountID != line.accountID {
                report(.invalidValue, "a line of account \(line.accountID)", "belongs to account \(original.accountID)")
            } else if original.date > line.date {
                report(.inconsistentDates, "a line dated on or before \(line.date)", "is dated \(original.date)")
            } else {
                let total = reversed[originalID, default: 0] - line.amount
                reversed[originalID] = total
                if total > original.amount + 0.01 {
                    report(
                        .reversalExceedsOriginal,
                        "refunds and cancellations totalling at most \(original.amount.compactText)",
                        "is taken back \(total.compactText) in all")
                }
            }
            if log.isFull { return }
        }
    }

    /// Logs history rows naming unknown accounts, reps or territories, and seat conflicts.
    ///
    /// A seat conflict is a history row that puts a rep into a territory another available rep
    /// holds that day. Reps sharing a seat in
    /// `reps.csv` itself (a job share) are allowed.
    mutating func checkAlignmentHistory(hasTerritories: Bool, log: inout IssueLog) {
        func dangling(_ file: String, _ line: Int, _ field: String, _ value: String, _ target: String) {
            log.add(
                SalesDataIssue(
                    .danglingReference, file: file, line: line, field: field, value: value,
                    expected: "an id in \(target)", message: "\(field): \(value) does not exist in \(target)"))
        }
        let accountFile = AccountTerritoryHistoryCSV.schema.fileName
        for (index, change) in accountHistory.values.enumerated() {
            if !accounts.contains(change.accountID) {
                dangling(
                    accountFile, accountHistory.lines[index], "account_id", change.accountID.rawValue, "accounts.csv")
            }
            if hasTerritories, !territories.contains(change.territoryID) {
                dangling(
                    accountFile, accountHistory.lines[index], "territory_id", change.territoryID.rawValue,
                    "territories.csv")
            }
            if log.isFull { return }
        }
        let repFile = RepTerritoryHistoryCSV.schema.fileName
        for (index, change) in repHistory.values.enumerated() {
            if !reps.contains(change.repID) {
                dangling(repFile, repHistory.lines[index], "rep_id", change.repID.rawValue, "reps.csv")
            }
            if hasTerritories, let territory = change.territoryID, !territories.contains(territory) {
                dangling(repFile, repHistory.lines[index], "territory_id", territory.rawValue, "territories.csv")
            }
            if log.isFull { return }
        }
        checkSeatConflicts(log: &log)
    }

    /// One rep in one seat over days `start..<end` (days since 1970), from a record of `file` at `line`.
    private struct Tenure {
        var territory: TerritoryID
        var rep: RepID
        var start: Int
        var end: Int
        var file: String
        var line: Int
    }

    private func checkSeatConflicts(log: inout IssueLog) {
        var changesByRep: [RepID: [(offset: Int, change: RepTerritoryChange)]] = [:]
        for (offset, change) in repHistory.values.enumerated() {
            changesByRep[change.repID, default: []].append((offset, change))
        }
        var tenures: [Tenure] = []
        var seen = Set<RepID>()
        for (index, rep) in reps.values.enumerated() where rep.status == .active && seen.insert(rep.id).inserted {
            let hired = rep.hireDate?.daysSinceEpoch ?? Int.min
            let left = rep.terminationDate?.daysSinceEpoch ?? Int.max
            // Seats in date order; of several rows on one day the last one applies.
            var seats: [(start: Int, territory: TerritoryID?, file: String, line: Int)] = [
                (Int.min, rep.territoryID, RepCSV.schema.fileName, reps.lines[index])
            ]
            let changes = (changesByRep[rep.id] ?? []).sorted {
                ($0.change.effectiveDate, $0.offset) < ($1.change.effectiveDate, $1.offset)
            }
            for (offset, change) in changes {
                let start = change.effectiveDate.daysSinceEpoch
                if seats.last?.start == start { seats.removeLast() }
                seats.append(
                    (start, change.territoryID, RepTerritoryHistoryCSV.schema.fileName, repHistory.lines[offset]))
            }
            for (position, seat) in seats.enumerated() {
                guard let territory = seat.territory else { continue }
                let end = position + 1 < seats.count ? seats[position + 1].start : Int.max
                let from = max(seat.start, hired)
                let to = min(end, left)
                if from < to {
                    tenures.append(
                        Tenure(
                            territory: territory, rep: rep.id, start: from, end: to, file: seat.file, line: seat.line))
                }
            }
        }
        tenures.sort { ($0.territory, $0.start, $0.rep) < ($1.territory, $1.start, $1.rep) }
        var previous: Tenure?
        for tenure in tenures {
            if let earlier = previous, earlier.territory == tenure.territory, tenure.start < earlier.end,
                earlier.rep != tenure.rep,
                earlier.file != RepCSV.schema.fileName || tenure.file != RepCSV.schema.fileName
            {
                let day = CalendarDate(daysSinceEpoch: max(tenure.start, earlier.start))
                log.add(
                    SalesDataIssue(
                        .seatConflict, file: tenure.file, line: tenure.line, field: "territory_id",
                        value: tenure.territory.rawValue,
                        expected: "one available rep per territory and day",
                        message:
                            "territory_id: \(tenure.territory) is held by \(tenure.rep) and \(earlier.rep) on \(day); expected one available rep per territory and day"
                    ))
                if log.isFull { return }
            }
            if previous == nil || previous?.territory != tenure.territory || tenure.end > (previous?.end ?? Int.min) {
                previous = tenure
            }
        }
    }
}
