import SalesData

/// A simulation study as a configuration file: which company, plans and quotas, which component, how
/// many trials, and the plan variants to compare on common random numbers.
///
/// Decoded strictly by SalesData's `YAMLConfiguration` (an unknown key is an error naming its line and
/// column), so a plan file's `simulation:` section can decode into the same type.
///
/// ```yaml
/// dataset: Data/demo
/// plans: Data/demo/plans
/// quotas: out/quotas          # the quota step's output folder (or its quotas.csv)
/// planYear: 2026
/// component: new-business
/// trials: 10000
/// seed: 2026
/// spiffs: [analytics-spiff]   # SPIFFs of the same plans, paid on drawn deals
/// scenarios:
///   - {name: richer-accelerator, plans: Data/plans/ae-variant}
/// ```
///
/// Invariant after ``validate()``: `trials` in 2...1,000,000, `marketCorrelation` (when given) in [0, 1),
/// `planYear` in 2000...2100, scenario names unique and not `plan`.
public struct SimulationConfiguration: Sendable, Hashable, Codable, ValidatedRequest {
    /// Another plan folder paid on the same draws as the baseline.
    public struct Scenario: Sendable, Hashable, Codable {
        public var name: String
        /// A plan folder holding a plan with the simulated component (same name).
        public var plans: String

        public init(name: String, plans: String) {
            self.name = name
            self.plans = plans
        }
    }

    /// The dataset folder: history before `planYear` calibrates the spread and the market factor.
    public var dataset: String
    /// The baseline plan folder.
    public var plans: String
    /// The quota step's output folder or its `quotas.csv` (`quota` and `expected_sales` per node).
    public var quotas: String
    public var planYear: Int
    /// The quota component simulated (its people are those whose plan holds it).
    public var component: String
    public var trials: Int
    public var seed: UInt64
    /// The market factor's correlation; calibrated from history when absent.
    public var marketCorrelation: Double?
    /// SPIFF components of the same plans paid on drawn deals (deal-level sampling, docs/simulation.md);
    /// each scenario's plans must hold a component of the same name.
    public var spiffs: [String]
    public var scenarios: [Scenario]

    public init(
        dataset: String = "Data/demo", plans: String = "Data/demo/plans", quotas: String = "", planYear: Int = 2026,
        component: String = "new-business", trials: Int = 10_000, seed: UInt64 = 2026,
        marketCorrelation: Double? = nil, spiffs: [String] = [], scenarios: [Scenario] = []
    ) {
        self.dataset = dataset
        self.plans = plans
        self.quotas = quotas
        self.planYear = planYear
        self.component = component
        self.trials = trials
        self.seed = seed
        self.marketCorrelation = marketCorrelation
        self.spiffs = spiffs
        self.scenarios = scenarios
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dataset, plans, quotas, planYear, component, trials, seed, marketCorrelation, spiffs, scenarios
    }

    /// Every key a configuration file may hold.
    public static var configurationKeys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dataset = try container.decodeIfPresent(String.self, forKey: .dataset) ?? defaults.dataset
        plans = try container.decodeIfPresent(String.self, forKey: .plans) ?? defaults.plans
        quotas = try container.decodeIfPresent(String.self, forKey: .quotas) ?? defaults.quotas
        planYear = try container.decodeIfPresent(Int.self, forKey: .planYear) ?? defaults.planYear
        component = try container.decodeIfPresent(String.self, forKey: .component) ?? defaults.component
        trials = try container.decodeIfPresent(Int.self, forKey: .trials) ?? defaults.trials
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        marketCorrelation = try container.decodeIfPresent(Double.self, forKey: .marketCorrelation)
        spiffs = try container.decodeIfPresent([String].self, forKey: .spiffs) ?? defaults.spiffs
        scenarios = try container.decodeIfPresent([Scenario].self, forKey: .scenarios) ?? []
    }

    public func problems() -> [any RequestKeyError] {
        var list: [any RequestKeyError] = []
        if quotas.isEmpty {
            list.append(SimulationKeyError(key: "quotas", value: "", expected: "the quota step's output folder"))
        }
        if !(2000...2100).contains(planYear) {
            list.append(SimulationKeyError(key: "planYear", value: "\(planYear)", expected: "a year in 2000...2100"))
        }
        if component.isEmpty {
            list.append(SimulationKeyError(key: "component", value: "", expected: "a quota component's name"))
        }
        if !(2...1_000_000).contains(trials) {
            list.append(SimulationKeyError(key: "trials", value: "\(trials)", expected: "a count in 2...1000000"))
        }
        if let rho = marketCorrelation, !(rho.isFinite && rho >= 0 && rho < 1) {
            list.append(SimulationKeyError(key: "marketCorrelation", value: "\(rho)", expected: "a number in [0, 1)"))
        }
        var spiffNames: Set<String> = []
        for (index, name) in spiffs.enumerated() where name.isEmpty || !spiffNames.insert(name).inserted {
            list.append(
                SimulationKeyError(key: "spiffs[\(index)]", value: name, expected: "a unique SPIFF component name"))
        }
        var names: Set<String> = ["plan"]
        for (index, scenario) in scenarios.enumerated() where !names.insert(scenario.name).inserted {
            list.append(
                SimulationKeyError(
                    key: "scenarios[\(index)].name", value: scenario.name, expected: "a unique name other than plan"))
        }
        return list
    }
}

/// A bad value of one ``SimulationConfiguration`` key.
public struct SimulationKeyError: RequestKeyError, Hashable {
    public var key: String
    public var value: String
    public var expected: String

    public var requestKey: String? { key }
    public var description: String { "\(key): \"\(value.prefix(200))\": expected \(expected)" }
}
