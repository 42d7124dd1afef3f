import RunStore
import Testing

@Suite struct RunStoreLocationTests {
    @Test(arguments: ["out/runs.sqlite", "/tmp/a b/runs.sqlite", "runs", "C:relative"])
    func pathsAreSQLite(_ location: String) throws {
        #expect(try RunStoreLocation(parsing: location) == .sqlite(path: location))
    }

    @Test(arguments: [
        "postgresql://meridian:secret@localhost:5432/meridian", "postgres://db.example/meridian?sslmode=require",
        "postgresql:///meridian?host=/var/run/postgresql", "POSTGRESQL://h/d",
    ])
    func postgresURLs(_ location: String) throws {
        #expect(try RunStoreLocation(parsing: location) == .postgres(url: location))
    }

    @Test(arguments: [
        ("", "empty value"), ("mysql://host/db", "unsupported scheme 'mysql'"),
        ("postgresql://h/d?sslmode=maybe", "sslmode 'maybe'"), ("postgresql://h:70000/d", "port 70000"),
        ("postgresql://h/d?timeout=3", "unknown parameter 'timeout'"),
    ])
    func rejected(_ location: String, _ reason: String) {
        #expect {
            _ = try RunStoreLocation(parsing: location)
        } throws: { error in
            guard case RunStoreError.invalidLocation(_, let said) = error else { return false }
            return said.contains(reason)
        }
    }

    @Test func messagesNeverShowThePassword() {
        #expect {
            _ = try RunStoreLocation(parsing: "postgresql://u:hunter2@h/d?sslmode=maybe")
        } throws: { error in
            "\(error)".contains("***") && !"\(error)".contains("hunter2")
        }
    }
}
