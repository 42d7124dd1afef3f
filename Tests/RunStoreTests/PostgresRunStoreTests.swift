import Foundation
import RunStore
import Testing

/// The server the PostgreSQL suite runs against (`.ci/run` starts one and sets it).
private let postgresURL = ProcessInfo.processInfo.environment["MERIDIAN_TEST_POSTGRES_URL"]

@Suite(
    .enabled(
        if: postgresURL != nil,
        "MERIDIAN_TEST_POSTGRES_URL is not set: PostgreSQL store tests skipped (.ci/run starts a server and sets it)"
    ))
struct PostgresRunStoreTests {
    func makeStore() async throws -> any RunStore {
        try await openRunStore(at: postgresURL ?? "")
    }

    /// Runs `check` on a new store and closes it, also when `check` throws.
    func withStore(_ check: (any RunStore) async throws -> Void) async throws {
        let store = try await makeStore()
        do {
            try await check(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    @Test func recordsRoundTrip() async throws { try await withStore(RunStoreConformance.roundTrip) }
    @Test func listsNewestFirst() async throws {
        try await withStore(RunStoreConformance.newestFirst)
    }
    @Test func refusesDuplicateIDs() async throws {
        try await withStore(RunStoreConformance.duplicateRefused)
    }
    @Test func claimSemantics() async throws { try await withStore(RunStoreConformance.claims) }
    @Test func oneOfManyConcurrentClaimsWins() async throws {
        try await withStore(RunStoreConformance.concurrentClaims)
    }
    @Test func migrationIsIdempotent() async throws {
        try await withStore(RunStoreConformance.migrateTwice)
    }

    /// Two stores (two pools) migrating one fresh database at once both succeed.
    @Test func concurrentMigrationsSerialize() async throws {
        let first = try await makeStore()
        let second = try await makeStore()
        async let a: Void = first.migrate()
        async let b: Void = second.migrate()
        _ = try await (a, b)
        await first.close()
        await second.close()
    }
}
