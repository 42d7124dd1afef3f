import Yams

/// The keys a YAML configuration may hold, so unknown keys are rejected with their location.
///
/// Kept behind ``StrictYAML/decode(_:yaml:file:schema:)`` so that SalesData's strict decoder can
/// replace it in one place when it lands.
public indirect enum YAMLKeySchema: Sendable {
    /// Any value (a scalar, or a structure checked by its decoder).
    case value
    /// A mapping with exactly these keys allowed (each optional).
    case keys([String: YAMLKeySchema])
    /// A mapping with free keys (e.g. rep ids), each value following the schema.
    case map(YAMLKeySchema)
    /// A sequence whose items follow the schema.
    case list(YAMLKeySchema)
}

/// Decodes YAML into a `Decodable`, rejecting unknown keys at `file:line:column`.
public enum StrictYAML {
    /// Decodes `yaml` after checking its keys against `schema`.
    ///
    /// - Throws: ``InsightsError/malformedFile(file:line:column:reason:)`` for a syntax error, an unknown
    ///   key (naming its key path and the allowed keys) or a value of the wrong type.
    public static func decode<T: Decodable>(
        _ type: T.Type, yaml: String, file: String, schema: YAMLKeySchema
    ) throws(InsightsError) -> T {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw InsightsError.malformedFile(file: file, line: 1, column: 1, reason: "empty configuration")
            }
            root = node
        } catch let error as InsightsError {
            throw error
        } catch {
            throw .malformedFile(
                file: file, line: 1, column: 1, reason: "not valid YAML: \(InsightsError.clip("\(error)"))")
        }
        try check(root, schema: schema, path: [], file: file)
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let DecodingError.typeMismatch(expected, context) {
            throw located(root, context, file: file, reason: "expected a value of type \(expected)")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw located(root, context, file: file, reason: "missing value of type \(expected)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw located(root, context, file: file, reason: "missing required key '\(key.stringValue)'")
        } catch let DecodingError.dataCorrupted(context) {
            throw located(root, context, file: file, reason: context.debugDescription)
        } catch {
            throw .malformedFile(file: file, line: 1, column: 1, reason: InsightsError.clip("\(error)"))
        }
    }

    private static func check(_ node: Node, schema: YAMLKeySchema, path: [String], file: String) throws(InsightsError) {
        switch schema {
        case .value:
            return
        case .keys(let allowed):
            guard let mapping = node.mapping else { throw notA("mapping", node, path, file) }
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                guard let child = allowed[name] else {
                    throw .malformedFile(
                        file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1,
                        reason:
                            "unknown key '\(InsightsError.clip((path + [name]).joined(separator: ".")))'; expected one of \(allowed.keys.sorted().joined(separator: ", "))"
                    )
                }
                try check(value, schema: child, path: path + [name], file: file)
            }
        case .map(let item):
            guard let mapping = node.mapping else { throw notA("mapping", node, path, file) }
            for (key, value) in mapping { try check(value, schema: item, path: path + [key.string ?? "?"], file: file) }
        case .list(let item):
            guard let sequence = node.sequence else { throw notA("list", node, path, file) }
            for (index, value) in sequence.enumerated() {
                try check(value, schema: item, path: path + ["\(index)"], file: file)
            }
        }
    }

    private static func notA(_ kind: String, _ node: Node, _ path: [String], _ file: String) -> InsightsError {
        .malformedFile(
            file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
            reason: "'\(path.isEmpty ? "(top level)" : path.joined(separator: "."))' must be a \(kind)")
    }

    /// The error at the node a decoding error's coding path points to.
    private static func located(_ root: Node, _ context: DecodingError.Context, file: String, reason: String)
        -> InsightsError
    {
        var node = root
        for key in context.codingPath {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let child = node.mapping?[key.stringValue] {
                node = child
            }
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        let value = node.scalar?.string ?? ""
        return .malformedFile(
            file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
            reason:
                "\(path.isEmpty ? "" : "\(path): ")\(reason)\(value.isEmpty ? "" : ", got '\(InsightsError.clip(value))'")"
        )
    }
}

extension InsightsRequest {
    /// The keys an `insights` configuration may hold.
    public static let yamlSchema: YAMLKeySchema = .keys([
        "period": .value, "asOf": .value, "quotas": .map(.value), "stages": .list(.value),
        "health": .keys(
            Dictionary(uniqueKeysWithValues: PipelineHealthThresholds.CodingKeys.allCases.map { ($0.rawValue, .value) })
        ),
        "forecast": .keys(
            Dictionary(uniqueKeysWithValues: ForecastSettings.CodingKeys.allCases.map { ($0.rawValue, .value) })),
        "gamification": GamificationRules.yamlSchema,
        "goals": .list(
            .keys(
                Dictionary(
                    uniqueKeysWithValues: [
                        "id", "title", "owner", "team", "measure", "target", "managerScore", "start", "deadline",
                        "weight",
                    ].map { ($0, YAMLKeySchema.value) }))),
        "coaching": .keys(
            Dictionary(uniqueKeysWithValues: CoachingSettings.CodingKeys.allCases.map { ($0.rawValue, .value) })),
        "sentimentPositiveThreshold": .value, "sentimentNegativeThreshold": .value,
    ])

    /// Decodes a YAML configuration strictly (unknown keys are errors) and validates it.
    ///
    /// - Throws: ``InsightsError`` located at `file:line:column` or naming the key path.
    public static func decodeYAML(_ yaml: String, file: String) throws(InsightsError) -> InsightsRequest {
        let request = try StrictYAML.decode(InsightsRequest.self, yaml: yaml, file: file, schema: yamlSchema)
        try request.validate()
        return request
    }
}
