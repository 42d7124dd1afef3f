// lp-bench: build and solve an assignment-shaped LP (10,000 rows × 80,000 columns) and compare our
// end-to-end time with glpsol on the same model written as free MPS, measured in the same run.
//
//     swift run -c release lp-bench [--seed N] [--capacity C] [--repetitions R]

import BenchSupport
import Foundation
import LinearProgramming
import SalesData

/// Tasks × candidate agents: every task goes to exactly one (fractional) agent; agent loads are capped.
struct AssignmentInstance {
    let tasks = 8_000
    let agents = 2_000
    let candidatesPerTask = 10
    var candidates: [[Int]] = []  // per task, distinct agents
    var costs: [[Double]] = []
    var workload: [Double] = []
    let capacity: Double

    init(seed: UInt64, capacity: Double) {
        self.capacity = capacity
        var generator = SplitMixGenerator(seed: seed)
        for t in 0..<tasks {
            var chosen = [t % agents]  // guarantees feasibility: each agent can take its own 4 tasks
            while chosen.count < candidatesPerTask {
                let a = Int.random(in: 0..<agents, using: &generator)
                if !chosen.contains(a) { chosen.append(a) }
            }
            candidates.append(chosen)
            costs.append(chosen.map { _ in Double(Int.random(in: 1...100, using: &generator)) })
            workload.append(Double(Int.random(in: 1...10, using: &generator)))
        }
    }

    func name(_ t: Int, _ k: Int) -> String { "x[\(t),\(candidates[t][k])]" }

    /// The bulk path: parallel arrays for columns, sparse arrays for rows.
    func buildBulk() -> Model {
        var model = Model(name: "assignment")
        var names: [String] = []
        var objective: [Double] = []
        names.reserveCapacity(tasks * candidatesPerTask)
        for t in 0..<tasks {
            for k in 0..<candidatesPerTask {
                names.append(name(t, k))
                objective.append(costs[t][k])
            }
        }
        let count = names.count
        let x = model.addVariables(
            names: names, lowerBounds: Array(repeating: 0, count: count),
            upperBounds: Array(repeating: 1, count: count),
            objective: objective)
        let ones = [Double](repeating: 1, count: candidatesPerTask)
        var columnsOfAgent = [[Variable]](repeating: [], count: agents)
        var loadsOfAgent = [[Double]](repeating: [], count: agents)
        for t in 0..<tasks {
            let row = Array(x[(t * candidatesPerTask)..<((t + 1) * candidatesPerTask)])
            model.addConstraint(name: "task[\(t)]", lowerBound: 1, upperBound: 1, variables: row, coefficients: ones)
            for k in 0..<candidatesPerTask {
                columnsOfAgent[candidates[t][k]].append(row[k])
                loadsOfAgent[candidates[t][k]].append(workload[t])
            }
        }
        for a in 0..<agents {
            model.addConstraint(
                name: "capacity[\(a)]", lowerBound: -.infinity, upperBound: capacity, variables: columnsOfAgent[a],
                coefficients: loadsOfAgent[a])
        }
        model.setSense(.minimize)
        return model
    }

    /// The expression API: one variable at a time, `LinearExpression.sum` and comparison operators.
    func buildExpressions() -> Model {
        var model = Model(name: "assignment")
        var x: [[Variable]] = []
        for t in 0..<tasks {
            x.append((0..<candidatesPerTask).map { k in model.addVariable(name(t, k), upperBound: 1) })
        }
        var terms = [[(Int, Int)]](repeating: [], count: agents)
        for t in 0..<tasks {
            model.addConstraint(LinearExpression.sum(x[t]) { LinearExpression($0) } == 1, name: "task[\(t)]")
            for k in 0..<candidatesPerTask { terms[candidates[t][k]].append((t, k)) }
        }
        for a in 0..<agents {
            model.addConstraint(
                LinearExpression.sum(terms[a]) { t, k in workload[t] * x[t][k] } <= capacity, name: "capacity[\(a)]")
        }
        model.minimize(
            LinearExpression.sum(0..<tasks) { t in
                LinearExpression.sum(0..<candidatesPerTask) { k in costs[t][k] * x[t][k] }
            })
        return model
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

var flags = BenchArguments()
let seed = flags.value("--seed", default: UInt64(2026))
let repetitions = max(1, flags.value("--repetitions", default: 1))
// Average agent load is 8,000 × 5.5 / 2,000 = 22; a capacity of 30 binds widely and takes GLPK
// minutes, 60 binds on the agents that random candidate lists overload.
let capacity = max(40, flags.value("--capacity", default: 60.0))
flags.finish()
let instance = AssignmentInstance(seed: seed, capacity: capacity)

var bulkModel = instance.buildBulk()
let bulkBuild = median((0..<repetitions).map { _ in seconds { bulkModel = instance.buildBulk() } })
var expressionModel = instance.buildExpressions()
let expressionBuild = median((0..<repetitions).map { _ in seconds { expressionModel = instance.buildExpressions() } })
print(
    "lp-bench: assignment LP, seed \(seed), capacity \(capacity): \(bulkModel.constraintCount) rows × \(bulkModel.variableCount) columns, "
        + "\(bulkModel.nonzeroCount) nonzeros")
precondition(expressionModel.nonzeroCount == bulkModel.nonzeroCount, "the two build paths disagree")

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lp-bench-\(seed)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let mps = folder.appendingPathComponent("assignment.mps")
try bulkModel.writeMPS(to: mps)

var glpsolTimes: [Double] = []
var glpsolOutput = ""
for _ in 0..<repetitions {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["glpsol", "--freemps", mps.path, "--min", "--dual", "--presol"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let elapsed = try seconds {
        try process.run()
        glpsolOutput = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
    }
    guard process.terminationStatus == 0 else {
        print("lp-bench: glpsol failed:\n\(glpsolOutput)")
        exit(1)
    }
    glpsolTimes.append(elapsed)
}
// Solve settings shared with glpsol: dual simplex with presolve.
let options = SolverOptions(lpAlgorithm: .dualSimplex, presolve: true)
var objective = 0.0
var solveOnly: [Double] = []
var endToEnd: [Double] = []
for _ in 0..<repetitions {
    var result: SolveResult?
    let total = try seconds {
        let model = instance.buildBulk()
        result = try model.solve(options: options)
    }
    guard let result, let solution = result.solution, result.termination == .optimal else {
        print("lp-bench: the LP did not solve to optimality: \(result?.summary ?? "no result")")
        exit(1)
    }
    objective = solution.objectiveValue
    solveOnly.append(result.seconds)
    endToEnd.append(total)
}

let glpsolObjective = glpsolOutput.split(separator: "\n").last { $0.contains("obj =") }.map(String.init) ?? "?"

let ratio = median(endToEnd) / median(glpsolTimes)
print(String(format: "model build, bulk path:        %8.3f s", bulkBuild))
print(
    String(
        format: "model build, expression API:   %8.3f s  (%.1f× the bulk path)", expressionBuild,
        expressionBuild / bulkBuild))
print(String(format: "solve (load + GLPK):           %8.3f s", median(solveOnly)))
print(String(format: "end to end (bulk build + solve): %6.3f s", median(endToEnd)))
print(String(format: "glpsol on the same MPS:        %8.3f s", median(glpsolTimes)))
print(String(format: "ratio ours / glpsol:           %8.3f   (goal ≤ 1.10)", ratio))
print(
    String(
        format: "objective: %.6f; glpsol last line: %@", objective, glpsolObjective.trimmingCharacters(in: .whitespaces)
    ))
print("medians of \(repetitions) runs; MPS at \(mps.path)")
