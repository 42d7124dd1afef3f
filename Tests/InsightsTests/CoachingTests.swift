import Foundation
import Insights
import SalesData
import TestSupport
import Testing

@Suite struct CoachingTests {
    /// Five account executives with one SMB account each; in each quarter P1…P5 log 10, 12, 14, 16
    /// and 2 activities (P5 only in the quarters listed).
    func dataset(lowQuarters: [String]) throws -> SalesDataset {
        let here = GeoPoint(latitude: 40, longitude: -100)
        let ids: [RepID] = ["P1", "P2", "P3", "P4", "P5"]
        let accounts = ids.map {
            Account(id: AccountID("A-\($0)"), name: "Acct", location: here, segment: "SMB", ownerID: $0)
        }
        let reps = ids.map { Rep(id: $0, name: $0.rawValue, role: "Account Executive") }
        var activities: [Activity] = []
        for quarterStart in ["2026-04-01", "2026-07-01"] {
            let counts = [10, 12, 14, 16, lowQuarters.contains(quarterStart) ? 2 : 13]
            for (rep, count) in zip(ids, counts) {
                for n in 0..<count {
                    activities.append(
                        Activity(
                            id: ActivityID("\(quarterStart)-\(rep)-\(n)"), kind: .call,
                            date: ScorecardFixture.day(quarterStart).adding(days: n), accountID: AccountID("A-\(rep)"),
                            repID: rep))
                }
            }
        }
        return try SalesDataset(accounts: accounts, reps: reps, activities: activities)
    }

    /// Median 12, absolute deviations 2, 0, 2, 4, 10 → MAD 2; P5: (2 − 12) ÷ (1.4826 × 2) = −3.3725.
    @Test func robustZScoreAndRecommendationOfAWeakRep() throws {
        let q3 = try ReportingPeriod(parsing: "2026-Q3", calendar: .calendarYear)
        let signals = CoachingAnalyzer(dataset: try dataset(lowQuarters: ["2026-07-01"]))
            .signals(period: q3, asOf: q3.end)
        #expect(signals.count == 1)
        let signal = try #require(signals.first)
        #expect(signal.repID == "P5" && signal.metric == .activities && signal.value == 2 && signal.peerMedian == 12)
        #expect(isApproximatelyEqual(signal.robustZ, -10 / (1.4826 * 2)))
        #expect(signal.percentile == 0 && signal.peers == 5 && signal.persistentQuarters == 0)
        #expect(signal.peerGroup == "Account Executive / SMB")
        #expect(
            signal.recommendation
                == "2 logged activities vs 12 peer median (Account Executive / SMB, 5 reps; z -3.4, 0th percentile): raise calls and meetings with active accounts"
        )
        // No deals anywhere: no win-rate, deal-size or volume advice without evidence.
        #expect(CoachingAnalyzer.robustZ(1, among: [1, 1, 1]) == nil)
    }

    @Test func aGapInTheQuarterBeforeIsReportedAsPersistent() throws {
        let q3 = try ReportingPeriod(parsing: "2026-Q3", calendar: .calendarYear)
        let signals = CoachingAnalyzer(dataset: try dataset(lowQuarters: ["2026-04-01", "2026-07-01"]))
            .signals(period: q3, asOf: q3.end)
        #expect(signals.map(\.persistentQuarters) == [1])
        #expect(signals.first?.recommendation.hasSuffix("; below peers 2 quarters running") == true)
    }
}
