/// Location-allocation and centre choice (placeholder).
struct LocationAllocation {
    let aligner: TerritoryAligner
    func relocate(_ problem: AlignmentProblem, rounds: Int, start: Double) async throws -> Alignment {
        try await aligner.alignFixed(problem, centres: problem.territories.map(\.centre), start: start)
    }
    func choose(_ problem: AlignmentProblem, count: Int, start: Double) async throws -> Alignment {
        try await aligner.alignFixed(problem, centres: problem.territories.map(\.centre), start: start)
    }
}
