import Testing

@testable import SalesData

/// One test per kind of bad input the issue lists; each asserts the location and the message.
@Suite struct LoaderValidationTests {
    static let accountHeader = "id,name,latitude,longitude,owner_id,potential\n"

    func accountIssues(_ body: String) -> [SalesDataIssue] {
        do {
            _ = try AccountCSV.decode(Array((Self.accountHeader + body).utf8))
            return []
        } catch let SalesDataError.invalidData(issues, _) {
            return issues
        } catch {
            return []
        }
    }

    func issues(_ body: () throws -> Void) -> [SalesDataIssue] {
        do {
            try body()
            return []
        } catch let SalesDataError.invalidData(issues, _) {
            return issues
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func cleanAccountsLoadWithSalesforceHeaders() throws {
        let csv =
            "\u{FEFF}Id,Name,BillingLatitude,BillingLongitude,BillingPostalCode,AnnualRevenue,NumberOfEmployees,Industry,OwnerId,ParentId,attr_whitespace\r\n"
            + "A-1,\"Acme, Inc.\",33.75,-84.39,30301,\"1,200,000\",\"1,500\",Retail,R-1,,0.4\r\n"
            + "A-2,Beta,40.7,-74.0,10001,,,,,A-1,\r\n"
        let accounts = try AccountCSV.decode(Array(csv.utf8))
        #expect(accounts.count == 2)
        #expect(accounts[0].name == "Acme, Inc.")
        #expect(accounts[0].annualRevenue == 1_200_000)
        #expect(accounts[0].employees == 1500)
        #expect(accounts[0].postalCode == "30301")
        #expect(accounts[0].attributes == ["whitespace": 0.4])
        #expect(accounts[1].parentID == "A-1")
        #expect(accounts[1].annualRevenue == nil && accounts[1].industry == nil && accounts[1].attributes.isEmpty)
    }

    @Test func noTwoColumnsOfASchemaShareAHeaderSpelling() {
        for schema in [
            AccountCSV.schema, RepCSV.schema, TerritoryCSV.schema, OpportunityCSV.schema, TransactionCSV.schema,
            SplitCSV.schema, ActivityCSV.schema,
        ] {
            let spellings = schema.columns.flatMap { Set(([$0.name] + $0.aliases).map(CSVSchema.normalize)) }
            #expect(Set(spellings).count == spellings.count, "\(schema.fileName)")
        }
    }

    @Test func missingRequiredColumn() {
        let found = issues { _ = try AccountCSV.decode(Array("id,name,latitude\nA,x,1\n".utf8)) }
        #expect(found.map(\.kind) == [.missingColumn])
        #expect(
            found[0].description
                == "accounts.csv:1:0: missing required column longitude (accepted headers: longitude, BillingLongitude, lon, lng)"
        )
    }

    @Test func duplicateID() {
        let found = accountIssues("A,x,1,2,,\nB,y,1,2,,\nA,z,1,2,,\n")
        #expect(found.map(\.kind) == [.duplicateID])
        #expect(found[0].description == "accounts.csv:4:1: id A is used twice (first on line 2); ids must be unique")
    }

    @Test func nonNumericAndNonFiniteNumbers() {
        let found = accountIssues("A,x,abc,2,,\nB,y,1,inf,,\nC,z,1,2,,12a\n")
        #expect(found.map(\.kind) == [.notANumber, .nonFinite, .notANumber])
        #expect(
            found[0].description
                == "accounts.csv:2:3: latitude: \"abc\" is not a number; expected a number such as 1234.5 (no thousands separators)"
        )
        #expect(found[1].line == 3 && found[1].column == 4 && found[1].value == "inf")
        #expect(found[2].line == 4 && found[2].field == "potential")
    }

    @Test func negativePotentialIsRejected() {
        let found = accountIssues("A,x,1,2,,-5\n")
        #expect(found.map(\.kind) == [.negative])
        #expect(found[0].description == "accounts.csv:2:6: potential: \"-5\" is negative; expected a number ≥ 0")
    }

    @Test func latitudeAndLongitudeOutOfRange() {
        let found = accountIssues("A,x,91,2,,\nB,y,1,-181,,\n")
        #expect(found.map(\.kind) == [.outOfRange, .outOfRange])
        #expect(
            found[0].description == "accounts.csv:2:3: latitude: \"91\" is out of range; expected a number in -90...90")
        #expect(found[1].expected == "a number in -180...180")
    }

    @Test func badDate() {
        let csv = "id,name,hire_date\nR-1,Ann,2023-02-30\nR-2,Bo,03/01/2023\n"
        let found = issues { _ = try RepCSV.decode(Array(csv.utf8)) }
        #expect(found.map(\.kind) == [.invalidDate, .invalidDate])
        #expect(
            found[0].description
                == "reps.csv:2:3: hire_date: \"2023-02-30\" is not a valid date; expected a date YYYY-MM-DD (ISO 8601)")
    }

    @Test func negativeAmountWhereNotAllowed() {
        let deals = "id,account_id,amount,stage,created_date,close_date\nO-1,A,-10,Open,2025-01-01,2025-02-01\n"
        #expect(issues { _ = try OpportunityCSV.decode(Array(deals.utf8)) }.map(\.kind) == [.negative])
        let lines =
            "id,type,date,account_id,amount\nX-1,booking,2025-01-01,A,-10\nX-2,refund,2025-01-01,A,-10\nX-3,refund,2025-01-01,A,10\n"
        let found = issues { _ = try TransactionCSV.decode(Array(lines.utf8)) }
        #expect(found.map(\.kind) == [.negative, .outOfRange])
        #expect(found.map(\.line) == [2, 4])
    }

    @Test func revenueSplitsMustSumToOneHundred() {
        let csv =
            "transaction_id,rep_id,percentage,type\nX-1,R-1,60,revenue\nX-1,R-2,30,revenue\nX-1,R-3,50,overlay\nX-2,R-1,100,\n"
        let found = issues { _ = try SplitCSV.decode(Array(csv.utf8)) }
        #expect(found.map(\.kind) == [.splitSum])
        #expect(
            found[0].description
                == "splits.csv:2:0: revenue splits of transaction X-1 sum to 90%; expected 100% (mark extra credit as type overlay)"
        )
    }

    @Test func hierarchyCycleIsReportedWithItsNodes() {
        let csv =
            "id,name,level,parent_id\nCO,Co,company,\nR1,East,region,D1\nD1,South,district,R1\nT1,Atl,territory,D1\n"
        let found = issues { _ = try TerritoryCSV.decode(Array(csv.utf8)) }
        #expect(found.map(\.kind) == [.hierarchyCycle])
        #expect(
            found[0].description == "territories.csv:3:0: hierarchy has a cycle: R1 → D1 → R1; break one parent link")
    }

    @Test func repWithTwoManagers() {
        let csv = "employeeId,name,supervisor\nM-1,Ann,\nM-2,Cy,\nR-1,Bo,M-1\nR-1,Bo,M-2\n"
        let found = issues { _ = try RepCSV.decode(Array(csv.utf8)) }
        #expect(found.map(\.kind) == [.multipleManagers])
        #expect(
            found[0].description == "reps.csv:5:0: rep R-1 has two managers: M-1 (line 4) and M-2; keep one row per rep"
        )
    }

    @Test func managerCyclesAndUnknownManagers() {
        let csv = "id,name,manager_id\nA,a,B\nB,b,A\nC,c,Z\n"
        let found = issues { _ = try RepCSV.decode(Array(csv.utf8)) }
        #expect(found.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.danglingReference, .managerCycle])
    }

    @Test func malformedRowsAndTooManyFields() {
        let found = accountIssues("A,x,1,2,,,extra\nB,\"y\"z,1,2,,\n")
        #expect(found.map(\.kind) == [.malformedRow, .malformedRow])
        #expect(found[0].message.hasPrefix("record has 7 fields but the header has 6"))
    }

    @Test func collectsAllErrorsUpToTheLimit() {
        let body = (0..<50).map { "A\($0),x,999,2,,\n" }.joined()
        let found = issues { _ = try AccountCSV.decode(Array((Self.accountHeader + body).utf8), issueLimit: 10) }
        #expect(found.count == 10)
        do {
            _ = try AccountCSV.decode(Array((Self.accountHeader + body).utf8), issueLimit: 10)
        } catch let SalesDataError.invalidData(_, truncated) {
            #expect(truncated)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func emptyVersusMissingValues() throws {
        let csv = "id,name,latitude,longitude,industry\nA,x,1,2,\"\"\nB,y,1,2,\n"
        let accounts = try AccountCSV.decode(Array(csv.utf8))
        // A quoted "" is an explicit empty value; an unquoted empty field is missing.
        #expect(accounts.map(\.industry) == [nil, nil])
        let activities = try ActivityCSV.decode(
            Array("id,type,date,account_id,subject\nE,email,2025-01-01,A,\"\"\nF,call,2025-01-01,A,\n".utf8))
        #expect(activities.map(\.subject) == [nil, nil])
        let missingName = issues { _ = try AccountCSV.decode(Array("id,name,latitude,longitude\nA,,1,2\n".utf8)) }
        #expect(missingName.map(\.description) == ["accounts.csv:2:2: name is empty; a value is required"])
    }
}
