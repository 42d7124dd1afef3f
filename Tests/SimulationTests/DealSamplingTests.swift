import Foundation
import Incentives
import SalesData
import Simulation
import Testing

/// Deal-level sampling: SPIFFs paid month by month on drawn deals, against closed forms.
///
/// Person i (i = 0…49) has mean sales $500,000 and expects λᵢ = 10 + i/5 qualifying deals. The deal
/// count given drawn sales S is Poisson(λᵢ S / m), so E[count] = λᵢ whatever σ, and:
/// - $250 per deal: E[SPIFF cost] = 250 Σ λᵢ;
/// - 5 % of each deal, amounts drawn from {$1,000, $3,000}: E = 0.05 × 2,000 × Σ λᵢ;
/// - $100 once per month with a deal, deals spread evenly over the months and σ = 0 (count exactly
///   Poisson(λᵢ), each month's count Poisson(λᵢ/12) independently): E = 100 × 12 Σ (1 − e^(−λᵢ/12)).
@Suite struct DealSamplingTests {
    /// The closed-form plan (its `bookings` quota component) with three SPIFFs.
    static let plan =
        ClosedFormCase.planYAML + """

                  - name: per-deal
                    type: spiff
                    spiff: {flat: 250, per: transaction}
                  - name: percent
                    type: spiff
                    spiff: {percent: 5%, per: transaction}
                  - name: monthly
                    type: spiff
                    spiff: {flat: 100, per: period}
            """

    static func components() throws -> (quota: PlanComponent, spiffs: [PlanComponent]) {
        let version = try #require(try CompPlan(yaml: plan, file: "spiffs.yaml").versions.first)
        return (version.components[0], Array(version.components.dropFirst()))
    }

    static let lambdas = (0..<50).map { 10 + Double($0) / 5 }

    static func request(sigma: Double, trials: Int = 2_000) throws -> SimulationRequest {
        let (quota, spiffs) = try components()
        let sizes = [Money(cents: 100_000), Money(cents: 300_000)]
        let reps = lambdas.enumerated().map { i, lambda in
            SimulatedRep(
                id: RepID("R\(i)"), quota: Money(cents: 50_000_000), targetIncentive: Money(cents: 4_000_000),
                meanSales: 500_000, sigma: sigma,
                deals: spiffs.map { _ in DealProfile(expectedCount: lambda, sizes: sizes) })
        }
        return SimulationRequest(
            reps: reps, scenarios: [SimulationScenario(name: "plan", component: quota, spiffs: spiffs)],
            trials: trials, seed: 11, trialsPerChunk: 100, parallelism: 4)
    }

    /// The SPIFF cost of one SPIFF alone (the others dropped from the request).
    static func spiffCost(_ k: Int, sigma: Double) async throws -> Estimate {
        var request = try request(sigma: sigma)
        request.scenarios[0].spiffs = [request.scenarios[0].spiffs[k]]
        request.reps = request.reps.map { rep in
            var rep = rep
            rep.deals = [rep.deals[k]]
            return rep
        }
        let summary = try await MonteCarloSimulator().run(request)
        let values = summary.trialSpiffPayout
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return Estimate(value: mean, standardError: (variance / Double(values.count)).squareRoot())
    }

    @Test func aFlatSpiffPerDealCostsItsAmountTimesTheExpectedDeals() async throws {
        let expected = 250 * Self.lambdas.reduce(0, +)
        let cost = try await Self.spiffCost(0, sigma: 0.35)
        print("flat per deal: analytic \(expected), simulated \(cost)")
        #expect(cost.standardError > 0 && cost.standardError < 0.01 * expected)
        #expect(cost.agrees(with: expected), "\(cost) vs \(expected)")
    }

    @Test func aPercentageSpiffCostsItsRateTimesTheExpectedDealValue() async throws {
        let expected = 0.05 * 2_000 * Self.lambdas.reduce(0, +)
        let cost = try await Self.spiffCost(1, sigma: 0.35)
        print("percentage: analytic \(expected), simulated \(cost)")
        #expect(cost.agrees(with: expected), "\(cost) vs \(expected)")
    }

    @Test func aSpiffOncePerMonthPaysForTheMonthsWithADeal() async throws {
        let expected = 100 * 12 * Self.lambdas.reduce(0) { $0 + (1 - exp(-$1 / 12)) }
        let cost = try await Self.spiffCost(2, sigma: 0)
        print("once per month: analytic \(expected), simulated \(cost)")
        #expect(cost.agrees(with: expected), "\(cost) vs \(expected)")
        // paying per deal would cost more: the once-per-month rule is applied, not the count
        #expect(cost.value < 100 * Self.lambdas.reduce(0, +))
    }

    @Test func spiffsAddToThePayoutAndLeaveTheSalesDrawsAlone() async throws {
        let with = try await MonteCarloSimulator().run(try Self.request(sigma: 0.35, trials: 300))
        var plain = try Self.request(sigma: 0.35, trials: 300)
        plain.scenarios[0].spiffs = []
        plain.reps = plain.reps.map { rep in
            var rep = rep
            rep.deals = []
            return rep
        }
        let without = try await MonteCarloSimulator().run(plain)
        #expect(with.trialRevenue == without.trialRevenue)
        #expect(with.trialShareAtQuota == without.trialShareAtQuota)
        #expect(without.trialSpiffPayout.isEmpty && without.spiffPayout == nil)
        for t in 0..<300 {
            #expect(abs(with.trialPayout[t] - without.trialPayout[t] - with.trialSpiffPayout[t]) < 1e-6)
        }
        // same seed, another parallelism: the same deals
        var serial = try Self.request(sigma: 0.35, trials: 300)
        serial.parallelism = 1
        serial.trialsPerChunk = 300
        #expect(try await MonteCarloSimulator().run(serial).trialSpiffPayout == with.trialSpiffPayout)
    }

    @Test func badDealProfilesAreErrorsNamingThePerson() async throws {
        var request = try Self.request(sigma: 0.35, trials: 10)
        request.reps[3].deals[1] = DealProfile(expectedCount: 5, sizes: [])
        await #expect(throws: SimulationError.self) { try await MonteCarloSimulator().run(request) }
        request = try Self.request(sigma: 0.35, trials: 10)
        request.reps[2].deals = []
        do {
            _ = try await MonteCarloSimulator().run(request)
            Issue.record("a person without deal profiles was accepted")
        } catch {
            #expect("\(error)".contains("R2"), "\(error)")
        }
        request = try Self.request(sigma: 0.35, trials: 10)
        request.reps[0].deals[0].expectedCount = .nan
        await #expect(throws: SimulationError.self) { try await MonteCarloSimulator().run(request) }
        request = try Self.request(sigma: 0.35, trials: 10)
        request.dealSeasonality = [Double](repeating: 0, count: 12)
        await #expect(throws: SimulationError.self) { try await MonteCarloSimulator().run(request) }
    }

    @Test func poissonDeviatesHaveTheirMeanAndVariance() {
        var random = SplitMixGenerator(seed: 3)
        for mean in [0.5, 7.0, 45.0] {
            let draws = (0..<20_000).map { _ in Double(random.poisson(mean: mean)) }
            let m = draws.reduce(0, +) / Double(draws.count)
            let v = draws.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(draws.count - 1)
            #expect(abs(m - mean) < 4 * (mean / Double(draws.count)).squareRoot(), "mean \(m) for \(mean)")
            #expect(abs(v / mean - 1) < 0.05, "variance \(v) for \(mean)")
        }
        #expect(random.poisson(mean: 0) == 0 && random.poisson(mean: -1) == 0 && random.poisson(mean: .nan) == 0)
    }
}
