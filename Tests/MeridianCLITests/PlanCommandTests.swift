import Foundation
import TestSupport
import Testing

@Suite struct PlanCommandTests {
    @Test func capacityWritesTheHandExample() throws {
        let out = try Fixtures.temporaryFolder(prefix: "meridian-capacity").appendingPathComponent("plan")
        let run = try MeridianProcess.run([
            "plan", "capacity", "--config", "Data/plans/capacity.yaml", "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("termination optimal, cost 37.00"))
        let hires = try String(contentsOf: out.appendingPathComponent("hires.csv"), encoding: .utf8)
        #expect(hires == "role,decision_month,start_month,hires\nAE,4,5,1\n")
    }

    @Test func capacityExitCodes() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-capacity")
        let infeasible = folder.appendingPathComponent("infeasible.yaml")
        try """
        quarterlyQuota: [90, 60, 90, 90]
        leadTimeMonths: 1
        maxHiresPerMonth: 1
        roles: [{name: AE, monthlyProductivity: 10, ramp: [0, 0.5], current: [{monthsInSeat: 12, count: 2}]}]
        """.write(to: infeasible, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try MeridianProcess.run(["plan", "capacity", "--config", infeasible.path, "--out", out.path])
        #expect(run.status == 3)
        #expect(run.stdout.contains("Q1 short by 25.00"))
        let quarters = try String(contentsOf: out.appendingPathComponent("quarters.csv"), encoding: .utf8)
        #expect(quarters.contains("Q1,90,90,65,25"))

        let unknown = folder.appendingPathComponent("unknown.yaml")
        try "quarterlyQuota: [1]\nroles: [{name: AE, monthlyProductivity: 10, rampp: [0]}]\n"
            .write(to: unknown, atomically: true, encoding: .utf8)
        let bad = try MeridianProcess.run(["plan", "capacity", "--config", unknown.path, "--out", out.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("rampp"))
    }
}
