import Foundation
import Incentives
import SalesData
import Simulation

/// What a plan's simulation step reads once the steps before it ran.
///
/// The plan's simulation section, the dataset and alignment the plan year is paid on (realigned when
/// the plan designs territories), the comp plans and the quota step's seats by id.
/// ``PlanRunner/simulationInputs()`` builds it.
///
/// ```swift
/// let inputs = try runner.simulationInputs()
/// let solution = try await SimulationStudy().solve(
///     inputs.configuration, dataset: inputs.dataset, alignment: inputs.alignment, plans: inputs.plans,
///     quotas: inputs.quotas, parameter: .accelerator, target: try PlanCostTarget(parsing: "cost-of-sales=0.09"))
/// ```
public struct PlanSimulationInputs: Sendable {
    /// The plan's `simulation` section (its `dataset`, `plans` and `quotas` paths are not read).
    public var configuration: SimulationConfiguration
    public var dataset: SalesDataset
    public var alignment: EffectiveDatedAlignment
    public var plans: PlanBook
    /// The quota step's seats (and the nodes above them) by id.
    public var quotas: [String: QuotaStepSeat]
}
