/// A ledger or accounting input that cannot be used: which field, the bad value, what was expected.
public struct LedgerError: Error, Hashable, CustomStringConvertible {
    /// The field or key path, for example `draw.amount` or `cost[C-17].benefitMonths`.
    public var field: String
    /// The offending value as text (shown at most 200 characters).
    public var value: String
    /// What the field accepts.
    public var expected: String

    public init(field: String, value: String, expected: String) {
        self.field = field
        self.value = value
        self.expected = expected
    }

    /// `field: "value": expected …`.
    public var description: String {
        let shown = value.count > 200 ? String(value.prefix(200)) + "…" : value
        return "\(field): \"\(shown)\": expected \(expected)"
    }
}
