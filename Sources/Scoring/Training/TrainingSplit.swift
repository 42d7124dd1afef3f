/// Which rows train a model and which evaluate it.
///
/// In a request file it is one key: `holdout: 0.25`, `column: split` or
/// `file: {file: validation.csv, joins: [...]}`.
///
/// ```swift
/// let scorer = LeadScorer(features: spec, split: .column("split"))   // train / validation rows
/// ```
public enum TrainingSplit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A seeded, stratified hold-out of this fraction of the rows, in [0, 1); 0 trains on every
    /// row and evaluates nothing.
    case holdout(Double)
    /// A column whose cells say `train` or `validation` (see ``DataSplit/column(_:of:)``).
    case column(String)
    /// Every input row trains; every row of this table is evaluated.
    case file(TableSource)

    /// Checks the hold-out fraction (finite, in [0, 1)) and that names are not empty.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)``.
    public func validate() throws {
        switch self {
        case .holdout(let fraction):
            guard fraction >= 0 && fraction < 1 else {
                throw ScoringError.invalidParameter(
                    name: "holdout", value: "\(fraction)", expected: "a fraction in [0, 1)")
            }
        case .column(let name):
            guard !name.isEmpty else {
                throw ScoringError.invalidParameter(name: "splitColumn", value: "''", expected: "a column name")
            }
        case .file(let source): try source.validate()
        }
    }

    /// The hold-out fraction, or `nil` for a column or file split.
    public var holdoutFraction: Double? {
        if case .holdout(let fraction) = self { fraction } else { nil }
    }

    public var description: String {
        switch self {
        case .holdout(let fraction): "hold-out \(fraction)"
        case .column(let name): "split column '\(name)'"
        case .file(let source): "validation file \(source.file)"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case holdout, column, file
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "give exactly one of holdout, column, file"))
        }
        switch key {
        case .holdout: self = .holdout(try c.decode(Double.self, forKey: .holdout))
        case .column: self = .column(try c.decode(String.self, forKey: .column))
        case .file: self = .file(try c.decode(TableSource.self, forKey: .file))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .holdout(let fraction): try c.encode(fraction, forKey: .holdout)
        case .column(let name): try c.encode(name, forKey: .column)
        case .file(let source): try c.encode(source, forKey: .file)
        }
    }
}
