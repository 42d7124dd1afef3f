import Foundation
import Yams

extension CapacityPlanRequest {
    /// Decodes a request from YAML (keys as in `docs/capacity.md`; unknown keys are errors) and
    /// validates it.
    ///
    /// ```swift
    /// let request = try CapacityPlanRequest(yaml: "quarterlyQuota: [60]\nroles: [{name: AE, monthlyProductivity: 10}]\n")
    /// ```
    /// - Throws: ``PlanningError/badInput(file:key:expected:)`` naming the key path for malformed
    ///   YAML, a wrong type, a missing or unknown key; ``PlanningError/invalidValue(key:value:expected:)``
    ///   for a value out of its domain.
    public init(yaml: String, file: String = "capacity.yaml") throws(PlanningError) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty
                ? "-"
                : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                    .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        do {
            self = try YAMLDecoder().decode(CapacityPlanRequest.self, from: yaml)
        } catch let DecodingError.dataCorrupted(context) {
            throw .badInput(file: file, key: path(context.codingPath), expected: context.debugDescription)
        } catch let DecodingError.typeMismatch(type, context) {
            throw .badInput(file: file, key: path(context.codingPath), expected: "a value of type \(type)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .badInput(file: file, key: path(context.codingPath + [key]), expected: "a value (required)")
        } catch let DecodingError.valueNotFound(type, context) {
            throw .badInput(file: file, key: path(context.codingPath), expected: "a value of type \(type)")
        } catch {
            throw .badInput(file: file, key: "-", expected: "valid YAML (\(error))")
        }
        try validate()
    }
}

/// Any key, to list the keys a mapping holds.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws `DecodingError.dataCorrupted` at the first key of this mapping that `Key` does not name.
    func rejectUnknownKeys<Key: CodingKey>(_: Key.Type) throws {
        let all = try container(keyedBy: AnyCodingKey.self)
        for key in all.allKeys where Key(stringValue: key.stringValue) == nil {
            let known = "one of the known keys (see docs/capacity.md), not '\(key.stringValue)'"
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: known))
        }
    }
}
