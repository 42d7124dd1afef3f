/// When a metric becomes a coaching signal.
public struct CoachingSettings: Sendable, Hashable, Codable {
    /// A robust z-score at or below this (in the weak direction) is a weakness.
    public var zThreshold = -1.0
    /// Fewest reps (the rep included) a peer group needs before anyone in it is compared.
    public var minPeers = 4
    /// Fewest closed deals behind a win rate, deal size or cycle before it counts as evidence.
    public var minClosedDeals = 3
    /// Earlier quarters checked for a gap that persists.
    public var quartersBack = 2

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case zThreshold, minPeers, minClosedDeals, quartersBack }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        zThreshold = try c.decode(.zThreshold, or: zThreshold)
        minPeers = try c.decode(.minPeers, or: minPeers)
        minClosedDeals = try c.decode(.minClosedDeals, or: minClosedDeals)
        quartersBack = try c.decode(.quartersBack, or: quartersBack)
    }

    /// - Throws: ``InsightsError/invalidValue(key:value:expected:)``.
    public func validate() throws(InsightsError) {
        guard zThreshold.isFinite, zThreshold < 0 else {
            throw .invalidValue(key: "coaching.zThreshold", value: "\(zThreshold)", expected: "a negative number")
        }
        guard minPeers >= 3 else {
            throw .invalidValue(key: "coaching.minPeers", value: "\(minPeers)", expected: "an integer >= 3")
        }
        guard minClosedDeals >= 1 else {
            throw .invalidValue(key: "coaching.minClosedDeals", value: "\(minClosedDeals)", expected: "an integer >= 1")
        }
        guard (0...12).contains(quartersBack) else {
            throw .invalidValue(
                key: "coaching.quartersBack", value: "\(quartersBack)", expected: "an integer in 0...12")
        }
    }
}
