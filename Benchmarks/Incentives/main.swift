// comp-bench: one month of synthetic transactions through `meridian comp calculate` (statements
// included), against the independent pandas reference of the AE plan (reference.py) on the same files.
//
//     swift run -c release comp-bench [--transactions 10000000] [--people 5000] [--seed 42] [--work DIR]
//
// Prints the Swift time and peak memory, the pandas time, their ratio, and whether every Account
// Executive's statement total agrees with the reference to the cent.
import BenchSupport
import Foundation
import Incentives
import SalesData

struct Options {
    var transactions = 10_000_000
    var people = 5_000
    var seed: UInt64 = 42
    var work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("comp-bench")
    var reference = true

    init(_ arguments: [String]) {
        var flags = BenchArguments(arguments)
        transactions = flags.value("--transactions", default: transactions)
        people = flags.value("--people", default: people)
        seed = flags.value("--seed", default: seed)
        work = flags.url("--work", default: work)
        reference = flags.value("--reference", default: reference)
        flags.finish()
    }
}

/// Writes a deterministic company: CRO → regions → districts → AEs (one territory each) and SEs.
func generate(_ options: Options, into folder: URL) throws {
    var random = SplitMixGenerator(seed: options.seed)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let regions = max(1, options.people / 500)
    let districts = max(regions, options.people / 50)
    let ses = options.people / 10
    let aes = max(1, options.people - 1 - regions - districts - ses)
    var reps =
        "id,name,role,manager_id,territory_id,home_latitude,home_longitude,capacity_fte,hire_date,termination_date,status\n"
    var territories = "id,name,level,parent_id,owner_id\nCO,Company,company,,CRO\n"
    var quotas = "id,period,amount,quota\nCO,2026-Q1,\(options.transactions * 5000),default\n"
    reps += "CRO,Chief,Chief Revenue Officer,,,,,1,2015-01-01,,active\n"
    for r in 0..<regions {
        reps += "RVP\(r),Region \(r),Regional Vice President,CRO,,,,1,2016-01-01,,active\n"
        territories += "RG\(r),Region \(r),region,CO,RVP\(r)\n"
        quotas += "RG\(r),2026-Q1,\(options.transactions * 5000 / regions),default\n"
    }
    for d in 0..<districts {
        reps += "DM\(d),District \(d),District Manager,RVP\(d % regions),,,,1,2017-01-01,,active\n"
        territories += "D\(d),District \(d),district,RG\(d % regions),DM\(d)\n"
        quotas += "D\(d),2026-Q1,\(options.transactions * 5000 / districts),default\n"
    }
    var aeDistrict: [Int] = []
    for a in 0..<aes {
        let d = a % districts
        aeDistrict.append(d)
        let hire = random.bernoulli(0.03) ? "2026-02-01" : "2019-0\(1 + random.int(below: 9))-15"
        reps += "AE\(a),Rep \(a),Account Executive,DM\(d),T\(a),,,1,\(hire),,active\n"
        territories += "T\(a),Territory \(a),territory,D\(d),AE\(a)\n"
        quotas += "T\(a),2026-Q1,\(100_000 + 1_000 * random.int(below: 500)),default\n"
    }
    for s in 0..<ses {
        reps += "SE\(s),Engineer \(s),Solutions Engineer,RVP\(s % regions),,,,1,2018-01-01,,active\n"
        quotas += "SE\(s),2026-Q1,\(1_000_000 + 1_000 * random.int(below: 1_000)),default\n"
    }
    try reps.write(to: folder.appendingPathComponent("reps.csv"), atomically: true, encoding: .utf8)
    try territories.write(to: folder.appendingPathComponent("territories.csv"), atomically: true, encoding: .utf8)
    try quotas.write(to: folder.appendingPathComponent("quotas.csv"), atomically: true, encoding: .utf8)
    let accountsPerAE = 20
    var accounts = Data("id,name,latitude,longitude,territory_id\n".utf8)
    for a in 0..<aes * accountsPerAE {
        accounts.append(Data("A\(a),Account \(a),40,-100,T\(a / accountsPerAE)\n".utf8))
    }
    try accounts.write(to: folder.appendingPathComponent("accounts.csv"))
    var transactions = Data("id,type,date,account_id,product,amount,currency,order_type\n".utf8)
    var splits = Data("transaction_id,rep_id,percentage,type\n".utf8)
    let products = ["P-CORE", "P-CORE", "P-ANALYTICS", "P-SERVICES"]
    let orderTypes = ["new", "new", "new", "upsell", "renewal", "renewal"]
    for t in 0..<options.transactions {
        let account = random.int(below: aes * accountsPerAE)
        let owner = account / accountsPerAE
        let roll = random.uniform()
        let type = roll < 0.03 ? "refund" : roll < 0.05 ? "order" : "booking"
        let cents = 10_000 + random.int(below: 2_000_000)
        let amount = "\(type == "refund" ? "-" : "")\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        let day = 1 + random.int(below: 31)
        let line =
            "X\(t),\(type),2026-03-\(day < 10 ? "0" : "")\(day),A\(account),\(products[random.int(below: 4)]),\(amount),USD,\(orderTypes[random.int(below: 6)])\n"
        transactions.append(Data(line.utf8))
        if random.bernoulli(0.08) {
            let district = aeDistrict[owner]
            let partner = (owner + districts * (1 + random.int(below: 3))) % aes
            let other = aeDistrict[partner] == district && partner != owner ? partner : (owner + districts) % aes
            if other != owner {
                splits.append(Data("X\(t),AE\(owner),60,revenue\nX\(t),AE\(other),40,revenue\n".utf8))
            }
        }
        if ses > 0, random.bernoulli(0.05) {
            splits.append(Data("X\(t),SE\(random.int(below: ses)),100,overlay\n".utf8))
        }
    }
    try transactions.write(to: folder.appendingPathComponent("transactions.csv"))
    try splits.write(to: folder.appendingPathComponent("splits.csv"))
}

/// User + system CPU seconds of this process so far (all threads), which machine load does not inflate.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Peak resident memory of this process in GB (Linux `VmHWM`).
func peakMemoryGB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        // `VmHWM:\t  123456 kB`: the tab and the padding spaces both separate (no space at all from 10 GB)
        let kb = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
    else { return .nan }
    return kb / 1_048_576
}

let options = Options(CommandLine.arguments)
// The generated company is kept between runs, one folder per size and seed: a run of another size
// must not time the data of an earlier one.
let data = options.work.appendingPathComponent("data-\(options.transactions)x\(options.people)-seed\(options.seed)")
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
print("comp-bench: \(options.transactions) transactions, \(options.people) people, seed \(options.seed)")
if !FileManager.default.fileExists(atPath: data.appendingPathComponent("splits.csv").path) {
    try generate(options, into: data)
    print("generated \(data.path)")
}
let clock = ContinuousClock()
let out = options.work.appendingPathComponent("out")
let cpuStart = cpuSeconds()
let start = clock.now
let request = try CompInputs.load(
    dataset: data, plans: root.appendingPathComponent("Data/demo/plans"),
    quotas: data.appendingPathComponent("quotas.csv"),
    period: try CompPeriod(parsing: "2026-03"))
let loaded = clock.now
let result = try CompCalculator().calculate(request)
let calculated = clock.now
try CompResultWriter().write(result, to: out)
let written = clock.now
let swiftSeconds =
    Double((written - start).components.attoseconds) / 1e18 + Double((written - start).components.seconds)
let swiftCPU = cpuSeconds() - cpuStart
print(
    "swift: load \(loaded - start), calculate \(calculated - loaded), write \(written - calculated); total \(String(format: "%.2f", swiftSeconds)) s wall, \(String(format: "%.2f", swiftCPU)) s CPU, peak \(String(format: "%.2f", peakMemoryGB())) GB"
)
print("       \(result.statements.count) statements, \(result.credits.count) credits")
if options.reference {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", root.appendingPathComponent("Benchmarks/Incentives/reference.py").path, data.path,
        options.work.appendingPathComponent("reference.csv").path,
    ]
    let referenceStart = clock.now
    try process.run()
    process.waitUntilExit()
    let referenceTime = clock.now - referenceStart
    let referenceSeconds =
        Double(referenceTime.components.seconds) + Double(referenceTime.components.attoseconds) / 1e18
    let expected = try String(contentsOf: options.work.appendingPathComponent("reference.csv"), encoding: .utf8)
        .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    let totals = Dictionary(uniqueKeysWithValues: result.statements.map { ($0.person.rawValue, $0.total.description) })
    let mismatches = expected.filter { totals[$0[0]] != $0[1] }
    print(
        "pandas reference: \(String(format: "%.2f", referenceSeconds)) s; ratio swift/pandas \(String(format: "%.2f", swiftSeconds / referenceSeconds))"
    )
    print("AE statements checked: \(expected.count), differing from the reference by any cent: \(mismatches.count)")
    for row in mismatches.prefix(5) { print("  \(row[0]): reference \(row[1]), swift \(totals[row[0]] ?? "missing")") }
    if !mismatches.isEmpty || expected.isEmpty { exit(1) }
}
