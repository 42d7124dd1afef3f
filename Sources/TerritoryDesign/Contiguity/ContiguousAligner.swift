/// Contiguous alignment over an adjacency graph (placeholder until the contiguity search lands).
struct ContiguousAligner {
    let problem: AlignmentProblem
    let centres: [Location]
    let options: AlignmentOptions

    func align(_ instance: DenseInstance, start: Double, deadline: Double) async throws -> Alignment {
        throw TerritoryError.invalidProblem("contiguity is not supported yet")
    }
}
