import QuotaPlanning
import TestSupport
import Testing

/// Absurd amounts are refused with a located error before any arithmetic can overflow
/// (issue 10, defect 1: `--over-assign 1e6`, `--target 1e300`, `--override X=1e20` trapped).
@Suite struct MagnitudeTests {
    static func tree() throws -> QuotaHierarchy {
        try QuotaHierarchy([
            QuotaNode(id: "co", parent: nil, role: .unit),
            QuotaNode(id: "r", parent: "co", role: .unit),
            QuotaNode(id: "s1", parent: "r", role: .seat, measures: BasisMeasures(priorYear: 10)),
            QuotaNode(id: "s2", parent: "r", role: .seat, measures: BasisMeasures(priorYear: 20)),
        ])
    }

    static func field(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as QuotaError {
            if case .invalidValue(let field, _, _) = error { return field }
            return "\(error)"
        } catch { return "\(error)" }
        return nil
    }

    @Test(arguments: [
        ("--over-assign", "1e6", "overAssignment"), ("--target", "1e300", "target"),
        ("--override", "s1=1e20", "override of s1"), ("--growth-cap", "1e300", "growthCap"),
        ("--rounding-unit", "1e-300", "roundingUnit"), ("--target", "inf", "target"),
    ])
    func absurdFlagValuesAreRefusedByName(flag: String, value: String, field: String) throws {
        var config = QuotaPlanConfiguration(target: 50_000_000)
        var flags = QuotaPlanConfiguration.Flags()
        switch flag {
        case "--over-assign": flags.overAssignment = value
        case "--target": flags.target = Double(value)
        case "--override": flags.overrides = [value]
        case "--growth-cap": flags.growthCap = Double(value)
        default: flags.roundingUnit = Double(value)
        }
        let refused = Self.field { try config.apply(flags) }
        #expect(refused == field, "\(refused ?? "accepted")")
    }

    @Test func poolsGrownPastTheLargestAmountByDeepOverAssignmentAreRefused() throws {
        // 10¹⁴ × 11 × 11 passes each value's own check but not the pools it builds.
        var config = QuotaPlanConfiguration(target: 1e14)
        config.overAssignment = [10]
        let refused = Self.field { _ = try QuotaCascade(hierarchy: Self.tree(), configuration: config) }
        #expect(refused?.hasPrefix("target × over-assignment") == true)
    }

    @Test func hugeAmountsInMessagesDoNotTrap() {
        // Formatting a pool of 10²⁵ went through Int64 and trapped.
        let report = InfeasibilityReport(
            kind: .capsBelowPool, parent: "r", pool: 1e25, conflict: .infinity, nodes: ["s1"])
        #expect(report.description.contains("pool 10000000000000000905969664.00"))
        #expect(LargestRemainderRounding(unit: 1).round([.nan, 5], total: 5, tieKeys: [0, 1]).reduce(0, +) == 5)
    }
}
