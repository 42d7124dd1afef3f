/// The elastic LP: the smallest balance tolerance per measure that a fractional alignment meeting
/// the locks and the disruption budget can reach. Filled in once the LinearProgramming core lands.
struct ElasticBalanceLP {
    let problem: AlignmentProblem

    /// Per measure index, the smallest feasible tolerance.
    func smallestTolerances() throws -> [(Int, Double)] { [] }
}
