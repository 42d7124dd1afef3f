import Foundation

/// The command line of a benchmark, read the same way by every benchmark: `--name value` options,
/// `--name` switches and positional words.
///
/// ```swift
/// var arguments = BenchArguments(CommandLine.arguments, switches: ["--peers"])
/// let trials = arguments.value("--trials", default: 10_000)
/// let peers = arguments.flag("--peers")
/// arguments.finish()   // an option nobody asked for stops the benchmark
/// ```
///
/// A value that does not parse, an option without a value, or an option the benchmark does not
/// read stops the process with exit code 64 and a line naming the option, so a typo never runs
/// the full-size default for an hour.
public struct BenchArguments {
    /// The program's name, for messages.
    public let program: String
    /// The words that are neither options nor their values, in order.
    public let positional: [String]
    private var options: [String: String] = [:]
    private var switches: Set<String> = []
    private var read: Set<String> = []

    /// Splits `commandLine` (the program name first, as in `CommandLine.arguments`); the options
    /// named in `switches` take no value (`--peers`).
    public init(_ commandLine: [String] = CommandLine.arguments, switches switchNames: Set<String> = []) {
        program = commandLine.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "bench"
        var positional: [String] = []
        var words = commandLine.dropFirst()[...]
        while let word = words.popFirst() {
            // `--` alone (as in `swift run bench -- --flag 1`) separates nothing here.
            if word == "--" { continue }
            guard word.hasPrefix("--") else {
                positional.append(word)
                continue
            }
            if switchNames.contains(word) {
                switches.insert(word)
            } else if let value = words.first, !value.hasPrefix("--") {
                if options[word] != nil { Self.stop(program, "\(word) is given twice") }
                options[word] = value
                words.removeFirst()
            } else {
                Self.stop(program, "\(word) needs a value")
            }
        }
        self.positional = positional
    }

    /// The value of `--name`, or `fallback` when it is absent.
    public mutating func value<T: LosslessStringConvertible>(_ name: String, default fallback: T) -> T {
        value(name) ?? fallback
    }

    /// The value of `--name`, or `nil` when it is absent.
    public mutating func value<T: LosslessStringConvertible>(_ name: String) -> T? {
        read.insert(name)
        guard let text = options[name] else { return nil }
        guard let value = T(text) else { Self.stop(program, "\(name): cannot read '\(text.prefix(200))' as \(T.self)") }
        return value
    }

    /// The positional word at `index` read as `T` (called `name` in messages), or `fallback` when
    /// there are not that many words.
    public func positionalValue<T: LosslessStringConvertible>(_ index: Int, name: String, default fallback: T) -> T {
        guard positional.indices.contains(index) else { return fallback }
        let text = positional[index]
        guard let value = T(text) else { Self.stop(program, "\(name): cannot read '\(text.prefix(200))' as \(T.self)") }
        return value
    }

    /// Stops the benchmark when it was given more than `count` positional words.
    public func expectPositional(atMost count: Int, usage: String) {
        if positional.count > count {
            Self.stop(program, "unexpected '\(positional[count].prefix(200))'; usage: \(usage)")
        }
    }

    /// The file or folder `--name` names, or `fallback` when it is absent.
    public mutating func url(_ name: String, default fallback: URL) -> URL {
        read.insert(name)
        return options[name].map { URL(fileURLWithPath: $0) } ?? fallback
    }

    /// Whether the switch `--name` was given.
    public mutating func flag(_ name: String) -> Bool {
        read.insert(name)
        return switches.contains(name)
    }

    /// Stops the benchmark when the command line holds an option nobody read (a typo).
    public func finish() {
        let unknown = Set(options.keys).union(switches).subtracting(read).sorted()
        if !unknown.isEmpty {
            let known = read.isEmpty ? "it takes none" : "the options are \(read.sorted().joined(separator: ", "))"
            Self.stop(program, "unknown option \(unknown.joined(separator: ", ")); \(known)")
        }
    }

    /// Stops the benchmark with exit code 64 and `message` (a bad combination of valid options).
    public func fail(_ message: String) -> Never {
        Self.stop(program, message)
    }

    private static func stop(_ program: String, _ message: String) -> Never {
        FileHandle.standardError.write(Data("\(program): \(message)\n".utf8))
        exit(64)
    }
}
