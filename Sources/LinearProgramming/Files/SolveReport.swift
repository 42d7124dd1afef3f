internal import Foundation

/// Renders a ``SolveResult`` with the model's names as a table, JSON or CSV.
///
/// ```swift
/// let report = SolveReport(result: result, model: model)
/// print(report.render(.json))   // { "termination": "optimal", "objective": 9.5, ... }
/// ```
///
/// The JSON object always has the keys `termination`, `objective`, `bound`, `gap`, `seconds`,
/// `iterations`, `nodes` and `values` (variable name → value); absent numbers are `null`.
/// Values are listed in column order, so the output is byte-identical for the same input.
public struct SolveReport: Sendable {
    /// An output format.
    public enum Format: String, Sendable, CaseIterable {
        /// Aligned text for a terminal.
        case table
        /// One JSON object.
        case json
        /// `name,value` rows after a header.
        case csv
    }

    /// The result being reported.
    public let result: SolveResult
    /// Variable names in column order.
    public let names: [String]

    /// A report of `result`, which was produced by `model`.
    public init(result: SolveResult, model: Model) {
        self.result = result
        self.names = model.columnNames
    }

    /// The report in the given format, ending with a newline.
    public func render(_ format: Format) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        }
    }

    private func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return LinearExpression.format(value)
    }

    private func json() -> String {
        var text = "{\n"
        text += "  \"termination\": \"\(result.termination)\",\n"
        text += "  \"objective\": \(number(result.solution?.objectiveValue)),\n"
        text += "  \"bound\": \(number(result.bestBound)),\n"
        text += "  \"gap\": \(number(result.relativeGap)),\n"
        text += "  \"seconds\": \(String(format: "%.3f", result.seconds)),\n"
        text += "  \"iterations\": \(result.iterations),\n"
        text += "  \"nodes\": \(result.nodes),\n"
        guard let solution = result.solution else {
            return text + "  \"values\": {}\n}\n"
        }
        let entries = names.indices.map { "    \(Self.quoted(names[$0])): \(number(solution.values[$0]))" }
        return text + "  \"values\": {\n" + entries.joined(separator: ",\n") + (entries.isEmpty ? "" : "\n")
            + "  }\n}\n"
    }

    private func csv() -> String {
        var text = "name,value\n"
        guard let solution = result.solution else { return text }
        for j in names.indices {
            text += "\(Self.csvField(names[j])),\(number(solution.values[j]))\n"
        }
        return text
    }

    private func table() -> String {
        var lines = [
            "termination  \(result.termination)",
            "objective    \(result.solution.map { number($0.objectiveValue) } ?? "-")",
            "bound        \(result.bestBound.map { number($0) } ?? "-")",
            "gap          \(result.relativeGap.map { String(format: "%.4f%%", $0 * 100) } ?? "-")",
            "seconds      \(String(format: "%.3f", result.seconds))",
            "nodes        \(result.nodes)",
        ]
        if let solution = result.solution {
            let nonzero = names.indices.filter { abs(solution.values[$0]) > 1e-9 }
            let width = nonzero.map { names[$0].count }.max() ?? 0
            lines.append("")
            lines.append("nonzero values (\(nonzero.count) of \(names.count)):")
            for j in nonzero {
                lines.append(
                    "  " + names[j].padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + number(solution.values[j]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
