import Foundation
import SalesData
import TerritoryDesign
import TerritoryDesignExact
import Testing

/// Every product path's printed bound is a bound: never above the objective of a feasible solution
/// of the same problem (a known optimum, or a reference solution priced in the same distances).
///
/// The capacitated p-median becomes an alignment with one measure, `demand`, whose given target
/// is half the capacity at tolerance 1: the band `[0, Q]` is the capacity row.
@Suite struct BoundValidityTests {
    static func alignmentProblem(
        points: [(Double, Double)], demand: [Double], capacity: Double, policy: CentrePolicy,
        candidates: [Int]? = nil
    ) -> AlignmentProblem {
        let units = points.enumerated().map { i, point in
            AlignmentUnit(id: "u\(i)", location: .planar(x: point.0, y: point.1), measures: [demand[i]])
        }
        let territories = (candidates ?? Array(points.indices)).map { j in
            TerritorySpec(id: "u\(j)", centre: .planar(x: points[j].0, y: points[j].1), targets: [capacity / 2])
        }
        return AlignmentProblem(
            units: units, territories: territories,
            measures: [BalanceMeasure(name: "demand", tolerance: 1, target: .given)], metric: .euclidean,
            centrePolicy: policy)
    }

    /// Σ real Euclidean distances of an assignment (unit → centre unit).
    static func realCost(_ points: [(Double, Double)], _ assignment: [Int]) -> Double {
        assignment.enumerated().reduce(0) { total, pair in
            let (i, j) = pair
            let (dx, dy) = (points[i].0 - points[j].0, points[i].1 - points[j].1)
            return total + (dx * dx + dy * dy).squareRoot()
        }
    }

    /// Runs choose-centres, fixed centres (the reference's), relocation and peel and grow, and
    /// checks each printed bound against `reference`, the cost of a feasible solution whose
    /// centres are `centres` (so it is feasible for every path's problem).
    static func checkEveryPath(
        points: [(Double, Double)], demand: [Double], capacity: Double, medians: Int, centres: [Int],
        reference: Double, label: String
    ) async throws {
        let options = AlignmentOptions(timeLimit: 2, seed: 1, workers: 1)
        let aligner = TerritoryAligner(options: options)
        let slack = 1e-7 * max(1, reference)
        // Centres chosen among every unit.
        let chosen = try await aligner.align(
            alignmentProblem(points: points, demand: demand, capacity: capacity, policy: .choose(count: medians)))
        #expect(chosen.boundScope == .allAlignments)
        #expect(chosen.bound <= reference + slack, "\(label) choose: bound \(chosen.bound) > \(reference)")
        // Not vacuous: at least half the reference (the nearest-candidate bound alone is far above 0).
        #expect(chosen.bound >= 0.5 * reference, "\(label) choose: bound \(chosen.bound) is no bound at all")
        #expect(chosen.gap < 0.5)
        // Fixed at the reference's centres: the reference is feasible for this problem too.
        let fixedProblem = alignmentProblem(
            points: points, demand: demand, capacity: capacity, policy: .fixed, candidates: centres)
        let fixed = try await aligner.align(fixedProblem)
        #expect(fixed.bound <= reference + slack, "\(label) fixed: bound \(fixed.bound) > \(reference)")
        // The same problem region by region (regions of one territory): still the whole problem's bound.
        var regionalOptions = options
        regionalOptions.regionSize = 1
        let regional = try await TerritoryAligner(options: regionalOptions).align(fixedProblem)
        #expect(regional.bound <= min(reference, fixed.objective) + slack, "\(label) regional: bound \(regional.bound)")
        #expect(fixed.bound <= regional.objective + slack)
        // Relocation from the reference centres: a bound for its own centres only, unless proven.
        var relocateProblem = fixedProblem
        relocateProblem.centrePolicy = .relocate(rounds: 3)
        let relocated = try await aligner.align(relocateProblem)
        #expect(relocated.boundScope == .givenCentres || relocated.bound <= reference + slack, "\(label) relocate")
        #expect(relocated.termination != .optimal || relocated.boundScope == .allAlignments)
        // Peel and grow: a rule places the new centre, so its bound is for those centres only.
        let change = try PeelAndGrow(workloadMeasure: 0).apply(to: fixedProblem, add: 1, remove: 1)
        #expect(Set(change.opened).isDisjoint(with: change.closed))
    }

    /// The 20 OR-Library pmedcap1 instances.
    ///
    /// The reference is the exact engine's solution of the
    /// published (floored) problem, priced in real distances: feasible for every path's problem.
    @Test(arguments: 1...20)
    func everyPathsBoundStaysBelowAFeasibleSolutionOnPmedcap(number: Int) async throws {
        let instance = try ORLibCapacitatedPMedian.load(number)
        let report = try ExactPMedianSolver(options: .init(timeLimit: .seconds(3))).solve(try instance.problem())
        let solution = try #require(report.solution)
        let reference = Self.realCost(instance.points, solution.assignment)
        try await Self.checkEveryPath(
            points: instance.points, demand: instance.demand, capacity: instance.capacity,
            medians: instance.medians, centres: solution.centres, reference: reference, label: "pmedcap #\(number)")
    }

    /// Generated instances in real distances whose optimum the exact engine proves: the bound of
    /// every path stays below the proven optimum itself.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everyPathsBoundStaysBelowTheProvenOptimum(seed: UInt64) async throws {
        var generator = SplitMixGenerator(seed: seed)
        let n = 22
        let medians = 3
        let points = (0..<n).map { _ in
            (Double.random(in: 0..<100, using: &generator), Double.random(in: 0..<100, using: &generator))
        }
        let demand = (0..<n).map { _ in Double(Int.random(in: 1...9, using: &generator)) }
        let capacity = (demand.reduce(0, +) / Double(medians) * 1.2).rounded(.up)
        let problem = try PMedianProblem.euclidean(
            points: points, centreCount: medians, demand: demand, capacity: [Double](repeating: capacity, count: n))
        let report = try ExactPMedianSolver(options: .init(timeLimit: .seconds(60))).solve(problem)
        #expect(report.termination == .optimal)
        let solution = try #require(report.solution)
        try await Self.checkEveryPath(
            points: points, demand: demand, capacity: capacity, medians: medians, centres: solution.centres,
            reference: solution.objective, label: "generated seed \(seed)")
    }
}
