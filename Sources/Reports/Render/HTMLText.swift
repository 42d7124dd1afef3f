import Foundation

/// Escaping and number formats for the page: thousands separators, currency, percentages.
///
/// Formats are fixed (en-US style, `,` thousands and `.` decimals) so the same input gives the
/// same bytes on every machine, whatever its locale.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped for HTML text and attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// `x` rounded to `decimals` places with thousands separators: `1,234,567.8`; `–` when not finite.
    static func number(_ x: Double, decimals: Int = 0) -> String {
        guard x.isFinite else { return "–" }
        let text = String(format: "%.\(max(0, decimals))f", abs(x))
        let parts = text.split(separator: ".", maxSplits: 1)
        let digits = Array(parts[0])
        var grouped = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(d)
        }
        let negative = x < 0 && text.contains { $0 != "0" && $0 != "." }
        return (negative ? "−" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Dollars with thousands separators and no cents: `$1,234,567`.
    static func currency(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return (x < 0 ? "−$" : "$") + number(abs(x))
    }

    /// Dollars in a short form for axes: `$950`, `$12.5k`, `$1.2M`.
    static func shortCurrency(_ x: Double) -> String {
        let a = abs(x), sign = x < 0 ? "−" : ""
        if a >= 1e9 { return sign + "$" + trimmed(a / 1e9) + "B" }
        if a >= 1e6 { return sign + "$" + trimmed(a / 1e6) + "M" }
        if a >= 1e3 { return sign + "$" + trimmed(a / 1e3) + "k" }
        return sign + "$" + number(a)
    }

    /// A share as a percentage: `12.3%`.
    static func percent(_ share: Double, decimals: Int = 1) -> String {
        guard share.isFinite else { return "–" }
        return number(share * 100, decimals: decimals) + "%"
    }

    /// A signed share as a percentage: `+4.5%`, `−2.0%`.
    static func signedPercent(_ share: Double, decimals: Int = 1) -> String {
        guard share.isFinite else { return "–" }
        return (share > 0 ? "+" : "") + percent(share, decimals: decimals)
    }

    /// A coordinate for SVG: one decimal.
    static func coordinate(_ x: Double) -> String { String(format: "%.1f", x) }

    private static func trimmed(_ x: Double) -> String {
        let text = String(format: x >= 100 ? "%.0f" : "%.1f", x)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
