/// A way of weighing siblings against each other when their parent's number is split.
public enum BasisMethod: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Every sibling gets the same share.
    case even
    /// Prior-year actuals (alias `history` on the command line).
    case priorYear = "prior-year"
    /// Trailing twelve months of sales.
    case trailing12Months = "t12m"
    /// Territory potential: a scoring result or any account attribute summed per node.
    case potential
    /// Open opportunity pipeline.
    case pipeline

    /// Parses a method name, accepting `history` for prior year and `trailing-12-months` for T12M.
    public init(name: String) throws(QuotaError) {
        switch name.lowercased() {
        case "even": self = .even
        case "history", "prior-year", "prioryear", "prior_year": self = .priorYear
        case "t12m", "trailing-12-months", "trailing12months": self = .trailing12Months
        case "potential": self = .potential
        case "pipeline": self = .pipeline
        default:
            throw .invalidValue(
                field: "basis method", value: name, expected: "even, history, t12m, potential or pipeline")
        }
    }

    public static func < (lhs: BasisMethod, rhs: BasisMethod) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// A weighted blend of basis methods, for example 50 % history + 50 % potential.
///
/// Weights are normalised to sum to 1.
///
/// ```swift
/// let blend = try BasisBlend(parsing: "history:0.5,potential:0.5")
/// print(blend.weights[.priorYear] ?? 0)   // 0.5
/// ```
public struct BasisBlend: Sendable, Hashable, Codable {
    /// Normalised weights by method (only positive weights are kept).
    public let weights: [BasisMethod: Double]

    /// Creates a blend; weights must be finite, ≥ 0 and not all zero.
    public init(_ weights: [BasisMethod: Double]) throws(QuotaError) {
        let total = weights.values.reduce(0, +)
        for (method, w) in weights where !w.isFinite || w < 0 {
            throw .invalidValue(field: "weight of \(method.rawValue)", value: "\(w)", expected: "a finite weight ≥ 0")
        }
        guard total > 0, total.isFinite else {
            throw .invalidValue(field: "basis", value: "\(weights)", expected: "at least one positive weight")
        }
        self.weights = weights.filter { $0.value > 0 }.mapValues { $0 / total }
    }

    /// Parses `method:weight[,method:weight…]`; a bare `method` means weight 1.
    public init(parsing text: String) throws(QuotaError) {
        var weights: [BasisMethod: Double] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: " ") }
            let method = try BasisMethod(name: parts.first ?? "")
            var weight = 1.0
            if parts.count == 2 {
                guard let w = Double(parts[1]) else {
                    throw .invalidValue(field: "basis weight of \(parts[0])", value: parts[1], expected: "a number")
                }
                weight = w
            }
            weights[method, default: 0] += weight
        }
        try self.init(weights)
    }

    /// Methods in a fixed order, for stable output.
    public var methods: [BasisMethod] { weights.keys.sorted() }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try? container.decode(String.self)
        if let text {
            self = try BasisBlend(parsing: text)
        } else {
            let raw = try container.decode([String: Double].self)
            var weights: [BasisMethod: Double] = [:]
            for (name, w) in raw { weights[try BasisMethod(name: name), default: 0] += w }
            self = try BasisBlend(weights)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: weights.map { ($0.key.rawValue, $0.value) }))
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String { Substring(self).trimmingCharacters(in: character) }
}
