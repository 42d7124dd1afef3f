import Foundation
import Incentives
import SalesData

/// One plan parameter the cost solver varies.
///
/// Each is monotone in the plan's cost on fixed draws: a higher accelerator or cap pays at least as much
/// in every trial, a higher threshold or over-assignment at most as much (rate tables whose rates do not
/// fall with attainment).
public enum PlanParameter: String, Sendable, Hashable, CaseIterable {
    /// The rate of the first rate-table tier starting at or above 100 % attainment.
    case accelerator
    /// The per-period cap: a multiple of the target (or an amount in currency when the plan caps at one).
    case cap
    /// The attainment below which the component pays nothing (1 = 100 %).
    case threshold
    /// Extra quota on top of the quota step's: every quota × (1 + value).
    case overAssignment = "over-assignment"

    /// The bracket searched when none is given.
    func defaultBracket(current: Double) -> ClosedRange<Double> {
        switch self {
        case .accelerator: 0...max(1, 10 * current)
        case .cap: 0...max(10, 10 * current)
        case .threshold: 0...1.5
        case .overAssignment: -0.5...1
        }
    }
}

/// What the solver aims at: a figure's mean, P50 or P90 over trials equal to a value.
///
/// Parsed from `cost-of-sales=0.09` or `payout=2500000` (with `at` = `p50` unless told otherwise).
public struct PlanCostTarget: Sendable, Hashable, CustomStringConvertible {
    /// The per-trial figure.
    public enum Figure: String, Sendable, Hashable, CaseIterable {
        /// Total payout ÷ total drawn sales.
        case costOfSales = "cost-of-sales"
        /// Total payout in currency units.
        case payout
    }

    /// Which statistic of the figure over trials.
    public enum Statistic: String, Sendable, Hashable, CaseIterable {
        case mean, p50, p90
    }

    public var figure: Figure
    public var value: Double
    public var at: Statistic

    public init(figure: Figure, value: Double, at: Statistic = .p50) {
        self.figure = figure
        self.value = value
        self.at = at
    }

    /// Parses `cost-of-sales=0.09` or `payout=2500000`.
    ///
    /// - Throws: ``SimulationError/invalid(field:value:expected:)`` naming the text.
    public init(parsing text: String, at: Statistic = .p50) throws(SimulationError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let figure = Figure(rawValue: parts[0]), let value = Double(parts[1]), value.isFinite,
            value > 0
        else {
            throw .invalid(
                field: "target", value: text, expected: "cost-of-sales=RATIO or payout=AMOUNT with a value above 0")
        }
        self.init(figure: figure, value: value, at: at)
    }

    public var description: String { "\(at.rawValue) \(figure.rawValue) = \(value)" }

    /// The statistic of `summary`'s figure, with its Monte Carlo standard error.
    func estimate(_ summary: SimulationSummary) -> Estimate {
        let values = figure == .payout ? summary.trialPayout : summary.trialCostOfSales
        switch at {
        case .mean: return SimulationSummary.mean(values)
        case .p50: return Percentiles(of: values).p50
        case .p90: return Percentiles(of: values).p90
        }
    }
}

/// A plan-cost search: the simulation (its first scenario is the plan varied), the parameter and the target.
public struct PlanCostRequest: Sendable {
    public var simulation: SimulationRequest
    public var parameter: PlanParameter
    public var target: PlanCostTarget
    /// The values searched; the parameter's default bracket when `nil`.
    public var bracket: ClosedRange<Double>?
    /// The search stops when the bracket is narrower than this (default: 10⁻⁵ × its width).
    public var tolerance: Double?
    /// Simulations at most (each pays every trial once).
    public var maxEvaluations: Int

    public init(
        simulation: SimulationRequest, parameter: PlanParameter, target: PlanCostTarget,
        bracket: ClosedRange<Double>? = nil, tolerance: Double? = nil, maxEvaluations: Int = 60
    ) {
        self.simulation = simulation
        self.parameter = parameter
        self.target = target
        self.bracket = bracket
        self.tolerance = tolerance
        self.maxEvaluations = maxEvaluations
    }
}

/// The parameter value that meets a cost target, what it achieves, and how sure that is.
public struct PlanCostSolution: Sendable {
    public var parameter: PlanParameter
    public var target: PlanCostTarget
    /// The plan's own value of the parameter (0 for the over-assignment).
    public var current: Double
    /// The value found.
    public var value: Double
    /// The value's Monte Carlo standard error: the target statistic's standard error ÷ |its slope in the
    /// parameter| (a central difference on the same draws).
    public var standardError: Double
    /// The figure at the value found: mean, P50 and P90 with standard errors.
    public var mean: Estimate
    public var percentiles: Percentiles
    /// The share of people at quota at the value found (its mean over trials).
    public var shareAtQuota: Estimate
    /// Every simulation run: the value tried and the target statistic there, in order.
    public var evaluations: [(value: Double, statistic: Double)]
    public var bracket: ClosedRange<Double>

    /// A readable summary.
    public func text() -> String {
        let money = target.figure == .payout
        func show(_ e: Estimate) -> String {
            money
                ? String(format: "$%.0f ± %.0f", e.value, e.standardError)
                : String(format: "%.4f%% ± %.4f", e.value * 100, e.standardError * 100)
        }
        var text = "Solve \(parameter.rawValue) for \(target) (bracket \(bracket.lowerBound)...\(bracket.upperBound), "
        text += "plan's value \(Self.format(current))): \(evaluations.count) simulations on common random numbers\n"
        text +=
            "\(parameter.rawValue) = \(Self.format(value)) ± \(Self.format(standardError)) (Monte Carlo standard error)\n"
        text += "\(target.figure.rawValue): mean \(show(mean)); P10 \(show(percentiles.p10)); "
        text += "P50 \(show(percentiles.p50)); P90 \(show(percentiles.p90))\n"
        text += String(
            format: "share at quota %.2f%% ± %.2f\n", shareAtQuota.value * 100, shareAtQuota.standardError * 100)
        return text
    }

    static func format(_ value: Double) -> String { String(format: "%.6g", value) }
}

/// Finds the value of one plan parameter that meets a cost target, by a root search over the simulation.
///
/// Every evaluation runs the same trials with the same seed (common random numbers), so the target
/// statistic is a monotone step function of the parameter (each trial's payout is monotone in it; cents
/// make it a staircase). The search brackets the target between the bracket's ends (both are simulated
/// first; a target outside is ``SimulationError/unreachable(_:)``), then narrows the bracket by Brent's
/// method (inverse quadratic interpolation, secant, bisection as a safeguard) until it is narrower than
/// the tolerance or the statistic equals the target.
public struct PlanCostSolver: Sendable {
    public init() {}

    /// Solves `request`.
    ///
    /// - Throws: ``SimulationError/unreachable(_:)`` when the target is not between the statistic at the
    ///   bracket's ends; ``SimulationError/unsupportedComponent(_:reason:)`` when the plan has no such
    ///   parameter (an accelerator without a rate table); other ``SimulationError``s from the simulation.
    public func solve(_ request: PlanCostRequest) async throws(SimulationError) -> PlanCostSolution {
        guard let base = request.simulation.scenarios.first else {
            throw .invalid(field: "scenarios", value: "0", expected: "at least one scenario")
        }
        let parameter = request.parameter
        let current = try Self.current(parameter, of: base.component)
        let bracket = request.bracket ?? parameter.defaultBracket(current: current)
        let limit = parameter == .overAssignment ? 100.0 : 1e12  // keeps cents and micros inside Int64
        guard bracket.lowerBound.isFinite, bracket.upperBound <= limit, bracket.lowerBound < bracket.upperBound else {
            throw .invalid(
                field: "bracket", value: "\(bracket.lowerBound)...\(bracket.upperBound)",
                expected: "two values, the first below the second, at most \(limit)")
        }
        if parameter == .overAssignment, bracket.lowerBound <= -1 {
            throw .invalid(field: "bracket", value: "\(bracket.lowerBound)", expected: "an over-assignment above -1")
        }
        if parameter != .overAssignment, bracket.lowerBound < 0 {
            throw .invalid(field: "bracket", value: "\(bracket.lowerBound)", expected: "a value of at least 0")
        }
        guard request.maxEvaluations >= 3 else {
            throw .invalid(field: "maxEvaluations", value: "\(request.maxEvaluations)", expected: "at least 3")
        }
        let tolerance = request.tolerance ?? 1e-5 * (bracket.upperBound - bracket.lowerBound)
        guard tolerance.isFinite, tolerance > 0 else {
            throw .invalid(field: "tolerance", value: "\(tolerance)", expected: "a number above 0")
        }
        var evaluations: [(value: Double, statistic: Double)] = []
        var simulated: [Double: SimulationSummary] = [:]

        func simulate(_ value: Double) async throws(SimulationError) -> SimulationSummary {
            if let known = simulated[value] { return known }
            let summary = try await MonteCarloSimulator().run(Self.request(request.simulation, parameter, value))
            evaluations.append((value, request.target.estimate(summary).value))
            simulated[value] = summary
            return summary
        }
        let goal = request.target.value
        var a = bracket.lowerBound
        var b = bracket.upperBound
        var fa = try await request.target.estimate(simulate(a)).value - goal
        var fb = try await request.target.estimate(simulate(b)).value - goal
        guard fa * fb <= 0 else {
            throw .unreachable(
                "\(request.target) is not reached for \(parameter.rawValue) in \(a)...\(b): it is "
                    + "\(SolverFormat.number(fa + goal)) at \(a) and \(SolverFormat.number(fb + goal)) at \(b)")
        }
        // Brent's method (Numerical Recipes' zbrent, on a staircase it ends in bisection steps).
        var c = a
        var fc = fa
        var d = b - a
        var e = d
        while evaluations.count < request.maxEvaluations {
            if fb * fc > 0 {
                c = a
                fc = fa
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                (a, b, c) = (b, c, b)
                (fa, fb, fc) = (fb, fc, fb)
            }
            let half = (c - b) / 2
            if abs(half) <= tolerance / 2 || fb == 0 { break }
            if abs(e) >= tolerance / 2 && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    p = 2 * half * s
                    q = 1 - s
                } else {
                    let qa = fa / fc
                    let r = fb / fc
                    p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q }
                p = abs(p)
                if 2 * p < min(3 * half * q - abs(tolerance / 2 * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = half
                    e = d
                }
            } else {
                d = half
                e = d
            }
            a = b
            fa = fb
            b += abs(d) > tolerance / 2 ? d : (half > 0 ? tolerance / 2 : -tolerance / 2)
            b = min(max(b, bracket.lowerBound), bracket.upperBound)
            fb = try await request.target.estimate(simulate(b)).value - goal
        }
        // The end of the final bracket whose statistic is nearer the target.
        let value = abs(fc) < abs(fb) ? c : b
        let summary = try await simulate(value)
        let achieved = request.target.estimate(summary)
        // Central difference on the same draws for the slope, 1 % of the bracket either side.
        let step = (bracket.upperBound - bracket.lowerBound) / 100
        let low = max(bracket.lowerBound, value - step)
        let high = min(bracket.upperBound, value + step)
        let slope =
            try await (request.target.estimate(simulate(high)).value - request.target.estimate(simulate(low)).value)
            / (high - low)
        let values = request.target.figure == .payout ? summary.trialPayout : summary.trialCostOfSales
        return PlanCostSolution(
            parameter: parameter, target: request.target, current: current, value: value,
            standardError: slope != 0 ? achieved.standardError / abs(slope) : .infinity,
            mean: SimulationSummary.mean(values), percentiles: Percentiles(of: values),
            shareAtQuota: summary.shareAtQuota, evaluations: evaluations, bracket: bracket)
    }

    /// The plan's own value of `parameter`.
    static func current(_ parameter: PlanParameter, of component: PlanComponent) throws(SimulationError) -> Double {
        switch parameter {
        case .accelerator:
            let (_, tier) = try acceleratorTier(component)
            return Double(tier.rate.micros) / Double(Rate.unit)
        case .cap:
            switch component.capPerPeriod {
            case .amount(let money): return Double(money.cents) / 100
            case .targetMultiple(let rate): return Double(rate.micros) / Double(Rate.unit)
            case nil: return .infinity
            }
        case .threshold: return Double(component.threshold?.micros ?? 0) / Double(Rate.unit)
        case .overAssignment: return 0
        }
    }

    /// The rate table and the index of its first tier starting at or above 100 % attainment.
    private static func acceleratorTier(_ component: PlanComponent) throws(SimulationError) -> (RateTable, Tier) {
        guard case .rateTable(let table) = component.rule else {
            throw .unsupportedComponent(component.name, reason: "varying the accelerator needs a rate table")
        }
        guard let tier = table.tiers.first(where: { $0.from >= .one }) else {
            throw .unsupportedComponent(component.name, reason: "no rate-table tier starts at or above 100 %")
        }
        return (table, tier)
    }

    /// `simulation` with its first scenario's `parameter` set to `value` (other scenarios dropped).
    static func request(_ simulation: SimulationRequest, _ parameter: PlanParameter, _ value: Double)
        throws(SimulationError) -> SimulationRequest
    {
        var request = simulation
        guard var component = simulation.scenarios.first?.component else {
            throw .invalid(field: "scenarios", value: "0", expected: "at least one scenario")
        }
        let rate = Rate(micros: Int64((value * Double(Rate.unit)).rounded()))
        switch parameter {
        case .accelerator:
            guard case .rateTable(var table) = component.rule,
                let index = table.tiers.firstIndex(where: { $0.from >= .one })
            else { _ = try acceleratorTier(component); return request }
            table.tiers[index].rate = rate
            component.rule = .rateTable(table)
        case .cap:
            if case .amount = component.capPerPeriod {
                component.capPerPeriod = .amount(Money(cents: Int64((value * 100).rounded())))
            } else {
                component.capPerPeriod = .targetMultiple(rate)
            }
            if component.capPerYear != nil { component.capPerYear = component.capPerPeriod }
        case .threshold: component.threshold = rate
        case .overAssignment:
            request.reps = simulation.reps.map { rep in
                var scaled = rep
                scaled.quota = Money(cents: Int64((Double(rep.quota.cents) * (1 + value)).rounded()))
                return scaled
            }
        }
        request.scenarios = [
            SimulationScenario(
                name: simulation.scenarios[0].name, component: component, spiffs: simulation.scenarios[0].spiffs)
        ]
        return request
    }
}

enum SolverFormat {
    static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
