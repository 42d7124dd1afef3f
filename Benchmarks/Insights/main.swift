// insights-bench: scorecards for 5,000 reps over 10,000,000 activities and 1,000,000
// opportunities (goal: at most 20 s), and the ratio to a pandas reference of the same rep
// scorecards computed in the same run.
//
//     swift run -c release insights-bench [--reps N] [--activities N] [--opportunities N]
//
// Both sides build the same synthetic data from integer formulas (no files, no shared random
// stream), so they can be compared by checksum: rep i's deals are those with j % reps == i, and so
// on (see `scorecards_peer.py`). Timed: `ScorecardBuilder.scorecards()` (reps, teams, segments,
// company, funnel) against pandas computing the rep-level scorecards only, so the ratio favours pandas.
import BenchSupport
import Foundation
import Insights
import SalesData

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

var flags = BenchArguments()
let repCount = flags.value("--reps", default: 5_000)
let activityCount = flags.value("--activities", default: 10_000_000)
let opportunityCount = flags.value("--opportunities", default: 1_000_000)
flags.finish()
let accountCount = 100_000
let base = CalendarDate(daysSinceEpoch: CalendarDate(year: 2026, month: 1, day: 1).map(\.daysSinceEpoch) ?? 0)
let stages = InsightsRequest.defaultStages
let segments = ["Enterprise", "Mid-Market", "SMB"]

let generationStart = now()
let here = GeoPoint(latitude: 40, longitude: -100)
let accountIDs = (0..<accountCount).map { AccountID("A\($0)") }
let repIDs = (0..<repCount).map { RepID("R\($0)") }
let managerCount = max(1, repCount / 100)
var reps = (0..<managerCount).map { Rep(id: RepID("M\($0)"), name: "Manager \($0)", role: "District Manager") }
reps += (0..<repCount).map { Rep(id: repIDs[$0], name: "Rep \($0)", managerID: RepID("M\($0 % managerCount)")) }
let accounts = (0..<accountCount).map {
    Account(id: accountIDs[$0], name: "Account", location: here, segment: segments[$0 % 3])
}
let opportunities = (0..<opportunityCount).map { j -> Opportunity in
    let created = base.adding(days: (j * 13) % 365)
    let close = created.adding(days: 20 + (j * 11) % 130)
    let state = j % 10
    return Opportunity(
        id: OpportunityID("O\(j)"), accountID: accountIDs[(j * 7) % accountCount], ownerID: repIDs[j % repCount],
        amount: Double(1_000 + (j * 37) % 50_000),
        stage: state < 4 ? "Closed Won" : state < 7 ? "Closed Lost" : stages[j % 4],
        probability: 0.5, createdDate: created, closeDate: close, isClosed: state < 7, isWon: state < 4)
}
let kinds: [Activity.Kind] = [.call, .meeting, .email]
let activities = (0..<activityCount).map { i in
    Activity(
        id: ActivityID("E\(i)"), kind: kinds[i % 3], date: base.adding(days: (i * 17) % 365),
        accountID: accountIDs[i % accountCount], repID: repIDs[(i * 31) % repCount])
}
let dataset = try SalesDataset(accounts: accounts, reps: reps, opportunities: opportunities, activities: activities)
let generation = now() - generationStart

let period = try ReportingPeriod(parsing: "2026-Q3", calendar: .calendarYear)
let asOf = try CalendarDate(iso8601: "2026-08-15")
let started = now()
let cards = ScorecardBuilder(dataset: dataset, period: period, asOf: asOf).scorecards()
let seconds = now() - started
let repCards = cards.filter { $0.level == .rep && $0.key.hasPrefix("R") }
let checksum = (
    openDeals: repCards.reduce(0) { $0 + $1.totals.openDeals }, won: repCards.reduce(0) { $0 + $1.totals.wonDeals },
    activities: repCards.reduce(0) { $0 + $1.totals.calls + $1.totals.meetings + $1.totals.emails },
    velocity: repCards.reduce(0.0) { $0 + ($1.velocity ?? 0) }
)
let load =
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
print(
    "insights-bench: \(repCount) reps, \(activityCount) activities, \(opportunityCount) opportunities (generated in \(String(format: "%.1f", generation)) s)"
)
print(String(format: "swift scorecards: %.2f s (%d cards; goal <= 20 s; load average %@)", seconds, cards.count, load))
print(
    "swift checksum: open \(checksum.openDeals), won \(checksum.won), activities \(checksum.activities), velocity \(String(format: "%.4f", checksum.velocity))"
)

let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("scorecards_peer.py")
    .path
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = ["python3", script, "\(repCount)", "\(activityCount)", "\(opportunityCount)"]
let pipe = Pipe()
process.standardOutput = pipe
do {
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    print(output, terminator: "")
    if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("pandas scorecards:") }),
        let value = line.split(separator: " ").dropFirst(2).first.flatMap({ Double($0) }), seconds > 0
    {
        print(String(format: "ratio pandas / swift: %.2f", value / seconds))
    }
} catch {
    print("pandas reference not run: \(error)")
}
