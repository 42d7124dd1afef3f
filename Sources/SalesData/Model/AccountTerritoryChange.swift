/// An account moving to a territory on a date (a row of `account_territory_history.csv`).
///
/// From ``effectiveDate`` (inclusive) the account belongs to ``territoryID`` until the account's
/// next change; before its first change the account's own ``Account/territoryID`` applies.
///
/// ```swift
/// let move = AccountTerritoryChange(accountID: "A0000042", territoryID: "T007",
///                                   effectiveDate: CalendarDate(year: 2026, month: 7, day: 1)!)
/// ```
public struct AccountTerritoryChange: Sendable, Hashable, Codable {
    public var accountID: AccountID
    public var territoryID: TerritoryID
    /// First day in the new territory.
    public var effectiveDate: CalendarDate

    public init(accountID: AccountID, territoryID: TerritoryID, effectiveDate: CalendarDate) {
        self.accountID = accountID
        self.territoryID = territoryID
        self.effectiveDate = effectiveDate
    }
}
