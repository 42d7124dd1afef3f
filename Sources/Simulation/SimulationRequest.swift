import Incentives
import SalesData

/// One person whose year of sales is drawn: a lognormal with the given mean and log-scale spread.
///
/// Invariant (checked by ``MonteCarloSimulator/run(_:)``): `quota` above zero, `meanSales` above zero
/// and finite, `sigma` finite and ≥ 0.
public struct SimulatedRep: Sendable, Hashable {
    public var id: RepID
    /// The year's quota for the simulated component.
    public var quota: Money
    /// The person's annual target incentive (the component's target is this × weight × months ÷ 12).
    public var targetIncentive: Money
    /// Expected sales E[S] in currency units.
    public var meanSales: Double
    /// Standard deviation of ln S.
    public var sigma: Double
    /// The person's qualifying deals, drawn each trial: one profile per SPIFF of the request.
    ///
    /// ``SimulationRequest/spiffCount`` of them, in the scenarios' SPIFF order; empty without SPIFFs.
    public var deals: [DealProfile] = []

    public init(
        id: RepID, quota: Money, targetIncentive: Money, meanSales: Double, sigma: Double, deals: [DealProfile] = []
    ) {
        self.id = id
        self.quota = quota
        self.targetIncentive = targetIncentive
        self.meanSales = meanSales
        self.sigma = sigma
        self.deals = deals
    }
}

/// A person's qualifying deals for one SPIFF, drawn each trial (deal-level sampling).
///
/// Given the person's drawn sales S and mean sales m, the year's deal count is Poisson with mean
/// `expectedCount` × S ÷ m (so a good year brings more deals and E[count] = `expectedCount`); each deal
/// falls in a month drawn from the request's ``SimulationRequest/dealSeasonality`` and, for a SPIFF
/// paying a percentage, has an amount drawn with replacement from `sizes`.
///
/// Invariant (checked by the simulator): `expectedCount` finite in [0, 10⁶]; `sizes` positive, and not
/// empty when `expectedCount` is above zero and a SPIFF pays a percentage.
public struct DealProfile: Sendable, Hashable {
    /// Expected qualifying deals in the plan year.
    public var expectedCount: Double
    /// Historical qualifying deal amounts the drawn deals are resampled from.
    public var sizes: [Money]

    public init(expectedCount: Double, sizes: [Money] = []) {
        self.expectedCount = expectedCount
        self.sizes = sizes
    }
}

/// A named plan variant paid on the simulation's draws.
public struct SimulationScenario: Sendable, Hashable {
    public var name: String
    /// A `quota` component of a plan, evaluated by the comp engine
    /// (`PlanComponent.payout(credit:quota:annualTargetIncentive:)`) on each drawn outcome.
    public var component: PlanComponent
    /// SPIFF components paid month by month on the drawn deals by the engine's SPIFF rule
    /// (`PlanComponent.spiffPayout(monthCredits:)`), one per ``DealProfile`` of each person, same order.
    public var spiffs: [PlanComponent] = []

    public init(name: String, component: PlanComponent, spiffs: [PlanComponent] = []) {
        self.name = name
        self.component = component
        self.spiffs = spiffs
    }
}

/// What to simulate: the people, the plan variants that pay them, and the Monte Carlo settings.
///
/// Every scenario is paid on the same draws (common random numbers), so two plans are compared on the
/// same simulated years and their difference carries no sampling noise from the draws themselves.
public struct SimulationRequest: Sendable {
    public var reps: [SimulatedRep]
    /// The plan variants, at least one; the first is the baseline.
    public var scenarios: [SimulationScenario]
    public var trials: Int
    public var seed: UInt64
    /// Correlation of log sales between any two people through one shared market factor, in [0, 1);
    /// 0 draws everyone independently.
    public var marketCorrelation: Double
    /// Trials per concurrent task; results do not depend on it.
    public var trialsPerChunk: Int
    /// Concurrent tasks at most (1 runs sequentially); results do not depend on it.
    public var parallelism: Int
    /// Per calendar month, the share of the year's deals that fall in it (twelve weights summing to 1):
    /// a SPIFF paid once per month pays for the months with at least one deal.
    public var dealSeasonality: [Double] = [Double](repeating: 1.0 / 12, count: 12)

    /// SPIFFs per scenario (the first scenario's count; every scenario and person must agree).
    public var spiffCount: Int { scenarios.first?.spiffs.count ?? 0 }

    /// A request whose `scenarios` (at least one) are paid on common random numbers.
    public init(
        reps: [SimulatedRep], scenarios: [SimulationScenario], trials: Int = 10_000, seed: UInt64 = 1,
        marketCorrelation: Double = 0, trialsPerChunk: Int = 100, parallelism: Int = 8
    ) {
        self.reps = reps
        self.scenarios = scenarios
        self.trials = trials
        self.seed = seed
        self.marketCorrelation = marketCorrelation
        self.trialsPerChunk = trialsPerChunk
        self.parallelism = parallelism
    }

    /// A request with one scenario, `plan`, paid by `component`.
    public init(
        reps: [SimulatedRep], component: PlanComponent, trials: Int = 10_000, seed: UInt64 = 1,
        marketCorrelation: Double = 0, trialsPerChunk: Int = 100, parallelism: Int = 8
    ) {
        self.init(
            reps: reps, scenarios: [SimulationScenario(name: "plan", component: component)], trials: trials,
            seed: seed, marketCorrelation: marketCorrelation, trialsPerChunk: trialsPerChunk,
            parallelism: parallelism)
    }
}

/// Why a simulation cannot run.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting or a person's figure out of range: what, the value, what was expected.
    case invalid(field: String, value: String, expected: String)
    /// The component cannot be evaluated on one outcome alone (not a quota component, gated, modified).
    case unsupportedComponent(String, reason: String)
    /// A plan-cost target that no value of the parameter in the searched bracket meets (exit status 3).
    case unreachable(String)

    public var description: String {
        switch self {
        case .invalid(let field, let value, let expected):
            return "\(field): \"\(value.prefix(200))\": expected \(expected)"
        case .unsupportedComponent(let name, let reason):
            return "component \(name): cannot be simulated: \(reason)"
        case .unreachable(let message):
            return "target unreachable: \(message)"
        }
    }
}
