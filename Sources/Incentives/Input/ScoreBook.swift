import Foundation
import SalesData

/// MBO scores per person, component and window: `person_id,period,component,score` where `score` is a
/// fraction (`0.67`) or a percentage (`67%`) and `period` the component's window label.
///
/// ```swift
/// let scores = try ScoreBook(csv: "person_id,period,component,score\nR1,2026-Q1,mbo,67%\n", file: "scores.csv")
/// scores.score(person: "R1", component: "mbo", window: "2026-Q1")   // 0.67
/// ```
public struct ScoreBook: Sendable, Hashable {
    private var scores: [String: Rate] = [:]

    /// No scores.
    public init() {}

    /// Parses a score file.
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)``.
    public init(csv: String, file: String) throws(IncentivesError) {
        try self.init(
            table: TableFile.parse(
                Array(csv.utf8), file: file, required: ["person_id", "period", "component", "score"]))
    }

    /// Reads a score file.
    public init(contentsOf url: URL) throws(IncentivesError) {
        try self.init(table: TableFile.read(url, required: ["person_id", "period", "component", "score"]))
    }

    private init(table: TableFile) throws(IncentivesError) {
        for row in table.rows {
            guard let score = try? Rate(parsing: table.value(row, "score")), score >= .zero,
                score.micros <= 10 * Rate.unit
            else {
                throw table.error(row, "score", expected: "a score in 0...10, e.g. 0.67 or 67%")
            }
            scores[Self.key(table.value(row, "person_id"), table.value(row, "component"), table.value(row, "period"))] =
                score
        }
    }

    /// Sets one score.
    public mutating func set(_ score: Rate, person: RepID, component: String, window: String) {
        scores[Self.key(person.rawValue, component, window)] = score
    }

    /// The score, if imported.
    public func score(person: RepID, component: String, window: String) -> Rate? {
        scores[Self.key(person.rawValue, component, window)]
    }

    private static func key(_ person: String, _ component: String, _ window: String) -> String {
        "\(person)\u{1F}\(component)\u{1F}\(window)"
    }
}
