/// What the optimizer may do with territory centres.
///
/// ```swift
/// let fixed = CentrePolicy.fixed                 // reps' home bases stay
/// let moved = CentrePolicy.relocate(rounds: 5)   // location-allocation
/// let chosen = CentrePolicy.choose(count: 40)    // p of the given territories are opened
/// ```
public enum CentrePolicy: Sendable, Hashable, Codable {
    /// Centres stay where they are (home bases).
    case fixed
    /// Location-allocation: alternate assignment and moving each centre to the unit location that
    /// minimizes its territory's weighted travel, for at most `rounds` rounds.
    case relocate(rounds: Int)
    /// Capacitated p-median: the territories are candidate centres, and `count` of them are opened.
    case choose(count: Int)
}
