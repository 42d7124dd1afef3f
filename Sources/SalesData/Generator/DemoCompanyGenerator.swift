import Foundation

/// Builds a deterministic demo company on real US places: accounts drawn in proportion to city
/// population, a sales force in a 4-region, 12-district hierarchy, a historically grown (and
/// unbalanced) alignment, two years of CRM history, and the ground truth of next year's purchases.
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
    /// The request of `data generate`; defaults are written once, in ``init(seed:accounts:reps:includeHistory:snapshotDate:)``.
    public struct Configuration: Sendable, Hashable {
        public var seed: UInt64
        public var accounts: Int
        /// Territory reps (positions); managers come on top (1 CRO, 4 RVPs, 12 district managers).
        public var reps: Int
        /// Whether to generate opportunities, transactions and activities.
        public var includeHistory: Bool
        /// The as-of date of account features; history covers the two calendar years ending here.
        public var snapshotDate: CalendarDate

        public init(seed: UInt64 = 42, accounts: Int = 20_000, reps: Int = 120, includeHistory: Bool = true,
                    snapshotDate: CalendarDate = CalendarDate(daysSinceEpoch: 20_088)) {
            self.seed = seed
            self.accounts = accounts
            self.reps = reps
            self.includeHistory = includeHistory
            self.snapshotDate = snapshotDate
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
        guard !cities.isEmpty else { throw SalesDataError.invalidConfiguration("the geography holds no populated places in the lower 48 states") }
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
        let force = makeSalesForce(cities: places, layout: layout, accounts: accounts, accountDistricts: districts, random: &forceRandom)
        var alignRandom = root.fork(3)
        align(&accounts, districts: districts, force: force, random: &alignRandom)
        var history = History()
        if configuration.includeHistory {
            var historyRandom = root.fork(4)
            history = makeHistory(&accounts, force: force, random: &historyRandom)
        }
        var truthRandom = root.fork(5)
        let truth = makeTruth(accounts, random: &truthRandom)
        let dataset = try SalesDataset(
            accounts: accounts, reps: force.reps, territories: force.nodes, opportunities: history.opportunities,
            transactions: history.transactions, activities: history.activities)
        return DemoCompany(dataset: dataset, truth: truth, configuration: configuration)
    }

    private func makeTruth(_ accounts: [Account], random: inout SplitMixGenerator) -> [PurchaseTruth] {
        let unemployment = geography.unemploymentByCounty()
        return accounts.map { account in
            let z = PurchasePropensityModel.featureLogit(of: account, unemploymentRate: account.countyFIPS.flatMap { unemployment[$0] })
            let p = PurchasePropensityModel.probability(logit: z + random.normal() * PurchasePropensityModel.noiseStandardDeviation)
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
            let bands = weightedSplit(region, parts: DemoCompanyGenerator.districtsPerRegion) { cities[$0].location.longitude }
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

    /// Writes the dataset files plus `accounts_truth.csv` to `folder`, each atomically.
    public func write(to folder: URL) throws {
        try dataset.write(to: folder)
        var writer = CSVWriter()
        writer.writeRow(["account_id", "feature_logit", "true_purchase_probability", "purchased"])
        for row in truth {
            writer.field(row.accountID.rawValue)
            writer.number(row.featureLogit, decimals: 6)
            writer.number(row.probability, decimals: 6)
            writer.field(row.purchased ? "1" : "0")
            writer.endRow()
        }
        try AtomicFile.write(Data(writer.bytes), to: folder.appendingPathComponent("accounts_truth.csv"))
    }
}
