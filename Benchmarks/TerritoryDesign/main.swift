let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "exact" {
    do { try ExactBenchmark.run(Array(arguments.dropFirst())) } catch { print("error: \(error)") }
} else {
    print("benchmark not written yet")
}
