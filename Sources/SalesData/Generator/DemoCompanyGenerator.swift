import Foundation

/// Builds a deterministic demo company on real US places: accounts drawn in proportion to city
/// population, a sales force in a 4-region, 12-district hierarchy, a historically grown (and
/// unbalanced) alignment, two years of CRM history before the snapshot, the ground truth of the
/// plan year's purchases, and the plan year itself through its last closed month: deals, refunds,
/// cancellations, activities, a hire, a termination, a seat move and an account move.
///
/// ```swift
/// let geography = try USGeography.load(from: URL(fileURLWithPath: "Data/geo"))
/// let company = try DemoCompanyGenerator(DemoCompanyGenerator.Configuration(seed: 42, accounts: 2_000, reps: 24),
///                                        geography: geography).generate()
/// try company.write(to: URL(fileURLWithPath: "out/demo"))   // byte-identical for the same seed
/// ```
///
/// The distributions are documented in `Data/demo/README.md` and on each step below.
public struct DemoCompanyGenerator: Sendable {
    /// The request of `data generate`; defaults are written once, in ``init(seed:accounts:reps:includeHistory:snapshotDate:lastClosedDate:)``.
    public struct Configuration: Sendable, Hashable {
        public var seed: UInt64
        public var accounts: Int
        /// Territory reps (positions); managers come on top (1 CRO, 4 RVPs, 12 district managers).
        public var reps: Int
        /// Whether to generate opportunities, transactions and activities.
        public var includeHistory: Bool
        /// The as-of date of account features (2025-12-31); history covers the two years ending
        /// here, and the plan year starts the day after.
        public var snapshotDate: CalendarDate
        /// The last day with data: the end of the plan year's last closed month (2026-11-30 by
        /// default, the snapshot + 11 months); later deals are open pipeline.
        public var lastClosedDate: CalendarDate

        public init(
            seed: UInt64 = 42, accounts: Int = 20_000, reps: Int = 120, includeHistory: Bool = true,
            snapshotDate: CalendarDate = CalendarDate(daysSinceEpoch: 20_453), lastClosedDate: CalendarDate? = nil
        ) {
            self.seed = seed
            self.accounts = accounts
            self.reps = reps
            self.includeHistory = includeHistory
            self.snapshotDate = snapshotDate
            self.lastClosedDate = lastClosedDate ?? snapshotDate.adding(months: 11)
        }
    }

    /// Regions and districts of the hierarchy.
    public static let regionCount = 4
    public static let districtsPerRegion = 3

    public let configuration: Configuration
    let geography: USGeography

    /// - Throws: ``SalesDataError/invalidRequest(key:value:expected:)`` unless the configuration is
    ///   valid (see ``Configuration/problems()``); ``SalesDataError/invalidConfiguration(_:)`` when the
    ///   geography has no places in the lower 48 states.
    public init(_ configuration: Configuration, geography: USGeography) throws {
        try configuration.validate()
        self.configuration = configuration
        self.geography = geography
        guard !cities.isEmpty else {
            throw SalesDataError.invalidConfiguration("the geography holds no populated places in the lower 48 states")
        }
    }

    /// Places used: the contiguous states and DC with a positive population.
    var cities: [USGeography.City] {
        geography.cities.filter { $0.state != "AK" && $0.state != "HI" && $0.population > 0 }
    }

    /// Generates the company.
    ///
    /// - Complexity: O(accounts × reps per district) for the alignment plus O(history rows).
    public func generate() throws -> DemoCompany {
        let root = SplitMixGenerator(seed: configuration.seed)
        let places = cities
        let layout = SalesLayout(cities: places)
        var accountRandom = root.fork(1)
        var (accounts, districts) = makeAccounts(cities: places, layout: layout, random: &accountRandom)
        var forceRandom = root.fork(2)
        var force = makeSalesForce(
            cities: places, layout: layout, accounts: accounts, accountDistricts: districts, random: &forceRandom)
        var alignRandom = root.fork(3)
        align(&accounts, districts: districts, force: force, random: &alignRandom)
        var eventRandom = root.fork(6)
        let events = makePlanYearEvents(&force, accounts: accounts, random: &eventRandom)
        let alignment = AlignmentHistory(
            accounts: accounts, reps: force.reps, accountChanges: events.accountChanges,
            repChanges: events.repChanges)
        // accounts.csv and territories.csv show owners on the first day of the plan year.
        for index in accounts.indices {
            accounts[index].ownerID = alignment.owner(of: accounts[index].id, on: planStart)
        }
        for index in force.nodes.indices where force.nodes[index].level == .territory {
            force.nodes[index].ownerID = alignment.holder(of: force.nodes[index].id, on: planStart)
        }
        let ownership = makeOwnership(alignment, accounts: accounts, force: force)
        let calendar = HistoryCalendar(snapshot: configuration.snapshotDate, lastClosed: configuration.lastClosedDate)
        var drafts = DraftHistory()
        if configuration.includeHistory {
            var historyRandom = root.fork(4)
            draftPastYears(
                &drafts, accounts: accounts, force: force, ownership: ownership, calendar: calendar,
                random: &historyRandom)
            drafts.applySales(to: &accounts, calendar: calendar)
        }
        var truthRandom = root.fork(5)
        let truth = makeTruth(accounts, random: &truthRandom)
        var history = History()
        if configuration.includeHistory {
            var planRandom = root.fork(7)
            draftPlanYear(
                &drafts, accounts: accounts, truth: truth, force: force, ownership: ownership, calendar: calendar,
                random: &planRandom)
            var textRandom = root.fork(8)
            history = drafts.build(accounts, ownership: ownership, calendar: calendar, random: &textRandom)
        }
        let dataset = try SalesDataset(
            accounts: accounts, reps: force.reps, territories: force.nodes, opportunities: history.opportunities,
            transactions: history.transactions, activities: history.activities,
            accountTerritoryHistory: events.accountChanges,
            repTerritoryHistory: events.repChanges)
        return DemoCompany(dataset: dataset, truth: truth, configuration: configuration, events: events.log)
    }

    private func makeOwnership(_ alignment: AlignmentHistory, accounts: [Account], force: SalesForce) -> DealOwnership {
        var managerOfTerritory: [TerritoryID: RepID] = [:]
        var districtOfTerritory: [TerritoryID: Int] = [:]
        for (district, positions) in force.positionsByDistrict.enumerated() {
            for position in positions {
                guard let territory = force.reps[position].territoryID else { continue }
                managerOfTerritory[territory] = force.reps[force.managerOfDistrict[district]].id
                districtOfTerritory[territory] = district
            }
        }
        return DealOwnership(
            alignment: alignment, accountIDs: accounts.map(\.id), managerOfTerritory: managerOfTerritory,
            districtOfTerritory: districtOfTerritory, fallback: force.reps.first?.id ?? "CRO")
    }

    private func makeTruth(_ accounts: [Account], random: inout SplitMixGenerator) -> [PurchaseTruth] {
        let unemployment = geography.unemploymentByCounty()
        return accounts.map { account in
            let z = PurchasePropensityModel.featureLogit(
                of: account, unemploymentRate: account.countyFIPS.flatMap { unemployment[$0] })
            let p = PurchasePropensityModel.probability(
                logit: z + random.normal() * PurchasePropensityModel.noiseStandardDeviation)
            return PurchaseTruth(accountID: account.id, featureLogit: z, probability: p, purchased: random.bernoulli(p))
        }
    }
}

/// The geographic split of places into regions and districts: west/east at the population-weighted
/// median longitude, each half north/south at its median latitude, each region into three
/// longitude bands of equal population.
struct SalesLayout {
    /// District index (0..<12) of each city.
    let districtOfCity: [Int]
    let regionNames: [String]

    init(cities: [USGeography.City]) {
        func weightedSplit(_ indices: [Int], parts: Int, key: (Int) -> Double) -> [[Int]] {
            let sorted = indices.sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }
            let total = sorted.reduce(0.0) { $0 + Double(cities[$1].population) }
            var result = [[Int]](repeating: [], count: parts)
            var running = 0.0
            for index in sorted {
                let part = min(parts - 1, Int(running / total * Double(parts)))
                result[part].append(index)
                running += Double(cities[index].population)
            }
            return result
        }
        let all = Array(cities.indices)
        let halves = weightedSplit(all, parts: 2) { cities[$0].location.longitude }
        var regions: [[Int]] = []
        for half in halves {
            // North first: split by descending latitude.
            regions += weightedSplit(half, parts: 2) { -cities[$0].location.latitude }
        }
        regionNames = ["Northwest", "Southwest", "Northeast", "Southeast"]
        var district = [Int](repeating: 0, count: cities.count)
        for (regionIndex, region) in regions.enumerated() {
            let bands = weightedSplit(region, parts: DemoCompanyGenerator.districtsPerRegion) {
                cities[$0].location.longitude
            }
            for (bandIndex, band) in bands.enumerated() {
                for city in band { district[city] = regionIndex * DemoCompanyGenerator.districtsPerRegion + bandIndex }
            }
        }
        districtOfCity = district
    }
}

/// The generated company and the ground truth behind it.
public struct DemoCompany: Sendable {
    public var dataset: SalesDataset
    /// One row per account, in account order.
    public var truth: [PurchaseTruth]
    public var configuration: DemoCompanyGenerator.Configuration
    /// The plan year's staffing and alignment events, one line each (for example
    /// `hire: R017 fills T017 on 2026-04-01`).
    public var events: [String] = []

    /// The contents of every file ``write(to:)`` writes: the dataset's files and `accounts_truth.csv`.
    public func encodedFiles() -> [(name: String, bytes: [UInt8])] {
        var writer = CSVWriter()
        writer.writeRow(["account_id", "feature_logit", "true_purchase_probability", "purchased"])
        for row in truth {
            writer.field(row.accountID.rawValue)
            writer.number(row.featureLogit, decimals: 6)
            writer.number(row.probability, decimals: 6)
            writer.field(row.purchased ? "1" : "0")
            writer.endRow()
        }
        return dataset.encodedFiles() + [("accounts_truth.csv", writer.bytes)]
    }

    /// Writes the dataset files plus `accounts_truth.csv` to `folder`, as one ``AtomicFolder``.
    public func write(to folder: URL) throws {
        let files = encodedFiles().map { (name: $0.name, data: Data($0.bytes)) }
        try AtomicFolder.write(files, to: folder, owned: Set(files.map(\.name)))
    }
}
