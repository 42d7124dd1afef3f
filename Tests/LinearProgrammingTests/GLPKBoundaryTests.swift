import Foundation
import TestSupport
import Testing

@testable import LinearProgramming

@Suite struct GLPKBoundaryTests {
    @Test func internalGLPKErrorThrowsAndTheProcessLivesOn() throws {
        var problemIsAlive: Bool?
        do {
            try GLPKTestHooks.makeInvalidCall(afterwardsProblemIsAlive: &problemIsAlive)
            Issue.record("the invalid call did not throw")
        } catch let SolverError.internalError(message) {
            #expect(message.contains("glp_set_col_bnds"))
            #expect(message.contains("out of range"))
        }
        // GLPK freed the thread's environment, so the owner class must not delete the problem again.
        #expect(problemIsAlive == false)
        // GLPK works again on this thread afterwards.
        var model = Model(name: "after")
        let x = model.addVariable("x", upperBound: 2)
        model.maximize(LinearExpression(x))
        #expect(try model.solve().requireOptimal().objectiveValue == 2)
    }

    @Test func twoModelsSolvedAtTheSameTimeOnTwoThreadsAreCorrect() throws {
        let (mipModel, _) = HardModels.multiKnapsack(items: 30, dimensions: 2, seed: 3)
        let expectedMIP = try mipModel.solve().requireOptimal().objectiveValue
        let lpModel = TerminationConformanceTests.relaxation(of: HardModels.multiKnapsack(items: 200, dimensions: 20).0)
        let expectedLP = try lpModel.solve().requireOptimal().objectiveValue
        let objectives = ObjectiveBox()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for _ in 0..<5 {
                let value =
                    worker == 0
                    ? (try? mipModel.solve().requireOptimal().objectiveValue)
                    : (try? lpModel.solve().requireOptimal().objectiveValue)
                objectives.append(worker, value)
            }
        }
        let results = objectives.snapshot()
        #expect(results[0]?.count == 5 && results[1]?.count == 5)
        #expect(
            results[0]?.allSatisfy { $0.map { isApproximatelyEqual($0, expectedMIP, relative: 1e-9) } == true } == true)
        #expect(
            results[1]?.allSatisfy { $0.map { isApproximatelyEqual($0, expectedLP, relative: 1e-7) } == true } == true)
    }

    @Test func returnCodesPrintTheirCSymbol() {
        #expect(GLPKReturnCode.timeLimit.description == "GLP_ETMLIM (time limit exceeded)")
        #expect(GLPKReturnCode(rawValue: 99).description == "GLPK return code 99")
        #expect(
            SolverError.routineFailed(routine: "glp_simplex", code: .singularMatrix).description
                == "glp_simplex failed with GLP_ESING (singular matrix)")
    }
}

/// Collects objective values from worker threads.
final class ObjectiveBox: @unchecked Sendable {
    // Safe: every access holds `lock`.
    private let lock = NSLock()
    private var values: [Int: [Double?]] = [:]
    func append(_ worker: Int, _ value: Double?) {
        lock.lock()
        defer { lock.unlock() }
        values[worker, default: []].append(value)
    }
    func snapshot() -> [Int: [Double?]] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
