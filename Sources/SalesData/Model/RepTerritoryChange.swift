/// A rep taking a seat (or leaving every seat) on a date (a row of `rep_territory_history.csv`).
///
/// From ``effectiveDate`` (inclusive) the rep holds ``territoryID`` (none when `nil`) until the
/// rep's next change; before the first change the rep's own ``Rep/territoryID`` applies. Whether the
/// rep is employed that day is a separate fact: ``Rep/hireDate`` and ``Rep/terminationDate``.
///
/// ```swift
/// let move = RepTerritoryChange(repID: "R014", territoryID: "T012",
///                               effectiveDate: CalendarDate(year: 2026, month: 8, day: 1)!)
/// ```
public struct RepTerritoryChange: Sendable, Hashable, Codable {
    public var repID: RepID
    /// The seat held from ``effectiveDate``; `nil` = no seat.
    public var territoryID: TerritoryID?
    /// First day in the new seat.
    public var effectiveDate: CalendarDate

    public init(repID: RepID, territoryID: TerritoryID?, effectiveDate: CalendarDate) {
        self.repID = repID
        self.territoryID = territoryID
        self.effectiveDate = effectiveDate
    }
}
