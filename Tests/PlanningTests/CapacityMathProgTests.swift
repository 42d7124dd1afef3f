import Foundation
import TestSupport
import Testing

@testable import Planning

/// `Models/capacity_planning.mod`, run by `glpsol`, reaches the same optimum as ``CapacityPlanner``.
@Suite struct CapacityMathProgTests {
    /// Runs glpsol on the model with one data file and returns its COST line.
    func glpsolCost(data: URL) throws -> Double {
        let model = Fixtures.repositoryRoot.appendingPathComponent("Models/capacity_planning.mod").path
        let (status, output) = try GLPSol.run(["-m", model, "-d", data.path])
        #expect(status == 0, "glpsol failed:\n\(output)")
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("COST ") })
        return try #require(Double(line.dropFirst(5)))
    }

    /// The request as a MathProg data section (roles named R1, R2, … so any name is safe).
    static func data(_ request: CapacityPlanRequest) -> String {
        let roles = request.roles.indices.map { "R\($0 + 1)" }
        func perRole(_ name: String, _ value: (CapacityPlanRequest.Role) -> Double) -> String {
            "param \(name) := " + zip(roles, request.roles).map { "\($0) \(value($1))" }.joined(separator: " ") + ";\n"
        }
        var text = "data;\nset R := \(roles.joined(separator: " "));\nparam M := \(request.monthCount);\n"
        text += "param L := \(request.leadTimeMonths);\nparam coverage := \(request.quotaCoverage);\n"
        text +=
            "param quota := " + request.quarterlyQuota.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: " ")
            + ";\n"
        text += perRole("prod") { $0.monthlyProductivity } + perRole("rampLen") { Double($0.ramp.count) }
        text += perRole("attr") { $0.monthlyAttrition } + perRole("hireCost") { $0.costPerHire }
        text +=
            perRole("monthCost") { $0.costPerSellerMonth }
            + perRole("maxRole") { Double($0.maxHiresPerMonth ?? 1_000_000_000) }
        let ramps = zip(roles, request.roles).flatMap { id, role in
            role.ramp.enumerated().map { "\(id) \($0 + 1) \($1)" }
        }
        if !ramps.isEmpty { text += "param ramp := \(ramps.joined(separator: " "));\n" }
        if let most = request.maxHiresPerMonth { text += "param maxAll := \(most);\n" }
        if let budget = request.hiringBudget { text += "param budget := \(budget);\n" }
        let cohorts = zip(roles, request.roles).flatMap { id, role in
            role.current.map { (id, $0.monthsInSeat, $0.count) }
        }
        text += "set C := " + cohorts.map { "(\($0.0), \($0.1))" }.joined(separator: " ") + ";\n"
        if !cohorts.isEmpty {
            text += "param count := " + cohorts.map { "\($0.0) \($0.1) \($0.2)" }.joined(separator: " ") + ";\n"
        }
        return text + "end;\n"
    }

    @Test func shippedDataIsTheHandExample() throws {
        let shipped = Fixtures.repositoryRoot.appendingPathComponent("Models/capacity_planning.dat")
        #expect(try glpsolCost(data: shipped) == 37)
    }

    @Test(arguments: 0..<3) func glpsolAgreesWithThePlanner(_ variant: Int) throws {
        var request = CapacityPlannerTests.handExample()
        switch variant {
        case 1:
            request.roles[0].monthlyAttrition = 0.03
            request.quotaCoverage = 1.1
        case 2:
            request.roles.append(
                .init(
                    name: "SE", monthlyProductivity: 7, ramp: [0.2, 0.6], monthlyAttrition: 0.02, costPerHire: 3,
                    costPerSellerMonth: 0.7, maxHiresPerMonth: 2, current: [.init(monthsInSeat: 1, count: 1)]))
            request.quarterlyQuota = [61, 97, 143, 211]
            request.maxHiresPerMonth = 3
        default: break
        }
        let plan = try CapacityPlanner.plan(request)
        #expect(plan.termination == .optimal)
        let cost = try #require(plan.totalCost)
        let folder = try Fixtures.temporaryFolder(prefix: "capacity-mathprog")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("request.dat")
        try Self.data(request).write(to: data, atomically: true, encoding: .utf8)
        let reference = try glpsolCost(data: data)
        #expect(abs(reference - cost) <= 1e-6 * max(1, cost), "glpsol \(reference) vs planner \(cost)")
    }
}
