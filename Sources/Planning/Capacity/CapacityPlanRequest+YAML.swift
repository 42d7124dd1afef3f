import Foundation
import SalesData

extension CapacityPlanRequest: ValidatedRequest {
    /// Decodes a request from YAML strictly (keys as in `docs/capacity.md`) and validates it.
    ///
    /// ```swift
    /// let request = try CapacityPlanRequest(yaml: "quarterlyQuota: [60]\nroles: [{name: AE, monthlyProductivity: 10}]\n")
    /// ```
    /// - Throws: `ConfigurationError` located at `file:line:column` with the key path: malformed
    ///   YAML, an unknown key, a wrong type, a missing key, or a value out of its domain.
    public init(yaml: String, file: String = "capacity.yaml") throws(ConfigurationError) {
        let document = try YAMLConfiguration(yaml: yaml, file: file)
        self = try document.decodeRequest(Self.self)
        do { try validate() } catch { throw document.located(error) }
    }

    /// The first problem ``validate()`` finds, naming its key; empty when the request is valid.
    public func problems() -> [any RequestKeyError] {
        do { try validate() } catch { return [error] }
        return []
    }
}

extension PlanningError: RequestKeyError {
    /// The plan or request key the error is about; nil for file and step errors.
    public var requestKey: String? {
        switch self {
        case .invalidValue(let key, _, _), .invalidSection(let key, _): key
        case .badInput, .stepFailed: nil
        }
    }
}
