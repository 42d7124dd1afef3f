import Foundation
import Yams

extension QuotaPlanConfiguration {
    /// Decodes a configuration from YAML (see `Data/plans/quota.yaml`) and validates it.
    ///
    /// ```swift
    /// let config = try QuotaPlanConfiguration(yaml: "target: 50000000\nbasis: history:0.5,potential:0.5\n")
    /// ```
    /// - Throws: ``QuotaError/badInput(file:line:column:value:expected:)`` for malformed YAML or a
    ///   wrong type, ``QuotaError/invalidValue(field:value:expected:)`` for a value out of range.
    public init(yaml: String, file: String = "quota.yaml") throws(QuotaError) {
        do {
            self = try YAMLDecoder().decode(QuotaPlanConfiguration.self, from: yaml)
        } catch let error as QuotaError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            if let inner = context.underlyingError as? QuotaError { throw inner }
            throw .badInput(file: file, line: 0, column: context.codingPath.path, value: "", expected: context.debugDescription)
        } catch let DecodingError.typeMismatch(type, context) {
            throw .badInput(file: file, line: 0, column: context.codingPath.path, value: "", expected: "a value of type \(type)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .badInput(file: file, line: 0, column: (context.codingPath + [key]).path, value: "", expected: "a value (required)")
        } catch let DecodingError.valueNotFound(type, context) {
            throw .badInput(file: file, line: 0, column: context.codingPath.path, value: "", expected: "a value of type \(type)")
        } catch {
            throw .badInput(file: file, line: 0, column: "-", value: "", expected: "valid YAML (\(error))")
        }
        try validate()
    }
}

extension [any CodingKey] {
    fileprivate var path: String { isEmpty ? "-" : map(\.stringValue).joined(separator: ".") }
}

extension QuotaPlanConfiguration {
    /// Reads and decodes a YAML configuration file.
    public init(contentsOf url: URL) throws(QuotaError) {
        try self.init(yaml: try QuotaInput.read(url), file: url.lastPathComponent)
    }
}
