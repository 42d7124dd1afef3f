import ArgumentParser
import Foundation
import SalesData

/// Why a command's request could not be built: a bad `--config` (exit 65) or a bad flag (exit 64).
enum RequestBuildError: Error, CustomStringConvertible {
    /// The config file does not decode strictly, or holds a bad value; located file:line:column.
    case config(ConfigurationError)
    /// A flag does not parse, or a problem is left after the flags are laid over the config.
    case flags(any Error)

    /// Whether the config file (bad data, 65) rather than the flags (usage, 64) is at fault.
    var isConfig: Bool { if case .config = self { true } else { false } }

    /// The exit code the one exit-status table gives this error.
    var exitCode: ExitCode { ExitStatus(classifying: self).exitCode }

    var description: String {
        switch self {
        case .config(let error): error.description
        case .flags(let error): ErrorText.quoted("\(error)")
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

    /// ``assembleRequest(_:config:overlay:)`` for `run()`: the error reaches `Meridian.main`, which
    /// prints it and exits through the one exit-status table (65 for the config, 64 for the flags).
    static func buildRequest<R: ValidatedRequest>(
        _ defaults: R, config: String?, overlay: (inout R) throws -> Void
    ) throws -> R {
        try assembleRequest(defaults, config: config, overlay: overlay)
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
