import Foundation
import TestSupport

/// A small run folder in the layout of `meridian plan run`: `territories/` (3 territories, 8 accounts,
/// 2 measures, τ in metrics.json), `quotas/` (company, 2 districts, 4 seats) and `inputs/accounts.csv`.
///
/// Hand-worked figures: T1's target of potential is 100 and its accounts before the move sum to
/// 130 (A1 60 + A2 40 + A3 30), so its deviation before is +30 %; A3 moves to T2.
enum ReportFixture {
    static let territories = """
        territory,centre_1,centre_2,accounts,potential_total,potential_target,potential_deviation,workload_total,workload_target,workload_deviation,weighted_travel,mean_distance,farthest_account,farthest_distance,connected
        T1,40.0,-105.0,2,100,100,0,20,20,0,100,10,A1,12,true
        T2,34.0,-118.0,3,110,100,0.10,22,20,0.10,200,20,A5,25,true
        T3,41.0,-74.0,3,90,100,-0.10,18,20,-0.10,300,30,A8,40,false

        """
    static let assignment = """
        account,old_territory,new_territory,moved,distance,locked
        A1,T1,T1,false,10,false
        A2,T1,T1,false,12,false
        A3,T1,T2,true,30,false
        A4,T2,T2,false,10,false
        A5,T2,T2,false,25,false
        A6,T3,T3,false,20,false
        A7,T3,T3,false,30,false
        A8,T3,T3,false,40,false

        """
    static let accounts = """
        id,name,latitude,longitude,potential,workload
        A1,Alpha,40.0,-105.0,60,12
        A2,Beta,39.0,-104.0,40,8
        A3,"Gamma <b>",38.0,-106.0,30,6
        A4,Delta,34.0,-118.0,50,10
        A5,Epsilon,33.0,-117.0,30,6
        A6,Zeta,41.0,-74.0,30,6
        A7,Eta,42.0,-73.0,30,6
        A8,Theta,40.5,-75.0,30,6

        """
    static let metrics = """
        {"termination":"feasible(time)","objective":600,"bound":570,"gap":0.05,"seconds":1.5,"movedAccounts":1,
         "movedShare":0.125,"movedValueShare":0.0857,"tolerances":{"potential":0.15,"workload":0.25}}

        """
    static let quotas = """
        node,name,level,parent,role,status,basis_prior_year,basis_potential,share_blended,target,quota,floor,cap,floor_binding,cap_binding,ramp_binding,override,held_by_manager,attainment_probability
        CO,Company,0,,unit,active,900000,2000000,1,1000000,1000000,,,0,0,0,0,0,
        D1,West,1,CO,unit,active,450000,1000000,0.5,525000,525000,,,0,0,0,0,0,
        D2,East,1,CO,unit,active,450000,1000000,0.5,525000,525000,,,0,0,0,0,0,
        R1,Ann,2,D1,seat,active,200000,500000,0.5,275000,270000,,270000,0,1,0,0,0,0.42
        R2,Bob,2,D1,seat,active,250000,500000,0.5,275000,280000,250000,,1,0,0,0,0,0.55
        R3,Cy,2,D2,seat,active,220000,500000,0.5,275000,275000,,,0,0,1,0,0,0.61
        R4,Di,2,D2,seat,vacant,230000,500000,0.5,275000,275000,,,0,0,0,0,1,

        """
    static let summary = """
        Quota cascade: target 1000000.00, 7 nodes
        fairness: 3 seats, expected share at or above quota 52.7% (range 42.0%–61.0%); equal-probability level 53.4%

        """

    /// Writes the run folder and returns it; with `quotasOnly`, only `quotas/`.
    static func write(quotasOnly: Bool = false) throws -> URL {
        let root = try Fixtures.temporaryFolder(prefix: "meridian-report")
        func put(_ text: String, _ path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try put(quotas, "quotas/quotas.csv")
        try put(summary, "quotas/quota_summary.txt")
        if !quotasOnly {
            try put(territories, "territories/territories.csv")
            try put(assignment, "territories/assignment.csv")
            try put(metrics, "territories/metrics.json")
            try put(accounts, "inputs/accounts.csv")
        }
        return root
    }

    /// `Data/geo/us-states.csv` of the checkout.
    static let stateOutline = Fixtures.repositoryRoot.appendingPathComponent("Data/geo/us-states.csv")

    /// How many times `needle` occurs in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
