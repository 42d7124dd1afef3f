import Foundation
import LinearProgramming
import QuotaPlanning
import TestSupport
import Testing

/// `Models/quota_allocation.mod`, run by `glpsol`, agrees with the Swift model on the same groups.
@Suite struct MathProgAgreementTests {
    static let groups: [SiblingAllocation] = [
        SiblingAllocation(
            parent: "cap", pool: 1_000_000,
            members: [
                .init(id: "a", target: 400_000, upper: 130_000, upperSource: .growthCap),
                .init(id: "b", target: 100_000, upper: 260_000, upperSource: .growthCap),
                .init(id: "c", target: 200_000, upper: 390_000, upperSource: .growthCap),
                .init(id: "e", target: 300_000, upper: 520_000, upperSource: .growthCap),
            ]),
        SiblingAllocation(
            parent: "floor-override", pool: 900_000,
            members: [
                .init(id: "a", target: 320_000, lower: 50_000, lowerSource: .growthFloor),
                .init(id: "b", target: 80_000, lower: 100_000, lowerSource: .growthFloor),
                .init(id: "c", target: 160_000, lower: 150_000, lowerSource: .growthFloor),
                .init(id: "e", target: 240_000, lower: 200_000, lowerSource: .growthFloor),
                .init(id: "o", target: 100_000, fixed: 100_000),
            ]),
        SiblingAllocation(
            parent: "mixed", pool: 600,
            members: [
                .init(id: "x1", target: 50, upper: 60, upperSource: .growthCap),
                .init(id: "x2", target: 150, lower: 170, lowerSource: .growthFloor),
                .init(id: "x3", target: 100, upper: 90, upperSource: .ramp),
                .init(id: "x4", target: 250), .init(id: "x5", target: 0),
            ]),
    ]

    /// Runs glpsol on the model with the given data files and returns the QUOTA lines and MAXDEV.
    func glpsol(_ dataFiles: [URL]) throws -> (quotas: [String: Double], largest: Double) {
        let model = Fixtures.repositoryRoot.appendingPathComponent("Models/quota_allocation.mod").path
        let (status, output) = try GLPSol.run(["-m", model] + dataFiles.flatMap { ["-d", $0.path] })
        #expect(status == 0, "glpsol failed:\n\(output)")
        var quotas: [String: Double] = [:]
        var largest = Double.nan
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.first == "QUOTA", parts.count == 3 { quotas[String(parts[1])] = Double(parts[2]) }
            if parts.first == "MAXDEV", parts.count == 2 { largest = Double(parts[1]) ?? .nan }
        }
        return (quotas, largest)
    }

    @Test func membersBeyondABoundThatTheGroupDoesNotReachArePinned() throws {
        // Cap group: a's target 400k is beyond its cap and the others rise only 45 %: pinned.
        #expect(try Self.groups[0].solveDetailed().pinned == ["a"])
        // Floor group: b's target 80k lies under its floor of 100k and the others fall: pinned.
        #expect(try Self.groups[1].solveDetailed().pinned == ["b"])
        // Mixed: x1 and x4 rise by 510 / 450 − 1 = 13.3 %, which takes x2 (150 → 170) exactly to
        // its floor; x3 is beyond its ramp limit and pinned.
        let (quotas, pinned) = try Self.groups[2].solveDetailed()
        #expect(pinned.contains("x3"))
        for (q, e) in zip(quotas, [56.666_666_7, 170, 90, 283.333_333_3, 0]) {
            #expect(isApproximatelyEqual(q, e, absolute: 1e-5))
        }
    }

    @Test(arguments: 0..<3)
    func glpsolAgreesWithTheSwiftModel(index: Int) throws {
        let group = Self.groups[index]
        let folder = try Fixtures.temporaryFolder(prefix: "quota-mod")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (swift, pinned) = try group.solveDetailed()
        let data = folder.appendingPathComponent("group.dat")
        try group.mathProgData(pinned: pinned).write(to: data, atomically: true, encoding: .utf8)
        let mod = try glpsol([data])
        let flexible = group.members.enumerated().filter { $0.element.fixed == nil }
        #expect(mod.quotas.count == flexible.count)
        for (i, member) in flexible {
            let value = try #require(mod.quotas[member.id.rawValue])
            #expect(
                isApproximatelyEqual(value, swift[i], absolute: 1e-6 * group.pool),
                "\(member.id): mod \(value) vs swift \(swift[i])")
        }
    }

    @Test(arguments: 0..<3)
    func linearProgrammingMathProgRunnerAgreesWithTheSwiftModel(index: Int) throws {
        // The same .mod loaded through LinearProgramming's MathProg reader and solved by its GLPK
        // wrapper: quotas (as fractions of the available pool) match the Swift-built LP.
        let group = Self.groups[index]
        let (swift, pinned) = try group.solveDetailed()
        let folder = try Fixtures.temporaryFolder(prefix: "quota-mpl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("group.dat")
        try group.mathProgData(pinned: pinned).write(to: data, atomically: true, encoding: .utf8)
        let model = try Model(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Models/quota_allocation.mod"), data: data)
        let solution = try model.solve().requireOptimal()
        for (i, member) in group.members.enumerated() where member.fixed == nil {
            let q = try #require(model.variable(named: "q[\(member.id.rawValue)]"))
            #expect(
                isApproximatelyEqual(solution.value(of: q) * group.available, swift[i], absolute: 1e-6 * group.pool))
        }
    }
}
