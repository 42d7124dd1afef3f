/// The constants and word lists of VADER's reference implementation.
///
/// From `vaderSentiment` 3.3.2 (MIT licence, C. J. Hutto; see `Models/sentiment/VADER-LICENSE.txt`).
enum VADERConstants {
    /// A booster's increment (positive) or decrement (negative) of the following word's valence.
    static let boosterIncrement = 0.293
    static let boosterDecrement = -0.293
    /// The increment of an ALL-CAPS word among mixed-case words.
    static let capsIncrement = 0.733
    /// The factor a negation applies.
    static let negationScalar = -0.74

    /// Negation words (the reference's `NEGATE`); any word containing "n't" also negates.
    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
        "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
        "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never",
        "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't",
        "wouldn't", "rarely", "seldom", "despite",
    ]

    /// Intensity boosters and dampeners (the reference's `BOOSTER_DICT`).
    static let boosters: [String: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
            "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
            "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
            "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
            "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ]
        let down = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
            "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ]
        var table: [String: Double] = [:]
        for word in up { table[word] = boosterIncrement }
        for word in down { table[word] = boosterDecrement }
        return table
    }()

    /// Idioms whose valence replaces the word's (the reference's `SPECIAL_CASES`).
    static let specialCases: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0, "yeah right": -2,
        "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]

    /// Python's `string.punctuation`: the 32 ASCII punctuation characters.
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
