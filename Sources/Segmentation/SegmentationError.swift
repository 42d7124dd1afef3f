import SalesData

/// Everything that can go wrong in segmentation; data problems name the file, rule or column.
public enum SegmentationError: Error, Hashable, CustomStringConvertible {
    /// Fewer points than clusters, or no points.
    case tooFewPoints(points: Int, clusters: Int)
    /// A parameter out of range.
    case invalidParameter(name: String, value: String, expected: String)
    /// A feature value is missing or not finite, located by file, line and 1-based column number.
    case missingValue(file: String, line: Int, position: Int, column: String)
    /// A rule file that cannot be read or parsed.
    case invalidRules(file: String, reason: String)
    /// A rule names a column that the accounts do not have.
    case unknownRuleColumn(file: String, rule: String, column: String)
    /// A request or rules value out of its domain, named by its key.
    case invalidRequest(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .tooFewPoints(let points, let clusters): "cannot form \(clusters) clusters from \(points) points"
        case .invalidParameter(let name, let value, let expected):
            "\(name) = \(ErrorText.quoted(value)): expected \(expected)"
        case .missingValue(let file, let line, let position, let column):
            "\(file):\(line):\(position): \(column): a value is missing; k-means needs a value for every feature"
        case .invalidRequest(let key, let value, let expected):
            "\(key) = \(ErrorText.quoted(value)): expected \(expected)"
        case .invalidRules(let file, let reason): "\(file): \(reason)"
        case .unknownRuleColumn(let file, let rule, let column):
            "\(file): rule '\(rule)' tests column '\(column)', which the accounts do not have"
        }
    }
}

extension SegmentationError: RequestKeyError {
    /// The key of an ``invalidRequest(key:value:expected:)``; nil for every other case.
    public var requestKey: String? {
        if case .invalidRequest(let key, _, _) = self { return key }
        return nil
    }
}
