import SalesData

/// One row of a bookings forecast: a rep, a team (manager and everyone below) or the company.
public struct ForecastRow: Sendable, Hashable, Codable {
    public var level: Scorecard.Level
    public var key: String
    /// Booked from the period start to the as-of day.
    public var booked: Double
    /// Σ probability × amount over the open deals.
    public var expectedPipeline: Double
    /// Mean run-rate bookings of the calibration points.
    public var expectedRunRate: Double
    /// booked + expected pipeline + expected run-rate (exact, not simulated).
    public var expected: Double
    public var p10: Double
    public var p50: Double
    public var p90: Double
    public var openDeals: Int
    public var openAmount: Double
    /// Past forecasts behind P10–P90 when they come from history; 0 when they are simulated.
    public var pastForecasts = 0

    /// Replaces the simulated P10/P50/P90 with the spread of past forecasts' errors.
    mutating func applyHistoricalInterval(_ spread: ForecastResiduals.Spread) {
        let unbooked = expectedPipeline + expectedRunRate
        p10 = booked + unbooked * spread.lowFactor
        p50 = booked + unbooked * spread.medianFactor
        p90 = booked + unbooked * spread.highFactor
        pastForecasts = spread.count
    }
}

/// A forecast with the calibration behind it.
public struct BookingsForecast: Sendable, Hashable {
    public var period: ReportingPeriod
    public var asOf: CalendarDate
    public var calibration: ForecastCalibration
    /// Reps by id, teams by manager id, then the company.
    public var rows: [ForecastRow]

    /// The company row.
    public var company: ForecastRow? { rows.last { $0.level == .company } }
}

/// The managers above each rep, for rolling reps up into teams.
struct RepTree {
    let reps: [RepID]
    let managers: [RepID]
    /// Managers above each rep (nearest first), the rep itself first when it manages someone.
    let teamsOf: [RepID: [RepID]]

    init(reps: [Rep]) {
        let managerOf = Dictionary(
            reps.compactMap { rep in rep.managerID.map { (rep.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let managerSet = Set(managerOf.values)
        self.reps = reps.map(\.id).sorted()
        self.managers = managerSet.sorted()
        var teamsOf: [RepID: [RepID]] = [:]
        for rep in reps {
            var chain: [RepID] = managerSet.contains(rep.id) ? [rep.id] : []
            var current = managerOf[rep.id]
            while let manager = current, !chain.contains(manager), chain.count < 64 {
                chain.append(manager)
                current = managerOf[manager]
            }
            teamsOf[rep.id] = chain
        }
        self.teamsOf = teamsOf
    }
}

/// The rows of a forecast: every rep, then every team (by manager), then the company, each an
/// index; a rep's bookings count for itself, each team above it and the company.
struct ForecastEntities {
    let tree: RepTree
    /// Number of rows: reps + managers + 1.
    let count: Int
    /// The company's index, the last.
    let company: Int
    private let targetsOfRep: [RepID: [Int]]

    init(tree: RepTree) {
        self.tree = tree
        company = tree.reps.count + tree.managers.count
        count = company + 1
        var entityOfTeam: [RepID: Int] = [:]
        for (index, manager) in tree.managers.enumerated() { entityOfTeam[manager] = tree.reps.count + index }
        var targets: [RepID: [Int]] = [:]
        for (index, rep) in tree.reps.enumerated() {
            targets[rep] = [index] + (tree.teamsOf[rep] ?? []).compactMap { entityOfTeam[$0] } + [company]
        }
        targetsOfRep = targets
    }

    /// The rows `rep`'s bookings count for; only the company for `nil` or an unknown rep.
    func targets(_ rep: RepID?) -> [Int] {
        guard let rep, let known = targetsOfRep[rep] else { return [company] }
        return known
    }

    /// Per-row sums of `amounts` by rep.
    func rollUp(_ amounts: [RepID?: Double]) -> [Double] {
        var totals = Array(repeating: 0.0, count: count)
        for (rep, amount) in amounts { for entity in targets(rep) { totals[entity] += amount } }
        return totals
    }
}

/// The seeded simulation of a forecast over reps, teams and the company.
struct ForecastSimulation {
    let deals: [OpenDeal]
    let runRates: [[RepID?: Double]]
    let booked: [RepID?: Double]
    let entities: ForecastEntities
    let simulations: Int
    var random: SplitMixGenerator

    init(
        deals: [OpenDeal], runRates: [[RepID?: Double]], booked: [RepID?: Double], entities: ForecastEntities,
        simulations: Int, seed: UInt64
    ) {
        self.deals = deals
        self.runRates = runRates
        self.booked = booked
        self.entities = entities
        self.simulations = max(1, simulations)
        self.random = SplitMixGenerator(seed: seed)
    }

    /// Rows for every rep, team and the company.
    mutating func run() -> [ForecastRow] {
        let tree = entities.tree
        let company = entities.company
        let count = entities.count
        let cachedTargets = entities.targets
        let base = entities.rollUp(booked)
        var expectedPipeline = Array(repeating: 0.0, count: count)
        var expectedRunRate = expectedPipeline
        var openDeals = Array(repeating: 0, count: count)
        var openAmount = expectedPipeline
        let dealTargets = deals.map { cachedTargets($0.owner) }
        for (deal, targets) in zip(deals, dealTargets) {
            for entity in targets {
                expectedPipeline[entity] += deal.probability * deal.amount
                openDeals[entity] += 1
                openAmount[entity] += deal.amount
            }
        }
        let pointTargets: [[(entities: [Int], amount: Double)]] = runRates.map { point in
            point.sorted { ($0.key?.rawValue ?? "") < ($1.key?.rawValue ?? "") }.map {
                (cachedTargets($0.key), $0.value)
            }
        }
        for point in pointTargets {
            for (targets, amount) in point {
                for entity in targets { expectedRunRate[entity] += amount / Double(pointTargets.count) }
            }
        }
        var samples = Array(repeating: [Double](), count: count)
        for entity in 0..<count { samples[entity].reserveCapacity(simulations) }
        var total = base
        for _ in 0..<simulations {
            total = base
            for (deal, targets) in zip(deals, dealTargets) where random.uniform() < deal.probability {
                for entity in targets { total[entity] += deal.amount }
            }
            if !pointTargets.isEmpty {
                for (targets, amount) in pointTargets[random.int(below: pointTargets.count)] {
                    for entity in targets { total[entity] += amount }
                }
            }
            for entity in 0..<count { samples[entity].append(total[entity]) }
        }
        func row(_ level: Scorecard.Level, _ key: String, _ entity: Int) -> ForecastRow {
            let sorted = samples[entity].sorted()
            return ForecastRow(
                level: level, key: key, booked: base[entity], expectedPipeline: expectedPipeline[entity],
                expectedRunRate: expectedRunRate[entity],
                expected: base[entity] + expectedPipeline[entity] + expectedRunRate[entity],
                p10: Self.quantile(sorted, 0.1), p50: Self.quantile(sorted, 0.5), p90: Self.quantile(sorted, 0.9),
                openDeals: openDeals[entity], openAmount: openAmount[entity])
        }
        var rows = tree.reps.enumerated().map { row(.rep, $1.rawValue, $0) }
        rows += tree.managers.enumerated().map { row(.team, $1.rawValue, tree.reps.count + $0) }
        rows.append(row(.company, "company", company))
        return rows
    }

    /// Nearest-rank quantile of sorted values: the ⌈q·n⌉-th smallest.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
