// data-bench: generate 1,000,000 demo accounts, write accounts.csv, and load it with full
// validation; report load time, CPU time, peak memory, and the ratio to pandas.read_csv on the
// same file in the same run.
//
//     swift run -c release data-bench [--accounts N] [--runs R] [--keep DIR]
//
// `--keep DIR` writes accounts.csv into DIR and leaves it there (for profiling the loader alone
// with `data-bench --load DIR/accounts.csv`).
//
// Each load runs in a fresh child process (this binary with `--load PATH`), so the peak memory
// (VmHWM from /proc/self/status) is that of one load plus the runtime; the peak before loading is
// printed beside it. pandas runs in its own `python3` process, measured the same way (VmHWM, with
// the interpreter-and-import peak beside it; not ru_maxrss, which Linux carries over from the
// parent across exec); the benchmark says so plainly when python3 or
// pandas is missing. The timed API is `AccountCSV.load(from:)`, which returns `[Account]`.
import BenchSupport
import Foundation
import SalesData

#if canImport(Glibc)
    import Glibc
#endif

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func peakMemoryKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? -1
    }
    return -1
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return (-1, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The machine's 1-minute load average, from /proc/loadavg.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

var flags = BenchArguments()
/// Child mode: load one file with full validation and print `wall cpu peakKB rows baselineKB`,
/// where baselineKB is the process's peak before loading (runtime and binary).
if let path: String = flags.value("--load") {
    flags.finish()
    let url = URL(fileURLWithPath: path)
    let baseline = peakMemoryKB()
    let startWall = now()
    let startCPU = cpuSeconds()
    do {
        let accounts = try AccountCSV.load(from: url)
        print(now() - startWall, cpuSeconds() - startCPU, peakMemoryKB(), accounts.count, baseline)
        exit(0)
    } catch {
        print("load failed: \(error)")
        exit(1)
    }
}

let accountCount = flags.value("--accounts", default: 1_000_000)
let runs = max(1, flags.value("--runs", default: 3))
let keep: String? = flags.value("--keep")
flags.finish()
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let folder =
    keep.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("meridian-data-bench-\(getpid())")
let file = folder.appendingPathComponent("accounts.csv")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

print("data-bench: \(accountCount) accounts, \(runs) runs each, \(ProcessInfo.processInfo.activeProcessorCount) cores")
var start = now()
let geography = try USGeography.load(from: root.appendingPathComponent("Data/geo"))
let company = try DemoCompanyGenerator(
    .init(seed: 42, accounts: accountCount, reps: 120, includeHistory: false), geography: geography
).generate()
print(String(format: "generate:  %.2f s", now() - start))
start = now()
let bytes = AccountCSV.encode(company.dataset.accounts)
try AtomicFile.write(Data(bytes), to: file)
print(String(format: "write:     %.2f s (%.1f MB)", now() - start, Double(bytes.count) / 1e6))

let pandasScript = """
    import sys, time
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec, so it would
    # report this benchmark's own peak (about 780 MB after generating the accounts), not pandas'.
    def peak():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    try:
        import pandas as pd
    except ImportError:
        print("NO_PANDAS"); sys.exit(0)
    baseline = peak()
    w = time.perf_counter(); c = time.process_time()
    frame = pd.read_csv(sys.argv[1])
    print(time.perf_counter() - w, time.process_time() - c, peak(), len(frame), pd.__version__, baseline)
    """
let python = ["/usr/bin/env", "python3"]
var swiftRuns: [(wall: Double, cpu: Double, peak: Int, baseline: Int)] = []
var pandasRuns: [(wall: Double, cpu: Double, peak: Int, baseline: Int)] = []
let loadBefore = loadAverage()
var pandasNote: String?
for _ in 0..<runs {
    let mine = run(CommandLine.arguments[0], ["--load", file.path])
    let fields = mine.output.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    guard mine.status == 0, fields.count == 5, let wall = Double(fields[0]), let cpu = Double(fields[1]),
        let peak = Int(fields[2]),
        Int(fields[3]) == accountCount, let baseline = Int(fields[4])
    else {
        print("Swift load failed: \(mine.output)")
        exit(1)
    }
    swiftRuns.append((wall, cpu, peak, baseline))
    let theirs = run(python[0], [python[1], "-c", pandasScript, file.path])
    if theirs.output.contains("NO_PANDAS") || theirs.status != 0 {
        pandasNote =
            theirs.status != 0
            ? "python3 failed: \(theirs.output.prefix(200))" : "pandas is NOT installed (pip install pandas)"
        continue
    }
    let parts = theirs.output.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    if parts.count == 6, let wall = Double(parts[0]), let cpu = Double(parts[1]), let peak = Int(parts[2]),
        let baseline = Int(parts[5])
    {
        pandasRuns.append((wall, cpu, peak, baseline))
        pandasNote = "pandas \(parts[4])"
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func megabytes(_ kilobytes: Int) -> String { String(format: "%.0f MB", Double(kilobytes) / 1024) }
let swiftWall = median(swiftRuns.map(\.wall))
let swiftCPU = median(swiftRuns.map(\.cpu))
print(
    String(
        format:
            "Swift AccountCSV.load(from:) -> [Account], full validation, %d threads: median %.2f s wall, %.2f s CPU (runs: %@)",
        ProcessInfo.processInfo.activeProcessorCount, swiftWall, swiftCPU,
        swiftRuns.map { String(format: "%.2f", $0.wall) }.joined(separator: ", ")))
print(
    "  peak memory (VmHWM, own process): \(megabytes(swiftRuns.map(\.peak).max() ?? 0)), of which \(megabytes(swiftRuns.map(\.baseline).max() ?? 0)) before loading"
)
if pandasRuns.isEmpty {
    print("pandas: ABSENT — no ratio measured. \(pandasNote ?? "")")
} else {
    let pandasWall = median(pandasRuns.map(\.wall))
    let pandasCPU = median(pandasRuns.map(\.cpu))
    print(
        String(
            format: "pandas.read_csv (%@, no validation): median %.2f s wall, %.2f s CPU (runs: %@)",
            pandasNote ?? "", pandasWall, pandasCPU,
            pandasRuns.map { String(format: "%.2f", $0.wall) }.joined(separator: ", ")))
    print(
        "  peak memory (VmHWM, own process): \(megabytes(pandasRuns.map(\.peak).max() ?? 0)), of which \(megabytes(pandasRuns.map(\.baseline).max() ?? 0)) interpreter and import before read_csv"
    )
    print(
        String(
            format:
                "ratio Swift/pandas: %.2f× wall time, %.2f× CPU time, %.2f× peak memory (< 1 means Swift is lower; goal ≤ 1 wall)",
            swiftWall / pandasWall, swiftCPU / pandasCPU,
            Double(swiftRuns.map(\.peak).max() ?? 0) / Double(max(1, pandasRuns.map(\.peak).max() ?? 1))))
}
print(
    "load average (1 min) before/after the timed runs: \(loadBefore) / \(loadAverage()) on \(ProcessInfo.processInfo.activeProcessorCount) cores"
)
