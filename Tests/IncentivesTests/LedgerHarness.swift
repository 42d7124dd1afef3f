import SalesData

@testable import Incentives

/// A ledger in memory over a ``CompFixture``: close months in order, read what was posted.
struct LedgerHarness {
    var fixture = CompFixture()
    var policy = LedgerPolicy()
    var customerPayments: [TransactionID: CalendarDate] = [:]
    let ledger: CommissionLedger

    /// A ledger whose person R1 earns `rate` of every booking (monthly quotas far above the bookings).
    init(rate: String = "10%") throws {
        ledger = CommissionLedger(store: try SQLiteLedgerStore())
        fixture.plans = [
            aePlan(
                components: """
                          - name: bookings
                            quota: bookings
                            rate_table:
                              method: marginal
                              pays: credit
                              tiers:
                                - {name: base, from: 0, rate: \(rate)}
                                - {name: accelerator, from: 100%, rate: 15%}
                    """)
        ]
        for month in 1...12 {
            fixture.quotas += "R1,2026-\(month < 10 ? "0" : "")\(month),100000000,bookings\n"
        }
    }

    /// The input of a run: the fixture's request and a stand-in content hash of the plan, quotas and policy.
    func input() throws -> LedgerInput {
        LedgerInput(
            request: try fixture.request("2026-01"), policy: policy, customerPayments: customerPayments,
            inputs: [
                "plans": fixture.plans.joined(separator: "\n---\n"), "quotas": fixture.quotas,
                "policy": String(describing: policy),
                "payments": String(describing: customerPayments.sorted { $0.key < $1.key }),
            ])
    }

    @discardableResult
    func run(_ month: String) throws -> CommissionLedger.RunSummary {
        try ledger.run(try CompPeriod(parsing: month), input: input())
    }

    /// Runs, approves and pays `month`.
    @discardableResult
    func close(_ month: String) throws -> CommissionLedger.RunSummary {
        let summary = try run(month)
        try ledger.approve(try CompPeriod(parsing: month))
        try ledger.pay(try CompPeriod(parsing: month))
        return summary
    }

    /// The lines posted in `month` for R1.
    func lines(_ month: String, _ kind: LedgerLine.Kind? = nil) throws -> [LedgerLine] {
        let period = try CompPeriod(parsing: month)
        return try ledger.store.state().deposits.filter { $0.period == period && (kind == nil || $0.kind == kind) }
    }

    /// What R1 is paid for `month`.
    func payable(_ month: String) throws -> Money {
        try ledger.statements(try CompPeriod(parsing: month)).first { $0.person == "R1" }?.payable ?? .zero
    }
}
