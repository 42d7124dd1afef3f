import BenchSupport
import Foundation
import TerritoryDesign

let arguments = BenchArguments(switches: ["--pair-branching", "--peers", "--peers-large"])

// `territory-bench exact …`: the exact engine on the public instances (ExactBenchmark.swift).
if arguments.positional.first == "exact" {
    do { try ExactBenchmark.run(arguments) } catch { print("error: \(error)") }
    exit(0)
}

// `territory-bench [scale] …`: the scale goals against HiGHS and OR-Tools (ScaleBenchmark.swift).
await ScaleBenchmark.run(arguments)
