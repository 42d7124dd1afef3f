import Foundation
import SalesData

/// Every plan of a plan folder (`*.yaml`) and the optional explicit assignments
/// (`assignments.csv`: `person_id,plan[,effective_date]`), which win over role, title and person rules.
///
/// ```swift
/// let book = try PlanBook(folder: URL(fileURLWithPath: "Data/demo/plans"))
/// let (plan, version) = try book.plan(for: rep, on: CalendarDate(year: 2026, month: 3, day: 31)!)
/// ```
public struct PlanBook: Sendable, Hashable {
    /// An explicit assignment row.
    public struct Assignment: Sendable, Hashable {
        public var person: RepID
        public var plan: String
        public var effective: CalendarDate?
        public var location: SourceLocation
    }

    public var plans: [CompPlan]
    public var assignments: [Assignment]

    /// Plans and assignments from values.
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` for a duplicate plan id
    ///   or an assignment to an unknown plan.
    public init(plans: [CompPlan], assignments: [Assignment] = []) throws(IncentivesError) {
        var seen: [String: SourceLocation] = [:]
        for plan in plans {
            if let first = seen[plan.id] {
                throw plan.location.error(plan.id, expected: "a plan id not already used (\(first))")
            }
            seen[plan.id] = plan.location
        }
        for assignment in assignments where seen[assignment.plan] == nil {
            throw assignment.location.error(
                assignment.plan,
                expected: "a plan defined in the plan folder (\(seen.keys.sorted().joined(separator: ", ")))")
        }
        self.plans = plans
        self.assignments = assignments
    }

    /// Reads every `.yaml`/`.yml` file of `folder` (sorted by name) and its `assignments.csv`.
    public init(folder: URL) throws(IncentivesError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() } catch {
            throw .unreadable(path: folder.path, reason: error.localizedDescription)
        }
        var plans: [CompPlan] = []
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let url = folder.appendingPathComponent(name)
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw .unreadable(path: url.path, reason: error.localizedDescription)
            }
            plans.append(try CompPlan(yaml: text, file: name))
        }
        var assignments: [Assignment] = []
        let assignmentURL = folder.appendingPathComponent("assignments.csv")
        if FileManager.default.fileExists(atPath: assignmentURL.path) {
            let table = try TableFile.read(assignmentURL, required: ["person_id", "plan"])
            for row in table.rows {
                var effective: CalendarDate?
                let text = table.value(row, "effective_date")
                if !text.isEmpty {
                    guard let date = try? CalendarDate(iso8601: text) else {
                        throw table.error(row, "effective_date", expected: "a date YYYY-MM-DD")
                    }
                    effective = date
                }
                assignments.append(
                    Assignment(
                        person: RepID(table.value(row, "person_id")), plan: table.value(row, "plan"),
                        effective: effective,
                        location: SourceLocation(
                            file: table.file, line: row.line, column: (table.column("plan") ?? 0) + 1)))
            }
        }
        try self.init(plans: plans, assignments: assignments)
    }

    /// The plan and version that apply to `rep` on `date`: an explicit assignment, else the most specific
    /// match (person over title over role).
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` when no plan matches,
    ///   an assigned plan has no version in force, or two plans match equally specifically.
    public func plan(for rep: Rep, on date: CalendarDate, line: Int = 0) throws(IncentivesError) -> (
        CompPlan, PlanVersion
    ) {
        if let explicit = assignments.filter({ $0.person == rep.id && ($0.effective.map { $0 <= date } ?? true) })
            .max(by: { ($0.effective?.daysSinceEpoch ?? Int.min) < ($1.effective?.daysSinceEpoch ?? Int.min) })
        {
            guard let plan = plans.first(where: { $0.id == explicit.plan }), let version = plan.version(on: date) else {
                throw explicit.location.error(
                    explicit.plan, expected: "a plan with a version in force on \(date) for \(rep.id)")
            }
            return (plan, version)
        }
        var best: [(CompPlan, PlanVersion)] = []
        var bestScore = 0
        for plan in plans {
            guard let version = plan.version(on: date) else { continue }
            let score = version.assignment.specificity(for: rep)
            if score > bestScore {
                best = [(plan, version)]
                bestScore = score
            } else if score == bestScore, score > 0 {
                best.append((plan, version))
            }
        }
        guard let first = best.first else {
            throw .invalidInput(
                file: "reps.csv", line: line, column: 1, value: "\(rep.id) (\(rep.role))",
                expected: "a comp plan in force on \(date) assigned to this person, title or role")
        }
        if best.count > 1 {
            throw best[1].1.location.error(
                rep.id.rawValue,
                expected:
                    "one most specific plan for \(rep.id); \(best.map(\.0.id).joined(separator: " and ")) match equally"
            )
        }
        return first
    }
}
