import Foundation

/// The generated sales organisation.
struct SalesForce {
    var reps: [Rep] = []
    var nodes: [Territory] = []
    /// Indices into `reps` of the territory positions of each district.
    var positionsByDistrict: [[Int]] = []
    /// Index into `reps` of each district's manager.
    var managerOfDistrict: [Int] = []
    /// Years in the job of each rep at the snapshot (0 for vacancies and planned hires).
    var tenure: [Double] = []
}

enum DemoNames {
    static let first = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William",
        "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Lisa",
        "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley", "Kevin", "Emily", "Brian", "Maria", "Wei", "Priya",
        "Andre", "Keisha", "Luis", "Mei", "Omar", "Fatima", "Diego", "Aisha", "Hiroshi", "Sofia", "Raj", "Grace",
    ]
    static let last = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
        "Allen", "King", "Wright", "Scott", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
        "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Chen", "Patel", "Kim", "Singh", "Okafor",
    ]

    static func person(_ random: inout SplitMixGenerator) -> String {
        "\(random.element(of: first)) \(random.element(of: last))"
    }
}

extension DemoCompanyGenerator {
    /// The organisation: a CRO, one RVP per region, one manager per district, and territory reps
    /// spread over districts in proportion to their accounts (at least one each).
    ///
    /// Home bases are distinct real cities of the district near randomly drawn accounts (see ``homeBases``). Tenure ~
    /// Exponential(mean 4.5 years), capped at 20; about 3 % of positions
    /// are vacant and 2 % to be hired (start 1–3 months after the snapshot); 5 % work half time.
    func makeSalesForce(
        cities: [USGeography.City], layout: SalesLayout, accounts: [Account], accountDistricts: [Int],
        random: inout SplitMixGenerator
    ) -> SalesForce {
        let districtCount = Self.regionCount * Self.districtsPerRegion
        var citiesByDistrict = [[Int]](repeating: [], count: districtCount)
        for (index, district) in layout.districtOfCity.enumerated() { citiesByDistrict[district].append(index) }
        var accountsPerDistrict = [Int](repeating: 0, count: districtCount)
        var locationsByDistrict = [[GeoPoint]](repeating: [], count: districtCount)
        for (index, district) in accountDistricts.enumerated() {
            accountsPerDistrict[district] += 1
            locationsByDistrict[district].append(accounts[index].location)
        }
        let repsPerDistrict = Self.apportion(configuration.reps, weights: accountsPerDistrict.map { Double($0) + 1 })

        let snapshot = configuration.snapshotDate
        var force = SalesForce()
        func hireDate(tenure: Double) -> CalendarDate { snapshot.adding(days: -Int((tenure * 365.25).rounded())) }
        func addRep(_ rep: Rep, tenure: Double) -> Int {
            force.reps.append(rep)
            force.tenure.append(tenure)
            return force.reps.count - 1
        }
        let croTenure = 3 + random.uniform() * 5
        let cro = Rep(
            id: "CRO", name: DemoNames.person(&random), role: "Chief Revenue Officer",
            hireDate: hireDate(tenure: croTenure))
        _ = addRep(cro, tenure: croTenure)
        force.nodes.append(Territory(id: "CO", name: "Meridian Demo Co.", level: .company, ownerID: cro.id))
        var territoryNumber = 0
        for region in 0..<Self.regionCount {
            let regionID = TerritoryID("RG\(region + 1)")
            let vpTenure = 2 + random.uniform() * 8
            let vp = Rep(
                id: RepID("RVP\(region + 1)"), name: DemoNames.person(&random), role: "Regional Vice President",
                managerID: cro.id, hireDate: hireDate(tenure: vpTenure))
            _ = addRep(vp, tenure: vpTenure)
            force.nodes.append(
                Territory(
                    id: regionID, name: layout.regionNames[region], level: .region, parentID: "CO", ownerID: vp.id))
            for band in 0..<Self.districtsPerRegion {
                let district = region * Self.districtsPerRegion + band
                let districtCities = citiesByDistrict[district]
                let anchor = districtCities.max { (cities[$0].population, $1) < (cities[$1].population, $0) }.map {
                    cities[$0]
                }
                let districtID = TerritoryID(String(format: "D%02d", district + 1))
                let managerTenure = 1 + random.uniform() * 9
                let manager = Rep(
                    id: RepID(String(format: "DM%02d", district + 1)), name: DemoNames.person(&random),
                    role: "District Manager", managerID: vp.id, homeBase: anchor?.location,
                    hireDate: hireDate(tenure: managerTenure))
                force.managerOfDistrict.append(addRep(manager, tenure: managerTenure))
                force.nodes.append(
                    Territory(
                        id: districtID, name: "\(anchor?.name ?? "District \(district + 1)") District",
                        level: .district, parentID: regionID, ownerID: manager.id))
                var positions: [Int] = []
                let bases = Self.homeBases(
                    count: repsPerDistrict[district], candidates: districtCities, cities: cities,
                    accounts: locationsByDistrict[district], random: &random)
                for base in bases {
                    territoryNumber += 1
                    let territoryID = TerritoryID(String(format: "T%03d", territoryNumber))
                    let repID = RepID(String(format: "R%03d", territoryNumber))
                    let city = cities[base]
                    let draw = random.uniform()
                    var rep = Rep(
                        id: repID, name: DemoNames.person(&random), managerID: manager.id, territoryID: territoryID,
                        homeBase: city.location)
                    var tenure = min(20, random.exponential(mean: 4.5))
                    if draw < 0.03 {
                        rep.status = .vacant
                        rep.name = "Vacant (\(city.name), \(city.state))"
                        tenure = 0
                    } else if draw < 0.05 {
                        rep.status = .toBeHired
                        rep.name = "To be hired (\(city.name), \(city.state))"
                        rep.hireDate = snapshot.adding(days: 30 + random.int(below: 60))
                        tenure = 0
                    } else {
                        rep.hireDate = hireDate(tenure: tenure)
                        if random.bernoulli(0.05) { rep.capacityFTE = 0.5 }
                    }
                    positions.append(addRep(rep, tenure: tenure))
                    force.nodes.append(
                        Territory(
                            id: territoryID, name: "\(city.name), \(city.state)", level: .territory,
                            parentID: districtID, ownerID: rep.status == .active ? repID : nil))
                }
                force.positionsByDistrict.append(positions)
            }
        }
        return force
    }

    /// Splits `total` into integer parts ∝ `weights`, each at least 1 (largest remainders, ties by index).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let count = weights.count
        let spare = total - count
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(spare) * $0 / sum }
        var parts = exact.map { 1 + Int($0.rounded(.down)) }
        var left = total - parts.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - exact[a].rounded(.down)
            let rb = exact[b] - exact[b].rounded(.down)
            return ra != rb ? ra > rb : a < b
        }
        var index = 0
        while left > 0 {
            parts[order[index % count]] += 1
            left -= 1
            index += 1
        }
        return parts
    }

    /// `count` distinct cities of `candidates` where the accounts are: repeatedly draw a random
    /// account of the district and take the nearest unused city of ≥ 10,000 people (any size when
    /// there are too few), so bases follow account density.
    static func homeBases(
        count: Int, candidates: [Int], cities: [USGeography.City], accounts: [GeoPoint], random: inout SplitMixGenerator
    ) -> [Int] {
        let large = candidates.filter { cities[$0].population >= 10_000 }
        var pool = large.count >= count ? large : candidates
        var chosen: [Int] = []
        while chosen.count < count {
            if pool.isEmpty { pool = candidates }  // fewer cities than reps: reuse places
            let target =
                accounts.isEmpty ? cities[pool[random.int(below: pool.count)]].location : random.element(of: accounts)
            var best = 0
            var bestDistance = Double.infinity
            for (offset, city) in pool.enumerated() {
                let distance = cities[city].location.distanceInKilometers(to: target)
                if distance < bestDistance {
                    bestDistance = distance
                    best = offset
                }
            }
            chosen.append(pool.remove(at: best))
        }
        return chosen
    }

    /// The current alignment, grown historically: each account goes to the position of its district
    /// that minimises distance / (1 + 0.06 × tenure), so senior reps hold wide areas; 8 % of accounts
    /// stay with a position drawn ∝ (1 + tenure) regardless of distance (old relationships).
    ///
    /// Vacant positions keep their accounts with no owner. Enterprise accounts are locked with
    /// probability 0.25, others 0.005.
    func align(_ accounts: inout [Account], districts: [Int], force: SalesForce, random: inout SplitMixGenerator) {
        for index in accounts.indices {
            let positions = force.positionsByDistrict[districts[index]]
            var best = positions[0]
            if random.bernoulli(0.08) {
                best = positions[random.index(weights: positions.map { 1 + force.tenure[$0] })]
            } else {
                var bestScore = Double.infinity
                for position in positions {
                    guard let home = force.reps[position].homeBase else { continue }
                    let score =
                        accounts[index].location.distanceInKilometers(to: home) / (1 + 0.06 * force.tenure[position])
                    if score < bestScore {
                        bestScore = score
                        best = position
                    }
                }
            }
            let rep = force.reps[best]
            accounts[index].territoryID = rep.territoryID
            accounts[index].ownerID = rep.status == .active ? rep.id : nil
            accounts[index].isLocked = random.bernoulli(accounts[index].segment == "Enterprise" ? 0.25 : 0.005)
        }
    }
}
