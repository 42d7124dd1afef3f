// ledger-bench: a plan year through the SQLite commission ledger. Every month is run, approved and
// paid in order; a late January deal arrives in April (a prior-period adjustment, January restated);
// the last month is re-run with the same inputs (idempotent: nothing written).
//
//     swift run -c release ledger-bench [--people 2000] [--per-month 100000] [--months 12] [--seed 42] [--work DIR]
//
// Prints the time of each month (run + approve + pay), the year's total, the idempotent re-run, the
// ledger file's size and rows, and the peak resident memory.
import BenchSupport
import Foundation
import Incentives
import SalesData

struct Options {
    var people = 2_000
    var perMonth = 100_000
    var months = 12
    var seed: UInt64 = 42
    var work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ledger-bench")

    init(_ arguments: [String]) {
        var flags = BenchArguments(arguments)
        people = flags.value("--people", default: people)
        perMonth = flags.value("--per-month", default: perMonth)
        months = min(12, max(1, flags.value("--months", default: months)))
        seed = flags.value("--seed", default: seed)
        work = flags.url("--work", default: work)
        flags.finish()
    }
}

/// SplitMix64: the deterministic stream of the synthetic company.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let plan = """
    plan: AE-BENCH
    versions:
      - effective: 2026-01-01
        assign: {roles: [Account Executive]}
        target_incentive: 100000
        components:
          - name: new-business
            measure: bookings
            quota: default
            period: quarter
            payout: to_date
            rate_table:
              method: marginal
              pays: target
              tiers:
                - {name: base, from: 0, rate: 1}
                - {name: accelerator, from: 100%, rate: 2}
    """

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// User + system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let options = Options(CommandLine.arguments)
var random = SplitMix(state: options.seed)
var people: [Rep] = []
var accounts: [Account] = []
var quotas = QuotaBook()
for p in 0..<options.people {
    let id = RepID("R\(p)")
    let territory = TerritoryID("T\(p)")
    people.append(Rep(id: id, name: "Rep \(p)", role: "Account Executive", territoryID: territory, hireDate: nil))
    for a in 0..<10 {
        accounts.append(
            Account(
                id: AccountID("A\(p)-\(a)"), name: "Account", location: GeoPoint(latitude: 40, longitude: -100),
                territoryID: territory))
    }
    for q in 1...4 {
        quotas.set(
            Money(cents: Int64(options.perMonth / options.people * 3 * 25_000 * 100)), id: "T\(p)", period: "2026-Q\(q)"
        )
    }
}
var transactions: [Transaction] = []
var late: Transaction?
for month in 1...options.months {
    for i in 0..<options.perMonth {
        let day = 1 + random.below(28)
        let account = accounts[random.below(accounts.count)]
        let deal = Transaction(
            id: TransactionID("X\(month)-\(i)"), kind: .booking,
            date: CalendarDate(year: 2026, month: month, day: day) ?? CalendarDate(daysSinceEpoch: 0),
            accountID: account.id, product: "P-CORE", amount: Double(1_000 + random.below(49_000)), orderType: "new")
        if month == 1 && i == 0 { late = deal } else { transactions.append(deal) }
    }
}
let book = try PlanBook(plans: [try CompPlan(yaml: plan, file: "bench.yaml")])
let alignment = EffectiveDatedAlignment(accounts: accounts, reps: people, accountMoves: [], repMoves: [])
try FileManager.default.createDirectory(at: options.work, withIntermediateDirectories: true)
let file = options.work.appendingPathComponent("ledger.sqlite")
try? FileManager.default.removeItem(at: file)
let ledger = CommissionLedger(store: try SQLiteLedgerStore(path: file.path))

print("ledger-bench: \(options.people) people, \(options.perMonth) transactions a month, \(options.months) months")
let yearStart = ContinuousClock.now
let cpuStart = cpuSeconds()
for month in 1...options.months {
    guard let period = CompPeriod(year: 2026, month: month) else { break }
    if month == 4, let late { transactions.append(late) }  // dated January, entered in April
    let request = CompRequest(
        plans: book, people: people, alignment: alignment, quotas: quotas, transactions: transactions, period: period)
    let input = LedgerInput(request: request, inputs: ["plan": plan, "quotas": "bench-\(options.seed)"])
    let start = ContinuousClock.now
    let runCPU = cpuSeconds()
    let summary = try ledger.run(period, input: input)
    let runTime = seconds(start)
    print(String(format: "  %@ run: %.2f s wall, %.2f s CPU", "\(period)", runTime, cpuSeconds() - runCPU))
    if month == options.months {
        let again = ContinuousClock.now
        let rerun = try ledger.run(period, input: input)
        print(
            String(
                format: "  %@ idempotent re-run: %.2f s (unchanged: %@)", "\(period)", seconds(again),
                "\(rerun.unchanged)"))
    }
    try ledger.approve(period)
    try ledger.pay(period)
    let restated = summary.restated.keys.sorted().map(\.description).joined(separator: ",")
    print(
        String(
            format: "  %@: run %.2f s, run+approve+pay %.2f s, %d lines, payable %@%@", "\(period)", runTime,
            seconds(start), summary.lines.values.reduce(0, +), summary.total.formatted,
            restated.isEmpty
                ? "" : ", restated \(restated) (adjustments: \(summary.lines[.priorPeriodAdjustment] ?? 0))"))
}
let total = seconds(yearStart)
let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
print(
    String(
        format: "year: %.1f s wall, %.1f s CPU for %d months (%.2f s a month); ledger file %.1f MB; peak RSS %.0f MB",
        total, cpuSeconds() - cpuStart, options.months, total / Double(options.months), Double(size) / 1e6,
        peakMegabytes()))
