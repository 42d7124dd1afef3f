import Foundation

/// Number formatting for the sentences of flags and recommendations (not for CSV, which writes raw numbers).
enum Format {
    /// `1.8x`.
    static func ratio(_ value: Double) -> String { String(format: "%.1fx", value) }
    /// `12 %`.
    static func percent(_ value: Double) -> String { String(format: "%.0f %%", value * 100) }
    /// `12.3 %`.
    static func percent1(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
    /// `+1.2 %` / `-3.4 %`.
    static func signedPercent1(_ value: Double) -> String { String(format: "%+.1f %%", value * 100) }
    /// `60,000` (rounded to whole units, thousands separated).
    static func amount(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (whole < 0 ? "-" : "") + grouped
    }
    /// `+0.12` / `-0.50`.
    static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }
}
