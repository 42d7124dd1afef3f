import ArgumentParser

/// The `meridian` command: a thin layer over the Meridian library modules.
@main
struct Meridian: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meridian",
        abstract: "Sales performance management: territories, quotas, scoring and incentives.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [
            Solve.self, DataCommand.self, Segment.self, Score.self, Territories.self, Quotas.self, Comp.self,
            InsightsCommand.self, PlanCommand.self, Scenarios.self, Runs.self, Report.self, Simulate.self,
        ]
    )
}
