import Foundation

/// What happens to the sales force and the alignment during the plan year.
struct PlanYearEvents {
    var accountChanges: [AccountTerritoryChange] = []
    var repChanges: [RepTerritoryChange] = []
    /// One line per event, for the `data generate` report.
    ///
    /// For example `hire: R017 fills T017 on 2026-04-01`.
    var log: [String] = []
}

extension DemoCompanyGenerator {
    /// First day of the plan year: the day after the snapshot.
    var planStart: CalendarDate { configuration.snapshotDate.adding(days: 1) }

    /// Applies the plan year's staffing and alignment events to `force` and returns them.
    ///
    /// The events, dated from the plan start:
    /// - planned hires (`to_be_hired` at the snapshot) start on their planned date and become active;
    /// - **hire**: the first vacant position (else the last position of the largest district) is
    ///   filled by a new person on plan start + 3 months (2026-04-01);
    /// - **termination**: a full-time rep of the district with the most such reps leaves on plan
    ///   start + 5 months + 11 days (2026-06-12), leaving the seat vacant (the district manager
    ///   covers it);
    /// - **seat move and backfill**: on plan start + 7 months (2026-08-01) the nearest colleague
    ///   takes the vacated seat and a new rep (id after the last position, e.g. `R121`) is hired
    ///   into the colleague's seat;
    /// - **account move**: on plan start + 6 months (2026-07-01) the 15 % (at most 60) unlocked
    ///   accounts of the busiest territory of another district nearest to its closest neighbour's
    ///   home base move to that neighbour.
    /// Events that the sales force is too small for are skipped.
    func makePlanYearEvents(_ force: inout SalesForce, accounts: [Account], random: inout SplitMixGenerator)
        -> PlanYearEvents
    {
        var events = PlanYearEvents()
        let start = planStart
        for index in force.reps.indices where force.reps[index].status == .toBeHired {
            force.reps[index].status = .active
            force.reps[index].name = DemoNames.person(&random)
            events.log.append(
                "planned hire: \(force.reps[index].id) starts in \(force.reps[index].territoryID?.rawValue ?? "-") on \(force.reps[index].hireDate?.description ?? "-")"
            )
        }
        let positions = force.positionsByDistrict.flatMap { $0 }
        let largest =
            force.positionsByDistrict.indices.max { a, b in
                (force.positionsByDistrict[a].count, b) < (force.positionsByDistrict[b].count, a)
            } ?? 0
        guard
            let hire = positions.first(where: { force.reps[$0].status == .vacant })
                ?? force.positionsByDistrict[largest].last
        else {
            return events
        }
        let hireDate = start.adding(months: 3)
        force.reps[hire].status = .active
        force.reps[hire].name = DemoNames.person(&random)
        force.reps[hire].hireDate = hireDate
        force.reps[hire].capacityFTE = 1
        force.tenure[hire] = 0
        events.log.append(
            "hire: \(force.reps[hire].id) fills \(force.reps[hire].territoryID?.rawValue ?? "-") on \(hireDate)")

        let snapshot = configuration.snapshotDate
        func isSeasoned(_ position: Int) -> Bool {
            let rep = force.reps[position]
            return position != hire && rep.status == .active && rep.capacityFTE == 1
                && (rep.hireDate.map { $0 <= snapshot } ?? true)
        }
        func nearest(to position: Int, among candidates: [Int]) -> Int? {
            guard let home = force.reps[position].homeBase else { return candidates.first }
            return candidates.min { a, b in
                let da = force.reps[a].homeBase.map { $0.distanceInKilometers(to: home) } ?? .infinity
                let db = force.reps[b].homeBase.map { $0.distanceInKilometers(to: home) } ?? .infinity
                return (da, a) < (db, b)
            }
        }
        let seasonedByDistrict = force.positionsByDistrict.map { $0.filter(isSeasoned) }
        let busiest =
            seasonedByDistrict.indices.max { a, b in (seasonedByDistrict[a].count, b) < (seasonedByDistrict[b].count, a)
            } ?? 0
        var involved: Set<Int> = [hire]
        if seasonedByDistrict[busiest].count >= 2 {
            let leaver = random.element(of: seasonedByDistrict[busiest])
            if let mover = nearest(to: leaver, among: seasonedByDistrict[busiest].filter { $0 != leaver }),
                let leaverSeat = force.reps[leaver].territoryID, let moverSeat = force.reps[mover].territoryID
            {
                let leaveDate = start.adding(months: 5).adding(days: 11)
                let moveDate = start.adding(months: 7)
                force.reps[leaver].terminationDate = leaveDate
                events.log.append("termination: \(force.reps[leaver].id) leaves \(leaverSeat) on \(leaveDate)")
                events.repChanges.append(
                    RepTerritoryChange(repID: force.reps[mover].id, territoryID: leaverSeat, effectiveDate: moveDate))
                events.log.append(
                    "seat move: \(force.reps[mover].id) moves from \(moverSeat) to \(leaverSeat) on \(moveDate)")
                let backfill = Rep(
                    id: RepID(String(format: "R%03d", configuration.reps + 1)), name: DemoNames.person(&random),
                    managerID: force.reps[force.managerOfDistrict[busiest]].id, homeBase: force.reps[mover].homeBase,
                    hireDate: moveDate)
                force.reps.append(backfill)
                force.tenure.append(0)
                force.positionsByDistrict[busiest].append(force.reps.count - 1)
                events.repChanges.append(
                    RepTerritoryChange(repID: backfill.id, territoryID: moverSeat, effectiveDate: moveDate))
                events.log.append("hire: \(backfill.id) takes \(moverSeat) on \(moveDate)")
                involved.formUnion([leaver, mover])
            }
        }

        // A block of accounts moves from the busiest territory of another district to its neighbour.
        var workload: [TerritoryID: Double] = [:]
        for account in accounts {
            workload[account.territoryID ?? "", default: 0] += account.attributes["workload"] ?? 0
        }
        let candidates = seasonedByDistrict.map { $0.filter { !involved.contains($0) } }
        let order = candidates.indices.sorted { a, b in (a == busiest ? 1 : 0, a) < (b == busiest ? 1 : 0, b) }
        guard let district = order.first(where: { candidates[$0].count >= 2 }) else { return events }
        let heavy = candidates[district].max { a, b in
            (workload[force.reps[a].territoryID ?? ""] ?? 0, b) < (workload[force.reps[b].territoryID ?? ""] ?? 0, a)
        }
        guard let heavy, let light = nearest(to: heavy, among: candidates[district].filter { $0 != heavy }),
            let from = force.reps[heavy].territoryID, let to = force.reps[light].territoryID,
            let target = force.reps[light].homeBase
        else { return events }
        let members = accounts.indices.filter { accounts[$0].territoryID == from && !accounts[$0].isLocked }
        let count = min(60, max(1, Int((Double(members.count) * 0.15).rounded())))
        let moved = members.sorted { a, b in
            (accounts[a].location.distanceInKilometers(to: target), a) < (
                accounts[b].location.distanceInKilometers(to: target), b
            )
        }.prefix(count).sorted()
        let moveDate = start.adding(months: 6)
        events.accountChanges = moved.map {
            AccountTerritoryChange(accountID: accounts[$0].id, territoryID: to, effectiveDate: moveDate)
        }
        if !moved.isEmpty {
            events.log.append("account move: \(moved.count) accounts from \(from) to \(to) on \(moveDate)")
        }
        events.repChanges.sort { ($0.effectiveDate, $0.repID) < ($1.effectiveDate, $1.repID) }
        return events
    }
}

/// Who owns an account's deals on a date: the holder of its territory that day, else the manager
/// of the territory's district (vacancies, hires not yet started), else the CRO.
struct DealOwnership {
    let alignment: AlignmentHistory
    let accountIDs: [AccountID]
    let managerOfTerritory: [TerritoryID: RepID]
    let districtOfTerritory: [TerritoryID: Int]
    let fallback: RepID

    func territory(ofAccount index: Int, on date: CalendarDate) -> TerritoryID? {
        alignment.territory(of: accountIDs[index], on: date)
    }

    func owner(ofAccount index: Int, on date: CalendarDate) -> RepID {
        guard let territory = territory(ofAccount: index, on: date) else { return fallback }
        return alignment.holder(of: territory, on: date) ?? managerOfTerritory[territory] ?? fallback
    }

    func district(ofAccount index: Int, on date: CalendarDate) -> Int {
        territory(ofAccount: index, on: date).flatMap { districtOfTerritory[$0] } ?? 0
    }
}
