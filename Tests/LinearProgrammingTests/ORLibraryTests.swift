import Foundation
import LinearProgramming
import TestSupport
import Testing

/// OR-Library `pmedcap1` instances 1–10 reach their published optima (header line of each file).
@Suite struct ORLibraryTests {
    static func instance(_ k: Int) throws -> CapacitatedPMedian {
        let name = "pmedcap1_" + (k < 10 ? "0\(k)" : "\(k)") + ".txt"
        return try CapacitatedPMedian(contentsOf: Fixtures.instance("orlib-pmedcap1", name))
    }

    /// GLPK proves most of these optimal in seconds; on the hardest (#8) it may stop at the 90 s limit
    /// holding the published value with a small reported gap.
    ///
    /// Either way the incumbent must equal the published optimum and the bound must not exceed it.
    @Test(arguments: 1...10)
    func capacitatedPMedianReachesThePublishedOptimum(problem: Int) throws {
        let instance = try Self.instance(problem)
        let model = instance.model()
        let result = try model.solve(options: instance.options(for: model))
        #expect(result.termination == .optimal || result.termination == .feasible(limit: .time))
        let solution = try #require(result.solution)
        #expect(
            isApproximatelyEqual(solution.objectiveValue, instance.publishedOptimum, absolute: 1e-6),
            "instance \(problem): \(result.summary)")
        let bound = try #require(result.bestBound)
        #expect(bound <= solution.objectiveValue + 1e-6)
        #expect(bound <= instance.publishedOptimum + 1e-6, "a bound above the proven optimum would be wrong")
    }

    @Test func mathProgModelAgreesWithTheAPIModel() throws {
        let instance = try Self.instance(1)
        let models = Fixtures.repositoryRoot.appendingPathComponent("Models")
        let translated = try Model(
            mathProgModel: models.appendingPathComponent("capacitated_p_median.mod"),
            data: models.appendingPathComponent("pmedcap1_01.dat"))
        let built = instance.model()
        #expect(translated.variableCount == built.variableCount)
        #expect(translated.constraintCount == built.constraintCount)
        #expect(translated.nonzeroCount == built.nonzeroCount)
        let objective = try translated.solve(options: SolverOptions(timeLimit: .seconds(90))).requireOptimal()
            .objectiveValue
        #expect(isApproximatelyEqual(objective, instance.publishedOptimum, absolute: 1e-6))
        // Same names, same objective coefficients.
        for v in built.variables.prefix(200) {
            let twin = try #require(translated.variable(named: built.name(of: v)))
            #expect(translated.objectiveCoefficient(of: twin) == built.objectiveCoefficient(of: v))
        }
    }
}
