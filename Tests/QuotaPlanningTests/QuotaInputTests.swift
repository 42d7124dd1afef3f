import Foundation
import QuotaPlanning
import SalesData
import TestSupport
import Testing

@Suite struct QuotaInputTests {
    @Test func nodeFileLoadsWithAliasesQuotesAndRollUp() throws {
        let text =
            "\u{FEFF}Id,Name,Manager,status,hireDate,prior_year_sales,potential\r\n"
            + "CO,\"Acme, Inc.\",,,,,\r\n"
            + "R1,East,CO,,,,\r\n"
            + "a,\"Ann \"\"A\"\" Lee\",R1,active,2024-02-01,100,10\r\n"
            + "b,Bo,R1,to_be_hired,,,5\r\n"
        let nodes = try QuotaInput.parseNodes(text: text, file: "nodes.csv")
        let tree = try QuotaHierarchy(nodes)
        #expect(tree.node("CO")?.name == "Acme, Inc.")
        #expect(tree.node("a")?.name == "Ann \"A\" Lee")
        #expect(tree.node("R1")?.role == .unit && tree.node("a")?.role == .seat)
        #expect(tree.node("b")?.status == .toBeHired)
        #expect(tree.node("a")?.hireDate == CalendarDate(year: 2024, month: 2, day: 1))
        #expect(tree.node("CO")?.measures.potential == 15)
        #expect(tree.node("CO")?.measures.priorYear == 100)
        #expect(tree.level(of: "b") == 2)
    }

    @Test(arguments: [
        // every location carries the column number (before: "nodes.csv:3: prior_year: …")
        (
            "id,parent,prior_year\nCO,,\na,CO,-5\n",
            "nodes.csv:3:3: prior_year: '-5' is invalid; expected a finite number ≥ 0"
        ),
        (
            "id,parent,hire_date\nCO,,\na,CO,2024-13-01\n",
            "nodes.csv:3:3: hire_date: '2024-13-01' is invalid; expected an ISO date YYYY-MM-DD"
        ),
        (
            "id,parent,status\nCO,,\na,CO,retired\n",
            "nodes.csv:3:3: status: 'retired' is invalid; expected active, vacant or to-be-hired"
        ),
        ("id,parent\nCO,,extra\n", "nodes.csv:2:3: 3 fields, expected 2 as in the header"),
        ("name,parent\nCO,\n", "nodes.csv:1:0: id: 'name,parent' is invalid; expected an id column"),
        ("id,parent\nCO,\na,CO\na,CO\n", "nodes.csv:4:1: id: 'a' is invalid; expected a node id that appears once"),
        ("id,parent\nCO,\na,CO\0\n", "nodes.csv:3:2: a NUL byte; expected text"),
    ])
    func badNodeFilesNameFileLineAndColumn(text: String, message: String) {
        #expect(throws: QuotaError.self) { try QuotaInput.parseNodes(text: text, file: "nodes.csv") }
        do {
            _ = try QuotaInput.parseNodes(text: text, file: "nodes.csv")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func cyclesAndSecondRootsAreRejected() {
        let cycle = [
            QuotaNode(id: "CO", parent: nil, role: .unit),
            QuotaNode(id: "a", parent: "b", role: .unit), QuotaNode(id: "b", parent: "a", role: .unit),
        ]
        #expect(throws: QuotaError.invalidHierarchy("cycle through a, b")) { try QuotaHierarchy(cycle) }
        let twoRoots = [QuotaNode(id: "x", parent: nil, role: .unit), QuotaNode(id: "y", parent: nil, role: .unit)]
        #expect(throws: QuotaError.invalidHierarchy("several roots: x, y")) { try QuotaHierarchy(twoRoots) }
    }

    @Test func accountsRollUpToTheirOwnersAsPotential() throws {
        let nodes = try QuotaInput.parseNodes(text: "id,parent\nCO,\na,CO\nb,CO\n", file: "nodes.csv")
        var list = nodes
        let accounts = "id,OwnerId,employees,prior_year_sales\n1,a,100,10\n2,a,50,5\n3,b,20,\n"
        try QuotaInput.rollUpAccounts(text: accounts, file: "accounts.csv", attribute: "employees", into: &list)
        let tree = try QuotaHierarchy(list)
        #expect(tree.node("a")?.measures.potential == 150)
        #expect(tree.node("a")?.measures.priorYear == 15)
        #expect(tree.node("CO")?.measures.potential == 170)
    }

    @Test func sampleDataAndPlanLoad() throws {
        let root = Fixtures.repositoryRoot
        let tree = try QuotaInput.load(nodes: root.appendingPathComponent("Data/plans/quota_nodes.csv"))
        let config = try QuotaPlanConfiguration(contentsOf: root.appendingPathComponent("Data/plans/quota.yaml"))
        #expect(config.basis.weights[.priorYear] == 0.7)
        #expect(config.overAssignment == [0.05, 0.05, 0.02])
        #expect(config.fairness.method == .equalProbability && config.fairness.distribution == .lognormal)
        #expect(config.overrides["REP-01"] == 2_100_000)
        let plan = try QuotaCascade(hierarchy: tree, configuration: config).allocate()
        #expect(plan.checksPass)
        #expect(plan.assignment("REP-01")?.quota == 2_100_000)
        #expect(plan.assignments.allSatisfy { ($0.quota / 1_000).rounded() * 1_000 == $0.quota })
    }

    @Test func yamlErrorsNameTheFieldWithLineAndColumn() {
        #expect {
            try QuotaPlanConfiguration(yaml: "target: 100\ngrowthFloor: 0.2\ngrowthCap: 0.1\n")
        } throws: { error in
            "\(error)" == "quota.yaml:2:1: growthFloor: invalid growthFloor '0.2': expected at most growthCap (0.1)"
        }
        #expect(throws: ConfigurationError.self) { try QuotaPlanConfiguration(yaml: "basis: history\n") }
        #expect {
            try QuotaPlanConfiguration(yaml: "target: 100\nbasis: gut:1\n")
        } throws: { error in
            let e = error as? ConfigurationError
            return e?.line == 2 && e?.column == 8 && e?.keyPath == "basis"
                && e?.message == "invalid basis method 'gut': expected even, history, t12m, potential or pipeline"
        }
    }

    /// Misspelt keys were silently ignored, and every YAML error said line 0.
    @Test func misspeltKeysAreRejectedWithTheirLine() {
        #expect {
            try QuotaPlanConfiguration(yaml: "targt: 100\n")
        } throws: { error in
            "\(error)".hasPrefix("quota.yaml:1:1: targt: unknown key `targt`; did you mean `target`?")
        }
        #expect {
            try QuotaPlanConfiguration(yaml: "target: 100\noverAssignement: 0.1\n")
        } throws: { error in
            "\(error)".hasPrefix(
                "quota.yaml:2:1: overAssignement: unknown key `overAssignement`; did you mean `overAssignment`?")
        }
        #expect {
            try QuotaPlanConfiguration(yaml: "target: 100\nfairness:\n  method: basis\n  warnbelow: 0.5\n")
        } throws: { error in
            "\(error)".hasPrefix(
                "quota.yaml:4:3: fairness.warnbelow: unknown key `warnbelow`; did you mean `warnBelow`?")
        }
        #expect {
            try QuotaPlanConfiguration(yaml: "target: 100\nperiods: quaterly\n")
        } throws: { error in
            "\(error)"
                == "quota.yaml:2:10: periods: expected one of annual, quarterly, monthly; did you mean `quarterly`? (got \"quaterly\")"
        }
    }

    /// `--basis :` indexed an empty split and trapped (found by the flag fuzz).
    @Test func aBasisWithoutAMethodIsAnErrorNotATrap() {
        for text in [":", "::", ":0.5", " : "] {
            #expect(throws: QuotaError.self, "\(text)") { try BasisBlend(parsing: text) }
        }
        #expect(throws: ConfigurationError.self) { try QuotaPlanConfiguration(yaml: "target: 1\nbasis: ':'\n") }
    }

    /// A potential measure no account has was read as zero everywhere and split evenly with
    /// warnings (issue 10, defect 7); now it is bad data naming the file and the known measures.
    @Test func anUnknownPotentialMeasureIsRefusedWithTheKnownOnes() throws {
        let hierarchy = try Hierarchy([
            Territory(id: "CO", name: "Company", level: .company),
            Territory(id: "T1", name: "One", parentID: "CO"), Territory(id: "T2", name: "Two", parentID: "CO"),
        ])
        let reps = [Rep(id: "R1", name: "Ann", territoryID: "T1"), Rep(id: "R2", name: "Bo", territoryID: "T2")]
        let here = GeoPoint(latitude: 40, longitude: -90)
        let accounts = [
            Account(
                id: "A1", name: "a", location: here, territoryID: "T1", priorYearSales: 10, attributes: ["potential": 5]
            ),
            Account(
                id: "A2", name: "b", location: here, territoryID: "T2", priorYearSales: 20, attributes: ["workload": 3]),
        ]
        #expect(
            throws: QuotaError.badInput(
                file: "data/accounts.csv", line: 1, column: "potentail", value: "potentail",
                expected: "a numeric account column as potential; known: employees, annualRevenue, priorYearSales, "
                    + "trailingTwelveMonthSales, potential, workload")
        ) {
            try QuotaHierarchy(
                hierarchy: hierarchy, reps: reps, accounts: accounts, potentialMeasure: "potentail",
                accountsFile: "data/accounts.csv")
        }
        let tree = try QuotaHierarchy(
            hierarchy: hierarchy, reps: reps, accounts: accounts, potentialMeasure: "potential")
        #expect(tree.node("T2")?.measures.potential == 0 && tree.node("T1")?.measures.potential == 5)
    }
}
