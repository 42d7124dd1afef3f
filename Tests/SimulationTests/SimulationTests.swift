import Incentives
import SalesData
import Simulation
import Testing

@Suite struct ClosedFormTests {
    /// Trials in the closed-form test: 400 × 1,000 people paid by the engine in a debug build; the
    /// standard errors are those of 400 trials (the bench runs 10,000).
    static let trials = 400

    @Test func normalCDFMatchesTabulatedValues() {
        #expect(LognormalCommission.normalCDF(0) == 0.5)
        #expect(abs(LognormalCommission.normalCDF(1.959_963_984_540_054) - 0.975) < 1e-12)
        #expect(abs(LognormalCommission.normalCDF(-0.175) - 0.430_539_816_8) < 1e-9)
        #expect(LognormalCommission.normalCDF(-10) > 0)  // the tail is not lost to cancellation
    }

    /// With σ → 0 sales equal the mean: at quota every time, payout 8 % of quota.
    @Test func analyticPayoutAtTinySpreadIsTheRateTimesQuota() {
        let payout = LognormalCommission.expectedPayout(
            quota: 500_000, mean: 500_000, sigma: 1e-6, belowQuota: 0.08, aboveQuota: 0.16, cap: 120_000)
        #expect(abs(payout - 40_000) < 0.5)
        // Far above the kink the cap always binds.
        let capped = LognormalCommission.expectedPayout(
            quota: 500_000, mean: 5_000_000, sigma: 0.01, belowQuota: 0.08, aboveQuota: 0.16, cap: 120_000)
        #expect(abs(capped - 120_000) < 1e-6)
    }

    /// The engine's payout of the closed-form plan, hand-worked on quota $500,000 (TI $40,000, cap $120,000).
    @Test(arguments: [
        (400_000, 3_200_000), (500_000, 4_000_000), (600_000, 5_600_000), (1_000_000, 12_000_000),
        (1_200_000, 12_000_000),
    ])
    func enginePaysTheClosedFormPlan(sales: Int64, expectedCents: Int64) throws {
        let component = try ClosedFormCase.component()
        let paid = component.payout(
            credit: Money(cents: sales * 100), quota: Money(cents: 50_000_000),
            annualTargetIncentive: Money(cents: 4_000_000))
        #expect(paid == Money(cents: expectedCents))
    }

    @Test func simulationMatchesTheClosedFormWithinThreeStandardErrors() async throws {
        let request = SimulationRequest(
            reps: ClosedFormCase.reps, component: try ClosedFormCase.component(), trials: Self.trials, seed: 2026)
        let summary = try await MonteCarloSimulator().run(request)
        let share = summary.shareAtQuota
        let payout = summary.meanPayout
        let expectedShare = ClosedFormCase.expectedShareAtQuota
        let expectedPayout = ClosedFormCase.expectedTotalPayout
        print("share at quota: analytic \(expectedShare), simulated \(share)")
        print("total payout: analytic \(expectedPayout), simulated \(payout)")
        #expect(abs(expectedShare - 0.430_54) < 1e-5)
        #expect(share.standardError > 0 && share.standardError < 0.002)
        #expect(share.agrees(with: expectedShare))
        #expect(payout.standardError > 0 && payout.standardError < 0.002 * expectedPayout)
        #expect(payout.agrees(with: expectedPayout))
        // Each person's odds of reaching quota are Φ(−σ/2) too; on average over people, tightly.
        let meanOdds = summary.attainmentProbability.reduce(0, +) / Double(summary.attainmentProbability.count)
        #expect(abs(meanOdds - share.value) < 1e-12)
    }
}

@Suite struct SimulatorTests {
    static func request(parallelism: Int, chunk: Int, correlation: Double = 0) throws -> SimulationRequest {
        SimulationRequest(
            reps: Array(ClosedFormCase.reps.prefix(50)), component: try ClosedFormCase.component(), trials: 300,
            seed: 7, marketCorrelation: correlation, trialsPerChunk: chunk, parallelism: parallelism)
    }

    @Test func sameSeedGivesTheSameNumbersWhateverTheParallelism() async throws {
        let one = try await MonteCarloSimulator().run(try Self.request(parallelism: 1, chunk: 300))
        let many = try await MonteCarloSimulator().run(try Self.request(parallelism: 6, chunk: 7))
        #expect(one.trialPayout == many.trialPayout)
        #expect(one.trialRevenue == many.trialRevenue)
        #expect(one.trialShareAtQuota == many.trialShareAtQuota)
        #expect(one.attainmentProbability == many.attainmentProbability)
        var other = try Self.request(parallelism: 2, chunk: 50)
        other.seed = 8
        #expect(try await MonteCarloSimulator().run(other).trialPayout != one.trialPayout)
    }

    /// A shared market factor leaves the mean share where it is but widens its spread across trials.
    @Test func marketFactorWidensTheShareDistribution() async throws {
        let independent = try await MonteCarloSimulator().run(try Self.request(parallelism: 2, chunk: 50))
        let correlated = try await MonteCarloSimulator().run(
            try Self.request(parallelism: 2, chunk: 50, correlation: 0.5))
        let narrow = independent.shareAtQuotaPercentiles
        let wide = correlated.shareAtQuotaPercentiles
        #expect(wide.p90.value - wide.p10.value > 2 * (narrow.p90.value - narrow.p10.value))
        #expect(correlated.shareAtQuota.agrees(with: ClosedFormCase.expectedShareAtQuota, within: 4))
    }

    @Test func percentilesOfAKnownSample() {
        let values = (0...100).map(Double.init)
        let percentiles = Percentiles(of: values)
        #expect(percentiles.p10.value == 10)
        #expect(percentiles.p50.value == 50)
        #expect(percentiles.p90.value == 90)
        // √(101 × 0.25) ≈ 5.02 ranks either side of the median on a unit-spaced sample.
        #expect(abs(percentiles.p50.standardError - 5.025) < 0.01)
    }

    @Test func badSettingsAreErrorsNamingTheValue() async throws {
        var request = try Self.request(parallelism: 1, chunk: 10)
        request.marketCorrelation = 1.5
        await #expect(
            throws: SimulationError.invalid(field: "market correlation", value: "1.5", expected: "a number in [0, 1)")
        ) {
            try await MonteCarloSimulator().run(request)
        }
        request = try Self.request(parallelism: 1, chunk: 10)
        request.reps[0].sigma = .nan
        await #expect(throws: SimulationError.self) { try await MonteCarloSimulator().run(request) }
        request = try Self.request(parallelism: 1, chunk: 10)
        request.trials = 0
        await #expect(throws: SimulationError.self) { try await MonteCarloSimulator().run(request) }
    }
}

@Suite struct ScenarioTests {
    /// The closed-form plan with the above-quota rate `rate` (16 % in the case).
    static func component(aboveQuota rate: String) throws -> PlanComponent {
        try ClosedFormCase.component(aboveQuota: rate)
    }

    /// Common random numbers: every scenario is paid on the same draws, so a richer accelerator pays at
    /// least as much in every single trial (independent draws would cross often), and the baseline's
    /// numbers are those of a one-scenario run.
    @Test func scenariosArePaidOnTheSameDraws() async throws {
        let reps = Array(ClosedFormCase.reps.prefix(40))
        let request = SimulationRequest(
            reps: reps,
            scenarios: [
                SimulationScenario(name: "plan", component: try Self.component(aboveQuota: "16%")),
                SimulationScenario(name: "richer", component: try Self.component(aboveQuota: "24%")),
            ], trials: 200, seed: 11, marketCorrelation: 0.3, trialsPerChunk: 30, parallelism: 3)
        let summaries = try await MonteCarloSimulator().compare(request)
        #expect(summaries.map(\.scenario) == ["plan", "richer"])
        let (base, richer) = (summaries[0], summaries[1])
        #expect(base.trialRevenue == richer.trialRevenue && base.trialShareAtQuota == richer.trialShareAtQuota)
        #expect(zip(base.trialPayout, richer.trialPayout).allSatisfy { $0 <= $1 })
        #expect(zip(base.trialPayout, richer.trialPayout).contains { $0 < $1 })
        let alone = try await MonteCarloSimulator().run(
            SimulationRequest(
                reps: reps, component: try Self.component(aboveQuota: "16%"), trials: 200, seed: 11,
                marketCorrelation: 0.3, trialsPerChunk: 200, parallelism: 1))
        #expect(alone.trialPayout == base.trialPayout)
    }

    @Test func configurationDecodesStrictlyAndLocatesBadValues() throws {
        let good = try YAMLConfiguration(
            yaml: "quotas: out/quotas\ntrials: 500\nscenarios:\n  - {name: rich, plans: p}\n", file: "sim.yaml"
        ).decodeRequest(SimulationConfiguration.self)
        #expect(good.trials == 500 && good.component == "new-business" && good.scenarios.first?.plans == "p")
        #expect(good.problems().isEmpty)
        let unknown = try #require(throws: ConfigurationError.self) {
            try YAMLConfiguration(yaml: "quotas: q\ntrails: 5\n", file: "sim.yaml")
                .decodeRequest(SimulationConfiguration.self)
        }
        #expect("\(unknown)".contains("sim.yaml:2:1") && "\(unknown)".contains("trials"), "\(unknown)")
        let bad = try #require(throws: ConfigurationError.self) {
            try YAMLConfiguration(yaml: "quotas: q\ntrials: 1\n", file: "sim.yaml")
                .decodeRequest(SimulationConfiguration.self)
        }
        #expect("\(bad)".contains("sim.yaml:2:") && "\(bad)".contains("2...1000000"), "\(bad)")
    }
}

@Suite struct PlanCostSolverTests {
    /// People and trials of the solver tests: 100 × 200 draws per simulation in a debug build.
    static let people = 100
    static let trials = 200

    static func request(trials: Int = trials) throws -> SimulationRequest {
        SimulationRequest(
            reps: Array(ClosedFormCase.reps.prefix(people)), component: try ClosedFormCase.component(),
            trials: trials, seed: 2026)
    }

    /// The solver finds the closed-form case's above-quota rate for a mean payout.
    ///
    /// The analytic rate gives a mean payout of $5.3M for the first 100 people. The solver's rate (mean payout on common random numbers) must agree within
    /// 3 of its standard errors, and the simulated mean at that rate must equal the target.
    @Test func solvesTheAboveQuotaRateOfTheClosedFormCase() async throws {
        let target = 5_300_000.0
        let analytic = try #require(ClosedFormCase.aboveQuotaRate(forExpectedTotalPayout: target, people: Self.people))
        #expect(
            abs(ClosedFormCase.expectedTotalPayout(aboveQuota: analytic, people: Self.people) - target) < 1e-3)
        let solution = try await PlanCostSolver().solve(
            PlanCostRequest(
                simulation: try Self.request(), parameter: .accelerator,
                target: PlanCostTarget(figure: .payout, value: target, at: .mean), bracket: 0...1, tolerance: 1e-4))
        print("analytic above-quota rate \(analytic); solved \(solution.value) ± \(solution.standardError)")
        #expect(solution.current == 0.16)
        #expect(solution.standardError > 0 && solution.standardError < 0.01, "\(solution.standardError)")
        #expect(abs(solution.value - analytic) <= 3 * solution.standardError, "\(solution.value) vs \(analytic)")
        #expect(abs(solution.mean.value - target) <= 0.05 * solution.mean.standardError, "\(solution.mean)")
        // Common random numbers: the statistic is monotone in the rate over every simulation run.
        let byValue = solution.evaluations.sorted { $0.value < $1.value }
        #expect(zip(byValue, byValue.dropFirst()).allSatisfy { $0.statistic <= $1.statistic })
        #expect(solution.evaluations.count < 40)
    }

    /// A higher threshold or over-assignment lowers the P50 cost of sales; the solver meets it up to the
    /// statistic's staircase (a threshold crossing drops one person's 8 % × threshold × quota, about 0.4 %
    /// of a trial's cost here, so 1 % is a few steps).
    @Test(arguments: [PlanParameter.threshold, .overAssignment])
    func lowersTheCostOfSalesToATarget(parameter: PlanParameter) async throws {
        let request = try Self.request(trials: 100)
        let baseline = try await MonteCarloSimulator().run(request).costOfSales.p50.value
        let target = PlanCostTarget(figure: .costOfSales, value: 0.9 * baseline, at: .p50)
        let solution = try await PlanCostSolver().solve(
            PlanCostRequest(simulation: request, parameter: parameter, target: target))
        #expect(solution.value > 0, "\(parameter): \(solution.value)")
        #expect(abs(solution.percentiles.p50.value - target.value) < 0.01 * target.value, "\(solution.text())")
    }

    @Test func anUnreachableTargetIsItsOwnError() async throws {
        let request = PlanCostRequest(
            simulation: try Self.request(trials: 20), parameter: .cap,
            target: try PlanCostTarget(parsing: "payout=1000000000", at: .p90), bracket: 0...5)
        await #expect {
            try await PlanCostSolver().solve(request)
        } throws: { error in
            guard case .unreachable(let message) = error as? SimulationError else { return false }
            return message.contains("0...5")
        }
        #expect(throws: SimulationError.self) { try PlanCostTarget(parsing: "cost-of-sales=-1") }
        #expect(throws: SimulationError.self) { try PlanCostTarget(parsing: "margin=0.1") }
    }
}
