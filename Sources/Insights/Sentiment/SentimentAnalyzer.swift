/// A lexicon-and-rules sentiment model: VADER's algorithm (Hutto & Gilbert, ICWSM 2014) in Swift.
///
/// ```swift
/// let analyzer = SentimentAnalyzer(lexicon: lexicon)
/// analyzer.scores("The book was good.").compound            // 0.4404
/// analyzer.scores("The book was VERY good!!!").compound      // 0.7264 (booster, caps, "!")
/// analyzer.scores("The book was not good.").compound         // -0.3412 (negation)
/// analyzer.label("Budget freeze until Q3, so we're on hold.") // .negative (sales lexicon)
/// ```
///
/// The rules, each as in the reference implementation (`vaderSentiment` 3.3.2):
/// - tokens are the whitespace-separated words with leading and trailing ASCII punctuation removed
///   (unless that leaves two characters or fewer, which keeps emoticons such as `:)` whole);
/// - **boosters** ("very", "slightly") in the three words before a lexicon word add ±0.293, scaled
///   by 1, 0.95 and 0.9 with distance; a booster in ALL CAPS adds a further 0.733;
/// - **negation** ("not", "never", any "n't") in those three words multiplies by −0.74; "no" one or
///   two words before does too; "never so/this" strengthens by 1.25 instead;
/// - **ALL CAPS** on a sentiment word, when not every word is in caps, adds ±0.733;
/// - **"but"**: words before the first "but" count half, words after it one and a half times;
/// - **"least"** before a word negates it unless "at least" or "very least";
/// - **punctuation**: each "!" (at most 4) adds 0.292, two or three "?" add 0.18 each, more add 0.96;
/// - the sum `s` becomes the **compound** score `s / √(s² + 15)` in −1…1.
///
/// Two choices differ from the reference and are switched off for ``Rules/reference``:
/// **phrases** of the lexicon's additions ("budget freeze") are merged into one token before the
/// rules run, and "but" weighs words **by position**. The reference finds each word's position with
/// `list.index(value)`, so a value repeated on both sides of "but" is weighted at its first
/// occurrence. Emoji are not translated to words, which the reference does.
///
/// - Complexity: O(n × p) for n words and p phrases in the lexicon; O(n) without phrases.
public struct SentimentAnalyzer: Sendable {
    /// Which deviations from the reference implementation are on.
    public struct Rules: Sendable, Hashable, Codable {
        /// Merge the lexicon's phrases into single tokens.
        public var mergesPhrases: Bool
        /// Weight words around "but" by their position rather than by the reference's first-equal-value lookup.
        public var butWeightsByPosition: Bool

        public init(mergesPhrases: Bool = true, butWeightsByPosition: Bool = true) {
            self.mergesPhrases = mergesPhrases
            self.butWeightsByPosition = butWeightsByPosition
        }

        /// Exactly the reference implementation's behaviour (apart from emoji).
        public static let reference = Rules(mergesPhrases: false, butWeightsByPosition: false)
    }

    public let lexicon: SentimentLexicon
    public let rules: Rules
    /// Compound scores at or above this are positive (VADER's convention: 0.05).
    public let positiveThreshold: Double
    /// Compound scores at or below this are negative (VADER's convention: −0.05).
    public let negativeThreshold: Double

    /// - Precondition: `negativeThreshold <= positiveThreshold`.
    public init(
        lexicon: SentimentLexicon, rules: Rules = Rules(), positiveThreshold: Double = 0.05,
        negativeThreshold: Double = -0.05
    ) {
        precondition(negativeThreshold <= positiveThreshold, "negative threshold above positive threshold")
        self.lexicon = lexicon
        self.rules = rules
        self.positiveThreshold = positiveThreshold
        self.negativeThreshold = negativeThreshold
    }

    /// The class of `text`: positive at or above ``positiveThreshold``, negative at or below
    /// ``negativeThreshold``, otherwise neutral.
    public func label(_ text: String) -> SentimentLabel { label(compound: scores(text).compound) }

    /// The class of a compound score.
    public func label(compound: Double) -> SentimentLabel {
        compound >= positiveThreshold ? .positive : compound <= negativeThreshold ? .negative : .neutral
    }

    /// VADER's four scores of `text`: the normalized compound and the positive, neutral and negative proportions.
    public func scores(_ text: String) -> SentimentScores {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var tokens = Self.tokens(of: trimmed)
        if rules.mergesPhrases && !lexicon.phrases.isEmpty { tokens = mergePhrases(tokens) }
        let lower = tokens.map { $0.lowercased() }
        let capDifferential = Self.isCapDifferential(tokens)
        var sentiments: [Double] = []
        sentiments.reserveCapacity(tokens.count)
        for index in tokens.indices {
            if VADERConstants.boosters[lower[index]] != nil
                || (index < tokens.count - 1 && lower[index] == "kind" && lower[index + 1] == "of")
            {
                sentiments.append(0)
                continue
            }
            sentiments.append(valence(at: index, tokens: tokens, lower: lower, capDifferential: capDifferential))
        }
        applyBut(lower, &sentiments)
        return SentimentScores(sentiments: sentiments, punctuationEmphasis: Self.punctuationEmphasis(trimmed))
    }

    // MARK: - Rules

    private func valence(at i: Int, tokens: [String], lower: [String], capDifferential: Bool) -> Double {
        guard let base = lexicon.valence(of: lower[i]) else { return 0 }
        var valence = base
        if lower[i] == "no", i != tokens.count - 1, lexicon.contains(lower[i + 1]) { valence = 0 }
        if (i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && (lower[i - 1] == "or" || lower[i - 1] == "nor"))
        {
            valence = base * VADERConstants.negationScalar
        }
        if Self.isUpper(tokens[i]) && capDifferential {
            valence += valence > 0 ? VADERConstants.capsIncrement : -VADERConstants.capsIncrement
        }
        for distance in 0..<3 where i > distance && !lexicon.contains(lower[i - distance - 1]) {
            let previous = i - distance - 1
            var scalar = Self.boosterScalar(tokens[previous], lower: lower[previous], valence: valence, capDifferential)
            if distance == 1 { scalar *= 0.95 }
            if distance == 2 { scalar *= 0.9 }
            valence += scalar
            valence = Self.negationCheck(valence, lower, distance: distance, at: i)
            if distance == 2 { valence = Self.specialIdiomsCheck(valence, lower, at: i) }
        }
        return Self.leastCheck(valence, lower, at: i, lexicon: lexicon)
    }

    private static func boosterScalar(_ word: String, lower: String, valence: Double, _ capDifferential: Bool) -> Double
    {
        guard var scalar = VADERConstants.boosters[lower] else { return 0 }
        if valence < 0 { scalar = -scalar }
        if isUpper(word) && capDifferential {
            scalar += valence > 0 ? VADERConstants.capsIncrement : -VADERConstants.capsIncrement
        }
        return scalar
    }

    private static func negationCheck(_ valence: Double, _ lower: [String], distance: Int, at i: Int) -> Double {
        let n = VADERConstants.negationScalar
        switch distance {
        case 0:
            return isNegation(lower[i - 1]) ? valence * n : valence
        case 1:
            if lower[i - 2] == "never" && (lower[i - 1] == "so" || lower[i - 1] == "this") { return valence * 1.25 }
            if lower[i - 2] == "without" && lower[i - 1] == "doubt" { return valence }
            return isNegation(lower[i - 2]) ? valence * n : valence
        default:
            // The reference's operator precedence: (never and (so or this)) or (so or this one word before).
            if (lower[i - 3] == "never" && (lower[i - 2] == "so" || lower[i - 2] == "this"))
                || (lower[i - 1] == "so" || lower[i - 1] == "this")
            {
                return valence * 1.25
            }
            if lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt") { return valence }
            return isNegation(lower[i - 3]) ? valence * n : valence
        }
    }

    private static func specialIdiomsCheck(_ valence: Double, _ lower: [String], at i: Int) -> Double {
        var valence = valence
        let oneZero = "\(lower[i - 1]) \(lower[i])"
        let twoOneZero = "\(lower[i - 2]) \(lower[i - 1]) \(lower[i])"
        let twoOne = "\(lower[i - 2]) \(lower[i - 1])"
        let threeTwoOne = "\(lower[i - 3]) \(lower[i - 2]) \(lower[i - 1])"
        let threeTwo = "\(lower[i - 3]) \(lower[i - 2])"
        for sequence in [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo] {
            if let special = VADERConstants.specialCases[sequence] {
                valence = special
                break
            }
        }
        if lower.count - 1 > i, let special = VADERConstants.specialCases["\(lower[i]) \(lower[i + 1])"] {
            valence = special
        }
        if lower.count - 1 > i + 1,
            let special = VADERConstants.specialCases["\(lower[i]) \(lower[i + 1]) \(lower[i + 2])"]
        {
            valence = special
        }
        for gram in [threeTwoOne, threeTwo, twoOne] {
            if let booster = VADERConstants.boosters[gram] { valence += booster }
        }
        return valence
    }

    private static func leastCheck(_ valence: Double, _ lower: [String], at i: Int, lexicon: SentimentLexicon) -> Double
    {
        if i > 1 && !lexicon.contains(lower[i - 1]) && lower[i - 1] == "least" {
            return lower[i - 2] != "at" && lower[i - 2] != "very" ? valence * VADERConstants.negationScalar : valence
        }
        if i > 0 && !lexicon.contains(lower[i - 1]) && lower[i - 1] == "least" {
            return valence * VADERConstants.negationScalar
        }
        return valence
    }

    private func applyBut(_ lower: [String], _ sentiments: inout [Double]) {
        guard let but = lower.firstIndex(of: "but") else { return }
        if rules.butWeightsByPosition {
            for index in sentiments.indices where index != but { sentiments[index] *= index < but ? 0.5 : 1.5 }
            return
        }
        // The reference: each value is rescaled at the first position holding an equal value.
        for index in sentiments.indices {
            let value = sentiments[index]
            guard let first = sentiments.firstIndex(of: value) else { continue }
            if first < but { sentiments[first] = value * 0.5 } else if first > but { sentiments[first] = value * 1.5 }
        }
    }

    // MARK: - Text

    /// Whitespace-separated words with leading and trailing ASCII punctuation stripped, unless that
    /// leaves two characters or fewer (then the word is kept as is).
    static func tokens(of text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map { word in
            let scalars = word.unicodeScalars
            var start = scalars.startIndex
            var end = scalars.endIndex
            while start < end, VADERConstants.isASCIIPunctuation(scalars[start]) { start = scalars.index(after: start) }
            while end > start, VADERConstants.isASCIIPunctuation(scalars[scalars.index(before: end)]) {
                end = scalars.index(before: end)
            }
            let stripped = String(scalars[start..<end])
            return stripped.unicodeScalars.count <= 2 ? String(word) : stripped
        }
    }

    /// Merges runs of tokens that spell a lexicon phrase into one token joined by spaces; longest first.
    func mergePhrases(_ tokens: [String]) -> [String] {
        let lower = tokens.map { $0.lowercased() }
        var merged: [String] = []
        merged.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            let match = lexicon.phrases.first { phrase in
                index + phrase.count <= tokens.count && lower[index] == phrase[0]
                    && zip(phrase, lower[index..<index + phrase.count]).allSatisfy { $0 == $1 }
            }
            if let match {
                merged.append(tokens[index..<index + match.count].joined(separator: " "))
                index += match.count
            } else {
                merged.append(tokens[index])
                index += 1
            }
        }
        return merged
    }

    /// Python's `str.isupper()`: at least one cased character and no lowercase one.
    static func isUpper(_ word: String) -> Bool {
        var cased = false
        for scalar in word.unicodeScalars where scalar.properties.isCased {
            if scalar.properties.isLowercase { return false }
            cased = true
        }
        return cased
    }

    /// Whether some but not all tokens are in ALL CAPS.
    static func isCapDifferential(_ tokens: [String]) -> Bool {
        let upper = tokens.count(where: isUpper)
        return upper > 0 && upper < tokens.count
    }

    static func isNegation(_ lowerWord: String) -> Bool {
        VADERConstants.negations.contains(lowerWord) || lowerWord.contains("n't")
    }

    /// The emphasis added by "!" (0.292 each, at most 4) and by two or more "?".
    static func punctuationEmphasis(_ text: String) -> Double {
        var exclamations = 0
        var questions = 0
        for scalar in text.unicodeScalars {
            if scalar == "!" { exclamations += 1 } else if scalar == "?" { questions += 1 }
        }
        let question = questions > 3 ? 0.96 : questions > 1 ? Double(questions) * 0.18 : 0
        return Double(min(exclamations, 4)) * 0.292 + question
    }
}
