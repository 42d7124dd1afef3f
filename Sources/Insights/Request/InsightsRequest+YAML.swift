import SalesData

extension InsightsRequest: ValidatedRequest {
    /// Decodes a request from YAML strictly (keys as in `docs/insights.md`) and checks the values it holds.
    ///
    /// The period may be absent (a flag or the plan gives it); call ``validate()`` once it is set.
    ///
    /// ```swift
    /// let request = try InsightsRequest.decodeYAML("period: 2026-Q3\nhealth: {staleDays: 20}\n", file: "insights.yaml")
    /// ```
    /// - Throws: `ConfigurationError` located at `file:line:column` with the key path: malformed
    ///   YAML, an unknown key (with a "did you mean"), a wrong type, or a value out of its domain.
    public static func decodeYAML(_ yaml: String, file: String) throws(ConfigurationError) -> InsightsRequest {
        try YAMLConfiguration(yaml: yaml, file: file).decodeRequest(InsightsRequest.self)
    }

    /// A missing period, then the first problem of the settings, each naming its key; empty when
    /// the request is valid.
    public func problems() -> [any RequestKeyError] {
        var found: [any RequestKeyError] = []
        if let problem = periodProblem { found.append(problem) }
        do { try validateSettings() } catch { found.append(error) }
        return found
    }
}

extension GamificationRules: ValidatedRequest {
    /// Decodes a gamification file strictly and validates it.
    ///
    /// - Throws: `ConfigurationError` located at `file:line:column` with the key path.
    public static func decodeYAML(_ yaml: String, file: String) throws(ConfigurationError) -> GamificationRules {
        try YAMLConfiguration(yaml: yaml, file: file).decodeValidated(GamificationRules.self)
    }

    /// The first problem ``validate()`` finds, naming its key; empty when the rules are valid.
    public func problems() -> [any RequestKeyError] {
        do { try validate() } catch { return [error] }
        return []
    }
}

extension YAMLConfiguration {
    /// The request, decoded strictly, with its first problem (if any) located at its key.
    func decodeValidated<T: ValidatedRequest>(_ type: T.Type) throws(ConfigurationError) -> T {
        let request = try decodeRequest(T.self)
        if let problem = request.problems().first { throw located(problem) }
        return request
    }
}

extension InsightsError: RequestKeyError {
    /// The key path of an ``invalidValue(key:value:expected:)``; nil for other cases.
    public var requestKey: String? {
        if case .invalidValue(let key, _, _) = self { return key }
        return nil
    }

    /// The same error with its key path under `parent` (a section of a larger request).
    func nested(in parent: String) -> InsightsError {
        if case .invalidValue(let key, let value, let expected) = self {
            return .invalidValue(key: "\(parent).\(key)", value: value, expected: expected)
        }
        return self
    }
}
