import SalesData
import Testing

@testable import Planning

@Suite struct SellerHistoryTests {
    static func day(_ text: String) throws -> CalendarDate { try CalendarDate(iso8601: text) }

    /// Three AEs and one SE over January–June 2025 (hand-worked figures in each test).
    static func fixture() throws -> SalesDataset {
        let reps = [
            Rep(id: "A1", name: "A1", role: "AE", hireDate: try day("2023-01-01")),
            Rep(id: "A2", name: "A2", role: "AE", hireDate: try day("2025-02-01")),
            Rep(
                id: "A3", name: "A3", role: "AE", hireDate: try day("2022-01-01"),
                terminationDate: try day("2025-04-15")),
            Rep(id: "S1", name: "S1", role: "SE", hireDate: try day("2020-01-01")),
        ]
        func booking(_ id: String, _ date: String, _ amount: Double, _ splits: [CreditSplit]) throws -> Transaction {
            Transaction(
                id: TransactionID(id), kind: amount < 0 ? .refund : .booking, date: try day(date), accountID: "X",
                amount: amount, splits: splits)
        }
        let transactions = [
            try booking("t1", "2025-03-10", 600, [.init(repID: "A1", percentage: 100)]),
            try booking("t2", "2025-03-20", 100, [.init(repID: "A2", percentage: 100)]),  // A2 still ramping
            try booking("t3", "2025-06-05", 200, [.init(repID: "A2", percentage: 100)]),
            try booking(
                "t4", "2025-02-11", 300, [.init(repID: "A3", percentage: 50), .init(repID: "A1", percentage: 50)]),
            try booking("t5", "2025-01-30", 120, [.init(repID: "S1", percentage: 100)]),
            try booking("t6", "2025-04-02", -60, [.init(repID: "A1", percentage: 100)]),
            try booking("t7", "2025-07-01", 999, [.init(repID: "A1", percentage: 100)]),  // outside the window
        ]
        return try SalesDataset(accounts: [], reps: reps, transactions: transactions)
    }

    @Test func productivityPerRampedSellerMonth() throws {
        let history = SellerHistory(
            dataset: try Self.fixture(), from: try Self.day("2025-01-01"), to: try Self.day("2025-07-01"))
        let productivity = history.monthlyProductivity(rampMonths: 3)
        // AE ramped seller-months: A1 6 + A2 2 (May, June) + A3 4 (Jan–Apr) = 12;
        // bookings 600 + 200 + 150 + 150 − 60 = 1,040 (A2's March deal falls in its ramp).
        #expect(abs((productivity["AE"] ?? 0) - 1040.0 / 12) < 1e-9)
        #expect(productivity["SE"] == 20)  // 120 over 6 seller-months
    }

    @Test func attritionPerSellerMonth() throws {
        let history = SellerHistory(
            dataset: try Self.fixture(), from: try Self.day("2025-01-01"), to: try Self.day("2025-07-01"))
        let attrition = history.monthlyAttrition()
        // AE exposure: A1 6 + A2 5 (Feb–Jun) + A3 4 = 15 seller-months, one termination.
        #expect(abs((attrition["AE"] ?? 0) - 1.0 / 15) < 1e-12)
        #expect(attrition["SE"] == 0)
    }
}
