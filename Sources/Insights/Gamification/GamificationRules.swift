import SalesData

/// What earns points, badges and contest standings: the `gamification` configuration.
///
/// ```yaml
/// rules:
///   - { event: meeting, points: 5 }
///   - { event: deal_won, points: 50, perThousand: 1 }   # plus 1 point per 1,000 of deal amount
/// badges:
///   - { name: Closer, event: deal_won, atLeast: 3 }
/// contests:
///   - { name: Meeting blitz, event: meeting, start: 2026-07-01, end: 2026-09-30 }
/// ```
public struct GamificationRules: Sendable, Hashable, Codable {
    /// Countable things a rep does; stage advances are not recorded in the files, so there is no such event.
    public enum Event: String, Sendable, Hashable, Codable, CaseIterable {
        case call, meeting, email
        case dealCreated = "deal_created"
        case dealWon = "deal_won"
        case newCustomer = "new_customer"
    }

    public struct Rule: Sendable, Hashable, Codable {
        public var event: Event
        public var points: Double
        /// Extra points per 1,000 of deal amount (deal events only).
        public var perThousand: Double?

        public init(event: Event, points: Double, perThousand: Double? = nil) {
            self.event = event
            self.points = points
            self.perThousand = perThousand
        }
    }

    public struct Badge: Sendable, Hashable, Codable {
        public var name: String
        public var event: Event
        /// Events needed in the period.
        public var atLeast: Int

        public init(name: String, event: Event, atLeast: Int) {
            self.name = name
            self.event = event
            self.atLeast = atLeast
        }
    }

    public struct Contest: Sendable, Hashable, Codable {
        public var name: String
        /// The event counted; `nil` ranks by points.
        public var event: Event?
        public var start: CalendarDate
        public var end: CalendarDate

        public init(name: String, event: Event?, start: CalendarDate, end: CalendarDate) {
            self.name = name
            self.event = event
            self.start = start
            self.end = end
        }
    }

    public var rules: [Rule]
    public var badges: [Badge]
    public var contests: [Contest]

    public init(rules: [Rule], badges: [Badge] = [], contests: [Contest] = []) {
        self.rules = rules
        self.badges = badges
        self.contests = contests
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case rules, badges, contests }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rules: try c.decode([Rule].self, forKey: .rules),
            badges: try c.decodeIfPresent([Badge].self, forKey: .badges) ?? [],
            contests: try c.decodeIfPresent([Contest].self, forKey: .contests) ?? [])
    }

    /// - Throws: ``InsightsError/invalidValue(key:value:expected:)`` naming the key path.
    public func validate() throws(InsightsError) {
        for (index, rule) in rules.enumerated() {
            guard rule.points.isFinite, abs(rule.points) <= 1e9 else {
                throw .invalidValue(key: "rules[\(index)].points", value: "\(rule.points)", expected: "a finite number")
            }
            if let extra = rule.perThousand {
                guard extra.isFinite, extra >= 0, abs(extra) <= 1e9 else {
                    throw .invalidValue(
                        key: "rules[\(index)].perThousand", value: "\(extra)", expected: "a finite number >= 0")
                }
                guard rule.event == .dealWon || rule.event == .dealCreated else {
                    throw .invalidValue(
                        key: "rules[\(index)].perThousand", value: "\(extra)",
                        expected: "only on deal_won or deal_created")
                }
            }
        }
        for (index, badge) in badges.enumerated() where badge.atLeast < 1 {
            throw .invalidValue(key: "badges[\(index)].atLeast", value: "\(badge.atLeast)", expected: "an integer >= 1")
        }
        for (index, contest) in contests.enumerated() where contest.end < contest.start {
            throw .invalidValue(
                key: "contests[\(index)].end", value: "\(contest.end)",
                expected: "a day on or after start \(contest.start)")
        }
    }
}
