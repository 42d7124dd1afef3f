/// Reads and writes `activities.csv`: calls, meetings and emails (Salesforce `Task`/`Event` names accepted).
///
/// ```swift
/// let csv = "id,type,date,account_id,rep_id,subject,text\nE-1,email,2025-05-02,A-1,R-1,Pricing,\"Thanks, see attached.\"\n"
/// let activities = try ActivityCSV.decode(Array(csv.utf8))
/// activities[0].kind    // .email
/// ```
public enum ActivityCSV {
    enum Column: Int, CaseIterable {
        case id, kind, date, accountID, repID, opportunityID, subject, text
    }

    /// The columns of `activities.csv`.
    public static let schema = CSVSchema(
        fileName: "activities.csv",
        columns: [
            CSVColumn("id", aliases: ["Id", "activity_id"], required: true, "Unique activity id."),
            CSVColumn(
                "type", aliases: ["kind", "TaskSubtype", "activity_type"], required: true, "call, meeting or email."),
            CSVColumn("date", aliases: ["ActivityDate", "activity_date"], required: true, "YYYY-MM-DD."),
            CSVColumn(
                "account_id", aliases: ["AccountId", "WhatId"], required: true, "Account; must exist in accounts.csv."),
            CSVColumn("rep_id", aliases: ["OwnerId", "owner_id"], "Rep; must exist in reps.csv."),
            CSVColumn("opportunity_id", aliases: ["OpportunityId"], "Opportunity; must exist in opportunities.csv."),
            CSVColumn("subject", aliases: ["Subject"], "Short subject line."),
            CSVColumn(
                "text", aliases: ["Description", "body", "notes"],
                "Email body or call notes; may span lines when quoted."),
        ])

    static let kinds: [String: Activity.Kind] = [
        "call": .call, "meeting": .meeting, "email": .email, "event": .meeting, "phonecall": .call, "task": .call,
    ]

    /// Decodes and validates the activities in `bytes`.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "activities.csv", issueLimit: Int = 100) throws
        -> [Activity]
    {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog) -> Decoded<Activity> {
        schema.decode(bytes, file: file, log: &log, id: { $0.id.rawValue }) { row -> Activity? in
            typealias C = Column
            let id = row.identifier(C.id.rawValue).map(ActivityID.init)
            let kind = row.choice(C.kind.rawValue, kinds, required: true)
            let date = row.date(C.date.rawValue, required: true)
            let account = row.identifier(C.accountID.rawValue).map(AccountID.init)
            return Activity(
                id: id ?? "", kind: kind ?? .call, date: date ?? CalendarDate(daysSinceEpoch: 0),
                accountID: account ?? "",
                repID: row.identifier(C.repID.rawValue, required: false).map(RepID.init),
                opportunityID: row.identifier(C.opportunityID.rawValue, required: false).map(OpportunityID.init),
                subject: row.string(C.subject.rawValue, required: false), text: row.text(C.text.rawValue) ?? "")
        }
    }

    /// Writes `activities` with the canonical header.
    public static func encode(_ activities: [Activity]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name))
        for activity in activities {
            writer.writeRow([
                activity.id.rawValue, activity.kind.rawValue, activity.date.description, activity.accountID.rawValue,
                activity.repID?.rawValue ?? "", activity.opportunityID?.rawValue ?? "", activity.subject ?? "",
                activity.text,
            ])
        }
        return writer.bytes
    }
}
