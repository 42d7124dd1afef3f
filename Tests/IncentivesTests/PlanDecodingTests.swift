import SalesData
import Testing

@testable import Incentives

/// Strict plan decoding and bad-input errors, each located.
@Suite struct PlanDecodingTests {
    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func anUnknownKeyIsAnErrorAtItsLineAndColumn() {
        let text = aePlan(components: "      - {name: bookings, wieght: 60%}")
        let error = message { _ = try CompPlan(yaml: text, file: "ae.yaml") }
        #expect(
            error.hasPrefix(
                "ae.yaml:7:26: versions[0].components[0].wieght: unknown key `wieght`; did you mean `weight`?"),
            "\(error)")
    }

    @Test func overlappingVersionsAreAnError() {
        let text = """
            plan: AE
            versions:
              - {effective: 2026-01-01, until: 2026-06-30, target_incentive: 1, assign: {roles: [AE]}, components: []}
              - {effective: 2026-06-01, target_incentive: 1, assign: {roles: [AE]}, components: []}
            """
        let error = message { _ = try CompPlan(yaml: text, file: "ae.yaml") }
        #expect(error.hasPrefix("ae.yaml:4:5: versions[1]: expected a version starting after"), "\(error)")
        #expect(error.hasSuffix("(got \"2026-06-01\")"), "\(error)")
    }

    @Test func aWrongTypeNamesTheKeyPath() {
        let text = aePlan(components: "      - {name: bookings, weight: lots}")
        let error = message { _ = try CompPlan(yaml: text, file: "ae.yaml") }
        #expect(error.contains("ae.yaml:7:34: versions[0].components[0].weight: expected a decimal number"), "\(error)")
        #expect(error.hasSuffix("(got \"lots\")"), "\(error)")
    }

    @Test func aMissingQuotaPointsAtTheComponentsQuotaKey() throws {
        var fixture = CompFixture()
        fixture.plans = [aePlan(components: "      - {name: bookings, quota: new}")]
        let error = message { _ = try fixture.calculate("2026-03") }
        #expect(error.hasPrefix("plan0.yaml:7:33: \"new\": expected a quota named 'new' for R1"), "\(error)")
    }

    @Test func aPersonWithNoPlanIsAnErrorAtTheirRepsLine() throws {
        var fixture = CompFixture()
        fixture.people.append(Rep(id: "R2", name: "Bo", role: "Sales Engineer"))
        fixture.plans = [aePlan(components: "      - {name: bookings}")]
        fixture.quotas += "R1,2026-03,1,default\n"
        let error = message { _ = try fixture.calculate("2026-03") }
        #expect(error.hasPrefix("reps.csv:3:1: \"R2 (Sales Engineer)\": expected a comp plan"), "\(error)")
    }

    @Test func anAssignmentToAnUnknownPlanIsAnError() throws {
        let plan = try CompPlan(yaml: aePlan(components: "      - {name: bookings}"), file: "ae.yaml")
        let assignment = PlanBook.Assignment(
            person: "R1", plan: "SE", effective: nil,
            location: SourceLocation(file: "assignments.csv", line: 2, column: 2))
        let error = message { _ = try PlanBook(plans: [plan], assignments: [assignment]) }
        #expect(error.hasPrefix("assignments.csv:2:2: \"SE\": expected a plan defined"), "\(error)")
    }

    @Test func thePersonRuleWinsOverTheRoleRule() throws {
        let general = try CompPlan(yaml: aePlan(components: "      - {name: bookings}"), file: "ae.yaml")
        let special = try CompPlan(
            yaml: """
                plan: STAR
                versions:
                  - {effective: 2026-01-01, target_incentive: 1, assign: {people: [R1]}, components: []}
                """, file: "star.yaml")
        let book = try PlanBook(plans: [general, special])
        let rep = Rep(id: "R1", name: "Ada", role: "Account Executive")
        #expect(try book.plan(for: rep, on: date("2026-03-31")).0.id == "STAR")
        #expect(
            try book.plan(for: Rep(id: "R2", name: "Bo", role: "Senior Account Executive"), on: date("2026-03-31")).0.id
                == "AE")
    }
}
