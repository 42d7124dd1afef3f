import SalesData
import Testing

@testable import Incentives

/// The columnar credits: the same rows whatever the number of chunks, in person, transaction, kind order.
@Suite struct CreditTableTests {
    /// A team (V ← M ← R1, R2, R3) with a quarter of bookings: territory credit, 60/40 splits, overlays,
    /// a split to a person outside reps.csv, refunds, and an account with no territory holder.
    func quarter() -> CompFixture {
        var fixture = CreditingTests().team()
        fixture.accounts.append(
            Account(id: "A3", name: "Gamma", location: GeoPoint(latitude: 40, longitude: -100), territoryID: "T9"))
        for index in 0..<600 {
            let day = "2026-0\(1 + index / 6 % 3)-\(10 + index % 18)"
            let amount = Double(1_000 + 37 * index) + (index % 4 == 0 ? 0.25 : 0)
            switch index % 6 {
            case 0:
                fixture.book(
                    amount, on: day,
                    splits: [CreditSplit(repID: "R1", percentage: 60), CreditSplit(repID: "R2", percentage: 40)])
            case 1: fixture.book(amount, on: day, splits: [CreditSplit(repID: "R3", percentage: 100, kind: .overlay)])
            case 2: fixture.book(-amount / 2, on: day, account: "A2", kind: .refund)
            case 3: fixture.book(amount, on: day, splits: [CreditSplit(repID: "OUTSIDER", percentage: 100)])
            case 4: fixture.book(amount, on: day, account: "A3")
            default: fixture.book(amount, on: day, account: index % 2 == 0 ? "A1" : "A2")
            }
        }
        return fixture
    }

    @Test func chunkCountDoesNotChangeTheCredits() throws {
        let request = try quarter().request("2026-03")
        let start = date("2026-01-01")
        let whole = try CreditIndex(request, from: start, chunkSize: 1_000_000)
        for size in [1, 7, 64, 250] {
            let chunked = try CreditIndex(request, from: start, chunkSize: size)
            #expect(chunked.table == whole.table)
            #expect(chunked.uncredited == whole.uncredited)
            for person in ["V", "M", "R1", "R2", "R3", "OUTSIDER"] {
                let a = chunked.credits(of: RepID(person))
                let b = whole.credits(of: RepID(person))
                #expect((a.month, a.earlier) == (b.month, b.earlier))
            }
        }
        // 600 transactions, 100 per pattern; 33 of the 100 on the unheld account A3 are dated in March.
        #expect(whole.uncredited.count == 33)
        #expect(!whole.table.isEmpty)
    }

    @Test func monthCreditsAreOrderedByPersonTransactionAndKind() throws {
        let result = try quarter().calculate("2026-03")
        let credits = Array(result.credits)
        #expect(credits.allSatisfy { $0.date >= date("2026-03-01") && $0.date <= date("2026-03-31") })
        for (a, b) in zip(credits, credits.dropFirst()) {
            #expect((a.person, a.transactionIndex, a.kind) <= (b.person, b.transactionIndex, b.kind))
        }
        // The outsider (not in reps.csv) is credited but has no statement; M gets each of its reps' deals once.
        #expect(credits.contains { $0.person == "OUTSIDER" })
        let split = credits.filter { $0.person == "M" && $0.transactionIndex % 6 == 0 }
        #expect(!split.isEmpty && split.allSatisfy { $0.kind == .rollup && $0.share == .one })
    }
}
