import Foundation
import TestSupport
import Testing

@testable import SalesData

@Suite struct SalesDatasetTests {
    static let reps = "id,name,manager_id,territory_id\nM,Ann,,\nR1,Bo,M,T1\n"
    static let territories = "id,name,level,parent_id,owner_id\nCO,Co,company,,M\nT1,Atl,territory,CO,R1\n"
    static let accounts =
        "id,name,latitude,longitude,owner_id,territory_id\nA1,Acme,33.7,-84.4,R1,T1\nA2,Beta,33.8,-84.3,R1,T1\n"

    func files(_ extra: [String: String]) -> [String: [UInt8]] {
        var files = ["accounts.csv": Self.accounts, "reps.csv": Self.reps, "territories.csv": Self.territories]
        for (name, text) in extra { files[name] = text }
        return files.mapValues { Array($0.utf8) }
    }

    func issues(_ files: [String: [UInt8]]) -> [SalesDataIssue] {
        do {
            _ = try SalesDataset.decode(files: files)
            return []
        } catch let SalesDataError.invalidData(issues, _) {
            return issues
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test func loadsAFolderAndAttachesSplits() throws {
        let data = try SalesDataset.decode(
            files: files([
                "transactions.csv": "id,type,date,account_id,amount,owner_id\nX1,booking,2025-01-02,A1,100,R1\n",
                "splits.csv": "transaction_id,rep_id,percentage\nX1,R1,70\nX1,M,30\n",
            ]))
        #expect(data.accounts.count == 2)
        #expect(data.hierarchy.leaves(under: "CO") == ["T1"])
        #expect(data.transactions[0].splits.map(\.percentage) == [70, 30])
        #expect(data.transactions[0].credit(to: "M") == 30)
    }

    @Test func danglingReferencesAcrossFilesAreReportedWithTheirLines() {
        let found = issues(
            files([
                "opportunities.csv":
                    "id,account_id,owner_id,amount,stage,created_date,close_date\nO1,A9,R1,5,Open,2025-01-01,2025-02-01\nO2,A1,R7,5,Open,2025-01-01,2025-02-01\n",
                "activities.csv": "id,type,date,account_id,opportunity_id\nE1,call,2025-01-03,A1,O9\n",
            ]))
        // located to the referencing column (before: column 0 for every cross-file error)
        #expect(
            found.map(\.description) == [
                "activities.csv:2:5: opportunity_id: O9 does not exist in opportunities.csv",
                "opportunities.csv:2:2: account_id: A9 does not exist in accounts.csv",
                "opportunities.csv:3:3: owner_id: R7 does not exist in reps.csv",
            ])
    }

    @Test func ownerNotInRepsAndUnknownTerritory() {
        var broken = files([:])
        broken["accounts.csv"] = Array((Self.accounts + "A3,Gamma,30,-80,R9,T9\n").utf8)
        let found = issues(broken)
        #expect(found.map(\.kind) == [.danglingReference, .danglingReference])
        #expect(found.map(\.field) == ["owner_id", "territory_id"])
        #expect(found.allSatisfy { $0.line == 4 })
    }

    @Test func aRejectedRecordIsNotReportedAgainAsDangling() {
        var broken = files([:])
        broken["accounts.csv"] = Array("id,name,latitude,longitude\nA1,Acme,99,-84.4\n".utf8)
        broken["opportunities.csv"] = Array(
            "id,account_id,amount,stage,created_date,close_date\nO1,A1,5,Open,2025-01-01,2025-02-01\n".utf8)
        #expect(issues(broken).map(\.kind) == [.outOfRange])
    }

    @Test func problemsInSeveralFilesAreAllCollected() {
        var broken = files([:])
        broken["reps.csv"] = Array((Self.reps + "R2,Cy,M,T1\nR2,Cy,R1,T1\n").utf8)
        broken["territories.csv"] = Array((Self.territories + "X,Loop,district,Y,\nY,Loop,district,X,\n").utf8)
        let kinds = Set(issues(broken).map(\.kind))
        #expect(kinds == [.multipleManagers, .hierarchyCycle])
    }

    @Test func missingRequiredFileThrows() {
        #expect(throws: SalesDataError.missingFile(path: "reps.csv")) {
            try SalesDataset.decode(files: ["accounts.csv": Array(Self.accounts.utf8)])
        }
    }

    @Test func theCommittedDemoLoadsClean() throws {
        let data = try SalesDataset.load(from: Fixtures.repositoryRoot.appendingPathComponent("Data/demo"))
        #expect(data.accounts.count == 20_000)
        #expect(data.hierarchy.nodes(at: .territory).count == 120)
        #expect(data.transactions.contains { !$0.splits.isEmpty })
    }

    @Test(arguments: [1, 2, 3, 8])
    func chunkedDecodingGivesTheSameResultAsOnePass(parts: Int) throws {
        // Quoted names hold commas, doubled quotes and line breaks, so only a quote-aware split works.
        var rows = ["id,name,latitude,longitude"]
        for index in 1...3000 {
            rows.append(
                index % 5 == 0
                    ? "A\(index),\"Acme, \"\"Inc\"\"\nSouth\",33.7,-84.4" : "A\(index),Plain \(index),33.7,-84.4")
        }
        let clean = rows.joined(separator: "\n") + "\n"
        var log = IssueLog(limit: 100)
        let accounts = AccountCSV.decode(Array(clean.utf8), file: "accounts.csv", log: &log, chunking: .parts(parts))
        #expect(log.isEmpty)
        #expect(accounts.values.map(\.id.rawValue) == (1...3000).map { "A\($0)" })
        #expect(accounts.values[4].name == "Acme, \"Inc\"\nSouth")
        #expect(accounts.lines.last == 3600)

        let broken = clean + "A7,Duplicate,1,1\nB,Bad,1,999\n"
        var brokenLog = IssueLog(limit: 100)
        _ = AccountCSV.decode(Array(broken.utf8), file: "accounts.csv", log: &brokenLog, chunking: .parts(parts))
        let issues = brokenLog.issues.sorted()
        #expect(issues.map(\.kind) == [.duplicateID, .outOfRange])
        #expect(issues.map(\.line) == [3602, 3603])
        #expect(issues.first?.message.contains("first on line 9") == true)
    }
}
