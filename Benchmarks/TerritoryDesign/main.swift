import Foundation
import TerritoryDesign

// `territory-bench exact …`: the exact engine on the public instances (ExactBenchmark.swift).
if CommandLine.arguments.dropFirst().first == "exact" {
    do { try ExactBenchmark.run(Array(CommandLine.arguments.dropFirst(2))) } catch { print("error: \(error)") }
    exit(0)
}

// `territory-bench [scale] …`: the scale goals against HiGHS and OR-Tools (ScaleBenchmark.swift).
await ScaleBenchmark.run(Array(CommandLine.arguments.dropFirst().filter { $0 != "scale" }))
