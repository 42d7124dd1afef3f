import Foundation
import SalesData
import Yams

/// Rule buckets read from YAML: the first rule whose conditions all hold gives the account its
/// bucket, and the rule's name is recorded with it; accounts no rule matches get `default`.
///
/// ```yaml
/// default: SMB
/// rules:
///   - name: large-by-employees
///     bucket: Enterprise
///     when: { employees: { gte: 1000 } }
///   - name: mid-by-revenue
///     bucket: Mid-Market
///     when: { annualRevenue: { gte: 50000000 } }
///   - name: public-sector
///     bucket: Public
///     when: { industry: { in: [Government, Education] } }
/// ```
///
/// Operators: `gt`, `gte`, `lt`, `lte` (numeric), `eq`, `ne` (numeric when both sides are
/// numbers, text otherwise) and `in` (a list of values). A missing value fails every condition.
///
/// ```swift
/// let rules = try BucketRules(yaml: text, file: "segments.yaml")
/// let buckets = try rules.assign(table)   // [BucketAssignment]
/// ```
public struct BucketRules: Sendable, Hashable, Codable {
    public let defaultBucket: String
    public let rules: [BucketRule]
    public let file: String

    /// The rule name recorded for accounts that no rule matched.
    public static let defaultRuleName = "default"

    /// Decodes rules strictly (unknown keys and operators are errors located at file:line:column).
    ///
    /// - Throws: `ConfigurationError` naming the file, line, column and key path.
    public init(yaml: String, file: String) throws(ConfigurationError) {
        try self.init(document: try YAMLConfiguration(yaml: yaml, file: file))
    }

    /// Reads and decodes a rules file (see ``init(yaml:file:)``).
    public init(contentsOf url: URL) throws(ConfigurationError) {
        try self.init(document: try YAMLConfiguration(contentsOf: url))
    }

    private init(document: YAMLConfiguration) throws(ConfigurationError) {
        let book = try document.decode(RuleBook.self)
        func fail(_ key: String, _ value: String, _ expected: String) -> ConfigurationError {
            document.located(SegmentationError.invalidRequest(key: key, value: value, expected: expected))
        }
        guard !book.rules.isEmpty else { throw fail("rules", "[]", "at least one rule") }
        var names = Set<String>()
        var rules: [BucketRule] = []
        for (i, rule) in book.rules.enumerated() {
            let name = rule.name ?? "rule-\(i + 1)"
            guard names.insert(name).inserted else {
                throw fail("rules[\(i)].name", name, "a name not used by another rule")
            }
            guard !rule.when.isEmpty else { throw fail("rules[\(i)].when", "{}", "at least one condition") }
            let conditions = rule.when.sorted { $0.key < $1.key }.map {
                ColumnCondition(column: $0.key, test: $0.value)
            }
            rules.append(BucketRule(name: name, bucket: rule.bucket, conditions: conditions))
        }
        self.defaultBucket = book.default ?? "Unassigned"
        self.rules = rules
        self.file = document.file
    }

    /// The bucket and matching rule of every row.
    ///
    /// - Throws: ``SegmentationError/unknownRuleColumn(file:rule:column:)`` when a rule tests a
    ///   column the table lacks.
    public func assign(_ table: ColumnTable) throws -> [BucketAssignment] {
        var cells: [String: [String?]] = [:]
        for rule in rules {
            for condition in rule.conditions where cells[condition.column] == nil {
                guard table.has(condition.column) else {
                    throw SegmentationError.unknownRuleColumn(file: file, rule: rule.name, column: condition.column)
                }
                cells[condition.column] = try table.strings(condition.column)
            }
        }
        return (0..<table.rowCount).map { row in
            for rule in rules where rule.conditions.allSatisfy({ $0.test.holds(cells[$0.column]?[row] ?? nil) }) {
                return BucketAssignment(bucket: rule.bucket, rule: rule.name)
            }
            return BucketAssignment(bucket: defaultBucket, rule: Self.defaultRuleName)
        }
    }
}

/// One rule: a bucket and the conditions (all must hold) that lead to it.
public struct BucketRule: Sendable, Hashable, Codable {
    public let name: String
    public let bucket: String
    public let conditions: [ColumnCondition]
}

/// A test on one column.
public struct ColumnCondition: Sendable, Hashable, Codable {
    public let column: String
    public let test: ConditionTest
}

/// The bucket an account landed in and the rule that put it there.
public struct BucketAssignment: Sendable, Hashable, Codable {
    public let bucket: String
    public let rule: String
}

/// Comparison operators of one condition; all given operators must hold.
public struct ConditionTest: Sendable, Hashable, Codable {
    public var gt: Double?
    public var gte: Double?
    public var lt: Double?
    public var lte: Double?
    public var eq: String?
    public var ne: String?
    public var `in`: [String]?

    enum Key: String, CodingKey, CaseIterable {
        case gt, gte, lt, lte, eq, ne, `in`
    }

    /// Decodes the operators; an unknown operator is rejected by the strict YAML decoder, which
    /// reads only these keys.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if c.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "no operator; expected one of gt, gte, lt, lte, eq, ne, in"))
        }
        gt = try c.decodeIfPresent(Double.self, forKey: .gt)
        gte = try c.decodeIfPresent(Double.self, forKey: .gte)
        lt = try c.decodeIfPresent(Double.self, forKey: .lt)
        lte = try c.decodeIfPresent(Double.self, forKey: .lte)
        eq = try c.decodeIfPresent(String.self, forKey: .eq)
        ne = try c.decodeIfPresent(String.self, forKey: .ne)
        `in` = try c.decodeIfPresent([String].self, forKey: .in)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(gt, forKey: .gt)
        try c.encodeIfPresent(gte, forKey: .gte)
        try c.encodeIfPresent(lt, forKey: .lt)
        try c.encodeIfPresent(lte, forKey: .lte)
        try c.encodeIfPresent(eq, forKey: .eq)
        try c.encodeIfPresent(ne, forKey: .ne)
        try c.encodeIfPresent(`in`, forKey: .in)
    }

    func holds(_ cell: String?) -> Bool {
        guard let text = cell?.trimmingCharacters(in: .whitespaces) else { return false }
        let number = Double(text)
        if gt != nil || gte != nil || lt != nil || lte != nil {
            guard let x = number else { return false }
            if let gt, !(x > gt) { return false }
            if let gte, !(x >= gte) { return false }
            if let lt, !(x < lt) { return false }
            if let lte, !(x <= lte) { return false }
        }
        if let eq, !Self.equal(text, eq) { return false }
        if let ne, Self.equal(text, ne) { return false }
        if let list = `in`, !list.contains(where: { Self.equal(text, $0) }) { return false }
        return true
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        if let x = Double(a), let y = Double(b) { return x == y }
        return a == b
    }
}

/// The rules file as written: `default` and the list of `rules`.
struct RuleBook: Decodable {
    struct Rule: Decodable {
        let name: String?
        let bucket: String
        let when: [String: ConditionTest]
        enum CodingKeys: String, CodingKey, CaseIterable { case name, bucket, when }
    }
    let `default`: String?
    let rules: [Rule]
    enum CodingKeys: String, CodingKey, CaseIterable { case `default`, rules }
}
