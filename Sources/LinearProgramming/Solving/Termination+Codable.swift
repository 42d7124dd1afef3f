/// A termination is stored as its ``Termination/description``, e.g. `"feasible(time)"`, the same
/// text the CLI prints.
extension Termination: Codable {
    /// Parses a ``description`` such as `optimal` or `noSolutionFound(nodes)`; `nil` for any other text.
    public init?(description: String) {
        let simple: [String: Termination] = [
            "optimal": .optimal, "infeasible": .infeasible, "unbounded": .unbounded,
            "infeasibleOrUnbounded": .infeasibleOrUnbounded,
        ]
        if let termination = simple[description] {
            self = termination
            return
        }
        let limits: [Limit] = [.time, .iterations, .nodes, .interrupted, .searchExhausted]
        for limit in limits {
            if description == "feasible(\(limit))" {
                self = .feasible(limit: limit)
                return
            }
            if description == "noSolutionFound(\(limit))" {
                self = .noSolutionFound(limit: limit)
                return
            }
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let termination = Termination(description: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown termination '\(text.prefix(200))'")
        }
        self = termination
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
