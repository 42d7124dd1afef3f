// scoring-bench: training time and hold-out AUC of Meridian's logistic regression and XGBoost
// booster against scikit-learn's LogisticRegression and HistGradientBoostingClassifier, on the
// same generated 1,000,000 × 20 accounts in the same run. Run: swift run -c release scoring-bench
// Options: --rows N (default 1000000), --features N (20), --rounds N (100), --leaves N (31).
import BenchSupport
import Foundation
import Scoring

var flags = BenchArguments()
let rows = flags.value("--rows", default: 1_000_000)
let features = flags.value("--features", default: 20)
let rounds = flags.value("--rounds", default: 100)
let leaves = flags.value("--leaves", default: 31)
flags.finish()
let testRows = max(rows / 5, 1_000)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func write(_ values: [Double], _ url: URL) throws {
    try values.withUnsafeBufferPointer { try Data(buffer: $0).write(to: url) }
}

print("generating \(rows) × \(features) training and \(testRows) test accounts…")
let train = try SyntheticMatrix.matrix(rows: rows, features: features, seed: 1)
let test = try SyntheticMatrix.matrix(rows: testRows, features: features, seed: 2)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-scoring-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
try write(train.x.values, folder.appendingPathComponent("train_x.bin"))
try write(train.labels, folder.appendingPathComponent("train_y.bin"))
try write(test.x.values, folder.appendingPathComponent("test_x.bin"))
try write(test.labels, folder.appendingPathComponent("test_y.bin"))
let truthAUC = try ClassificationMetrics.rocAUC(scores: test.truth, labels: test.labels)
print(
    String(
        format: "positive rate %.4f; AUC of the true probabilities on the test rows %.4f",
        train.labels.reduce(0, +) / Double(rows), truthAUC))

var logistic: LogisticRegressionFit?
let logisticSeconds = try seconds { logistic = try LogisticRegression(l2: 1).fit(train.x, labels: train.labels) }
let logisticAUC = try ClassificationMetrics.rocAUC(scores: logistic?.predict(test.x) ?? [], labels: test.labels)

var booster: GradientBoostedTreesFit?
let parameters = BoostingParameters(
    rounds: rounds, learningRate: 0.1, maxDepth: 0, minChildWeight: 1e-3, l2: 0, maxBins: 255, threads: 0, seed: 1,
    maxLeaves: leaves)
let boosterSeconds = try seconds {
    booster = try GradientBoostedTrees(parameters: parameters).fit(train.x, labels: train.labels)
}
let boosterAUC = try ClassificationMetrics.rocAUC(scores: booster?.predict(test.x) ?? [], labels: test.labels)

print("running scikit-learn on the same files…")
let python = Process()
python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("peers/scoring_peer.py").path
python.arguments = ["python3", script, folder.path, "\(rows)", "\(testRows)", "\(features)", "\(rounds)", "\(leaves)"]
let pipe = Pipe()
python.standardOutput = pipe
try python.run()
let output = pipe.fileHandleForReading.readDataToEndOfFile()
python.waitUntilExit()
var peers: [String: [String: Any]] = [:]
for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
    if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let name = object["model"] as? String
    {
        peers[name] = object
    }
}
guard python.terminationStatus == 0, let sklearnLR = peers["LogisticRegression"],
    let sklearnHGB = peers["HistGradientBoostingClassifier"]
else {
    print("scikit-learn run failed (is scikit-learn installed? pip install scikit-learn)")
    exit(1)
}

func row(_ name: String, _ mine: Double, _ mineAUC: Double, _ peerName: String, _ peer: [String: Any]) {
    let peerSeconds = peer["seconds"] as? Double ?? .nan
    let peerAUC = peer["auc"] as? Double ?? .nan
    func padded(_ text: String) -> String { text.padding(toLength: 34, withPad: " ", startingAt: 0) }
    print(padded(name) + String(format: "%8.2f s  AUC %.4f", mine, mineAUC))
    print(padded(peerName) + String(format: "%8.2f s  AUC %.4f", peerSeconds, peerAUC))
    let verdict = mine <= peerSeconds && abs(mineAUC - peerAUC) <= 0.005 ? "met" : "NOT met"
    print(
        String(
            format: "  time ratio (Meridian / scikit-learn) %.2f   AUC difference %+.4f", mine / peerSeconds,
            mineAUC - peerAUC)
            + "   goal ≤ 1 and |Δ| ≤ 0.005: \(verdict)")
}

print(
    "\n\(rows) × \(features) accounts, \(ProcessInfo.processInfo.activeProcessorCount) cores; training time, AUC on \(testRows) test rows (truth \(String(format: "%.4f", truthAUC)))"
)
row("Meridian logistic (Newton)", logisticSeconds, logisticAUC, "sklearn LogisticRegression", sklearnLR)
print(
    String(
        format: "  objective: Meridian %.6f, scikit-learn %.6f", logistic?.objective ?? .nan,
        sklearnLR["objective"] as? Double ?? .nan))
row(
    "Meridian XGBoost (\(rounds) × \(leaves) leaves)", boosterSeconds, boosterAUC, "sklearn HistGradientBoosting",
    sklearnHGB)
