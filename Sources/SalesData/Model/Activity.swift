/// A call, meeting or email between a rep and an account.
///
/// ```swift
/// let note = Activity(id: "E-1", kind: .email, date: CalendarDate(year: 2025, month: 5, day: 2)!,
///                     accountID: "A-1", repID: "R-001", subject: "Pricing", text: "Thanks for the call.")
/// ```
public struct Activity: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case call, meeting, email
    }

    public var id: ActivityID
    public var kind: Kind
    public var date: CalendarDate
    public var accountID: AccountID
    public var repID: RepID?
    public var opportunityID: OpportunityID?
    public var subject: String?
    /// Free text: an email body or call notes.
    public var text: String

    public init(
        id: ActivityID, kind: Kind, date: CalendarDate, accountID: AccountID, repID: RepID? = nil,
        opportunityID: OpportunityID? = nil, subject: String? = nil, text: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.accountID = accountID
        self.repID = repID
        self.opportunityID = opportunityID
        self.subject = subject
        self.text = text
    }
}
