import Testing

@testable import LinearProgramming

/// STYLE.md table B4, one row per argument: the termination comes from the (return code, status) pair.
@Suite struct StatusTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let rc: GLPKReturnCode
        let status: GLPKStatus
        let expected: Termination?  // nil: throws SolverError
        var testDescription: String { "\(rc) + \(status) → \(expected.map { "\($0)" } ?? "throws")" }
    }

    static let simplexRows: [Row] = [
        Row(rc: .success, status: .optimal, expected: .optimal),
        Row(rc: .noPrimalFeasible, status: .undefined, expected: .infeasible),
        Row(rc: .noDualFeasible, status: .undefined, expected: .infeasibleOrUnbounded),
        Row(rc: .success, status: .noFeasible, expected: .infeasible),
        Row(rc: .success, status: .unbounded, expected: .unbounded),
        Row(rc: .timeLimit, status: .feasible, expected: .feasible(limit: .time)),
        Row(rc: .timeLimit, status: .undefined, expected: .noSolutionFound(limit: .time)),
        Row(rc: .iterationLimit, status: .infeasible, expected: .noSolutionFound(limit: .iterations)),
        Row(rc: .invalidBasis, status: .undefined, expected: nil),
        Row(rc: .singularMatrix, status: .undefined, expected: nil),
        Row(rc: .failed, status: .undefined, expected: nil),
        Row(rc: .invalidBounds, status: .undefined, expected: nil),
    ]

    static let intoptRows: [Row] = [
        Row(rc: .success, status: .optimal, expected: .optimal),
        Row(rc: .noPrimalFeasible, status: .undefined, expected: .infeasible),
        Row(rc: .success, status: .noFeasible, expected: .infeasible),
        Row(rc: .noDualFeasible, status: .undefined, expected: .infeasibleOrUnbounded),
        Row(rc: .timeLimit, status: .feasible, expected: .feasible(limit: .time)),
        Row(rc: .timeLimit, status: .undefined, expected: .noSolutionFound(limit: .time)),
        Row(rc: .gapReached, status: .feasible, expected: .optimal),
        Row(rc: .stopped, status: .feasible, expected: .feasible(limit: .interrupted)),
        Row(rc: .stopped, status: .undefined, expected: .noSolutionFound(limit: .interrupted)),
        Row(rc: .rootNotOptimal, status: .undefined, expected: nil),
        Row(rc: .invalidBounds, status: .undefined, expected: nil),
    ]

    @Test(arguments: simplexRows)
    func simplexPairMapsToTermination(row: Row) throws {
        if let expected = row.expected {
            #expect(try Termination.fromSimplex(row.rc, row.status, presolve: true) == expected)
        } else {
            #expect(throws: SolverError.self) { try Termination.fromSimplex(row.rc, row.status, presolve: true) }
        }
    }

    @Test(arguments: intoptRows)
    func intoptPairMapsToTermination(row: Row) throws {
        if let expected = row.expected {
            #expect(try Termination.fromIntopt(row.rc, row.status, stop: nil) == expected)
        } else {
            #expect(throws: SolverError.self) { try Termination.fromIntopt(row.rc, row.status, stop: nil) }
        }
    }

    @Test func nodeStopIsReportedAsNodeLimit() throws {
        #expect(try Termination.fromIntopt(.stopped, .feasible, stop: .nodes) == .feasible(limit: .nodes))
        #expect(try Termination.fromIntopt(.stopped, .undefined, stop: .nodes) == .noSolutionFound(limit: .nodes))
    }
}
