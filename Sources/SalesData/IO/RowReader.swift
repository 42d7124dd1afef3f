import Foundation

/// Reads typed values out of the records of one file, logging every bad value with its location.
///
/// A codec makes one `RowReader` per file, calls ``begin(_:)`` for each record, reads fields by
/// schema column index and checks ``rowIsValid`` before building a value.
final class RowReader {
    let schema: CSVSchema
    let map: HeaderMap
    let file: String
    var log: IssueLog
    private(set) var record: CSVRecord?
    /// Whether the current record has produced no issue so far.
    private(set) var rowIsValid = true
    /// Distinct values seen so far in each label column (see ``label(_:required:)``), at most
    /// ``labelCacheSize`` per column.
    private var labels: [[Label]]

    /// A cached label: its first eight bytes as one word (zero-padded), so most misses cost one
    /// comparison, and its full bytes for longer labels.
    private struct Label {
        var prefix: UInt64
        var bytes: [UInt8]
        var value: String
    }

    /// The first eight bytes of `raw` as a little-endian word, zero-padded.
    @inline(__always)
    private static func prefix(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<min(8, raw.count) { word |= UInt64(raw[index]) << (8 * UInt64(index)) }
        return word
    }
    static let labelCacheSize = 32
    /// See ``pair(_:_:)``.
    private var template:
        (
            dictionary: [String: Double], first: Dictionary<String, Double>.Index,
            second: Dictionary<String, Double>.Index
        )?

    init(schema: CSVSchema, map: HeaderMap, file: String, log: IssueLog) {
        self.schema = schema
        self.map = map
        self.file = file
        self.log = log
        self.labels = Array(repeating: [], count: schema.columns.count)
    }

    var line: Int { record?.line ?? 0 }

    /// `[first.key: first.value, second.key: second.value]`, built fast: the first call makes a
    /// template dictionary with the two keys and remembers where each sits; every call copies the
    /// template and sets the values in place, which keeps the hash table and skips hashing the keys.
    ///
    /// The keys must be the same on every call. Each worker has its own reader, so workers never
    /// share the template's reference count.
    func pair(_ first: (key: String, value: Double), _ second: (key: String, value: Double)) -> [String: Double] {
        if template == nil {
            var dictionary = [String: Double](minimumCapacity: 2)
            dictionary[first.key] = 0
            dictionary[second.key] = 0
            if let one = dictionary.index(forKey: first.key), let two = dictionary.index(forKey: second.key) {
                template = (dictionary, one, two)
            }
        }
        guard var made = template?.dictionary, let one = template?.first, let two = template?.second else {
            return [first.key: first.value, second.key: second.value]
        }
        made.values[one] = first.value
        made.values[two] = second.value
        return made
    }

    /// Header fields outside the schema whose name starts with `attr_` or `attr:`, with the
    /// attribute name after the prefix.
    lazy var attributeFields: [(field: Int, name: String)] = map.extras.compactMap { extra in
        let lower = extra.name.lowercased()
        guard lower.hasPrefix("attr_") || lower.hasPrefix("attr:") else { return nil }
        return (extra.field, String(extra.name.dropFirst(5)))
    }

    /// Starts a record; returns false (after logging) when it has more fields than the header.
    func begin(_ record: CSVRecord) -> Bool {
        self.record = record
        rowIsValid = true
        if record.count > map.fieldCount {
            report(
                .malformedRow, field: map.fieldCount + 1, column: nil, value: nil,
                expected: "\(map.fieldCount) fields",
                message:
                    "record has \(record.count) fields but the header has \(map.fieldCount); quote values that contain commas"
            )
            return false
        }
        return true
    }

    /// Whether the file has schema column `column`.
    func has(_ column: Int) -> Bool { map.indices[column] >= 0 }

    /// Raw bytes of `column` in the current record, or nil when the column is absent or the field is
    /// missing (the record is short).
    private func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
        let field = map.indices[column]
        guard field >= 0, let record, field < record.count else { return nil }
        return record.rawBytes(at: field)
    }

    private func isBlank(_ column: Int) -> Bool {
        let field = map.indices[column]
        guard field >= 0, let record, field < record.count else { return true }
        if record.isQuoted(field) { return false }
        return record.rawBytes(at: field).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The text of `column`; nil when absent or blank and unquoted (a quoted `""` is an empty string).
    func text(_ column: Int) -> String? {
        let field = map.indices[column]
        guard !isBlank(column), let record else { return nil }
        return record.string(at: field)
    }

    /// The text of `column` without surrounding spaces; nil (after logging) when blank and `required`.
    func identifier(_ column: Int, required: Bool = true) -> String? {
        let field = map.indices[column]
        if field >= 0, let record, field < record.count {
            let raw = record.rawBytes(at: field)
            var start = 0
            var end = raw.count
            while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
            while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
            if start < end {
                if record.hasEscapedQuotes(field) { return record.string(at: field).trimmingCharacters(in: " \t") }
                return String(decoding: UnsafeBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
            }
        }
        if required { missing(column) }
        return nil
    }

    /// A finite number from a header field outside the schema (for example an `attr_` column).
    func extraNumber(field: Int, name: String) -> Double? {
        guard let record, field < record.count, !record.isEmpty(field) else { return nil }
        let raw = record.rawBytes(at: field)
        if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        switch NumberParser.parse(raw) {
        case .value(let value): return value
        case .nonFinite, .invalid:
            let value = Self.abbreviate(record.string(at: field))
            let finite = NumberParser.parse(raw) == .invalid
            report(
                finite ? .notANumber : .nonFinite, field: field + 1, column: name, value: value,
                expected: "a finite number",
                message: "\(name): \"\(value)\" is \(finite ? "not a number" : "not finite"); expected a finite number")
            return nil
        }
    }

    /// Non-empty text; logs a missing value when blank and `required`.
    func string(_ column: Int, required: Bool) -> String? {
        if let value = text(column), !value.isEmpty { return value }
        if required { missing(column) }
        return nil
    }

    /// Like ``string(_:required:)``, for columns that repeat a few values (industry, segment):
    /// equal values share one `String` instead of each row allocating its own.
    func label(_ column: Int, required: Bool) -> String? {
        let field = map.indices[column]
        guard field >= 0, let record, field < record.count, !record.hasEscapedQuotes(field), !record.isEmpty(field),
            !isBlank(column)
        else { return string(column, required: required) }
        let raw = record.rawBytes(at: field)
        let prefix = Self.prefix(raw)
        let hit = labels[column].withUnsafeBufferPointer { cache -> String? in
            for entry in cache where entry.prefix == prefix && entry.bytes.count == raw.count {
                if raw.count <= 8 { return entry.value }
                let same = entry.bytes.withUnsafeBufferPointer { bytes in
                    guard let a = bytes.baseAddress, let b = raw.baseAddress else { return false }
                    return memcmp(a + 8, b + 8, raw.count - 8) == 0
                }
                if same { return entry.value }
            }
            return nil
        }
        if let hit { return hit }
        let value = String(decoding: raw, as: UTF8.self)
        if labels[column].count < Self.labelCacheSize {
            labels[column].append(Label(prefix: prefix, bytes: Array(raw), value: value))
        }
        return value
    }

    /// A finite number in `range` (when given); logs and returns nil otherwise.
    func double(_ column: Int, required: Bool = false, range: ClosedRange<Double>? = nil, rangeText: String? = nil)
        -> Double?
    {
        // Same test as `bytes(column)` and `isBlank(column)`, with one look-up of the field.
        let field = map.indices[column]
        guard field >= 0, let record, field < record.count else {
            if required { missing(column) }
            return nil
        }
        let raw = record.rawBytes(at: field)
        // The plain forms first: they are not blank, and need no thousands separators.
        if let value = NumberParser.parsePlain(raw) {
            return checked(value, column, range: range, rangeText: rangeText)
        }
        guard record.isQuoted(field) || !raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else {
            if required { missing(column) }
            return nil
        }
        let spec = schema.columns[column]
        switch NumberParser.parse(raw, thousandsSeparators: spec.allowsThousandsSeparators) {
        case .value(let value):
            return checked(value, column, range: range, rangeText: rangeText)
        case .nonFinite:
            invalid(column, .nonFinite, expected: "a finite number", problem: "is not finite")
            return nil
        case .invalid:
            let wanted =
                spec.allowsThousandsSeparators
                ? "a number such as 1234.5 or 1,234.5" : "a number such as 1234.5 (no thousands separators)"
            invalid(column, .notANumber, expected: wanted, problem: "is not a number")
            return nil
        }
    }

    /// `value` when in `range` (or no range is given); logs and returns nil otherwise.
    @inline(__always)
    private func checked(_ value: Double, _ column: Int, range: ClosedRange<Double>?, rangeText: String?) -> Double? {
        guard let range, !range.contains(value) else { return value }
        let wanted = rangeText ?? "a number in \(range.lowerBound.compactText)...\(range.upperBound.compactText)"
        let kind: SalesDataIssue.Kind = range.lowerBound == 0 && value < 0 ? .negative : .outOfRange
        invalid(column, kind, expected: wanted, problem: kind == .negative ? "is negative" : "is out of range")
        return nil
    }

    /// A whole number ≥ 0.
    func count(_ column: Int, required: Bool = false) -> Int? {
        guard
            let value = double(
                column, required: required, range: 0...Double(Int32.max), rangeText: "a whole number ≥ 0")
        else { return nil }
        guard value.rounded() == value else {
            invalid(column, .invalidValue, expected: "a whole number ≥ 0", problem: "is not a whole number")
            return nil
        }
        return Int(value)
    }

    /// An ISO 8601 date.
    func date(_ column: Int, required: Bool = false) -> CalendarDate? {
        guard let raw = bytes(column), !isBlank(column) else {
            if required { missing(column) }
            return nil
        }
        var slice = ArraySlice(raw)
        while let last = slice.last, last == 0x20 || last == 0x09 { slice.removeLast() }
        while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
        guard let date = CalendarDate.parse(slice) else {
            invalid(column, .invalidDate, expected: "a date YYYY-MM-DD (ISO 8601)", problem: "is not a valid date")
            return nil
        }
        return date
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`, `y`/`n`, `t`/`f`, any case); `defaultValue` when blank.
    func bool(_ column: Int, default defaultValue: Bool = false) -> Bool {
        // Fast path for the exact spellings `false`, `0`, `true`, `1`, compared byte by byte.
        if let raw = bytes(column) {
            switch raw.count {
            case 1:
                if raw[0] == 0x30 { return false }
                if raw[0] == 0x31 { return true }
            case 4:
                if raw[0] == 0x74, raw[1] == 0x72, raw[2] == 0x75, raw[3] == 0x65 { return true }
            case 5:
                if raw[0] == 0x66, raw[1] == 0x61, raw[2] == 0x6C, raw[3] == 0x73, raw[4] == 0x65 { return false }
            default:
                break
            }
        }
        guard let value = text(column)?.trimmingCharacters(in: " \t").lowercased(), !value.isEmpty else {
            return defaultValue
        }
        switch value {
        case "true", "1", "yes", "y", "t": return true
        case "false", "0", "no", "n", "f": return false
        default:
            invalid(column, .invalidValue, expected: "true or false", problem: "is not a yes/no value")
            return defaultValue
        }
    }

    /// One of a fixed set of words (matched after normalising case, spaces and underscores).
    func choice<Value>(_ column: Int, _ options: [String: Value], required: Bool = false) -> Value? {
        guard let text = text(column)?.trimmingCharacters(in: " \t"), !text.isEmpty else {
            if required { missing(column) }
            return nil
        }
        if let value = options[CSVSchema.normalize(text)] { return value }
        let allowed = options.keys.sorted().joined(separator: ", ")
        invalid(column, .invalidValue, expected: "one of: \(allowed)", problem: "is not an allowed value")
        return nil
    }

    // MARK: Reporting

    /// Logs an issue about schema column `column` of the current record.
    func invalid(_ column: Int, _ kind: SalesDataIssue.Kind, expected: String, problem: String) {
        let value = text(column).map(Self.abbreviate) ?? ""
        let name = schema.columns[column].name
        report(
            kind, field: map.indices[column] + 1, column: name, value: value, expected: expected,
            message: "\(name): \"\(value)\" \(problem); expected \(expected)")
    }

    /// Logs a missing required value of schema column `column`.
    func missing(_ column: Int) {
        let name = schema.columns[column].name
        report(
            .missingValue, field: map.indices[column] + 1, column: name, value: "", expected: "a value",
            message: "\(name) is empty; a value is required")
    }

    /// Logs an issue at the current record.
    func report(
        _ kind: SalesDataIssue.Kind, field: Int, column: String?, value: String?, expected: String, message: String
    ) {
        rowIsValid = false
        log.add(
            SalesDataIssue(
                kind, file: file, line: line, column: max(0, field), field: column, value: value,
                expected: expected, message: message))
    }

    /// A cell as quoted in a message: line breaks as spaces, shortened by ``ErrorText/quoted(_:)``.
    static func abbreviate(_ text: String) -> String { ErrorText.quoted(text.replacingNewlines) }
}

extension String {
    fileprivate var replacingNewlines: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}

extension Double {
    /// `12` rather than `12.0`; used in messages and CSV output.
    var compactText: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int64(self)) }
        return description
    }
}
