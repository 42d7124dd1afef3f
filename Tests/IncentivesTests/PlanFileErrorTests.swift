import Foundation
import SalesData
import TestSupport
import Testing

@testable import Incentives

/// Comp plan and ledger policy files read through SalesData's `YAMLConfiguration`: every error names
/// the file, line and column, the key path, the bad value (at most 200 characters) and what was
/// expected; unknown keys are rejected at every level.
@Suite struct PlanFileErrorTests {
    /// The configuration error `body` throws, unwrapped from ``IncentivesError/configuration(_:)``.
    func configurationError(_ body: () throws -> Void) -> ConfigurationError? {
        do {
            try body()
        } catch IncentivesError.configuration(let error) {
            return error
        } catch {
            Issue.record("not a configuration error: \(error)")
        }
        return nil
    }

    struct Case: Sendable, CustomStringConvertible {
        let component: String
        let line: Int
        let column: Int
        let keyPath: String
        let value: String?
        let expected: String
        var description: String { component }
    }

    static let cases: [Case] = [
        Case(
            component: "      - {name: b, rate_table: {method: sideways, tiers: [{from: 0, rate: 1}]}}", line: 7,
            column: 40, keyPath: "versions[0].components[0].rate_table.method", value: "sideways",
            expected: "expected one of marginal, retroactive"),
        Case(
            component: "      - {name: b, rate_table: {method: marginal, tiers: [{from: 10%, rate: 1}]}}", line: 7,
            column: 65, keyPath: "versions[0].components[0].rate_table.tiers[0].from", value: "0.1",
            expected: "expected 0 for the first tier"),
        Case(
            component: "      - {name: b, pay_curve: [{attainment: 1, payout: 1}, {attainment: 0.5, payout: 2}]}",
            line: 7, column: 59, keyPath: "versions[0].components[0].pay_curve[1]", value: "0.5",
            expected: "expected points in increasing attainment (after 1)"),
        Case(
            component: "      - {name: b, cap: {per_period: lots}}", line: 7, column: 37,
            keyPath: "versions[0].components[0].cap.per_period", value: "lots",
            expected: "expected an amount (for example 250000) or a multiple of the target (for example 3x)"),
        Case(
            component: "      - {name: b, type: spiff}", line: 7, column: 9, keyPath: "versions[0].components[0]",
            value: nil, expected: "missing required key `spiff`"),
        Case(
            component: "      - {name: b, spiff: {flat: 100}}", line: 7, column: 26,
            keyPath: "versions[0].components[0].spiff", value: nil, expected: "expected no spiff settings"),
        Case(
            component: "      - {name: b, filter: {colour: [red]}}", line: 7, column: 28,
            keyPath: "versions[0].components[0].filter.colour", value: nil, expected: "unknown key `colour`"),
        Case(
            component: "      - {name: b, credit: [revenue, bonus]}", line: 7, column: 37,
            keyPath: "versions[0].components[0].credit[1]", value: "bonus",
            expected: "expected one of revenue, overlay, rollup"),
        Case(
            component: "      - {name: b, gate: {component: c, at_least: 90%}}", line: 7, column: 25,
            keyPath: "versions[0].components[0].gate.component", value: "c",
            expected: "expected the name of a component of this version (b)"),
        Case(
            component: "      - {name: b, modifiers: [{component: b, multiply: 2}]}", line: 7, column: 31,
            keyPath: "versions[0].components[0].modifiers[0]", value: nil,
            expected: "expected exactly one of below, at_least"),
        Case(
            component: "      - {name: b}\n      - {name: b}", line: 8, column: 9, keyPath: "versions[0].components[1]",
            value: "b", expected: "expected a component name used once per version"),
    ]

    @Test(arguments: cases) func aBadComponentIsLocatedWithItsKeyPathValueAndExpectation(_ item: Case) throws {
        let error = try #require(
            configurationError { _ = try CompPlan(yaml: aePlan(components: item.component), file: "ae.yaml") })
        #expect(error.file == "ae.yaml")
        #expect(error.line == item.line && error.column == item.column, "\(error)")
        #expect(error.keyPath == item.keyPath, "\(error)")
        #expect(error.value == item.value, "\(error)")
        #expect(error.message.hasPrefix(item.expected), "\(error)")
    }

    @Test func aHugeBadValueIsQuotedAtMost200Characters() throws {
        let huge = String(repeating: "9", count: 10_000) + "x"
        let error = try #require(
            configurationError {
                _ = try CompPlan(yaml: aePlan(components: "      - {name: b, weight: \(huge)}"), file: "ae.yaml")
            })
        #expect(error.keyPath == "versions[0].components[0].weight")
        #expect((error.value?.count ?? 0) <= 250, "\(error.value?.count ?? 0) characters quoted")
        #expect("\(IncentivesError.configuration(error))".count < 600)
    }

    @Test func versionErrorsNameTheirKey() throws {
        let until = try #require(
            configurationError {
                _ = try CompPlan(
                    yaml: aePlan(extra: "    until: 2025-12-31\n", components: "      []"), file: "ae.yaml")
            })
        #expect(until.keyPath == "versions[0].until" && until.line == 6 && until.column == 12, "\(until)")
        #expect(until.message.hasPrefix("expected a date on or after effective (2026-01-01)"), "\(until)")
        let mix = try #require(
            configurationError {
                _ = try CompPlan(
                    yaml: """
                        plan: AE
                        versions:
                          - {effective: 2026-01-01, ote: 200000, pay_mix: 60/60, assign: {roles: [AE]}, components: []}
                        """, file: "ae.yaml")
            })
        #expect(mix.keyPath == "versions[0].pay_mix" && mix.value == "60/60", "\(mix)")
        let target = try #require(
            configurationError {
                _ = try CompPlan(
                    yaml: "plan: AE\nversions:\n  - {effective: 2026-01-01, assign: {roles: [AE]}, components: []}\n",
                    file: "ae.yaml")
            })
        #expect(target.keyPath == "versions[0]" && target.kind == .missingKey, "\(target)")
        #expect(target.message == "expected target_incentive, or ote with pay_mix", "\(target)")
    }

    @Test func theShippedPlansStillDecodeToTheSameFigures() throws {
        let text = """
            plan: AE
            versions:
              - effective: 2026-01-01
                assign: {roles: Account Executive}
                ote: 200000
                pay_mix: 50/50
                prorate: none
                ramp: [25%, 0.5]
                components:
                  - {name: nb, rate_table: {method: retroactive, pays: target, tiers: [{from: 0, rate: 1}, {from: 1, rate: 2}]}, cap: {per_period: 3x, per_year: 250000}}
                  - {name: s, type: spiff, spiff: {percent: 2.5%, per: period}, credit: overlay}
            """
        let plan = try CompPlan(yaml: text, file: "ae.yaml")
        let version = try #require(plan.versions.first)
        #expect(version.targetIncentive == Money(cents: 10_000_000))
        #expect(version.variableShare == Rate(micros: 500_000))
        #expect(!version.prorateQuota && !version.prorateTarget)
        #expect(version.ramp == [Rate(micros: 250_000), Rate(micros: 500_000)])
        #expect(version.assignment.roles == ["Account Executive"])
        let nb = version.components[0]
        #expect(
            nb.rule
                == .rateTable(
                    RateTable(
                        method: .retroactive, pays: .target,
                        tiers: [
                            Tier(name: "tier 1", from: .zero, rate: .one),
                            Tier(name: "tier 2", from: .one, rate: Rate(micros: 2_000_000)),
                        ])))
        #expect(nb.capPerPeriod == .targetMultiple(Rate(micros: 3_000_000)))
        #expect(nb.capPerYear == .amount(Money(cents: 25_000_000)))
        #expect(nb.quota == "default" && nb.quotaLocation == nb.location)
        #expect(nb.location == SourceLocation(file: "ae.yaml", line: 10, column: 9))
        #expect(version.components[1].kind == .spiff(Spiff(pays: .percent(Rate(micros: 25_000)), per: .period)))
        #expect(version.components[1].creditKinds == [.overlay])
    }

    @Test func ledgerPolicyErrorsAreLocated() throws {
        let unknown = try #require(
            configurationError {
                _ = try LedgerPolicy(yaml: "clawback: {window_months: 12, methd: full}\n", file: "p.yaml")
            })
        #expect(unknown.kind == .unknownKey && unknown.keyPath == "clawback.methd", "\(unknown)")
        #expect(unknown.line == 1 && unknown.column == 31, "\(unknown)")
        #expect(unknown.message.contains("did you mean `method`?"), "\(unknown)")
        let window = try #require(
            configurationError {
                _ = try LedgerPolicy(yaml: "clawback: {window_months: 0, method: full}\n", file: "p.yaml")
            })
        #expect(window.keyPath == "clawback.window_months" && window.value == "0", "\(window)")
        #expect(window.message == "expected a whole number in 1...600", "\(window)")
        let recovery = try #require(
            configurationError {
                _ = try LedgerPolicy(
                    yaml:
                        "draws:\n  - {people: [R1], amount: 10, kind: recoverable, start: 2026-04, recovery_from: 2026-01}\n",
                    file: "p.yaml")
            })
        #expect(recovery.keyPath == "draws[0].recovery_from" && recovery.line == 2, "\(recovery)")
        let category = try #require(
            configurationError { _ = try LedgerPolicy(yaml: "accounting:\n  nb: {category: new}\n", file: "p.yaml") })
        #expect(category.keyPath == "accounting.nb.category" && category.value == "new", "\(category)")
        #expect(category.message.hasPrefix("expected one of new_booking"), "\(category)")
        let benefit = try #require(
            configurationError {
                _ = try LedgerPolicy(
                    yaml: "accounting:\n  nb: {category: renewal, contract_months: 24, expected_benefit_months: 12}\n",
                    file: "p.yaml")
            })
        #expect(benefit.keyPath == "accounting.nb.expected_benefit_months" && benefit.value == "12", "\(benefit)")
        let release = try #require(
            configurationError {
                _ = try LedgerPolicy(
                    yaml: "holds:\n  - {components: [nb], release: customer_payment, periods: 1}\n", file: "p.yaml")
            })
        #expect(release.kind == .unknownKey && release.keyPath == "holds[0].periods", "\(release)")
    }

    @Test func theDemoLedgerPolicyDecodes() throws {
        let text = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Data/plans/demo-ledger.yaml"), encoding: .utf8)
        let policy = try LedgerPolicy(yaml: text, file: "demo-ledger.yaml")
        #expect(policy.clawback == (try ClawbackPolicy(windowMonths: 12, method: .proRata)))
        #expect(policy.holds == [LedgerPolicy.HoldRule(components: ["renewals"], release: .afterPeriods(1))])
        #expect(policy.draws.count == 2)
        #expect(policy.draws[0].terms.recoveryStartsAt == 3)
        #expect(policy.draws[0].terms.maxRecoveryPerPeriod == Money(cents: 150_000))
        #expect(policy.draws[1].end == CompPeriod(year: 2026, month: 6))
        #expect(policy.accounting["renewals"]?.renewalCommensurate == true)
        #expect(policy.accounting["new-business"]?.expectedBenefitMonths == 48)
        #expect(policy.accounting["analytics-spiff"]?.contractMonths == 12)
    }
}
