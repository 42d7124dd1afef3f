let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "scratch" { try? ScratchRun.run(Int(arguments[1]) ?? 14) } else if arguments.first == "exact" {
    do { try ExactBenchmark.run(Array(arguments.dropFirst())) } catch { print("error: \(error)") }
} else {
    print("benchmark not written yet")
}
