/// The nearest valid key to a misspelt one, for "did you mean …?" hints.
enum KeySuggestion {
    /// The candidate nearest to `key`, if it is a plausible typo or completion.
    ///
    /// The closest in edit distance (ignoring case, `_` and `-`) when it is close enough: at most a
    /// third of the key's length, and at least 2. Otherwise the one candidate that starts with the key (`weight` → `weightMeasure`), if any.
    static func nearest(to key: String, in candidates: [String]) -> String? {
        let normalized = normalize(key)
        if let typo = closest(normalized, candidates) { return typo }
        guard normalized.count >= 3 else { return nil }
        let extensions = candidates.filter { normalize($0).starts(with: normalized) }
        return extensions.count == 1 ? extensions.first : nil
    }

    private static func closest(_ normalized: [Character], _ candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(normalized, normalize(candidate))
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, normalized.count / 3) else { return nil }
        return best.candidate
    }

    private static func normalize(_ text: String) -> [Character] {
        Array(text.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Levenshtein distance; keys are short, so the quadratic table is fine (long keys are cut).
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        let a = Array(a.prefix(64)), b = Array(b.prefix(64))
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
