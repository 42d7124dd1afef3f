import Foundation

/// The texts `meridian runs list | show | diff` print: terminal tables and JSON.
///
/// JSON uses sorted keys and ISO 8601 times, so the same records always print the same bytes;
/// non-finite metrics print as the strings `"nan"`, `"inf"` and `"-inf"`.
public enum RunReports {
    /// One row per run: id, start, seconds, status, scenario, steps (cache hits), plan.
    public static func listTable(_ runs: [RunRecord]) -> String {
        var table = TextTable(
            ["run", "started (UTC)", "seconds", "status", "scenario", "steps", "cached", "plan"],
            numeric: [false, false, true, false, false, true, true, false])
        for run in runs {
            table.append([
                run.id, timestamp(run.startedAt), number(run.endedAt.timeIntervalSince(run.startedAt)),
                run.status == .completed ? "completed" : "failed (\(run.exitCode))", run.scenario ?? "-",
                String(run.steps.count), String(run.steps.filter(\.cacheHit).count), run.planPath,
            ])
        }
        return table.rendered
    }

    /// A run's header, its steps (termination, cache, seconds), metrics, outputs, inputs and seeds.
    public static func showTable(_ run: RunRecord) -> String {
        var text = """
            run       \(run.id)
            status    \(run.status.rawValue) (exit \(run.exitCode))\(run.error.map { ": " + $0 } ?? "")
            plan      \(run.planPath) (sha256 \(run.planHash.prefix(12)))
            output    \(run.outputFolder)
            started   \(timestamp(run.startedAt))
            seconds   \(number(run.endedAt.timeIntervalSince(run.startedAt)))

            """
        if let scenario = run.scenario { text += "scenario  \(scenario) (batch \(run.batch ?? "-"))\n" }
        var steps = TextTable(
            ["step", "version", "termination", "clock limited", "cache", "seconds"],
            numeric: [false, false, false, false, false, true])
        var metrics = TextTable(["step", "metric", "value"], numeric: [false, false, true])
        var outputs = TextTable(["step", "file", "bytes", "sha256"], numeric: [false, false, true, false])
        for step in run.steps {
            steps.append([
                step.name, step.version, step.termination, step.clockLimited ? "yes" : "no",
                step.cacheHit ? "hit" : "computed", number(step.endedAt.timeIntervalSince(step.startedAt)),
            ])
            for (name, value) in step.metrics.sorted(by: { $0.key < $1.key }) {
                metrics.append([step.name, name, number(value)])
            }
            for file in step.outputs {
                outputs.append([step.name, file.path, String(file.bytes), String(file.sha256.prefix(12))])
            }
        }
        var inputs = TextTable(["input", "bytes", "sha256"], numeric: [false, true, false])
        for file in run.inputs { inputs.append([file.path, String(file.bytes), String(file.sha256.prefix(12))]) }
        var seeds = TextTable(["seed", "value"], numeric: [false, true])
        for (key, value) in run.seeds.sorted(by: { $0.key < $1.key }) { seeds.append([key, String(value)]) }
        let sections = [steps, metrics, outputs, inputs, seeds].filter { !$0.rows.isEmpty }
        return text + sections.map { "\n" + $0.rendered }.joined()
    }

    /// The changed plan keys, step changes, metric deltas and changed files, or one line saying the
    /// runs match.
    public static func diffTable(_ diff: RunDiff) -> String {
        var text = "runs \(diff.from) → \(diff.to)\n"
        if diff.isEmpty { return text + "no differences in plan, inputs, steps, metrics or outputs\n" }
        if !diff.plan.isEmpty {
            var table = TextTable(["plan key", "before", "after"])
            for change in diff.plan { table.append([change.key, clip(change.before), clip(change.after)]) }
            text += "\n" + table.rendered
        }
        if !diff.inputs.isEmpty {
            var table = TextTable(["input", "change"])
            for change in diff.inputs { table.append([change.path, change.change.rawValue]) }
            text += "\n" + table.rendered
        }
        if !diff.steps.isEmpty {
            var table = TextTable(["step", "field", "before", "after"])
            for change in diff.steps {
                table.append([change.step, change.field, clip(change.before), clip(change.after)])
            }
            text += "\n" + table.rendered
        }
        if !diff.metrics.isEmpty {
            var table = TextTable(
                ["step", "metric", "before", "after", "delta"], numeric: [false, false, true, true, true])
            for change in diff.metrics {
                table.append([
                    change.step, change.metric, change.before.map(number) ?? "-", change.after.map(number) ?? "-",
                    change.delta.map { ($0 > 0 ? "+" : "") + number($0) } ?? "-",
                ])
            }
            text += "\n" + table.rendered
        }
        if !diff.outputs.isEmpty {
            var table = TextTable(["output", "change"])
            for change in diff.outputs { table.append([change.path, change.change.rawValue]) }
            text += "\n" + table.rendered
        }
        return text
    }

    /// `value` as pretty-printed JSON with sorted keys and a trailing newline.
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `2026-12-03 13:45:07`, in UTC.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeZone: .gmt))
            .replacingOccurrences(of: "Z", with: "")
    }

    /// Up to 6 significant digits, no exponent for everyday magnitudes.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }

    /// At most 60 characters of a value, `-` when absent.
    static func clip(_ text: String?) -> String {
        guard let text else { return "-" }
        let line = text.replacingOccurrences(of: "\n", with: "⏎")
        return line.count <= 60 ? line : line.prefix(59) + "…"
    }
}
