import ArgumentParser
import Foundation
import SalesData

/// Why a command's request could not be built: a bad `--config` (exit 65) or a bad flag (exit 64).
enum RequestBuildError: Error, CustomStringConvertible {
    /// The config file does not decode strictly, or holds a bad value; located file:line:column.
    case config(ConfigurationError)
    /// A flag does not parse, or a problem is left after the flags are laid over the config.
    case flags(any Error)

    /// 65 (bad data) for the config, 64 (usage) for the flags.
    var exitCode: ExitCode { if case .config = self { ExitCode(65) } else { ExitCode(64) } }

    var description: String {
        switch self {
        case .config(let error): error.description
        case .flags(let error): ConfigurationError.excerpt("\(error)")
        }
    }
}

extension Meridian {
    /// Builds a command's request in the one order every command uses: the defaults, then the
    /// `--config` file (decoded strictly), then the flags, then `validate()`.
    static func assembleRequest<R: ValidatedRequest>(
        _ defaults: R, config: String?, overlay: (inout R) throws -> Void
    ) throws(RequestBuildError) -> R {
        var request = defaults
        if let config {
            do {
                request = try YAMLConfiguration(contentsOf: URL(fileURLWithPath: config)).decodeRequest(R.self)
            } catch {
                throw .config(error)
            }
        }
        do {
            try overlay(&request)
            try request.validate()
        } catch {
            throw .flags(error)
        }
        return request
    }

    /// ``assembleRequest(_:config:overlay:)`` for `run()`: prints the error and exits 65 or 64.
    static func buildRequest<R: ValidatedRequest>(
        _ defaults: R, config: String?, overlay: (inout R) throws -> Void
    ) throws -> R {
        do {
            return try assembleRequest(defaults, config: config, overlay: overlay)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw error.exitCode
        }
    }
}

extension ArgumentHelp {
    /// The help of a `--config FILE` option, naming the request's keys (from its `CodingKeys`, so
    /// the list cannot go stale).
    static func config(keys: [String], see example: String? = nil) -> ArgumentHelp {
        let source = example.map { "YAML config (see \($0))" } ?? "YAML config"
        return ArgumentHelp("\(source); flags override it. Keys: \(keys.joined(separator: ", ")).", valueName: "file")
    }
}
