import Foundation
import TestSupport
import Testing

@testable import SalesData

@Suite struct DemoCompanyGeneratorTests {
    static let geography: USGeography? = try? USGeography.load(
        from: Fixtures.repositoryRoot.appendingPathComponent("Data/geo"))

    func small(seed: UInt64 = 7) throws -> DemoCompany {
        let geography = try #require(Self.geography)
        return try DemoCompanyGenerator(.init(seed: seed, accounts: 1_500, reps: 24), geography: geography).generate()
    }

    @Test func sameSeedGivesIdenticalFilesAndOtherSeedsDiffer() throws {
        let first = try small().dataset.encodedFiles()
        let again = try small().dataset.encodedFiles()
        #expect(first.map(\.bytes) == again.map(\.bytes))
        let other = try small(seed: 8).dataset.encodedFiles()
        #expect(first[0].bytes != other[0].bytes)
    }

    @Test func hierarchyHasFourRegionsTwelveDistrictsAndOneTerritoryPerRep() throws {
        let data = try small().dataset
        #expect(data.hierarchy.roots == ["CO"])
        #expect(data.hierarchy.nodes(at: .region).count == 4)
        #expect(data.hierarchy.nodes(at: .district).count == 12)
        #expect(data.hierarchy.nodes(at: .territory).count == 24)
        #expect(data.hierarchy.leaves.count == 24)
        #expect(data.reps.count == 1 + 4 + 12 + 24 + 1)  // + the rep hired on 2026-08-01 without a seat on 2026-01-01
        for district in data.hierarchy.nodes(at: .district) {
            #expect(!data.hierarchy.children(of: district.id).isEmpty)
        }
        // Every account sits in a territory; its owner is the territory's holder on the first day of the plan year.
        let alignment = data.alignmentHistory
        let planStart = CalendarDate(year: 2026, month: 1, day: 1)
        for account in data.accounts {
            let territory = try #require(account.territoryID)
            #expect(data.reps.contains { $0.territoryID == territory })
            #expect(account.ownerID == planStart.flatMap { alignment.holder(of: territory, on: $0) })
            #expect(account.location.isValid)
        }
    }

    @Test func generatedDataPassesEveryCheckAndRoundTripsThroughCSV() throws {
        let data = try small().dataset
        try data.validate()
        let files = Dictionary(uniqueKeysWithValues: data.encodedFiles().map { ($0.name, $0.bytes) })
        let loaded = try SalesDataset.decode(files: files)
        #expect(loaded == data)
    }

    @Test func historyHoldsRefundsCancellationsSplitsAndEmailsAndSalesMatchTransactions() throws {
        let data = try small().dataset
        let byID = Dictionary(uniqueKeysWithValues: data.transactions.map { ($0.id, $0) })
        let reversals = data.transactions.filter(\.kind.isReversal)
        #expect(reversals.contains { $0.kind == .refund } && reversals.contains { $0.kind == .cancellation })
        for line in reversals {
            let original = try #require(line.originalID.flatMap { byID[$0] })
            #expect(original.kind == .booking && original.accountID == line.accountID && original.date < line.date)
            #expect(line.amount < 0 && -line.amount <= original.amount)
            if line.kind == .cancellation { #expect(line.amount == -original.amount) }
        }
        #expect(data.transactions.contains { $0.splits.count == 2 && $0.splits.allSatisfy { $0.kind == .revenue } })
        #expect(data.activities.contains { $0.kind == .email && !$0.text.isEmpty })
        #expect(data.opportunities.contains { !$0.isClosed })
        // History 2024-01-01 ... 2026-11-30; account sales are the net of 2024 and of 2025.
        let dates = data.transactions.map(\.date)
        #expect(dates.min().map { $0.year } == 2024)
        #expect(dates.max().map { $0 <= CalendarDate(daysSinceEpoch: 20_787) && $0.year == 2026 } == true)
        #expect(
            data.opportunities.filter { !$0.isClosed }.allSatisfy {
                $0.closeDate > CalendarDate(daysSinceEpoch: 20_787)
            })
        var prior: [AccountID: Double] = [:]
        var ttm: [AccountID: Double] = [:]
        for line in data.transactions where line.date.year == 2024 { prior[line.accountID, default: 0] += line.amount }
        for line in data.transactions where line.date.year == 2025 { ttm[line.accountID, default: 0] += line.amount }
        for account in data.accounts.prefix(400) {
            #expect(isApproximatelyEqual(account.priorYearSales, prior[account.id] ?? 0, absolute: 0.01))
            #expect(isApproximatelyEqual(account.trailingTwelveMonthSales, ttm[account.id] ?? 0, absolute: 0.01))
        }
    }

    @Test func dealsAndActivitiesBelongToTheTerritoryHolderOfTheirDate() throws {
        let data = try small().dataset
        let alignment = data.alignmentHistory
        let managers = Set(data.reps.filter { $0.role == "District Manager" }.map(\.id))
        for line in data.transactions where line.kind == .booking {
            let owner = try #require(line.ownerID)
            let holder = alignment.owner(of: line.accountID, on: line.date)
            #expect(owner == holder || (holder == nil && managers.contains(owner)), "\(line.id)")
        }
        for activity in data.activities {
            let holder = alignment.owner(of: activity.accountID, on: activity.date)
            let rep = try #require(activity.repID)
            #expect(rep == holder || (holder == nil && managers.contains(rep)), "\(activity.id)")
        }
    }

    @Test func planYearHasAHireATerminationASeatMoveAndAnAccountMove() throws {
        let company = try small()
        let data = company.dataset
        let day = { (text: String) in (try? CalendarDate(iso8601: text)) ?? CalendarDate(daysSinceEpoch: 0) }
        #expect(
            data.reps.contains { $0.status == .active && $0.hireDate == day("2026-04-01") && $0.territoryID != nil })
        let leaver = try #require(data.reps.first { $0.terminationDate == day("2026-06-12") })
        let seat = try #require(leaver.territoryID)
        let mover = try #require(data.repTerritoryHistory.first { $0.territoryID == seat })
        #expect(mover.effectiveDate == day("2026-08-01"))
        let alignment = data.alignmentHistory
        #expect(alignment.holder(of: seat, on: day("2026-06-11")) == leaver.id)
        #expect(alignment.holder(of: seat, on: day("2026-07-01")) == nil)
        #expect(alignment.holder(of: seat, on: day("2026-08-01")) == mover.repID)
        let backfill = try #require(data.reps.last)
        #expect(backfill.id == "R025" && backfill.territoryID == nil && backfill.hireDate == day("2026-08-01"))
        #expect(data.repTerritoryHistory.contains { $0.repID == backfill.id })
        let moves = data.accountTerritoryHistory
        #expect(!moves.isEmpty && moves.allSatisfy { $0.effectiveDate == day("2026-07-01") })
        for move in moves {
            #expect(alignment.territory(of: move.accountID, on: day("2026-06-30")) != move.territoryID)
            #expect(alignment.territory(of: move.accountID, on: day("2026-07-01")) == move.territoryID)
        }
        #expect(company.events.count >= 5)
        #expect(!data.reps.contains { $0.status == .toBeHired })
    }

    @Test func truthIsTheRealizedPlanYear() throws {
        let company = try small()
        let data = company.dataset
        let cut = CalendarDate(daysSinceEpoch: 20_787)
        let booked = Set(data.transactions.filter { $0.kind == .booking && $0.date.year == 2026 }.map(\.accountID))
        let decemberWins = Set(
            data.opportunities.filter {
                !$0.isClosed && $0.closeDate > cut && $0.closeDate.year == 2026 && $0.probability >= 0.5
            }.map(\.accountID))
        for truth in company.truth {
            if booked.contains(truth.accountID) { #expect(truth.purchased, "\(truth.accountID)") }
            if truth.purchased {
                #expect(
                    booked.contains(truth.accountID) || decemberWins.contains(truth.accountID), "\(truth.accountID)")
            }
        }
    }

    /// A crude lexicon separates won from lost deals by their late activities, so the texts carry
    /// the deal's outcome; early activities separate them less.
    @Test func activityTextsAreVariedAndTheirToneFollowsTheDeal() throws {
        #expect(Set(DemoActivityTexts.allClauses).count >= 150)
        let data = try small().dataset
        let texts = data.activities.map(\.text)
        #expect(Set(texts).count * 2 >= texts.count)  // short call notes repeat; emails hardly ever
        func share(_ predicate: (String) -> Bool) -> Double {
            Double(texts.filter(predicate).count) / Double(texts.count)
        }
        #expect((0.03...0.25).contains(share { $0.contains(" but ") }))
        #expect(
            (0.1...0.5).contains(
                share { $0.contains(" not ") || $0.contains("n't ") || $0.contains(" no ") || $0.contains("never") }))
        #expect((0.03...0.3).contains(share { $0.contains("!") }))
        #expect(
            (0.002...0.1).contains(
                share { $0.split(separator: " ").contains { $0.count >= 4 && $0.allSatisfy { $0.isUppercase } } }))
        let positive = [
            "great", "loved", "excited", "happy", "approved", "impressed", "win", "smoothly", "helpful", "solid",
            "strong", "yes",
        ]
        let negative = [
            "not", "disappointed", "frustrated", "problems", "poor", "cancel", "competitor", "hold", "cut",
            "unacceptable",
            "failed", "worried", "skeptical", "rejected",
        ]
        func tone(_ text: String) -> Double {
            let clause = text.components(separatedBy: " but ").last ?? text
            let words = clause.lowercased().split { !$0.isLetter }.map(String.init)
            return Double(words.filter(positive.contains).count - words.filter(negative.contains).count)
        }
        let outcome = Dictionary(uniqueKeysWithValues: data.opportunities.filter(\.isClosed).map { ($0.id, $0) })
        var early: [(score: Double, won: Bool)] = []
        var late: [(score: Double, won: Bool)] = []
        for activity in data.activities {
            guard let deal = activity.opportunityID.flatMap({ outcome[$0] }) else { continue }
            let life = max(1, deal.createdDate.days(until: deal.closeDate))
            let elapsed = deal.createdDate.days(until: activity.date)
            if elapsed * 3 >= life * 2 { late.append((tone(activity.text), deal.isWon)) }
            if elapsed * 3 < life { early.append((tone(activity.text), deal.isWon)) }
        }
        func auc(_ pairs: [(score: Double, won: Bool)]) -> Double {
            let won = pairs.filter(\.won).map(\.score)
            let lost = pairs.filter { !$0.won }.map(\.score)
            var wins = 0.0
            for a in won { for b in lost { wins += a > b ? 1 : a == b ? 0.5 : 0 } }
            return wins / Double(won.count * lost.count)
        }
        let lateAUC = auc(late)
        let earlyAUC = auc(early)
        #expect(lateAUC > 0.7, "late-activity lexicon AUC \(lateAUC)")
        #expect(lateAUC > earlyAUC + 0.1, "late \(lateAUC), early \(earlyAUC)")
    }

    @Test func truthFollowsTheDocumentedFormula() throws {
        let company = try small()
        let geography = try #require(Self.geography)
        let unemployment = geography.unemploymentByCounty()
        for (account, truth) in zip(company.dataset.accounts, company.truth) {
            #expect(truth.accountID == account.id)
            let z = PurchasePropensityModel.featureLogit(
                of: account, unemploymentRate: account.countyFIPS.flatMap { unemployment[$0] })
            #expect(truth.featureLogit == z)
            #expect((0...1).contains(truth.probability))
        }
        // Hand-worked example: 30 employees (L = 0), Technology, current customer, average unemployment.
        let account = Account(
            id: "A", name: "x", location: GeoPoint(latitude: 0, longitude: 0), industry: "Technology",
            employees: 30, segment: "SMB", trailingTwelveMonthSales: 10)
        #expect(
            isApproximatelyEqual(
                PurchasePropensityModel.featureLogit(of: account, unemploymentRate: 9.3), -1.65 + 0.6 + 1.2))
        let rate = Double(company.truth.filter(\.purchased).count) / Double(company.truth.count)
        #expect((0.05...0.3).contains(rate))
    }

    @Test func currentAlignmentIsVisiblyUnbalanced() throws {
        let data = try small().dataset
        var workload: [TerritoryID: Double] = [:]
        for account in data.accounts {
            workload[account.territoryID ?? "", default: 0] += account.attributes["workload"] ?? 0
        }
        let values = workload.values.sorted()
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        #expect(sd / mean > 0.3)
    }

    @Test func rejectsImpossibleSizes() throws {
        let geography = try #require(Self.geography)
        #expect(throws: SalesDataError.self) { try DemoCompanyGenerator(.init(accounts: 0), geography: geography) }
        #expect(throws: SalesDataError.self) { try DemoCompanyGenerator(.init(reps: 11), geography: geography) }
    }

    @Test func committedDemoMatchesTheGeneratorForSeed42() throws {
        let geography = try #require(Self.geography)
        let company = try DemoCompanyGenerator(.init(seed: 42), geography: geography).generate()
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Data/demo")
        for file in company.encodedFiles() {
            let committed = try Data(contentsOf: folder.appendingPathComponent(file.name))
            #expect(committed == Data(file.bytes), "\(file.name) differs from the generator's output")
        }
    }
}
