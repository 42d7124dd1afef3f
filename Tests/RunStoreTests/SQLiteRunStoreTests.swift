import Foundation
import RunStore
import TestSupport
import Testing

@Suite struct SQLiteRunStoreTests {
    /// A migrated store in a new temporary file.
    func makeStore() async throws -> any RunStore {
        let folder = try Fixtures.temporaryFolder(prefix: "run-store")
        return try await openRunStore(at: folder.appendingPathComponent(RunStoreLocation.defaultFileName).path)
    }

    @Test func recordsRoundTrip() async throws { try await RunStoreConformance.roundTrip(try await makeStore()) }
    @Test func listsNewestFirst() async throws { try await RunStoreConformance.newestFirst(try await makeStore()) }
    @Test func refusesDuplicateIDs() async throws {
        try await RunStoreConformance.duplicateRefused(try await makeStore())
    }
    @Test func claimSemantics() async throws { try await RunStoreConformance.claims(try await makeStore()) }
    @Test func oneOfManyConcurrentClaimsWins() async throws {
        try await RunStoreConformance.concurrentClaims(try await makeStore())
    }
    @Test func migrationIsIdempotent() async throws {
        try await RunStoreConformance.migrateTwice(try await makeStore())
    }

    @Test func reopenedFileKeepsRuns() async throws {
        let path = try Fixtures.temporaryFolder(prefix: "run-store").appendingPathComponent("runs.sqlite").path
        let run = RunStoreConformance.sampleRun(id: "keep", start: Date(timeIntervalSince1970: 1_767_225_600))
        try await openRunStore(at: path).record(run)
        #expect(try await openRunStore(at: path).run(id: "keep") == run)
    }

    @Test func unreadableFileIsAStoreError() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "run-store")
        let path = folder.appendingPathComponent("not-a-database.sqlite")
        try Data("this is not SQLite, just text long enough to fill a header page".utf8).write(to: path)
        await #expect {
            _ = try await openRunStore(at: path.path)
        } throws: { error in
            guard case RunStoreError.database(let location, _) = error else { return false }
            return location == path.path
        }
    }
}
