/// How the bookings forecast is calibrated and simulated.
public struct ForecastSettings: Sendable, Hashable, Codable {
    /// Seed of the simulation; the same data, settings and seed give the same figures.
    public var seed: UInt64 = 42
    /// Simulated period outcomes behind the P10–P90 interval.
    public var simulations = 5_000
    /// Upper ends (days) of the deal-age classes the win probabilities are calibrated in; older deals form a last class.
    public var ageBucketDays = [30, 60, 90, 180]
    /// How far back calibration points go before the as-of day.
    public var lookbackDays = 730
    /// Days between two calibration points.
    public var stepDays = 7
    /// Past forecasts a rep, team or the company needs for an interval from history; with fewer
    /// its P10–P90 is simulated.
    public var minimumResiduals = 8

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case seed, simulations, ageBucketDays, lookbackDays, stepDays, minimumResiduals
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        seed = try c.decode(.seed, or: seed)
        simulations = try c.decode(.simulations, or: simulations)
        ageBucketDays = try c.decode(.ageBucketDays, or: ageBucketDays)
        lookbackDays = try c.decode(.lookbackDays, or: lookbackDays)
        stepDays = try c.decode(.stepDays, or: stepDays)
        minimumResiduals = try c.decode(.minimumResiduals, or: minimumResiduals)
    }

    /// - Throws: ``InsightsError/invalidValue(key:value:expected:)``.
    public func validate() throws(InsightsError) {
        guard (1...1_000_000).contains(simulations) else {
            throw .invalidValue(
                key: "forecast.simulations", value: "\(simulations)", expected: "an integer in 1...1000000")
        }
        guard ageBucketDays.allSatisfy({ $0 > 0 }),
            zip(ageBucketDays, ageBucketDays.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw .invalidValue(
                key: "forecast.ageBucketDays", value: "\(ageBucketDays)", expected: "increasing positive day counts")
        }
        guard lookbackDays >= 1 else {
            throw .invalidValue(key: "forecast.lookbackDays", value: "\(lookbackDays)", expected: "an integer >= 1")
        }
        guard stepDays >= 1 else {
            throw .invalidValue(key: "forecast.stepDays", value: "\(stepDays)", expected: "an integer >= 1")
        }
        guard minimumResiduals >= 2 else {
            throw .invalidValue(
                key: "forecast.minimumResiduals", value: "\(minimumResiduals)", expected: "an integer >= 2")
        }
    }
}
