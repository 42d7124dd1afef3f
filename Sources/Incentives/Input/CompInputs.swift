import Foundation
import SalesData

/// Loads a ``CompRequest`` from files: a dataset folder (with the optional alignment history files), a
/// plan folder, a quota file and an optional MBO score file.
public enum CompInputs {
    /// Reads everything the calculation needs.
    ///
    /// - Throws: ``IncentivesError`` located at the bad file, line and column (the sales data's own
    ///   checks: splits not summing to 100, a transaction for an unknown account, …).
    public static func load(
        dataset: URL, plans: URL, quotas: URL, scores: URL? = nil, period: CompPeriod
    ) throws(IncentivesError) -> CompRequest {
        let data: SalesDataset
        do { data = try SalesDataset.load(from: dataset) } catch let error as SalesDataError {
            throw .salesData(error)
        } catch {
            throw .unreadable(path: dataset.path, reason: "\(error)")
        }
        let book = try PlanBook(folder: plans)
        let quotaBook = try QuotaBook(contentsOf: quotas, planYear: period.year)
        let scoreBook = try scores.map { url throws(IncentivesError) in try ScoreBook(contentsOf: url) } ?? ScoreBook()
        let alignment = try alignment(data, folder: dataset)
        return request(
            data: data, alignment: alignment, plans: book, quotas: quotaBook, scores: scoreBook, period: period)
    }

    /// The request for `period` from inputs already in memory, for example a plan run's realigned
    /// dataset and its quota step's ``QuotaBook``: the people and transactions of `data`, and the
    /// hierarchy nodes each manager owns (territories.csv `owner_id`).
    public static func request(
        data: SalesDataset, alignment: any AlignmentHistory, plans: PlanBook, quotas: QuotaBook,
        scores: ScoreBook = ScoreBook(), period: CompPeriod
    ) -> CompRequest {
        CompRequest(
            plans: plans, people: data.reps, alignment: alignment, quotas: quotas, scores: scores,
            transactions: data.transactions, period: period,
            ownedNodes: Dictionary(grouping: data.territories.filter { $0.ownerID != nil && $0.level != .territory }) {
                $0.ownerID ?? ""
            }.mapValues { $0.map(\.id) })
    }

    /// The effective-dated alignment of a dataset: accounts.csv and reps.csv plus
    /// `account_territory_history.csv` and `rep_territory_history.csv` when present.
    public static func alignment(_ data: SalesDataset, folder: URL) throws(IncentivesError) -> EffectiveDatedAlignment {
        EffectiveDatedAlignment(
            accounts: data.accounts, reps: data.reps, accountMoves: try accountMoves(data, folder: folder),
            repMoves: try repMoves(data, folder: folder))
    }

    /// The rows of `account_territory_history.csv` in `folder` (none when the file is absent).
    public static func accountMoves(
        _ data: SalesDataset, folder: URL
    ) throws(IncentivesError) -> [EffectiveDatedAlignment.Move<AccountID>] {
        let accountIDs = Set(data.accounts.map(\.id))
        var accountMoves: [EffectiveDatedAlignment.Move<AccountID>] = []
        let accountURL = folder.appendingPathComponent("account_territory_history.csv")
        if FileManager.default.fileExists(atPath: accountURL.path) {
            let table = try TableFile.read(accountURL, required: ["account_id", "territory_id", "effective_date"])
            for row in table.rows {
                let id = AccountID(table.value(row, "account_id"))
                guard accountIDs.contains(id) else {
                    throw table.error(row, "account_id", expected: "an account of accounts.csv")
                }
                guard let day = try? CalendarDate(iso8601: table.value(row, "effective_date")) else {
                    throw table.error(row, "effective_date", expected: "a date YYYY-MM-DD")
                }
                let territory = table.value(row, "territory_id")
                accountMoves.append(
                    .init(id: id, territory: territory.isEmpty ? nil : TerritoryID(territory), effective: day))
            }
        }
        return accountMoves
    }

    /// The rows of `rep_territory_history.csv` in `folder` (none when the file is absent).
    public static func repMoves(
        _ data: SalesDataset, folder: URL
    ) throws(IncentivesError) -> [EffectiveDatedAlignment.Move<RepID>] {
        let repIDs = Set(data.reps.map(\.id))
        var repMoves: [EffectiveDatedAlignment.Move<RepID>] = []
        let repURL = folder.appendingPathComponent("rep_territory_history.csv")
        if FileManager.default.fileExists(atPath: repURL.path) {
            let table = try TableFile.read(repURL, required: ["rep_id", "territory_id", "effective_date"])
            for row in table.rows {
                let id = RepID(table.value(row, "rep_id"))
                guard repIDs.contains(id) else { throw table.error(row, "rep_id", expected: "a rep of reps.csv") }
                guard let day = try? CalendarDate(iso8601: table.value(row, "effective_date")) else {
                    throw table.error(row, "effective_date", expected: "a date YYYY-MM-DD")
                }
                let territory = table.value(row, "territory_id")
                repMoves.append(
                    .init(id: id, territory: territory.isEmpty ? nil : TerritoryID(territory), effective: day))
            }
        }
        return repMoves
    }
}
