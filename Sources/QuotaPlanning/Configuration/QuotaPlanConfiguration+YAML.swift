import Foundation
import SalesData

extension QuotaPlanConfiguration: ValidatedRequest {
    /// Decodes a configuration from YAML (see `Data/plans/quota.yaml`) strictly, and validates it.
    ///
    /// ```swift
    /// let config = try QuotaPlanConfiguration(yaml: "target: 50000000\nbasis: history:0.5,potential:0.5\n")
    /// ```
    /// - Throws: `ConfigurationError` located at `file:line:column` with the key path: malformed
    ///   YAML, an unknown key (`targt:`), a wrong type, or a value out of its domain.
    public init(yaml: String, file: String = "quota.yaml") throws(ConfigurationError) {
        let document = try YAMLConfiguration(yaml: yaml, file: file)
        self = try document.decodeRequest(Self.self)
        do { try validate() } catch { throw document.located(error) }
    }

    /// Reads and decodes a YAML configuration file (see ``init(yaml:file:)``).
    public init(contentsOf url: URL) throws(ConfigurationError) {
        let document = try YAMLConfiguration(contentsOf: url)
        self = try document.decodeRequest(Self.self)
        do { try validate() } catch { throw document.located(error) }
    }

    /// The config keys (from `CodingKeys`, so never stale).
    public static var configurationKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// The problems ``validate()`` finds, naming their keys; empty when the plan is valid.
    ///
    /// A missing `target` (which `--target` may supply) is listed first, and the rest of the plan
    /// is still checked, so a config's own bad value is found whether or not it gives the target.
    public func problems() -> [any RequestKeyError] {
        var list: [any RequestKeyError] = []
        var rest = self
        if !(target.isFinite && target > 0) {
            list.append(QuotaError.invalidValue(field: "target", value: "\(target)", expected: "a finite amount > 0"))
            rest.target = 1
        }
        do { try rest.validate() } catch { list.append(error) }
        return list
    }
}

extension QuotaError: RequestKeyError {
    /// The configuration key of an ``invalidValue(field:value:expected:)``; nil for other cases.
    public var requestKey: String? {
        if case .invalidValue(let field, _, _) = self { return field }
        return nil
    }
}
