/// Everything that can go wrong when reading or building sales data.
///
/// ```swift
/// do {
///     _ = try SalesDataset.load(from: folder)
/// } catch let SalesDataError.invalidData(issues, _) {
///     for issue in issues { print(issue) }      // accounts.csv:12:5: latitude: …
/// }
/// ```
public enum SalesDataError: Error, Hashable, CustomStringConvertible {
    /// The files hold problems; nothing was loaded. `truncated` is true when more problems existed
    /// than the loader's limit.
    case invalidData([SalesDataIssue], truncated: Bool)
    /// A required file is missing from a dataset folder.
    case missingFile(path: String)
    /// Text that is not an ISO 8601 `YYYY-MM-DD` date.
    case invalidDate(String)
    /// A fiscal calendar start month outside 1...12.
    case invalidFiscalStartMonth(Int)
    /// Two hierarchy nodes share an id.
    case duplicateNode(TerritoryID)
    /// A node names a parent that is not in the hierarchy.
    case unknownParent(node: TerritoryID, parent: TerritoryID)
    /// Parent links that loop; the nodes on the loop in link order.
    case hierarchyCycle([TerritoryID])
    /// A generator or writer was given an impossible configuration.
    case invalidConfiguration(String)
    /// A request value out of its domain, named by its key.
    case invalidRequest(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalidData(let issues, let truncated):
            let head = "\(issues.count)\(truncated ? "+" : "") problem\(issues.count == 1 ? "" : "s") in the data:"
            return ([head] + issues.map(\.description)).joined(separator: "\n")
        case .missingFile(let path):
            return "missing file \(path); a dataset folder needs accounts.csv and reps.csv"
        case .invalidDate(let text):
            return "\"\(ErrorText.quoted(text))\" is not a date; expected YYYY-MM-DD (ISO 8601)"
        case .invalidFiscalStartMonth(let month):
            return "fiscal year start month \(month) is invalid; expected 1...12"
        case .duplicateNode(let id):
            return "hierarchy node \(id) appears twice; ids must be unique"
        case .unknownParent(let node, let parent):
            return "hierarchy node \(node) names parent \(parent), which does not exist; add it or fix parent_id"
        case .hierarchyCycle(let cycle):
            return
                "hierarchy has a cycle: \((cycle + cycle.prefix(1)).map(\.rawValue).joined(separator: " → ")); break one parent link"
        case .invalidConfiguration(let reason):
            return "invalid configuration: \(reason)"
        case .invalidRequest(let key, let value, let expected):
            return "\(key) = \(ErrorText.quoted(value)): expected \(expected)"
        }
    }
}

extension SalesDataError: RequestKeyError {
    /// The key of an ``invalidRequest(key:value:expected:)``; nil for every other case.
    public var requestKey: String? {
        if case .invalidRequest(let key, _, _) = self { return key }
        return nil
    }
}
