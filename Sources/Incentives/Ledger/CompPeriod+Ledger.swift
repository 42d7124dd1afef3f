/// Month arithmetic and a `"2026-01"` Codable form, so ledger and accounting records can be stored.
extension CompPeriod: Codable {
    /// The month `months` later (earlier when negative); `nil` outside years 1...9999.
    public func adding(months: Int) -> CompPeriod? {
        let (total, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        guard !overflow, total >= 0 else { return nil }
        return CompPeriod(year: total / 12, month: total % 12 + 1)
    }

    /// The number of months from this month to `other` (negative when `other` is earlier).
    public func months(until other: CompPeriod) -> Int {
        (other.year - year) * 12 + (other.month - month)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CompPeriod(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
