/// Builds RFC 4180 CSV text: comma-separated, LF line ends, fields quoted only when they contain a
/// comma, quote, line break or surrounding space; numbers in their shortest exact form.
///
/// ```swift
/// var writer = CSVWriter()
/// writer.writeRow(["id", "name", "amount"])
/// writer.field("A-1"); writer.field("Acme, Inc."); writer.number(1200.5); writer.endRow()
/// String(decoding: writer.bytes, as: UTF8.self)   // "id,name,amount\nA-1,\"Acme, Inc.\",1200.5\n"
/// ```
public struct CSVWriter: Sendable {
    /// The text written so far.
    public private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    public init() {}

    /// Appends a whole row of text fields.
    public mutating func writeRow(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRow()
    }

    private mutating func separator() {
        if !atRowStart { bytes.append(UInt8(ascii: ",")) }
        atRowStart = false
    }

    /// Whether a field must be quoted: it holds a comma, quote or line break, or starts or ends with
    /// a space.
    static func needsQuotes(_ value: String) -> Bool {
        let utf8 = value.utf8
        return utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
    }

    /// One field as CSV text, quoted by the same rule as ``field(_:)``, for writers that build lines
    /// themselves.
    ///
    /// ```swift
    /// CSVWriter.quoted("Smith, Jones")   // "\"Smith, Jones\""
    /// ```
    public static func quoted(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Appends a text field; `nil` writes an empty field.
    public mutating func field(_ value: String?) {
        separator()
        guard let value else { return }
        let utf8 = value.utf8
        guard Self.needsQuotes(value) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    /// Appends a number (`12` for whole values, otherwise the shortest text that reads back exactly);
    /// `nil` writes an empty field.
    public mutating func number(_ value: Double?) {
        separator()
        guard let value else { return }
        bytes.append(contentsOf: value.compactText.utf8)
    }

    /// Appends a number rounded to `decimals` places (trailing zeros dropped).
    public mutating func number(_ value: Double?, decimals: Int) {
        guard let value else { return number(nil) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        number((value * scale).rounded() / scale)
    }

    /// Appends a date as `YYYY-MM-DD`; `nil` writes an empty field.
    public mutating func date(_ value: CalendarDate?) {
        field(value?.description)
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(0x0A)
        atRowStart = true
    }
}
