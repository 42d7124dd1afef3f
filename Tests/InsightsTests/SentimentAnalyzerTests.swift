import Foundation
import Insights
import SalesData
import TestSupport
import Testing

/// The lexicons and labelled set shipped in the repository.
enum SentimentFixtures {
    static let models = Fixtures.repositoryRoot.appendingPathComponent("Models/sentiment")
    static let vaderLexicon: SentimentLexicon = {
        (try? SentimentLexicon.load(base: models.appendingPathComponent("vader_lexicon.txt")))
            ?? SentimentLexicon(base: [:])
    }()
    static let salesLexicon: SentimentLexicon = {
        (try? SentimentLexicon.load(
            base: models.appendingPathComponent("vader_lexicon.txt"),
            additions: models.appendingPathComponent("sales_lexicon.tsv"))) ?? SentimentLexicon(base: [:])
    }()
    static let labelled: [LabelledSentence] = {
        (try? LabelledSentence.load(
            from: Fixtures.repositoryRoot.appendingPathComponent("Data/sentiment/sales_sentences.csv"))) ?? []
    }()
}

@Suite struct SentimentAnalyzerTests {
    let vader = SentimentAnalyzer(lexicon: SentimentFixtures.vaderLexicon, rules: .reference)

    /// VADER's README examples, with the compound scores the reference prints for them.
    @Test(arguments: [
        ("VADER is smart, handsome, and funny.", 0.8316),
        ("VADER is smart, handsome, and funny!", 0.8439),
        ("VADER is very smart, handsome, and funny.", 0.8545),
        ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
        ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
        ("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
        ("The book was good.", 0.4404),
        ("At least it isn't a horrible book.", 0.431),
        ("The book was only kind of good.", 0.3832),
        ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
        ("Today SUX!", -0.5461),
        ("Today only kinda sux! But I'll get by, lol", 0.5249),
        ("Make sure you :) or :D today!", 0.8633),
        ("Not bad at all", 0.431),
    ])
    func readmeExamplesMatchTheReference(text: String, compound: Double) {
        #expect(abs(vader.scores(text).compound - compound) < 5e-5, "\(text): \(vader.scores(text).compound)")
    }

    @Test func boostersCapsAndExclamationsRaiseTheScoreAndNegationFlipsIt() {
        let plain = vader.scores("The book was good.").compound
        let very = vader.scores("The book was very good.").compound
        let loud = vader.scores("The book was VERY good!!!").compound
        let negated = vader.scores("The book was not good.").compound
        #expect(plain < very && very < loud)
        // "good" is 1.9; negation multiplies by -0.74: -1.406 / sqrt(1.406² + 15) = -0.3412.
        #expect(abs(negated - (-1.406 / (1.406 * 1.406 + 15).squareRoot())) < 1e-12)
        // "very" adds 0.293, caps on the booster 0.733 more, three "!" 3 × 0.292:
        let sum = 1.9 + 0.293 + 0.733 + 3 * 0.292
        #expect(abs(loud - sum / (sum * sum + 15).squareRoot()) < 1e-12)
    }

    @Test func butHalvesWhatComesBeforeAndAddsHalfToWhatComesAfter() {
        // "good" 1.9 before "but" counts 0.95; "bad" -2.5 after it counts -3.75.
        let score = vader.scores("The food was good but the service was bad").compound
        let sum = 0.95 - 3.75
        #expect(abs(score - sum / (sum * sum + 15).squareRoot()) < 1e-12)
    }

    @Test func proportionsSumToOne() {
        let scores = vader.scores("The team was great, but the price is too high!")
        #expect(abs(scores.positive + scores.neutral + scores.negative - 1) < 1e-12)
        #expect(SentimentAnalyzer(lexicon: SentimentFixtures.vaderLexicon).scores("   ").compound == 0)
    }

    /// Every sentence of the labelled set against the scores `Benchmarks/Insights/sentiment_peer.py`
    /// recorded from the Python reference (rounded there to 4 decimals).
    @Test func referenceRulesReproducePythonVADEROnTheLabelledSet() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Data/sentiment/vader_reference_scores.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        let reference = Dictionary(
            uniqueKeysWithValues: lines.map { line in
                let fields = line.split(separator: ",")
                return (String(fields[0]), Double(fields[1]) ?? .nan)
            })
        #expect(reference.count == SentimentFixtures.labelled.count)
        var mismatches: [String] = []
        for sentence in SentimentFixtures.labelled {
            let ours = vader.scores(sentence.text).compound
            guard let theirs = reference[sentence.id], abs(ours - theirs) <= 5.1e-5 else {
                mismatches.append("\(sentence.id) \(ours) vs \(reference[sentence.id] ?? .nan): \(sentence.text)")
                continue
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func salesPhrasesAreScoredAsOneTermAndNegatable() {
        let sales = SentimentAnalyzer(lexicon: SentimentFixtures.salesLexicon)
        #expect(sales.label("There is a budget freeze until Q3.") == .negative)
        #expect(vader.label("There is a budget freeze until Q3.") == .positive)  // VADER: "freeze" 0.2
        #expect(sales.label("The contract was signed yesterday.") == .positive)
        #expect(sales.label("The contract was not signed yesterday.") == .negative)
        // Politeness formulae are damped: "please" 1.3 → 0.3 and "thanks" 1.9 → 0.6.
        let polite = "Please find the proposal attached, thanks."
        #expect(abs(sales.scores(polite).compound - 0.9 / (0.81 + 15).squareRoot()) < 1e-12)
        #expect(sales.scores(polite).compound < vader.scores(polite).compound)
        // One token for the phrase: "budget freeze" -2.3 / sqrt(2.3² + 15).
        let compound = sales.scores("budget freeze").compound
        #expect(abs(compound - (-2.3 / (2.3 * 2.3 + 15).squareRoot())) < 1e-12)
    }

    /// The figures of `Benchmarks/Insights/RESULTS.md`: the sales model against the majority class
    /// and plain VADER, on all 632 sentences and on the held-out test split.
    @Test func salesModelBeatsTheBaselineAndVADERWithTheRecordedFigures() {
        let sentences = SentimentFixtures.labelled
        #expect(sentences.count == 632)
        let ours = SentimentEvaluation(
            analyzer: SentimentAnalyzer(lexicon: SentimentFixtures.salesLexicon), sentences: sentences)
        let plain = SentimentEvaluation(analyzer: vader, sentences: sentences)
        #expect(ours.baseline(split: nil).correct == 212)
        #expect(plain.report(split: nil).correct == 429)
        #expect(ours.report(split: nil).correct == 464)
        #expect(SentimentEvaluation.fixed(ours.report(split: nil).macroF1) == "0.7355")
        #expect(SentimentEvaluation.fixed(plain.report(split: nil).macroF1) == "0.6769")
        #expect(SentimentEvaluation.fixed(ours.report(split: "test").accuracy) == "0.7429")
        #expect(SentimentEvaluation.fixed(ours.report(split: "test").macroF1) == "0.7437")
        for split in [nil, "dev", "test"] {
            #expect(ours.report(split: split).macroF1 > ours.baseline(split: split).macroF1 + 0.3)
            #expect(ours.report(split: split).macroF1 > plain.report(split: split).macroF1)
        }
    }

    @Test func classificationReportMatchesHandComputedFigures() {
        let report = ClassificationReport(
            truth: [.positive, .negative, .neutral], predicted: [.positive, .neutral, .neutral])
        #expect(report.correct == 2)
        // F1: positive 1, negative 0, neutral 2 × 0.5 × 1 / 1.5 = 2/3.
        #expect(isApproximatelyEqual(report.macroF1, (1 + 0 + 2.0 / 3) / 3))
        #expect(
            ClassificationReport.majorityBaseline([.neutral, .positive, .positive]) == [
                .positive, .positive, .positive,
            ])
    }
}

@Suite struct SentimentSeparationTests {
    @Test func aucOfWonOverLostWithATie() throws {
        let here = GeoPoint(latitude: 40, longitude: -100)
        func deal(_ id: OpportunityID, won: Bool) -> Opportunity {
            Opportunity(
                id: id, accountID: "A", amount: 1, stage: won ? "Closed Won" : "Closed Lost", probability: won ? 1 : 0,
                createdDate: ScorecardFixture.day("2026-01-01"), closeDate: ScorecardFixture.day("2026-02-01"),
                isClosed: true, isWon: won)
        }
        func note(_ id: ActivityID, _ deal: OpportunityID, _ text: String) -> Activity {
            Activity(
                id: id, kind: .email, date: ScorecardFixture.day("2026-01-15"), accountID: "A", opportunityID: deal,
                text: text)
        }
        let data = try SalesDataset(
            accounts: [Account(id: "A", name: "A", location: here)], reps: [],
            opportunities: [
                deal("W1", won: true), deal("W2", won: true), deal("L1", won: false), deal("L2", won: false),
            ],
            activities: [
                note("1", "W1", "Great news, we signed."), note("2", "W2", "Attached is the agenda."),
                note("3", "L1", "Attached is the agenda."), note("4", "L2", "Unfortunately we chose another vendor."),
            ])
        let result = try #require(
            SentimentSeparation.wonVersusLost(
                dataset: data, analyzer: SentimentAnalyzer(lexicon: SentimentFixtures.salesLexicon)))
        // Pairs (won, lost): W1>L1, W1>L2, W2=L1 (half), W2>L2 → 3.5 of 4.
        #expect(result.value == 0.875 && result.wonDeals == 2 && result.lostDeals == 2)
    }

    /// The demo's activity texts follow how deals went; the tone must separate won from lost deals.
    @Test func sentimentSeparatesWonFromLostDealsOnTheDemo() throws {
        let data = try SalesDataset.load(from: Fixtures.repositoryRoot.appendingPathComponent("Data/demo"))
        let ours = try #require(
            SentimentSeparation.wonVersusLost(
                dataset: data, analyzer: SentimentAnalyzer(lexicon: SentimentFixtures.salesLexicon)))
        let plain = try #require(
            SentimentSeparation.wonVersusLost(
                dataset: data, analyzer: SentimentAnalyzer(lexicon: SentimentFixtures.vaderLexicon, rules: .reference)))
        print(
            "demo AUC won vs lost: sales model \(ours.value), VADER \(plain.value) (\(ours.wonDeals) won, \(ours.lostDeals) lost)"
        )
        #expect(ours.value > 0.6)
    }
}
