import Foundation

/// Industry mix and economics of the demo accounts.
enum DemoIndustry {
    /// (industry, share of accounts, revenue per employee in USD).
    static let table: [(name: String, share: Double, revenuePerEmployee: Double)] = [
        ("Manufacturing", 0.14, 250_000), ("Retail", 0.12, 180_000), ("Healthcare", 0.12, 120_000),
        ("Professional Services", 0.12, 150_000), ("Financial Services", 0.09, 400_000), ("Technology", 0.09, 300_000),
        ("Construction", 0.09, 220_000), ("Wholesale", 0.08, 500_000), ("Education", 0.05, 90_000),
        ("Hospitality", 0.10, 70_000),
    ]

    static let nameWords: [String: [String]] = [
        "Manufacturing": ["Fabrication", "Machining", "Industries", "Components", "Metalworks", "Plastics"],
        "Retail": ["Outfitters", "Market", "Goods", "Supply", "Trading Post", "Home Store"],
        "Healthcare": ["Medical Group", "Clinic", "Health Partners", "Family Practice", "Dental", "Care Center"],
        "Professional Services": ["Consulting", "Advisors", "Partners", "Associates", "Legal Group", "Accounting"],
        "Financial Services": [
            "Credit Union", "Capital", "Financial", "Insurance Agency", "Wealth Advisors", "Savings Bank",
        ],
        "Technology": ["Software", "Systems", "Labs", "Data", "Networks", "Digital"],
        "Construction": ["Builders", "Construction", "Contractors", "Roofing", "Concrete", "Electric"],
        "Wholesale": ["Distributors", "Wholesale", "Supply Co", "Logistics", "Imports", "Foods"],
        "Education": ["Academy", "Learning Center", "School", "Institute", "College Prep", "Tutoring"],
        "Hospitality": ["Hotel", "Grill", "Inn", "Catering", "Bistro", "Resorts"],
    ]

    static let prefixes = [
        "Summit", "Riverside", "Pioneer", "Liberty", "Evergreen", "Keystone", "Blue Ridge", "Lakeshore", "Frontier",
        "Heritage", "Granite", "Harbor", "Redwood", "Prairie", "Cascade", "Magnolia", "Ironwood", "Silverline",
        "Northstar",
        "Golden Gate", "Cedar", "Highland", "Meridian", "Oak Valley", "Sunrise", "Bayview", "Copper", "Willow", "Atlas",
        "Beacon",
    ]
    static let suffixes = ["", " LLC", " Inc.", ", Inc.", " Co.", " Group", " Ltd."]
}

extension DemoCompanyGenerator {
    /// Accounts: a city drawn ∝ population, a point within ~2 km (normal jitter, sd 0.015°), an
    /// industry by ``DemoIndustry/table``, employees = round(exp(N(3.4, 1.4²))) in 1...100,000,
    /// revenue = employees × industry revenue per employee × exp(N(0, 0.35²)), rounded to 1,000.
    ///
    /// Segment: Enterprise ≥ 1,000 employees, Mid-Market ≥ 100, else SMB.
    /// `potential` = 0.1 × revenue^0.8 × industry factor × exp(N(0, 0.3²)), rounded to 100 (USD/year);
    /// `workload` = hours by segment (SMB 8, Mid-Market 24, Enterprise 80) × exp(N(0, 0.2²)), 1 decimal.
    func makeAccounts(cities: [USGeography.City], layout: SalesLayout, random: inout SplitMixGenerator) -> (
        accounts: [Account], districts: [Int]
    ) {
        let sampler = WeightedSampler(weights: cities.map { Double($0.population) })
        let industries = WeightedSampler(weights: DemoIndustry.table.map(\.share))
        let width = 7
        var accounts: [Account] = []
        var districts: [Int] = []
        accounts.reserveCapacity(configuration.accounts)
        districts.reserveCapacity(configuration.accounts)
        for number in 1...configuration.accounts {
            let cityIndex = sampler.sample(using: &random)
            let city = cities[cityIndex]
            districts.append(layout.districtOfCity[cityIndex])
            let latitude = (city.location.latitude + random.normal() * 0.015).clamped(to: -90...90)
            let longitude = (city.location.longitude + random.normal() * 0.015).clamped(to: -180...180)
            let industry = DemoIndustry.table[industries.sample(using: &random)]
            let employees = Int(exp(random.normal(mean: 3.4, sd: 1.4)).rounded()).clamped(to: 1...100_000)
            let revenue =
                (Double(employees) * industry.revenuePerEmployee * exp(random.normal(mean: 0, sd: 0.35)) / 1000)
                .rounded() * 1000
            let segment = employees >= 1000 ? "Enterprise" : employees >= 100 ? "Mid-Market" : "SMB"
            let factor = 1 + 0.5 * (PurchasePropensityModel.industryEffect[industry.name] ?? 0)
            let potential =
                (0.1 * pow(max(revenue, 1000), 0.8) * factor * exp(random.normal(mean: 0, sd: 0.3)) / 100).rounded()
                * 100
            let hours = segment == "Enterprise" ? 80.0 : segment == "Mid-Market" ? 24 : 8
            let workload = (hours * exp(random.normal(mean: 0, sd: 0.2)) * 10).rounded() / 10
            let words = DemoIndustry.nameWords[industry.name] ?? ["Company"]
            let name =
                "\(random.element(of: DemoIndustry.prefixes)) \(random.element(of: words))\(random.element(of: DemoIndustry.suffixes))"
            let digits = String(number)
            let id = AccountID("A" + String(repeating: "0", count: max(0, width - digits.count)) + digits)
            accounts.append(
                Account(
                    id: id, name: name,
                    location: GeoPoint(
                        latitude: (latitude * 100_000).rounded() / 100_000,
                        longitude: (longitude * 100_000).rounded() / 100_000),
                    postalCode: nil, countyFIPS: city.countyFIPS, industry: industry.name, employees: employees,
                    annualRevenue: revenue, segment: segment,
                    attributes: ["potential": potential, "workload": workload]))
        }
        return (accounts, districts)
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
