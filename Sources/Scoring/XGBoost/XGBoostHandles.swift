internal import CXGBoost
import Foundation

// Every XGBoost C API call in Meridian lives in this file, so the whole C surface can be reviewed
// in one place. Each handle has one owner class that frees it in `deinit`; neither class is
// Sendable, and both live only inside one synchronous call of `GradientBoostedTrees`.

/// Turns an XGBoost return code into a thrown ``ScoringError/xgboost(routine:message:)``.
func checkXGBoost(_ code: Int32, _ routine: String) throws {
    guard code != 0 else { return }
    let message = XGBGetLastError().map { String(cString: $0) } ?? "unknown error"
    throw ScoringError.xgboost(routine: routine, message: message)
}

/// Owns one `DMatrixHandle`.
final class XGBoostMatrix {
    let handle: DMatrixHandle

    /// Copies a row-major float matrix; `Float.nan` marks a missing value.
    init(values: [Float], rows: Int, columns: Int, threads: Int) throws {
        var out: DMatrixHandle?
        try values.withUnsafeBufferPointer { buffer in
            try checkXGBoost(
                XGDMatrixCreateFromMat_omp(
                    buffer.baseAddress, bst_ulong(rows), bst_ulong(columns), Float.nan, &out, Int32(threads)),
                "XGDMatrixCreateFromMat_omp")
        }
        guard let out else { throw ScoringError.xgboost(routine: "XGDMatrixCreateFromMat_omp", message: "no handle") }
        handle = out
    }

    deinit { XGDMatrixFree(handle) }

    /// Sets the training labels.
    func setLabels(_ labels: [Float]) throws {
        try labels.withUnsafeBufferPointer { buffer in
            try checkXGBoost(
                XGDMatrixSetFloatInfo(handle, "label", buffer.baseAddress, bst_ulong(labels.count)),
                "XGDMatrixSetFloatInfo")
        }
    }
}

@available(*, unavailable) extension XGBoostMatrix: Sendable {}

/// Owns one `BoosterHandle`.
final class XGBoostBooster {
    let handle: BoosterHandle

    /// A booster with `cache` as its training matrices.
    init(cache: [XGBoostMatrix]) throws {
        var out: BoosterHandle?
        var handles: [DMatrixHandle?] = cache.map { $0.handle }
        try handles.withUnsafeMutableBufferPointer { buffer in
            try checkXGBoost(XGBoosterCreate(buffer.baseAddress, bst_ulong(cache.count), &out), "XGBoosterCreate")
        }
        guard let out else { throw ScoringError.xgboost(routine: "XGBoosterCreate", message: "no handle") }
        handle = out
    }

    /// A booster loaded from a serialized model (JSON or UBJSON bytes).
    convenience init(model: Data) throws {
        try self.init(cache: [])
        try model.withUnsafeBytes { bytes in
            try checkXGBoost(
                XGBoosterLoadModelFromBuffer(handle, bytes.baseAddress, bst_ulong(bytes.count)),
                "XGBoosterLoadModelFromBuffer")
        }
    }

    deinit { XGBoosterFree(handle) }

    func setParameter(_ name: String, _ value: String) throws {
        try checkXGBoost(XGBoosterSetParam(handle, name, value), "XGBoosterSetParam(\(name))")
    }

    func updateOneIteration(_ iteration: Int, training: XGBoostMatrix) throws {
        try checkXGBoost(XGBoosterUpdateOneIter(handle, Int32(iteration), training.handle), "XGBoosterUpdateOneIter")
    }

    /// Transformed predictions (probabilities for `binary:logistic`).
    func predict(_ matrix: XGBoostMatrix) throws -> [Float] {
        var length: bst_ulong = 0
        var result: UnsafePointer<Float>?
        try checkXGBoost(XGBoosterPredict(handle, matrix.handle, 0, 0, 0, &length, &result), "XGBoosterPredict")
        guard let result else { return [] }
        return Array(UnsafeBufferPointer(start: result, count: Int(length)))
    }

    /// The model as JSON bytes (`XGBoosterSaveModelToBuffer` with `{"format": "json"}`).
    func serializedModel() throws -> Data {
        var length: bst_ulong = 0
        var pointer: UnsafePointer<CChar>?
        try checkXGBoost(
            XGBoosterSaveModelToBuffer(handle, #"{"format": "json"}"#, &length, &pointer), "XGBoosterSaveModelToBuffer")
        guard let pointer else { return Data() }
        return Data(bytes: pointer, count: Int(length))
    }

    /// Total gain per feature index (`XGBoosterFeatureScore`, `importance_type = total_gain`).
    func totalGain(featureCount: Int) throws -> [Double] {
        let names = (0..<featureCount).map { "\"f\($0)\"" }.joined(separator: ",")
        let config = #"{"importance_type": "total_gain", "feature_names": ["# + names + "]}"
        var featureTotal: bst_ulong = 0
        var features: UnsafeMutablePointer<UnsafePointer<CChar>?>?
        var dimension: bst_ulong = 0
        var shape: UnsafePointer<bst_ulong>?
        var scores: UnsafePointer<Float>?
        try checkXGBoost(
            XGBoosterFeatureScore(handle, config, &featureTotal, &features, &dimension, &shape, &scores),
            "XGBoosterFeatureScore")
        var gains = [Double](repeating: 0, count: featureCount)
        guard let features, let scores else { return gains }
        for k in 0..<Int(featureTotal) {
            guard let cName = features[k] else { continue }
            let name = String(cString: cName)
            if let index = Int(name.dropFirst()), index < featureCount { gains[index] = Double(scores[k]) }
        }
        return gains
    }
}

@available(*, unavailable) extension XGBoostBooster: Sendable {}
