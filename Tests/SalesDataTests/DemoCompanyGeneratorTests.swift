import Foundation
import TestSupport
import Testing

@testable import SalesData

@Suite struct DemoCompanyGeneratorTests {
    static let geography: USGeography? = try? USGeography.load(from: Fixtures.repositoryRoot.appendingPathComponent("Data/geo"))

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
        #expect(data.reps.count == 1 + 4 + 12 + 24)
        for district in data.hierarchy.nodes(at: .district) { #expect(!data.hierarchy.children(of: district.id).isEmpty) }
        // Every account sits in a territory; owners are the territory's rep unless it is vacant.
        let repOfTerritory = Dictionary(uniqueKeysWithValues: data.reps.compactMap { rep in rep.territoryID.map { ($0, rep) } })
        for account in data.accounts {
            let rep = try #require(account.territoryID.flatMap { repOfTerritory[$0] })
            #expect(account.ownerID == (rep.status == .active ? rep.id : nil))
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

    @Test func historyHoldsRefundsSplitsAndEmailsAndSalesMatchTransactions() throws {
        let data = try small().dataset
        #expect(data.transactions.contains { $0.kind == .refund && $0.amount < 0 })
        #expect(data.transactions.contains { $0.splits.count == 2 && $0.splits.allSatisfy { $0.kind == .revenue } })
        #expect(data.activities.contains { $0.kind == .email && !$0.text.isEmpty })
        #expect(data.opportunities.contains { !$0.isClosed })
        var ttm: [AccountID: Double] = [:]
        for line in data.transactions where line.date > CalendarDate(daysSinceEpoch: 20_088).adding(months: -12) {
            ttm[line.accountID, default: 0] += line.amount
        }
        for account in data.accounts.prefix(300) {
            #expect(isApproximatelyEqual(account.trailingTwelveMonthSales, ttm[account.id] ?? 0, absolute: 0.01))
        }
    }

    @Test func truthFollowsTheDocumentedFormula() throws {
        let company = try small()
        let geography = try #require(Self.geography)
        let unemployment = geography.unemploymentByCounty()
        for (account, truth) in zip(company.dataset.accounts, company.truth) {
            #expect(truth.accountID == account.id)
            let z = PurchasePropensityModel.featureLogit(of: account, unemploymentRate: account.countyFIPS.flatMap { unemployment[$0] })
            #expect(truth.featureLogit == z)
            #expect((0...1).contains(truth.probability))
        }
        // Hand-worked example: 30 employees (L = 0), Technology, current customer, average unemployment.
        let account = Account(id: "A", name: "x", location: GeoPoint(latitude: 0, longitude: 0), industry: "Technology",
                              employees: 30, segment: "SMB", trailingTwelveMonthSales: 10)
        #expect(isApproximatelyEqual(PurchasePropensityModel.featureLogit(of: account, unemploymentRate: 9.3), -2.3 + 0.6 + 1.2))
        let rate = Double(company.truth.filter(\.purchased).count) / Double(company.truth.count)
        #expect((0.05...0.3).contains(rate))
    }

    @Test func currentAlignmentIsVisiblyUnbalanced() throws {
        let data = try small().dataset
        var workload: [TerritoryID: Double] = [:]
        for account in data.accounts { workload[account.territoryID ?? "", default: 0] += account.attributes["workload"] ?? 0 }
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
        for file in company.dataset.encodedFiles() {
            let committed = try Data(contentsOf: folder.appendingPathComponent(file.name))
            #expect(committed == Data(file.bytes), "\(file.name) differs from the generator's output")
        }
    }
}
