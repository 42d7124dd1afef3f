import Foundation

/// Writes the subject and text of one demo activity from the phrase bank ``DemoActivityTexts``.
///
/// The tone follows a latent score `s` (the deal's sentiment that day plus noise): positive when
/// `s ≥ 0.25`, negative when `s ≤ −0.25`, else neutral; `|s|` sets how strongly it is said. Toned
/// clauses take an intensifier with probability min(0.8, 0.15 + 0.5 (|s| − 0.25)); 15 % follow a
/// clause of the opposite tone with "but" (the part after "but" carries the tone);
/// strong ones (|s| > 0.8) end in "!" with probability 0.45 ("!!" 0.08) and put one word in
/// capitals with probability 0.18 (call and meeting notes: "!" with probability 0.2, never "!!").
/// Emails add a greeting, an opener and a closing.
struct ActivityTextComposer {
    enum Tone {
        case positive, neutral, negative
    }

    static func tone(of score: Double) -> Tone { score >= 0.25 ? .positive : score <= -0.25 ? .negative : .neutral }

    /// Display names of the demo products.
    static func productName(_ product: ProductID) -> String {
        switch product.rawValue {
        case "P-CORE": return "Meridian Core"
        case "P-ANALYTICS": return "Meridian Analytics"
        case "P-SERVICES": return "Professional Services"
        case "P-SUPPORT": return "Premium Support"
        default: return product.rawValue
        }
    }

    /// Subject and text of an activity of `kind` about `product` with latent sentiment `score`.
    static func compose(kind: Activity.Kind, score: Double, product: ProductID, random: inout SplitMixGenerator)
        -> (subject: String, text: String)
    {
        let tone = tone(of: score)
        let strength = abs(score)
        let isEmail = kind == .email
        let positive = isEmail ? DemoActivityTexts.positiveEmail : DemoActivityTexts.positiveNote
        let neutral = isEmail ? DemoActivityTexts.neutralEmail : DemoActivityTexts.neutralNote
        let negative = isEmail ? DemoActivityTexts.negativeEmail : DemoActivityTexts.negativeNote
        let bank: [String]
        let opposite: [String]
        switch tone {
        case .positive: (bank, opposite) = (positive, negative)
        case .negative: (bank, opposite) = (negative, positive)
        case .neutral: (bank, opposite) = (neutral, neutral)
        }
        let intensify = tone == .neutral ? 0 : min(0.8, 0.15 + 0.5 * (strength - 0.25))
        var filler = SlotFiller(product: productName(product), notes: !isEmail)
        var body = filler.fill(random.element(of: bank), intensify: intensify, random: &random)
        if strength > 0.8, tone != .neutral, random.bernoulli(0.18) { body = emphasized(body) }
        if tone != .neutral, random.bernoulli(0.15) {
            let first = filler.fill(random.element(of: opposite), intensify: 0, random: &random)
            body = first + ", but " + Self.lowercasingFirst(body)
        }
        body += ending(body, tone: tone, strength: strength, notes: !isEmail, random: &random)
        if isEmail, random.bernoulli(0.3) {
            let follow = filler.fill(
                random.element(of: tone == .neutral ? neutral : bank), intensify: intensify / 2, random: &random)
            body += " " + follow + ending(follow, tone: tone, strength: strength / 2, notes: false, random: &random)
        }
        var parts: [String] = []
        let subject: String
        switch kind {
        case .email:
            if random.bernoulli(0.85) {
                parts.append(
                    filler.fill(random.element(of: DemoActivityTexts.greetings), intensify: 0, random: &random))
            }
            if random.bernoulli(0.3) { parts.append(random.element(of: DemoActivityTexts.openers)) }
            parts.append(body)
            if random.bernoulli(0.6) { parts.append(random.element(of: DemoActivityTexts.closings)) }
            subject = SlotFiller.capitalizingFirst(
                filler.fill(random.element(of: DemoActivityTexts.emailSubjects), intensify: 0, random: &random))
        case .call:
            parts.append(
                filler.fill(random.element(of: DemoActivityTexts.callPrefixes), intensify: 0, random: &random) + body)
            subject = random.element(of: DemoActivityTexts.callSubjects)
        case .meeting:
            parts.append(
                filler.fill(random.element(of: DemoActivityTexts.meetingPrefixes), intensify: 0, random: &random) + body
            )
            subject = random.element(of: DemoActivityTexts.meetingSubjects)
        }
        return (subject, parts.joined(separator: " "))
    }

    /// The sentence's end: "?" for questions, "!" or "!!" by tone and strength, else ".".
    private static func ending(
        _ clause: String, tone: Tone, strength: Double, notes: Bool, random: inout SplitMixGenerator
    ) -> String {
        let questions = ["Can ", "Could ", "What ", "Do ", "Is ", "Who "]
        if questions.contains(where: { clause.hasPrefix($0) }) { return "?" }
        switch tone {
        case .neutral: return "."
        case .positive, .negative:
            if notes { return strength > 0.8 && random.bernoulli(0.2) ? "!" : "." }
            if strength > 0.8 {
                let draw = random.uniform()
                return draw < 0.08 ? "!!" : draw < 0.45 ? "!" : "."
            }
            return random.bernoulli(tone == .positive ? 0.12 : 0.05) ? "!" : "."
        }
    }

    /// `text` with its first emphasis word (``DemoActivityTexts/emphasisWords``) in capitals.
    static func emphasized(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices {
            let bare = words[index].trimmingCharacters(in: .punctuationCharacters).lowercased()
            if DemoActivityTexts.emphasisWords.contains(bare) {
                words[index] = words[index].uppercased()
                return words.joined(separator: " ")
            }
        }
        return text
    }

    /// The clause with its first letter in lower case, unless it starts with "I" or a capitalised name.
    static func lowercasingFirst(_ clause: String) -> String {
        guard let first = clause.first, first.isUppercase else { return clause }
        if clause.hasPrefix("I ") || clause.hasPrefix("I'") || clause.hasPrefix("Legal ") { return clause }
        return first.lowercased() + clause.dropFirst()
    }
}

/// Fills the `{…}` slots of one activity's clauses; the contact and the role stay the same within
/// an activity.
private struct SlotFiller {
    let product: String
    let notes: Bool
    var contact: String?
    var role: Int?

    init(product: String, notes: Bool) {
        self.product = product
        self.notes = notes
    }

    mutating func fill(_ template: String, intensify: Double, random: inout SplitMixGenerator) -> String {
        guard template.contains("{") else { return template }
        var text = template
        func replace(_ slot: String, _ value: @autoclosure () -> String) {
            if text.contains(slot) { text = text.replacingOccurrences(of: slot, with: value()) }
        }
        replace("{product}", product)
        replace("{team}", random.element(of: DemoActivityTexts.teams))
        if text.contains("{role}") || text.contains("{Role}") {
            let index = role ?? random.int(below: DemoActivityTexts.roles.count)
            role = index
            let name =
                notes ? Self.lowercasingFirstLetter(DemoActivityTexts.noteRoles[index]) : DemoActivityTexts.roles[index]
            replace("{Role}", Self.capitalizingFirst(name))
            replace("{role}", name)
        }
        replace("{day}", random.element(of: DemoActivityTexts.days))
        replace("{when}", random.element(of: DemoActivityTexts.whens))
        replace("{n}", random.element(of: DemoActivityTexts.seats))
        if text.contains("{contact}") {
            let name = contact ?? random.element(of: DemoNames.first)
            contact = name
            text = text.replacingOccurrences(of: "{contact}", with: name)
        }
        if text.contains("{adv}") {
            let adverb =
                intensify > 0 && random.bernoulli(intensify) ? random.element(of: DemoActivityTexts.intensifiers) : ""
            text = text.replacingOccurrences(of: "{adv}", with: adverb)
        }
        return Self.capitalizingFirst(text)
    }

    static func lowercasingFirstLetter(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    static func capitalizingFirst(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
