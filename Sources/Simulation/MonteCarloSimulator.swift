import Foundation
import Incentives
import SalesData

/// Monte Carlo of a plan year: draws every person's sales, pays them through the comp engine and
/// summarises attainment and cost.
///
/// ```swift
/// let summary = try await MonteCarloSimulator().run(SimulationRequest(reps: reps, component: bookings))
/// summary.shareAtQuota          // e.g. 0.431 ± 0.0002
/// summary.payout.p90            // total payout at P90 with its standard error
/// ```
///
/// Sales of person i in trial t: S = exp(μᵢ + σᵢ Z), μᵢ = ln(meanᵢ) − σᵢ²/2 (so E[S] = meanᵢ),
/// Z = √ρ M + √(1 − ρ) εᵢ with one market factor M per trial. Drawn sales are rounded to the cent and
/// paid by Incentives' `PlanComponent.payout(credit:quota:annualTargetIncentive:)`.
///
/// With SPIFFs (deal-level sampling), each person's qualifying deals are drawn too (``DealProfile``): a
/// Poisson count with mean `expectedCount` × S ÷ meanᵢ, each deal in a month drawn from the request's
/// seasonality and, for a percentage SPIFF, with an amount resampled from the person's history; every
/// month's deals are paid by the engine's SPIFF rule (`PlanComponent.spiffPayout(monthCredits:)`) and
/// added to the trial's payout. Deals draw from a stream of their own, so the sales draws (and every
/// figure of a request without SPIFFs) do not change when SPIFFs are added.
///
/// Determinism: trial t draws from its own generator, `SplitMixGenerator(seed:).fork(t)`, and results are
/// stored by trial index, so the same seed gives the same numbers whatever the chunking and the
/// number of concurrent tasks.
public struct MonteCarloSimulator: Sendable {
    public init() {}

    /// Runs `request.trials` trials and returns the baseline (first) scenario's summary.
    ///
    /// - Throws: ``SimulationError`` for out-of-range settings or figures, or a component the engine
    ///   cannot pay from one outcome.
    public func run(_ request: SimulationRequest) async throws(SimulationError) -> SimulationSummary {
        guard let first = try await compare(request).first else {
            throw .invalid(field: "scenarios", value: "0", expected: "at least one scenario")
        }
        return first
    }

    /// Runs `request.trials` trials in chunks on a task group and pays every scenario on the same draws
    /// (common random numbers): one summary per scenario, in request order.
    ///
    /// - Throws: ``SimulationError`` for out-of-range settings or figures, or a component the engine
    ///   cannot pay from one outcome.
    public func compare(_ request: SimulationRequest) async throws(SimulationError) -> [SimulationSummary] {
        let model = try Model(request)
        let chunk = request.trialsPerChunk
        let chunks = (request.trials + chunk - 1) / chunk
        let limit = request.parallelism
        var results = [ChunkResult?](repeating: nil, count: chunks)
        do {
            try await withThrowingTaskGroup(of: (Int, ChunkResult).self) { group in
                var next = 0
                func submit() {
                    let index = next
                    let range = index * chunk..<min(request.trials, (index + 1) * chunk)
                    group.addTask { (index, try model.run(range)) }
                    next += 1
                }
                while next < min(limit, chunks) { submit() }
                while let (index, result) = try await group.next() {
                    results[index] = result
                    if next < chunks { submit() }
                }
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            throw .invalid(field: "simulation", value: "\(error)", expected: "no other error")
        }
        var shares: [Double] = []
        var revenue: [Double] = []
        var payouts = [[Double]](repeating: [], count: request.scenarios.count)
        var spiffs = [[Double]](repeating: [], count: request.scenarios.count)
        var hits = [Int](repeating: 0, count: request.reps.count)
        for result in results {
            guard let result else { continue }
            shares += result.share
            revenue += result.revenue
            for index in payouts.indices {
                payouts[index] += result.payout[index]
                spiffs[index] += result.spiff[index]
            }
            for index in hits.indices { hits[index] += result.hits[index] }
        }
        let odds = hits.map { Double($0) / Double(request.trials) }
        return request.scenarios.indices.map { index in
            var summary = SimulationSummary(
                scenario: request.scenarios[index].name, trials: request.trials, seed: request.seed,
                trialShareAtQuota: shares, trialPayout: payouts[index], trialRevenue: revenue,
                attainmentProbability: odds)
            if request.spiffCount > 0 { summary.trialSpiffPayout = spiffs[index] }
            return summary
        }
    }
}

/// The outcomes of a contiguous range of trials.
private struct ChunkResult: Sendable {
    var share: [Double] = []
    /// Per scenario, per trial.
    var payout: [[Double]]
    /// Per scenario, per trial: the part of the payout paid by SPIFFs.
    var spiff: [[Double]]
    var revenue: [Double] = []
    /// Per person: trials at or above quota.
    var hits: [Int]
}

/// A validated request, ready to draw.
private struct Model: Sendable {
    let reps: [SimulatedRep]
    let mu: [Double]
    let components: [PlanComponent]
    /// Per scenario, its SPIFFs (one per deal profile of every person).
    let spiffs: [[PlanComponent]]
    let months: WeightedSampler
    let seed: UInt64
    let market: Double
    let idiosyncratic: Double

    init(_ request: SimulationRequest) throws(SimulationError) {
        guard request.trials >= 2 else {
            throw .invalid(field: "trials", value: "\(request.trials)", expected: "at least 2")
        }
        guard request.trialsPerChunk >= 1 else {
            throw .invalid(field: "trials per chunk", value: "\(request.trialsPerChunk)", expected: "at least 1")
        }
        guard request.parallelism >= 1 else {
            throw .invalid(field: "parallelism", value: "\(request.parallelism)", expected: "at least 1")
        }
        let rho = request.marketCorrelation
        guard rho.isFinite, rho >= 0, rho < 1 else {
            throw .invalid(field: "market correlation", value: "\(rho)", expected: "a number in [0, 1)")
        }
        guard !request.reps.isEmpty else { throw .invalid(field: "reps", value: "0", expected: "at least one person") }
        for rep in request.reps {
            guard rep.quota > .zero else {
                throw .invalid(field: "\(rep.id) quota", value: rep.quota.description, expected: "an amount above 0")
            }
            guard rep.meanSales.isFinite, rep.meanSales > 0, rep.meanSales < 1e13 else {
                throw .invalid(
                    field: "\(rep.id) mean sales", value: "\(rep.meanSales)", expected: "a number in (0, 1e13)")
            }
            guard rep.sigma.isFinite, rep.sigma >= 0, rep.sigma <= 3 else {
                throw .invalid(field: "\(rep.id) sigma", value: "\(rep.sigma)", expected: "a number in [0, 3]")
            }
        }
        guard !request.scenarios.isEmpty else {
            throw .invalid(field: "scenarios", value: "0", expected: "at least one scenario")
        }
        for component in request.scenarios.map(\.component) {
            guard component.kind == .quota else {
                throw .unsupportedComponent(component.name, reason: "only quota components are paid on drawn sales")
            }
            guard component.gate == nil, component.modifiers.isEmpty else {
                throw .unsupportedComponent(component.name, reason: "gates and modifiers need other components")
            }
            guard component.period == .year else {
                throw .unsupportedComponent(
                    component.name,
                    reason: "sales are drawn per year; the component's window is a \(component.period.rawValue)")
            }
        }
        let spiffCount = request.spiffCount
        for scenario in request.scenarios {
            guard scenario.spiffs.count == spiffCount else {
                throw .invalid(
                    field: "\(scenario.name) SPIFFs", value: "\(scenario.spiffs.count)",
                    expected: "\(spiffCount), as many as the first scenario")
            }
            for spiff in scenario.spiffs {
                guard case .spiff = spiff.kind else {
                    throw .unsupportedComponent(spiff.name, reason: "only SPIFF components are paid on drawn deals")
                }
            }
        }
        let paysPercent = (0..<spiffCount).map { k in
            request.scenarios.contains { scenario in
                if case .spiff(let spiff) = scenario.spiffs[k].kind, case .percent = spiff.pays { return true }
                return false
            }
        }
        for rep in request.reps {
            guard rep.deals.count == spiffCount else {
                throw .invalid(
                    field: "\(rep.id) deal profiles", value: "\(rep.deals.count)",
                    expected: "one per SPIFF (\(spiffCount))")
            }
            for (k, profile) in rep.deals.enumerated() {
                guard profile.expectedCount.isFinite, profile.expectedCount >= 0, profile.expectedCount <= 1e6 else {
                    throw .invalid(
                        field: "\(rep.id) expected deals", value: "\(profile.expectedCount)",
                        expected: "a number in [0, 1e6]")
                }
                guard profile.sizes.allSatisfy({ $0 > .zero }),
                    !(paysPercent[k] && profile.expectedCount > 0 && profile.sizes.isEmpty)
                else {
                    throw .invalid(
                        field: "\(rep.id) deal sizes", value: "\(profile.sizes.count) amounts",
                        expected: "amounts above zero, at least one for a percentage SPIFF")
                }
            }
        }
        let weights = request.dealSeasonality
        guard weights.count == 12, weights.allSatisfy({ $0.isFinite && $0 >= 0 }), weights.contains(where: { $0 > 0 })
        else {
            throw .invalid(
                field: "deal seasonality", value: "\(weights.count) weights",
                expected: "twelve finite weights ≥ 0, one above 0")
        }
        self.spiffs = request.scenarios.map(\.spiffs)
        self.months = WeightedSampler(weights: weights)
        self.reps = request.reps
        self.mu = request.reps.map { log($0.meanSales) - $0.sigma * $0.sigma / 2 }
        self.components = request.scenarios.map(\.component)
        self.seed = request.seed
        self.market = rho.squareRoot()
        self.idiosyncratic = (1 - rho).squareRoot()
    }

    /// The stream the deals draw from, apart from the sales draws.
    static let dealStream: UInt64 = 0xDEA1_5EED

    /// Draws and pays trials `range`.
    func run(_ range: Range<Int>) throws(SimulationError) -> ChunkResult {
        var result = ChunkResult(
            payout: [[Double]](repeating: [], count: components.count),
            spiff: [[Double]](repeating: [], count: components.count), hits: [Int](repeating: 0, count: reps.count))
        var payout = [Double](repeating: 0, count: components.count)
        var spiffPaid = [Double](repeating: 0, count: components.count)
        var monthDeals = [[Money]](repeating: [], count: 12)
        let root = SplitMixGenerator(seed: seed)
        let dealRoot = SplitMixGenerator(seed: seed).fork(Self.dealStream)
        for trial in range {
            var random = root.fork(UInt64(trial))
            var deals = dealRoot.fork(UInt64(trial))
            let factor = market > 0 ? random.normal() : 0
            var atQuota = 0
            // Sums of whole cents below 2⁵³ are exact in a Double.
            for index in payout.indices {
                payout[index] = 0
                spiffPaid[index] = 0
            }
            var revenue = 0.0
            for (index, rep) in reps.enumerated() {
                let z = market * factor + idiosyncratic * random.normal()
                let cents = (exp(mu[index] + rep.sigma * z) * 100).rounded()
                guard cents < 1e15 else {
                    throw .invalid(
                        field: "\(rep.id) drawn sales", value: "\(cents / 100)",
                        expected: "below 1e13 (lower the mean or sigma)")
                }
                let sales = Money(cents: Int64(cents))
                if sales >= rep.quota {
                    atQuota += 1
                    result.hits[index] += 1
                }
                for (scenario, component) in components.enumerated() {
                    guard
                        let paid = component.payout(
                            credit: sales, quota: rep.quota, annualTargetIncentive: rep.targetIncentive)
                    else {
                        throw .unsupportedComponent(component.name, reason: "the engine could not pay \(rep.id)")
                    }
                    payout[scenario] += Double(paid.cents)
                }
                revenue += Double(sales.cents)
                for (k, profile) in rep.deals.enumerated() {
                    let count = deals.poisson(mean: profile.expectedCount * Double(sales.cents) / 100 / rep.meanSales)
                    guard count > 0 else { continue }
                    for month in monthDeals.indices { monthDeals[month].removeAll(keepingCapacity: true) }
                    for _ in 0..<count {
                        let month = months.sample(using: &deals)
                        let size =
                            profile.sizes.isEmpty
                            ? Money(cents: 100) : profile.sizes[deals.int(below: profile.sizes.count)]
                        monthDeals[month].append(size)
                    }
                    for (scenario, list) in spiffs.enumerated() {
                        var cents: Int64 = 0
                        for month in monthDeals where !month.isEmpty {
                            guard let paid = list[k].spiffPayout(monthCredits: month) else {
                                throw .unsupportedComponent(list[k].name, reason: "the engine could not pay \(rep.id)")
                            }
                            cents += paid.cents
                        }
                        payout[scenario] += Double(cents)
                        spiffPaid[scenario] += Double(cents)
                    }
                }
            }
            result.share.append(Double(atQuota) / Double(reps.count))
            for index in payout.indices {
                result.payout[index].append(payout[index] / 100)
                result.spiff[index].append(spiffPaid[index] / 100)
            }
            result.revenue.append(revenue / 100)
        }
        return result
    }
}
