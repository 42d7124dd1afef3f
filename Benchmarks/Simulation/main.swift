// sim-bench: the closed-form case (10,000 trials × 1,000 people, σ = 0.35, 8 % to quota, 16 %
// above, capped at 3 × TI) through the comp engine, against the numpy reference (reference.py) of the
// same simplified plan in the same run.
//
//     swift run -c release sim-bench [--trials 10000] [--seed 2026] [--parallelism N] [--reference false]
//
// Prints the Swift time, the numpy time, their ratio, and both simulations' means against the analytic
// values (each must be within 3 standard errors).
import BenchSupport
import Foundation
import Simulation

struct Options {
    var trials = 10_000
    var seed: UInt64 = 2026
    var parallelism = ProcessInfo.processInfo.activeProcessorCount
    var reference = true

    init(_ arguments: [String]) {
        var flags = BenchArguments(arguments)
        trials = flags.value("--trials", default: trials)
        seed = flags.value("--seed", default: seed)
        parallelism = flags.value("--parallelism", default: parallelism)
        reference = flags.value("--reference", default: reference)
        flags.finish()
    }
}

extension Double {
    var squared: Double { self * self }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let options = Options(CommandLine.arguments)
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
print(
    "sim-bench: \(options.trials) trials × \(ClosedFormCase.people) people, seed \(options.seed),"
        + " \(options.parallelism) tasks")
let clock = ContinuousClock()
let start = clock.now
let summary = try await MonteCarloSimulator().run(
    SimulationRequest(
        reps: ClosedFormCase.reps, component: try ClosedFormCase.component(), trials: options.trials,
        seed: options.seed, trialsPerChunk: 100, parallelism: options.parallelism))
let swiftSeconds = seconds(clock.now - start)
let share = summary.shareAtQuota
let payout = summary.meanPayout
let shareOff = (share.value - ClosedFormCase.expectedShareAtQuota) / share.standardError
let payoutOff = (payout.value - ClosedFormCase.expectedTotalPayout) / payout.standardError
print(String(format: "swift: %.2f s", swiftSeconds))
print(
    String(
        format: "  share at quota %.6f ± %.6f (analytic %.6f, %+.2f SE);"
            + " total payout %.2f ± %.2f (analytic %.2f, %+.2f SE)",
        share.value, share.standardError, ClosedFormCase.expectedShareAtQuota, shareOff, payout.value,
        payout.standardError, ClosedFormCase.expectedTotalPayout, payoutOff))
var failed = abs(shareOff) > 3 || abs(payoutOff) > 3
if options.reference {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", root.appendingPathComponent("Benchmarks/Simulation/reference.py").path, "\(options.trials)",
        "\(options.seed)",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    let referenceStart = clock.now
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let referenceSeconds = seconds(clock.now - referenceStart)
    print(output, terminator: "")
    // RESULT share share_se payout payout_se seconds (numpy's own timing, imports excluded).
    let result =
        output.split(separator: "\n").first { $0.hasPrefix("RESULT ") }?.split(separator: " ")
        .dropFirst().compactMap { Double($0) } ?? []
    if result.count == 5 {
        // Two independent simulations: their means differ by N(0, se₁² + se₂²).
        let shareZ = (share.value - result[0]) / (share.standardError.squared + result[1].squared).squareRoot()
        let payoutZ = (payout.value - result[2]) / (payout.standardError.squared + result[3].squared).squareRoot()
        print(
            String(
                format: "swift vs numpy: share %+.2f SE, payout %+.2f SE (combined standard errors)", shareZ, payoutZ))
        failed = failed || abs(shareZ) > 3 || abs(payoutZ) > 3
        print(
            String(
                format: "numpy: %.2f s simulating (%.2f s with the process and imports); ratio swift/numpy %.2f"
                    + " (%.2f against the whole process)", result[4], referenceSeconds, swiftSeconds / result[4],
                swiftSeconds / referenceSeconds))
    } else {
        print("numpy reference printed no RESULT line")
        failed = true
    }
    failed = failed || process.terminationStatus != 0
}
print(
    failed
        ? "FAILED: a mean is not within 3 standard errors"
        : "both within 3 standard errors of the closed form and of each other")
if failed { exit(1) }
