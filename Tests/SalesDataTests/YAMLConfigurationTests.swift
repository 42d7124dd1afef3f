import Foundation
import SalesData
import TestSupport
import Testing

/// A small request with nested mappings, lists and an enum, as the config types look.
struct SampleRequest: ValidatedRequest, Equatable {
    enum Mode: String, Decodable, CaseIterable { case fast, exact }
    struct Measure: Decodable, Equatable {
        var name: String
        var weight: Double?
        enum CodingKeys: String, CodingKey, CaseIterable { case name, weight }
    }
    struct Territory: Decodable, Equatable {
        var measures: [Measure]
        enum CodingKeys: String, CodingKey, CaseIterable { case measures }
    }

    var target: Double
    var mode: Mode = .fast
    var workers: Int = 2
    var territory: Territory?

    enum CodingKeys: String, CodingKey, CaseIterable { case target, mode, workers, territory }

    struct Problem: RequestKeyError {
        let requestKey: String?
        var description: String { "\(requestKey ?? "?") is out of range" }
    }

    func problems() -> [any RequestKeyError] {
        var list: [any RequestKeyError] = []
        if !(target > 0) { list.append(Problem(requestKey: "target")) }
        if workers < 1 { list.append(Problem(requestKey: "workers")) }
        return list
    }
}

extension SampleRequest {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        target = try c.decode(Double.self, forKey: .target)
        mode = try c.decodeIfPresent(Mode.self, forKey: .mode) ?? mode
        workers = try c.decodeIfPresent(Int.self, forKey: .workers) ?? workers
        territory = try c.decodeIfPresent(Territory.self, forKey: .territory)
    }
}

@Suite struct YAMLConfigurationTests {
    func decode(_ yaml: String) throws(ConfigurationError) -> SampleRequest {
        try YAMLConfiguration(yaml: yaml, file: "plan.yaml").decodeRequest(SampleRequest.self)
    }

    func error(_ yaml: String) -> ConfigurationError? {
        do {
            _ = try decode(yaml)
            return nil
        } catch { return error }
    }

    @Test func decodesAValidFile() throws {
        let request = try decode(
            "target: 5\nmode: exact\nterritory:\n  measures:\n    - name: a\n    - name: b\n      weight: 2\n")
        #expect(request.target == 5)
        #expect(request.mode == .exact)
        #expect(request.territory?.measures == [.init(name: "a", weight: nil), .init(name: "b", weight: 2)])
    }

    @Test func misspeltTopLevelKeyIsRejectedWithAHint() throws {
        let e = try #require(error("targt: 5\n"))
        #expect(e.kind == .unknownKey)
        #expect((e.line, e.column) == (1, 1))
        #expect(e.keyPath == "targt")
        #expect(e.description.hasPrefix("plan.yaml:1:1: targt: unknown key `targt`; did you mean `target`?"))
    }

    @Test func unknownKeyDeepInAListNamesItsPath() throws {
        let yaml = "target: 5\nterritory:\n  measures:\n    - name: a\n    - name: b\n      wieght: 2\n"
        let e = try #require(error(yaml))
        #expect(e.kind == .unknownKey)
        #expect(e.keyPath == "territory.measures[1].wieght")
        #expect((e.line, e.column) == (6, 7))
        #expect(e.message.contains("did you mean `weight`?"))
    }

    @Test func typeErrorsCarryTheValuesLineAndColumn() throws {
        let e = try #require(error("target: 5\nworkers: many\n"))
        #expect(e.kind == .typeMismatch)
        #expect((e.line, e.column, e.keyPath) == (2, 10, "workers"))
        #expect(e.value == "many")
        let list = try #require(error("target: [1, 2]\n"))
        #expect(list.description == "plan.yaml:1:9: target: expected a number, found a list")
        let huge = try #require(error("target: 5\nworkers: 1e300\n"))
        #expect(huge.message.contains("whole number"))
    }

    @Test func missingRequiredKeyIsLocatedAtItsMapping() throws {
        let e = try #require(error("\n\nworkers: 3\n"))
        #expect(e.kind == .missingKey)
        #expect((e.line, e.column) == (3, 1))
        #expect(e.message.contains("`target`"))
        let empty = try #require(error(""))
        #expect(empty.kind == .missingKey && empty.line == 1)
    }

    @Test func badEnumValueListsTheChoices() throws {
        let e = try #require(error("target: 5\nmode: exakt\n"))
        #expect((e.line, e.column) == (2, 7))
        #expect(e.message == "expected one of fast, exact; did you mean `exact`?")
    }

    @Test func syntaxErrorsAndDuplicateKeysAreLocated() throws {
        let syntax = try #require(error("target: 5\n  mode: [fast\n"))
        #expect(syntax.kind == .syntax)
        #expect(syntax.line >= 2)
        let duplicate = try #require(error("target: 5\nworkers: 1\nworkers: 2\n"))
        #expect(duplicate.kind == .syntax)
        #expect(duplicate.line == 2)
        #expect(duplicate.message.contains("duplicate key `workers`"))
    }

    @Test func validationProblemsOfKeysInTheFileAreLocatedAtTheKey() throws {
        let e = try #require(error("mode: fast\ntarget: -3\n"))
        #expect(e.kind == .invalidValue)
        #expect((e.line, e.column, e.keyPath) == (2, 1, "target"))
        // a problem with a key the file lacks is left to the final validate() (flags may fill it)
        let request = try YAMLConfiguration(yaml: "target: 5\n", file: "p.yaml").decodeRequest(SampleRequest.self)
        #expect(request.workers == 2)
    }

    @Test func aHugeValueIsQuotedAtMostTwoHundredCharacters() throws {
        let e = try #require(error("target: \(String(repeating: "x", count: 100_000))\n"))
        // ErrorText.quoted: 200 characters, escapes, the length.
        #expect(try #require(e.value).count <= ErrorText.maximumQuotedLength * 10 + 32)
        #expect(e.description.count < 400)
    }

    @Test func fileThatIsNotUTF8IsLocatedAtTheBadByte() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "yaml-config")
        let url = folder.appendingPathComponent("bad.yaml")
        try Data("target: 5\nmode: f".utf8 + [0xFF] + Data("ast\n".utf8)).write(to: url)
        do {
            _ = try YAMLConfiguration(contentsOf: url)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadable)
            #expect((error.line, error.column) == (2, 8))
            #expect(error.file == "bad.yaml")
        }
    }

    @Test func keyPathsLocateNestedKeys() throws {
        let config = try YAMLConfiguration(yaml: "a:\n  b:\n    - x: 1\n    - y: 2\n", file: "f.yaml")
        #expect(config.contains(keyPath: "a.b[1].y"))
        #expect(!config.contains(keyPath: "a.b[2]"))
        #expect(!config.contains(keyPath: "a.c"))
    }
}
