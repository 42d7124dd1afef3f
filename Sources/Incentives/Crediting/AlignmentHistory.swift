import SalesData

/// Who held what on a given day: the effective-dated alignment crediting reads.
///
/// Meridian's own implementation is ``EffectiveDatedAlignment``; a dataset whose SalesData offers
/// "territory of account on date" and "holder of territory on date" can conform directly.
public protocol AlignmentHistory: Sendable {
    /// The territory `account` belongs to on `date`.
    func territory(of account: AccountID, on date: CalendarDate) -> TerritoryID?
    /// The person seated in `territory` on `date`, if any.
    func holder(of territory: TerritoryID, on date: CalendarDate) -> RepID?
    /// The territories `rep` held, as day intervals `[from, until)` (days since 1970-01-01), in date order.
    func seats(of rep: RepID) -> [Seat]
}

/// A person's tenure in one territory: `[from, until)` in days since 1970-01-01.
public struct Seat: Sendable, Hashable {
    public var territory: TerritoryID
    public var from: Int
    public var until: Int

    public init(territory: TerritoryID, from: Int, until: Int) {
        self.territory = territory
        self.from = from
        self.until = until
    }
}

/// The alignment over time from `accounts.csv`/`reps.csv` plus the optional history files
/// `account_territory_history.csv` (`account_id,territory_id,effective_date`) and
/// `rep_territory_history.csv` (`rep_id,territory_id,effective_date`, an empty territory = no seat).
///
/// From a history row's date (inclusive) the account or rep is in that territory until its next row;
/// before the first row the territory of accounts.csv / reps.csv applies. A rep holds seats only while
/// employed: from `hire_date` (inclusive) to `termination_date` (exclusive).
///
/// ```swift
/// let alignment = EffectiveDatedAlignment(accounts: accounts, reps: reps,
///     repMoves: [.init(id: "R1", territory: "T2", effective: CalendarDate(year: 2026, month: 2, day: 15)!)])
/// alignment.holder(of: "T2", on: CalendarDate(year: 2026, month: 3, day: 1)!)   // "R1"
/// ```
public struct EffectiveDatedAlignment: AlignmentHistory {
    /// One row of a history file.
    public struct Move<ID: Hashable & Sendable>: Sendable, Hashable {
        public var id: ID
        public var territory: TerritoryID?
        public var effective: CalendarDate

        public init(id: ID, territory: TerritoryID?, effective: CalendarDate) {
            self.id = id
            self.territory = territory
            self.effective = effective
        }
    }

    private static let distantPast = Int.min / 4
    private static let distantFuture = Int.max / 4

    /// Account → (day from which, territory), sorted by day; the first entry starts in the distant past.
    private let accountTimeline: [AccountID: [(day: Int, territory: TerritoryID?)]]
    private let seatsByRep: [RepID: [Seat]]
    private let seatsByTerritory: [TerritoryID: [(rep: RepID, seat: Seat)]]

    public init(accounts: [Account], reps: [Rep], accountMoves: [Move<AccountID>] = [], repMoves: [Move<RepID>] = []) {
        var timeline: [AccountID: [(day: Int, territory: TerritoryID?)]] = [:]
        for account in accounts { timeline[account.id] = [(Self.distantPast, account.territoryID)] }
        for move in accountMoves.sorted(by: { $0.effective < $1.effective }) {
            timeline[move.id, default: [(Self.distantPast, nil)]].append(
                (move.effective.daysSinceEpoch, move.territory))
        }
        accountTimeline = timeline
        var movesByRep: [RepID: [Move<RepID>]] = [:]
        for move in repMoves { movesByRep[move.id, default: []].append(move) }
        var seats: [RepID: [Seat]] = [:]
        var byTerritory: [TerritoryID: [(rep: RepID, seat: Seat)]] = [:]
        for rep in reps where rep.status == .active {
            let employedFrom = rep.hireDate?.daysSinceEpoch ?? Self.distantPast
            let employedUntil = rep.terminationDate?.daysSinceEpoch ?? Self.distantFuture
            var changes: [(day: Int, territory: TerritoryID?)] = [(Self.distantPast, rep.territoryID)]
            for move in (movesByRep[rep.id] ?? []).sorted(by: { $0.effective < $1.effective }) {
                changes.append((move.effective.daysSinceEpoch, move.territory))
            }
            var list: [Seat] = []
            for (index, change) in changes.enumerated() {
                guard let territory = change.territory else { continue }
                let end = index + 1 < changes.count ? changes[index + 1].day : Self.distantFuture
                let from = max(change.day, employedFrom)
                let until = min(end, employedUntil)
                guard from < until else { continue }
                let seat = Seat(territory: territory, from: from, until: until)
                list.append(seat)
                byTerritory[territory, default: []].append((rep.id, seat))
            }
            seats[rep.id] = list
        }
        seatsByRep = seats
        seatsByTerritory = byTerritory
    }

    public func territory(of account: AccountID, on date: CalendarDate) -> TerritoryID? {
        guard let entries = accountTimeline[account] else { return nil }
        let day = date.daysSinceEpoch
        return entries.last { $0.day <= day }?.territory ?? nil
    }

    public func holder(of territory: TerritoryID, on date: CalendarDate) -> RepID? {
        let day = date.daysSinceEpoch
        var holder: RepID?
        for (rep, seat) in seatsByTerritory[territory] ?? [] where seat.from <= day && day < seat.until {
            if holder.map({ rep < $0 }) ?? true { holder = rep }
        }
        return holder
    }

    public func seats(of rep: RepID) -> [Seat] { seatsByRep[rep] ?? [] }
}
