/// Collects problems up to a limit, so a loader can report all of them instead of the first.
struct IssueLog {
    private(set) var issues: [SalesDataIssue] = []
    let limit: Int
    private(set) var truncated = false

    init(limit: Int) { self.limit = max(1, limit) }

    var isEmpty: Bool { issues.isEmpty }
    var isFull: Bool { issues.count >= limit }

    mutating func add(_ issue: SalesDataIssue) {
        if issues.count < limit { issues.append(issue) } else { truncated = true }
    }

    /// Records that problems beyond the limit were dropped elsewhere.
    mutating func markTruncated() { truncated = true }

    /// Throws ``SalesDataError/invalidData(_:truncated:)`` when anything was logged.
    func throwIfAny() throws {
        if !issues.isEmpty { throw SalesDataError.invalidData(issues.sorted(), truncated: truncated) }
    }
}
