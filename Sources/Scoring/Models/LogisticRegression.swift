import Foundation

/// Binary logistic regression with an L2 penalty on the slopes (never on the intercept), solved to
/// the exact optimum by Newton's method with a backtracking line search.
///
/// The objective is the penalized, weighted negative log-likelihood
/// `Σᵢ wᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ] + (l2 / 2) Σⱼ βⱼ²` with `zᵢ = β₀ + xᵢ·β` and row weights
/// `wᵢ` (1 unless given), which is scikit-learn's `LogisticRegression(C: 1 / l2)` objective with
/// `sample_weight` (or `class_weight = {0: 1, 1: w}` for a positive-class weight `w`). Iterations stop when half the Newton
/// decrement falls below `tolerance × max(1, objective)`, so the reported objective is the optimum
/// to about machine precision.
///
/// ```swift
/// let x = try FeatureMatrix(rows: [[0], [1], [2], [3]], names: ["x"])
/// let fit = try LogisticRegression(l2: 1).fit(x, labels: [0, 1, 0, 1])
/// fit.predict(x).count   // 4
/// ```
///
/// - Complexity: Each Newton step is O(n d²) (parallel over row blocks) plus O(d³).
public struct LogisticRegression: Sendable, Hashable, Codable {
    /// The L2 penalty λ on the slopes; must be ≥ 0 (0 only for non-separable data).
    public var l2: Double
    /// Relative stopping threshold on half the Newton decrement.
    public var tolerance: Double
    /// The most Newton steps.
    public var maxIterations: Int

    /// The settings; every default is written here only.
    public init(l2: Double = 1, tolerance: Double = 1e-14, maxIterations: Int = 100) {
        self.l2 = l2
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    private enum CodingKeys: String, CodingKey {
        case l2, tolerance, maxIterations
    }

    /// Decodes the settings; an absent key keeps its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        l2 = try c.decodeIfPresent(Double.self, forKey: .l2) ?? l2
        tolerance = try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? tolerance
        maxIterations = try c.decodeIfPresent(Int.self, forKey: .maxIterations) ?? maxIterations
    }

    /// Checks the settings: a finite `l2 ≥ 0`, a tolerance in (0, 1) and at least one iteration.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)``.
    public func validate() throws {
        guard l2 >= 0 && l2.isFinite else {
            throw ScoringError.invalidParameter(name: "l2", value: "\(l2)", expected: "a finite number ≥ 0")
        }
        guard tolerance > 0 && tolerance < 1 else {
            throw ScoringError.invalidParameter(name: "tolerance", value: "\(tolerance)", expected: "in (0, 1)")
        }
        guard maxIterations >= 1 else {
            throw ScoringError.invalidParameter(name: "maxIterations", value: "\(maxIterations)", expected: "≥ 1")
        }
    }

    /// Fits the model.
    ///
    /// - Parameters:
    ///   - x: Features without missing values.
    ///   - labels: 0/1 outcomes with both classes.
    ///   - weights: One finite weight > 0 per row (e.g. a positive-class weight on the positives);
    ///     `nil` weighs every row 1. An integer weight is the same as repeating the row.
    /// - Returns: The coefficients at the optimum, with the objective and gradient norm reached.
    /// - Throws: ``ScoringError/singleClass(label:rows:set:)`` for one-class labels,
    ///   ``ScoringError/shapeMismatch(_:)`` for missing values or mismatched lengths,
    ///   ``ScoringError/invalidParameter(name:value:expected:)`` for a bad weight or setting,
    ///   ``ScoringError/perfectSeparation`` when `l2 == 0` and the data are separable.
    public func fit(_ x: FeatureMatrix, labels: [Double], weights: [Double]? = nil) throws -> LogisticRegressionFit {
        try validate()
        try validateBinaryLabels(labels, rows: x.rowCount)
        let weights = weights ?? [Double](repeating: 1, count: x.rowCount)
        guard weights.count == x.rowCount else {
            throw ScoringError.shapeMismatch("\(weights.count) weights for \(x.rowCount) rows")
        }
        if let bad = weights.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
            throw ScoringError.invalidParameter(
                name: "weight of row \(bad + 1)", value: "\(weights[bad])", expected: "a finite number > 0")
        }
        if let bad = x.values.firstIndex(where: { !$0.isFinite }) {
            throw ScoringError.shapeMismatch(
                "feature '\(x.names[bad % x.columnCount])' has a missing or non-finite value in row \(bad / x.columnCount + 1); logistic regression needs imputed features (use FeaturePipeline)"
            )
        }
        let d = x.columnCount
        let dim = d + 1  // slopes, then the intercept
        var beta = [Double](repeating: 0, count: dim)
        var labelsAndWeights = [Double]()
        labelsAndWeights.reserveCapacity(2 * labels.count)
        for (label, weight) in zip(labels, weights) {
            labelsAndWeights.append(label)
            labelsAndWeights.append(weight)
        }
        let positiveWeight = zip(labels, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let totalWeight = weights.reduce(0, +)
        beta[d] = log(positiveWeight / (totalWeight - positiveWeight))
        var current = evaluate(x, labelsAndWeights, beta)
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            guard let step = solveNewton(hessian: current.hessian, gradient: current.gradient, dim: dim) else {
                if l2 == 0 { throw ScoringError.perfectSeparation }
                throw ScoringError.notConverged(iterations: iterations, gradientNorm: current.gradientNorm)
            }
            let decrement = -zip(current.gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            if decrement / 2 <= tolerance * max(1, abs(current.objective)) {
                // Converged to the objective's precision; one more full Newton step (kept only if it
                // shrinks the gradient) drives the gradient to rounding level.
                let trial = zip(beta, step).map { $0 + $1 }
                let polished = evaluate(x, labelsAndWeights, trial)
                if polished.gradientNorm < current.gradientNorm {
                    beta = trial
                    current = polished
                }
                break
            }
            var t = 1.0
            var accepted: Evaluation?
            while t > 1e-12 {
                let trial = zip(beta, step).map { $0 + t * $1 }
                let candidate = evaluate(x, labelsAndWeights, trial)
                if candidate.objective <= current.objective - 1e-4 * t * decrement {
                    beta = trial
                    accepted = candidate
                    break
                }
                t /= 2
            }
            guard let next = accepted else { break }  // no further decrease is representable
            current = next
            if l2 == 0 && (current.objective < 1e-9 * totalWeight || beta.contains(where: { abs($0) > 1e8 })) {
                throw ScoringError.perfectSeparation
            }
        }
        if l2 == 0 && iterations >= maxIterations { throw ScoringError.perfectSeparation }
        let scale = max(1, totalWeight)
        if current.gradientNorm > 1e-6 * scale {
            throw ScoringError.notConverged(iterations: iterations, gradientNorm: current.gradientNorm)
        }
        return LogisticRegressionFit(
            names: x.names, coefficients: Array(beta[0..<d]), intercept: beta[d], l2: l2,
            objective: current.objective, gradientNorm: current.gradientNorm, iterations: iterations)
    }

    struct Evaluation {
        var objective: Double
        var gradient: [Double]
        var hessian: [Double]  // dim × dim, full
        var gradientNorm: Double { gradient.reduce(0) { max($0, abs($1)) } }
    }

    /// Objective, gradient and Hessian, summed over fixed row blocks in block order.
    ///
    /// The fixed order makes the result independent of how many threads ran. `labelsAndWeights` interleaves each row's
    /// label and weight: `[y₀, w₀, y₁, w₁, …]`.
    func evaluate(_ x: FeatureMatrix, _ labelsAndWeights: [Double], _ beta: [Double]) -> Evaluation {
        let d = x.columnCount
        let dim = d + 1
        let stride = 1 + dim + dim * dim
        let blockSize = 8192
        let blocks = (x.rowCount + blockSize - 1) / blockSize
        var partials = [Double](repeating: 0, count: blocks * stride)
        x.values.withUnsafeBufferPointer { xBuffer in
            labelsAndWeights.withUnsafeBufferPointer { ywBuffer in
                beta.withUnsafeBufferPointer { betaBuffer in
                    partials.withUnsafeMutableBufferPointer { outBuffer in
                        guard let outBase = outBuffer.baseAddress else { return }
                        let xs = SharedInput(buffer: xBuffer)
                        let yw = SharedInput(buffer: ywBuffer)
                        let b = SharedInput(buffer: betaBuffer)
                        let out = SharedOutput(base: outBase)
                        let rowCount = x.rowCount
                        DispatchQueue.concurrentPerform(iterations: blocks) { block in
                            let p = out.base + block * stride
                            let lower = block * blockSize
                            let upper = min(rowCount, lower + blockSize)
                            var row = [Double](repeating: 1, count: dim)
                            for i in lower..<upper {
                                var z = b[d]
                                for j in 0..<d {
                                    let v = xs[i * d + j]
                                    row[j] = v
                                    z += b[j] * v
                                }
                                let (label, rowWeight) = (yw[2 * i], yw[2 * i + 1])
                                let softplus = max(z, 0) + log1p(exp(-abs(z)))
                                p[0] += rowWeight * (softplus - label * z)
                                let prob = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
                                let residual = rowWeight * (prob - label)
                                let weight = rowWeight * prob * (1 - prob)
                                for j in 0..<dim {
                                    p[1 + j] += residual * row[j]
                                    let wj = weight * row[j]
                                    let h = p + 1 + dim + j * dim
                                    for k in j..<dim { h[k] += wj * row[k] }
                                }
                            }
                        }
                    }
                }
            }
        }
        var objective = 0.0
        var gradient = [Double](repeating: 0, count: dim)
        var hessian = [Double](repeating: 0, count: dim * dim)
        for block in 0..<blocks {
            let base = block * stride
            objective += partials[base]
            for j in 0..<dim { gradient[j] += partials[base + 1 + j] }
            for j in 0..<dim {
                for k in j..<dim { hessian[j * dim + k] += partials[base + 1 + dim + j * dim + k] }
            }
        }
        for j in 0..<d {
            objective += l2 / 2 * beta[j] * beta[j]
            gradient[j] += l2 * beta[j]
            hessian[j * dim + j] += l2
        }
        for j in 0..<dim { for k in 0..<j { hessian[j * dim + k] = hessian[k * dim + j] } }
        return Evaluation(objective: objective, gradient: gradient, hessian: hessian)
    }

    /// Solves `H s = −g` by Cholesky; `nil` when `H` is not positive definite.
    func solveNewton(hessian: [Double], gradient: [Double], dim: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: dim * dim)
        for j in 0..<dim {
            var sum = hessian[j * dim + j]
            for k in 0..<j { sum -= l[j * dim + k] * l[j * dim + k] }
            guard sum > 1e-300 && sum.isFinite else { return nil }
            let diagonal = sqrt(sum)
            l[j * dim + j] = diagonal
            for i in (j + 1)..<dim {
                var s = hessian[i * dim + j]
                for k in 0..<j { s -= l[i * dim + k] * l[j * dim + k] }
                l[i * dim + j] = s / diagonal
            }
        }
        var z = [Double](repeating: 0, count: dim)
        for i in 0..<dim {
            var s = -gradient[i]
            for k in 0..<i { s -= l[i * dim + k] * z[k] }
            z[i] = s / l[i * dim + i]
        }
        var s = [Double](repeating: 0, count: dim)
        for i in stride(from: dim - 1, through: 0, by: -1) {
            var v = z[i]
            for k in (i + 1)..<dim { v -= l[k * dim + i] * s[k] }
            s[i] = v / l[i * dim + i]
        }
        return s
    }
}

/// A fitted logistic regression: slopes by feature name, intercept and the optimum reached.
public struct LogisticRegressionFit: Sendable, Hashable, Codable {
    /// Feature names, in the order of `coefficients`.
    public let names: [String]
    public let coefficients: [Double]
    public let intercept: Double
    /// The penalty the model was fitted with.
    public let l2: Double
    /// The penalized negative log-likelihood at the solution.
    public let objective: Double
    /// The largest absolute gradient component at the solution.
    public let gradientNorm: Double
    /// Newton steps taken.
    public let iterations: Int

    /// The linear predictor `β₀ + x·β` of each row.
    public func decisionFunction(_ x: FeatureMatrix) -> [Double] {
        precondition(x.columnCount == coefficients.count, "feature count differs from the fitted model")
        return (0..<x.rowCount).map { i in
            var z = intercept
            for j in 0..<x.columnCount { z += coefficients[j] * x.values[i * x.columnCount + j] }
            return z
        }
    }

    /// The predicted probability of class 1 for each row.
    public func predict(_ x: FeatureMatrix) -> [Double] {
        decisionFunction(x).map { z in z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }
    }
}
