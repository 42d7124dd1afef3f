import SalesData

extension IncentivesError {
    /// `T` decoded from a plan or policy file's text by SalesData's `YAMLConfiguration`, its error
    /// wrapped as ``configuration(_:)``.
    static func decoding<T: Decodable>(_ type: T.Type, yaml: String, file: String) throws(IncentivesError) -> T {
        do { return try YAMLConfiguration.decode(T.self, from: yaml, file: file) } catch { throw .configuration(error) }
    }
}

/// A value that plan and policy files write as text and Incentives parses exactly: a rate, an
/// amount, a date or a month.
protocol ConfigurationText {
    /// What a valid value looks like, for error messages (`a date YYYY-MM-DD`).
    static var expectedText: String { get }
    /// The value of `text`; `nil` when it is not one.
    init?(configurationText text: String)
}

extension Rate: ConfigurationText {
    static var expectedText: String { "a decimal number with at most 6 places, for example 1.5 or 3%" }

    /// A rate of at most ±1,000,000 (100,000,000 %).
    init?(configurationText text: String) {
        guard let rate = try? Rate(parsing: text), rate.micros.magnitude <= 1_000_000 * UInt64(Rate.unit) else {
            return nil
        }
        self = rate
    }
}

extension Money: ConfigurationText {
    static var expectedText: String { "an amount with at most 2 decimals, for example 100000 or 1234.50" }

    /// An amount of at most ±10¹³.
    init?(configurationText text: String) {
        guard let money = try? Money(parsing: text), money.cents.magnitude <= 1_000_000_000_000_000 else { return nil }
        self = money
    }
}

extension CalendarDate: ConfigurationText {
    static var expectedText: String { "a date YYYY-MM-DD" }

    init?(configurationText text: String) {
        guard let date = try? CalendarDate(iso8601: text) else { return nil }
        self = date
    }
}

extension CompPeriod: ConfigurationText {
    static var expectedText: String { "a month YYYY-MM" }

    init?(configurationText text: String) {
        guard let period = try? CompPeriod(parsing: text) else { return nil }
        self = period
    }
}

/// A ``ConfigurationText`` value decoded from its text; a bad value is an error located at it.
struct Parsed<Value: ConfigurationText>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Value(configurationText: text) else {
            throw decoder.configurationLocation.error(text, expected: Value.expectedText, kind: .typeMismatch)
        }
        self.value = value
    }
}

/// A list written either as a YAML list or, for one item, as the item alone (`roles: AE`).
struct OneOrMany<Item: Decodable>: Decodable {
    let items: [Item]

    init(from decoder: any Decoder) throws {
        guard var list = try? decoder.unkeyedContainer() else {
            items = [try decoder.singleValueContainer().decode(Item.self)]
            return
        }
        var items: [Item] = []
        while !list.isAtEnd { items.append(try list.decode(Item.self)) }
        self.items = items
    }
}

/// A decoded value with where it is written.
struct Located<Value: Decodable>: Decodable {
    let value: Value
    let location: ConfigurationLocation

    init(from decoder: any Decoder) throws {
        location = decoder.configurationLocation
        value = try Value(from: decoder)
    }
}

extension SourceLocation {
    /// The file, line and column of a configuration location.
    init(_ location: ConfigurationLocation) {
        self.init(file: location.file, line: location.line, column: location.column)
    }
}

extension KeyedDecodingContainer {
    /// The parsed text value of `key`.
    func parsed<Value: ConfigurationText>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try decode(Parsed<Value>.self, forKey: key).value
    }

    /// The parsed text value of `key`, or `nil` when absent.
    func parsedIfPresent<Value: ConfigurationText>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        try decodeIfPresent(Parsed<Value>.self, forKey: key)?.value
    }

    /// The items of `key` (a list or one item), or `nil` when absent.
    func listIfPresent<Item: Decodable>(_ type: Item.Type, forKey key: Key) throws -> [Item]? {
        try decodeIfPresent(OneOrMany<Item>.self, forKey: key)?.items
    }

    /// A whole number of `key` in `range`.
    func integer(forKey key: Key, in range: ClosedRange<Int>) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard range.contains(value) else {
            throw try location(of: key).error(String(value), expected: "a whole number in \(range)")
        }
        return value
    }

    /// A whole number of `key` in `range`, or `nil` when absent.
    func integerIfPresent(forKey key: Key, in range: ClosedRange<Int>) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try integer(forKey: key, in: range)
    }

    /// Where the value of `key` is written (the key must be present).
    func location(of key: Key) throws -> ConfigurationLocation {
        try decode(ConfigurationLocation.self, forKey: key)
    }
}
