import Foundation
import SalesData
import TestSupport
import Testing

@testable import Incentives

/// The sample plans of `Data/demo/plans` decode and assign every demo role.
@Suite struct SamplePlanTests {
    @Test func everySamplePlanDecodesAndAssignsTheDemoRoles() throws {
        let book = try PlanBook(folder: Fixtures.repositoryRoot.appendingPathComponent("Data/demo/plans"))
        #expect(book.plans.map(\.id).sorted() == ["AE-2026", "MGR-2026", "SDR-2026", "SE-2026"])
        let day = date("2026-06-30")
        let roles = [
            ("Account Executive", "AE-2026"), ("District Manager", "MGR-2026"), ("Regional Vice President", "MGR-2026"),
            ("Chief Revenue Officer", "MGR-2026"), ("Solutions Engineer", "SE-2026"),
            ("Sales Development Representative", "SDR-2026"),
        ]
        for (role, plan) in roles {
            #expect(try book.plan(for: Rep(id: "X", name: "X", role: role), on: day).0.id == plan, "\(role)")
        }
        #expect(book.plans.first { $0.id == "AE-2026" }?.versions.first?.targetIncentive == dollars(100_000))
    }
}
