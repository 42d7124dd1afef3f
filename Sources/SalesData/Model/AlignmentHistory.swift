/// The effective-dated alignment: which territory an account belongs to, and which rep holds a
/// territory, on any date.
///
/// ```swift
/// let alignment = AlignmentHistory(dataset: try SalesDataset.load(from: URL(fileURLWithPath: "Data/demo")))
/// let day = CalendarDate(year: 2026, month: 3, day: 14)!
/// alignment.territory(of: "A0000042", on: day)   // "T017": accounts.csv, or the account's latest change on or before the day
/// alignment.holder(of: "T017", on: day)          // "R017", or nil when the seat is vacant that day
/// ```
///
/// Invariants: an account's territory on a date is its latest ``AccountTerritoryChange`` dated on or
/// before that date, else ``Account/territoryID``; a rep's seat is its latest
/// ``RepTerritoryChange`` on or before the date, else ``Rep/territoryID``. The holder of a
/// territory is a rep whose seat it is that day and who is available that day
/// (``Rep/isAvailable(on:)``: active, hired on or before it, not yet terminated). Changes of one
/// account (or rep) dated the same day apply in the order given, the last one winning.
/// The functions are pure: the same history and date give the same answer.
public struct AlignmentHistory: Sendable {
    private var initialTerritory: [AccountID: TerritoryID] = [:]
    private var accountSteps: [AccountID: [DatedValue<TerritoryID>]] = [:]
    private var initialSeat: [RepID: TerritoryID] = [:]
    private var seatSteps: [RepID: [DatedValue<TerritoryID?>]] = [:]
    private var repByID: [RepID: Rep] = [:]
    /// Every rep who holds the territory at some time, in id order.
    private var candidates: [TerritoryID: [RepID]] = [:]

    /// The changes as given.
    public let accountChanges: [AccountTerritoryChange]
    public let repChanges: [RepTerritoryChange]

    /// - Parameters:
    ///   - accounts: Accounts with their territory at the start of the history.
    ///   - reps: Reps with their seat at the start of the history, hire and termination dates.
    ///   - accountChanges: Account moves, in any order.
    ///   - repChanges: Seat changes, in any order.
    /// - Complexity: O(n log n) in the number of changes.
    public init(
        accounts: [Account], reps: [Rep], accountChanges: [AccountTerritoryChange] = [],
        repChanges: [RepTerritoryChange] = []
    ) {
        self.accountChanges = accountChanges
        self.repChanges = repChanges
        for account in accounts {
            if let territory = account.territoryID, initialTerritory[account.id] == nil {
                initialTerritory[account.id] = territory
            }
        }
        for change in accountChanges {
            accountSteps[change.accountID, default: []].append(
                DatedValue(date: change.effectiveDate, value: change.territoryID))
        }
        for key in accountSteps.keys { accountSteps[key]?.sortByDateStably() }
        var holders: [TerritoryID: Set<RepID>] = [:]
        for rep in reps where repByID[rep.id] == nil {
            repByID[rep.id] = rep
            if let territory = rep.territoryID {
                initialSeat[rep.id] = territory
                holders[territory, default: []].insert(rep.id)
            }
        }
        for change in repChanges {
            seatSteps[change.repID, default: []].append(
                DatedValue(date: change.effectiveDate, value: change.territoryID))
            if let territory = change.territoryID { holders[territory, default: []].insert(change.repID) }
        }
        for key in seatSteps.keys { seatSteps[key]?.sortByDateStably() }
        candidates = holders.mapValues { $0.sorted() }
    }

    /// The alignment of a loaded dataset: its accounts, reps and both history files.
    public init(dataset: SalesDataset) {
        self.init(
            accounts: dataset.accounts, reps: dataset.reps, accountChanges: dataset.accountTerritoryHistory,
            repChanges: dataset.repTerritoryHistory)
    }

    /// The territory `account` belongs to on `date`; nil for an unknown account or one without a territory.
    ///
    /// - Complexity: O(log k) for an account with k changes.
    public func territory(of account: AccountID, on date: CalendarDate) -> TerritoryID? {
        if let steps = accountSteps[account], let step = steps.latest(onOrBefore: date) { return step.value }
        return initialTerritory[account]
    }

    /// The seat `rep` is assigned on `date` (whether or not employed that day); nil when none.
    public func seat(of rep: RepID, on date: CalendarDate) -> TerritoryID? {
        if let steps = seatSteps[rep], let step = steps.latest(onOrBefore: date) { return step.value }
        return initialSeat[rep]
    }

    /// The rep who holds `territory` on `date`, nil when the seat is vacant.
    ///
    /// The holder is assigned to the seat that day and available that day. When two reps share the seat in `reps.csv` (a job share), the smaller
    /// id; a history row that makes two holders is rejected by `SalesDataset` validation.
    public func holder(of territory: TerritoryID, on date: CalendarDate) -> RepID? {
        for rep in candidates[territory] ?? [] {
            guard let person = repByID[rep], person.isAvailable(on: date) else { continue }
            if seat(of: rep, on: date) == territory { return rep }
        }
        return nil
    }

    /// The rep who holds the territory of `account` on `date`; nil when it has none or the seat is vacant.
    public func owner(of account: AccountID, on date: CalendarDate) -> RepID? {
        territory(of: account, on: date).flatMap { holder(of: $0, on: date) }
    }
}

/// One dated value of an account's territory or a rep's seat.
private struct DatedValue<Value: Sendable>: Sendable {
    var date: CalendarDate
    var value: Value
}

extension Array {
    /// Sorts by date, keeping the given order among equal dates.
    fileprivate mutating func sortByDateStably<Value>() where Element == DatedValue<Value> {
        self = enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// The last element dated on or before `date` (elements sorted by date); nil when all are later.
    fileprivate func latest<Value>(onOrBefore date: CalendarDate) -> Element? where Element == DatedValue<Value> {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].date <= date { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : self[low - 1]
    }
}
