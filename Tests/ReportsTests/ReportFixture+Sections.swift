import Foundation

/// Step outputs for the pay, scenarios and insights sections and for the territory step's "before"
/// files, added to a ``ReportFixture`` folder.
extension ReportFixture {
    /// Three people on AE-T in 2026-Q1 (attainment 50 %, 120 %, 90 %); R1's 2025-Q4 row is an older
    /// window and is not drawn.
    static let measurements = """
        person_id,plan,component,window,credit,quota,attainment,proration
        R1,AE-T,new-business,2025-Q4,10,100000,0.0001,1
        R1,AE-T,new-business,2026-Q1,50000,100000,0.5,1
        R2,AE-T,new-business,2026-Q1,120000,100000,1.2,1
        R3,AE-T,new-business,2026-Q1,90000,100000,0.9,1

        """
    static let simulationSummary = """
        scenario,figure,mean,mean_se,p10,p10_se,p50,p50_se,p90,p90_se
        baseline,cost,1000000,1000,800000,2000,990000,1500,1250000,3000
        baseline,cost_of_sales,0.08,0.001,0.07,0.001,0.079,0.001,0.09,0.002
        baseline,share_at_quota,0.5,0.01,0.33,0.01,0.5,0.01,0.67,0.01
        baseline,revenue,12500000,1000,11000000,2000,12400000,1500,14000000,3000
        stretch,cost,1100000,1000,850000,2000,1080000,1500,1400000,3000
        stretch,cost_of_sales,0.085,0.001,0.075,0.001,0.084,0.001,0.097,0.002
        stretch,share_at_quota,0.33,0.01,0.2,0.01,0.33,0.01,0.5,0.01
        stretch,revenue,12600000,1000,11100000,2000,12500000,1500,14100000,3000

        """
    static let simulationReps = """
        rep_id,territory,segment,quota,target_incentive,expected_sales,component_share,mean_sales,sigma,sigma_own,sigma_segment,history_pairs,p_hit_quota
        R1,T1,mid,100000,100000,95000,1,95000,0.2,0.2,0.2,4,0.2
        R2,T2,mid,100000,100000,105000,1,105000,0.2,0.2,0.2,4,0.5
        R3,T3,mid,100000,100000,110000,1,110000,0.2,0.2,0.2,4,0.8

        """
    /// TI $100,000, one quarterly component at 100 % weight paying 1 × target to quota and 2 × above:
    /// annual payout at attainment a is a × TI up to 100 %, then (1 + 2 (a − 1)) × TI.
    static let plan = """
        plan: AE-T
        name: Test AE
        versions:
          - effective: 2026-01-01
            until: 2026-12-31
            assign: {roles: [Account Executive]}
            ote: 200000
            pay_mix: 50/50
            components:
              - name: new-business
                measure: bookings
                quota: default
                period: quarter
                weight: 100%
                rate_table:
                  method: marginal
                  pays: target
                  tiers:
                    - {name: base, from: 0, rate: 1}
                    - {name: accelerator, from: 100%, rate: 2}

        """
    /// Two ranked columns with a tie, one unranked, and a failed scenario with no values.
    static let comparison = """
        {"batch":"demo","columns":[
         {"name":"max_deviation.potential","direction":"lower","best":["tight"]},
         {"name":"moved_accounts","direction":"lower","best":["base"]},
         {"name":"quota_p50","direction":"none","best":[]},
         {"name":"expected_share_at_or_above_quota","direction":"higher","best":["base","tight"]}],
         "rows":[
         {"scenario":"base","status":"completed","runID":"r1","clockLimited":false,"values":[0.14,1200,250000,0.5]},
         {"scenario":"tight","status":"completed","runID":"r2","clockLimited":true,"values":[0.09,2500,260000,0.5]},
         {"scenario":"broken","status":"failed","clockLimited":false,"values":[null,null,null,null]}]}

        """
    static let scorecards = """
        level,key,name,role,period,as_of,quota,bookings,attainment,pace,coverage,win_rate
        company,company,Company,,2026-Q1,2026-03-31,3000000,2400000,0.8,0.8,2.5,0.3
        team,M1,West team,Manager,2026-Q1,2026-03-31,1500000,1500000,1,1,2,0.35
        team,M2,East team,Manager,2026-Q1,2026-03-31,1500000,900000,0.6,0.6,3,0.25
        rep,R1,Ann,Account Executive,2026-Q1,2026-03-31,1000000,500000,0.5,0.5,2,0.3
        rep,R2,Bob,Account Executive,2026-Q1,2026-03-31,1000000,1200000,1.2,1.2,2,0.3
        rep,R3,Cy,Account Executive,2026-Q1,2026-03-31,1000000,700000,0.7,0.7,2,0.3

        """
    static let leaderboard = """
        rank,rank_in_team,rep_id,name,team_id,points,badges
        1,1,R2,Bob,M1,1250.5,closer
        2,1,R3,Cy,M2,900,
        3,2,R1,Ann,M1,420,

        """
    /// Today's alignment as the territory step measured it: T1 +35 % (not the +30 % the accounts
    /// file sums to, so a test can tell which was drawn), T2 −25 %, T3 −10 %.
    static let territoriesBefore = """
        territory,centre_1,centre_2,accounts,potential_total,potential_target,potential_deviation,workload_total,workload_target,workload_deviation,weighted_travel,mean_distance,farthest_account,farthest_distance,connected
        T1,40.0,-105.0,3,135,100,0.35,26,20,0.30,400,15,A3,30,false
        T2,34.0,-118.0,2,75,100,-0.25,16,20,-0.20,100,17.5,A5,25,true
        T3,41.0,-74.0,3,90,100,-0.10,18,20,-0.10,300,30,A8,40,false

        """
    static let metricsWithBefore = """
        {"termination":"optimal","objective":600,"bound":600,"gap":0,"seconds":1.5,"movedAccounts":1,
         "movedShare":0.125,"movedValue":30,"valueMeasure":"potential","movedValueShare":0.1,"weightedTravel":600,
         "tolerances":{"potential":0.15,"workload":0.25},
         "before":{"maxDeviation":{"potential":0.35,"workload":0.3},"weightedTravel":800,"maxDiameter":12,
          "connected":false,"territories":3,"accounts":8,"unassignedAccounts":0}}

        """

    /// Writes `text` to `path` under `root`, making folders.
    static func put(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The fixture run folder with comp, simulation, plans, compare.json and insights outputs.
    static func writeAll() throws -> URL {
        let root = try write()
        try put(measurements, "comp/measurements.csv", in: root)
        try put(simulationSummary, "simulation/summary.csv", in: root)
        try put(simulationReps, "simulation/reps.csv", in: root)
        try put(plan, "plans/ae.yaml", in: root)
        try put(comparison, "scenarios/compare.json", in: root)
        try put(scorecards, "insights/scorecards.csv", in: root)
        try put(leaderboard, "insights/leaderboard.csv", in: root)
        return root
    }
}
