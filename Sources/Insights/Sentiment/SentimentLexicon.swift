import Foundation

/// Valences of words and phrases on VADER's scale (−4 extremely negative … +4 extremely positive).
///
/// ```swift
/// let lexicon = try SentimentLexicon.load(
///     base: URL(fileURLWithPath: "Models/sentiment/vader_lexicon.txt"),
///     additions: URL(fileURLWithPath: "Models/sentiment/sales_lexicon.tsv"))
/// lexicon.valence(of: "good")            // 1.9
/// lexicon.valence(of: "budget freeze")   // -2.3 (a phrase of the sales additions)
/// ```
///
/// Keys are lowercase. Phrases (keys with a space) take part in matching only when they come from
/// the additions: VADER's own file lists a few (`fed up`) that its reference code never matches,
/// and plain VADER must behave as the reference does.
public struct SentimentLexicon: Sendable, Hashable {
    /// Valence by lowercase word or phrase.
    public private(set) var valences: [String: Double]
    /// The phrases matched as one token, as lists of lowercase words; longest first.
    public private(set) var phrases: [[String]]

    /// A lexicon of single words (`base`) plus additions that may hold phrases and override words.
    public init(base: [String: Double], additions: [String: Double] = [:]) {
        var valences = base
        for (term, valence) in additions { valences[term] = valence }
        self.valences = valences
        self.phrases = additions.keys.filter { $0.contains(" ") }.map { $0.split(separator: " ").map(String.init) }
            .sorted { ($0.count, $1.joined(separator: " ")) > ($1.count, $0.joined(separator: " ")) }
    }

    /// The valence of a lowercase word or phrase, or `nil` when the lexicon does not hold it.
    public func valence(of term: String) -> Double? { valences[term] }

    /// Whether the lexicon holds the lowercase `term`.
    public func contains(_ term: String) -> Bool { valences[term] != nil }

    /// Loads VADER's lexicon file and, optionally, a file of additions in the same layout.
    ///
    /// - Throws: ``InsightsError/fileFailed(path:reason:)`` when a file cannot be read;
    ///   ``InsightsError/malformedFile(file:line:column:reason:)`` for a line without a numeric valence.
    public static func load(base: URL, additions: URL? = nil) throws(InsightsError) -> SentimentLexicon {
        let baseTerms = try parse(read(base), file: base.path)
        let added = try additions.map { url throws(InsightsError) in try parse(read(url), file: url.path) } ?? [:]
        return SentimentLexicon(base: baseTerms, additions: added)
    }

    /// Parses lexicon text into valences by lowercase term.
    ///
    /// One `term <TAB> valence [<TAB> anything]` per line; blank lines and lines starting with `#`
    /// that hold no tab are comments. A repeated term keeps its last valence, as VADER's reference
    /// loader does.
    ///
    /// - Throws: ``InsightsError/malformedFile(file:line:column:reason:)``.
    public static func parse(_ text: String, file: String) throws(InsightsError) -> [String: Double] {
        var terms: [String: Double] = [:]
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || (trimmed.hasPrefix("#") && !trimmed.contains("\t")) { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw .malformedFile(
                    file: file, line: index + 1, column: 1,
                    reason: "expected 'term<TAB>valence', got '\(InsightsError.clip(String(line)))'")
            }
            guard let valence = Double(fields[1]), valence.isFinite, (-4...4).contains(valence) else {
                throw .malformedFile(
                    file: file, line: index + 1, column: fields[0].count + 2,
                    reason: "valence '\(InsightsError.clip(String(fields[1])))' is not a number in -4...4")
            }
            terms[fields[0].lowercased()] = valence
        }
        return terms
    }

    private static func read(_ url: URL) throws(InsightsError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .fileFailed(path: url.path, reason: "cannot read the lexicon (\(error.localizedDescription))")
        }
    }
}
