import Foundation

/// A `postgresql://` URL read into the parts PostgresNIO needs.
///
/// Accepted: `postgresql://[user[:password]@][host][:port][/database][?sslmode=disable|prefer|require&host=/socket/dir]`.
/// The user defaults to `postgres`, the host to `localhost`, the port to 5432, `sslmode` to `prefer`.
/// A `host` query value that starts with `/` is the folder of the server's Unix socket.
struct PostgresLocation: Sendable {
    var user: String
    var password: String?
    var host: String
    var port: Int
    var database: String?
    var socketPath: String?
    var sslMode: String
    /// The URL with the password replaced by `***`.
    var redacted: String

    init(parsing location: String) throws {
        func invalid(_ reason: String) -> RunStoreError {
            RunStoreError.invalidLocation(location: Self.redact(location), reason: reason)
        }
        guard let components = URLComponents(string: location) else {
            throw invalid("not a URL; expected postgresql://user:password@host:port/database")
        }
        user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw invalid("port \(port) is not in 1...65535") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path.removingPercentEncoding
        sslMode = "prefer"
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, ["disable", "prefer", "require"].contains(value) else {
                    throw invalid("sslmode '\(item.value ?? "")' is not one of disable, prefer, require")
                }
                sslMode = value
            case "host":
                guard let value = item.value, value.hasPrefix("/") else {
                    throw invalid("host query value must be a socket folder starting with /")
                }
                socketPath = value.hasSuffix(".s.PGSQL.\(port)") ? value : value + "/.s.PGSQL.\(port)"
            default:
                throw invalid("unknown parameter '\(item.name)'; expected sslmode or host")
            }
        }
        redacted = Self.redact(location)
    }

    /// `location` with the password (between `user:` and `@`) replaced by `***`.
    static func redact(_ location: String) -> String {
        guard var components = URLComponents(string: location), components.password != nil else { return location }
        components.password = "***"
        return components.string ?? location
    }
}
