import Foundation
import LinearProgramming
import TerritoryDesignSupport
import TestSupport
import Testing

@testable import TerritoryDesign

@Suite struct RegionalDecompositionTests {
    @Test func bisectionSplitsTerritoriesIntoEvenRegions() {
        let centres = (0..<23).map { (j: Int) -> Location in
            let x = Double((j * 7) % 23), y = Double((j * 5) % 11)
            return .planar(x: x, y: y)
        }
        let regions = RegionalDecomposition.regions(of: centres, count: 4)
        #expect(regions.count == 4)
        let members: [Int] = regions.flatMap { $0 }.sorted()
        #expect(members == Array(0..<23))
        #expect(regions.allSatisfy { (5...6).contains($0.count) })
        #expect(RegionalDecomposition.regions(of: centres, count: 4) == regions)
    }

    @Test func regionCountStartsAboveThreeRegionsWorth() {
        #expect(RegionalDecomposition.regionCount(territories: 150, regionSize: 50) == 1)
        #expect(RegionalDecomposition.regionCount(territories: 500, regionSize: 50) == 10)
        #expect(RegionalDecomposition.regionCount(territories: 500, regionSize: 0) == 1)
    }

    /// Solved by regions (12 territories in regions of 3) and whole: both balanced, and each bound
    /// stays below the other's objective, so the regional bound is valid for the whole problem.
    @Test func regionalSolveIsBalancedAndItsBoundIsValid() async throws {
        let problem = SyntheticAlignment.make(units: 600, territories: 12, tolerance: 0.05, seed: 21)
        // a clock-free limit (a day): with 900 s a starved suite ended the regional bound phase at a 47 % gap
        var regional = AlignmentOptions(timeLimit: 86_400, seed: 1, targetGap: 0.002, maxBoundIterations: 800)
        regional.regionSize = 3
        var whole = regional
        whole.regionSize = 0
        let byRegions = try await TerritoryAligner(options: regional).align(problem)
        let asOne = try await TerritoryAligner(options: whole).align(problem)
        for alignment in [byRegions, asOne] {
            #expect(alignment.maxDeviation.values.allSatisfy { $0 <= 0.05 + 1e-9 })
            #expect(alignment.bound <= alignment.objective)
        }
        #expect(byRegions.bound <= asOne.objective * (1 + 1e-9))
        #expect(asOne.bound <= byRegions.objective * (1 + 1e-9))
        #expect(byRegions.gap < 0.03)
    }

    @Test func regionalSolveKeepsLocksAndTheDisruptionBudget() async throws {
        var problem = AlignmentConstraintTests.withNearestCurrent(units: 600, territories: 12, seed: 22)
        for i in stride(from: 0, to: problem.units.count, by: 9) { problem.units[i].locked = true }
        problem.disruption = DisruptionBudget(maxMovedAccountShare: 0.3)
        var options = AlignmentOptions(timeLimit: 900, seed: 1, targetGap: 0.002, maxBoundIterations: 800)
        options.regionSize = 3
        let alignment = try await TerritoryAligner(options: options).align(problem)
        for (i, unit) in problem.units.enumerated() where unit.locked {
            #expect(alignment.territoryID(ofUnit: i) == unit.currentTerritory)
        }
        #expect(alignment.movedShare <= 0.3 + 1e-12)
        #expect(alignment.maxDeviation.values.allSatisfy { $0 <= 0.05 + 1e-9 })
    }

    /// Three territories in a row, one measure, unit values 1, bands [9, 11]: A holds 12, B 11 and C 10.
    ///
    /// A's units may only go to B, B's only to C. Only A is violated, and no single move or swap lowers its violation
    /// (B is full, all units are alike), but the chain A → B → C does.
    @Test func ejectionChainRepairsWhatMovesAndSwapsCannot() {
        let counts = [12, 11, 10]
        var current: [Int32] = []
        for (j, count) in counts.enumerated() { current += Array(repeating: Int32(j), count: count) }
        let n = current.count, m = 3
        var cost = [Float](repeating: 100, count: n * m)
        for i in 0..<n {
            let own = Int(current[i])
            cost[i * m + own] = 0
            if own < 2 { cost[i * m + own + 1] = 1 }  // the next territory along the row
        }
        let instance = DenseInstance(
            n: n, m: m, measureCount: 1, cost: cost, values: Array(repeating: 1, count: n),
            target: [10, 10, 10], lower: [9, 9, 9], upper: [11, 11, 11], scale: [0.1, 0.1, 0.1],
            current: Array(repeating: -1, count: n), locked: Array(repeating: false, count: n),
            moveValue: Array(repeating: 1, count: n), maxMovedCount: .infinity, maxMovedValue: .infinity,
            totalMoveValue: 0, unitsWithCurrent: 0)
        let candidates = CandidateLists(
            width: 2,
            territories: (0..<n).flatMap { i -> [Int32] in
                let own = current[i]
                return own < 2 ? [own, own + 1] : [own, own - 1]
            },
            listing: [
                (0..<n).filter { current[$0] == 0 }.map(Int32.init),
                (0..<n).filter { current[$0] <= 1 || current[$0] == 2 }.map(Int32.init),
                (0..<n).filter { current[$0] >= 1 }.map(Int32.init),
            ])
        var state = AssignmentState(instance: instance, assignment: current)
        #expect(state.totalViolation > 0)
        var search = LocalSearch(
            instance: instance, candidates: candidates, deadline: Deadline(limit: .seconds(60)), seed: 1)
        let repaired = search.repair(&state)
        #expect(repaired)
        #expect(state.totalViolation == 0)
        #expect(state.loads == [11, 11, 11])
    }
}
