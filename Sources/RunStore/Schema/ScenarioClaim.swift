/// The claim rule of a scenario batch, shared by both backends: who may run a scenario now.
///
/// A scenario is run by the worker holding its claim. A completed scenario is never claimed again; a
/// claim younger than the stale age belongs to its worker (the same worker may renew it); an older
/// claim is taken to belong to a killed worker and is taken over.
enum ScenarioClaim {
    /// The row of `scenario_claims` for one scenario, as read inside the claiming transaction.
    struct Existing: Sendable {
        var worker: String
        var claimedAt: Double
        var runID: String?
    }

    /// What the claiming transaction does.
    enum Decision: Equatable, Sendable {
        /// No row yet: insert one for this worker.
        case insert
        /// A stale claim, or this worker's own: overwrite worker and time.
        case takeOver
        /// Completed, or freshly claimed by another worker.
        case refuse
    }

    static func decide(
        existing: Existing?, worker: String, now: Double, staleAfterSeconds: Double
    ) -> Decision {
        guard let existing else { return .insert }
        if existing.runID != nil { return .refuse }
        if existing.worker == worker { return .takeOver }
        return now - existing.claimedAt >= staleAfterSeconds ? .takeOver : .refuse
    }
}
