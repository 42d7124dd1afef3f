public import Foundation

extension Model {
    /// Writes the model in CPLEX LP format (all or nothing: a temporary file is renamed into place).
    ///
    /// ```swift
    /// try model.writeLP(to: URL(fileURLWithPath: "/tmp/quota.lp"))
    /// ```
    ///
    /// The corresponding GLPK routine is `glp_write_lp`.
    /// - Throws: ``ModelError`` for an invalid model; ``SolverError/fileFailed(path:operation:message:)``.
    public func writeLP(to url: URL) throws {
        try write(to: url) { problem, path in try problem.writeLP(to: path) }
    }

    /// Writes the model in free MPS format.
    ///
    /// The corresponding GLPK routine is `glp_write_mps`.
    public func writeMPS(to url: URL) throws {
        try write(to: url) { problem, path in try problem.writeMPS(to: path) }
    }

    /// Reads a model from a CPLEX LP file.
    ///
    /// The corresponding GLPK routine is `glp_read_lp`.
    ///
    /// - Throws: ``SolverError/mathProgError(file:line:message:)`` naming the line of a syntax error,
    ///   or ``SolverError/fileFailed(path:operation:message:)``.
    public init(contentsOfLP url: URL) throws {
        self = try Self.read { try $0.readLP(from: url.path) }
    }

    /// Reads a model from a free MPS file.
    ///
    /// The corresponding GLPK routine is `glp_read_mps`.
    public init(contentsOfMPS url: URL) throws {
        self = try Self.read { try $0.readMPS(from: url.path) }
    }

    /// Translates a GNU MathProg model (`.mod`, with an optional `.dat`) into a model.
    ///
    /// ```swift
    /// let model = try Model(mathProgModel: URL(fileURLWithPath: "Models/capacitated_p_median.mod"),
    ///                       data: URL(fileURLWithPath: "Models/pmedcap1_01.dat"))
    /// ```
    ///
    /// When `data` is given, a `data;` section inside the model file is skipped, as `glpsol` does.
    /// The corresponding GLPK routines are `glp_mpl_read_model`, `glp_mpl_read_data`,
    /// `glp_mpl_generate` and `glp_mpl_build_prob`.
    /// - Throws: ``SolverError/mathProgError(file:line:message:)`` with GLPK's file, line and message.
    public init(mathProgModel: URL, data: URL? = nil) throws {
        self = try Self.read { try $0.readMathProg(model: mathProgModel.path, data: data?.path) }
    }

    /// The model as CPLEX LP text (for snapshots and debugging).
    public func lpText() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("meridian-\(UUID().uuidString).lp")
        defer { try? FileManager.default.removeItem(at: url) }
        try writeLP(to: url)
        return try String(contentsOf: url, encoding: .utf8)
    }

    private func write(to url: URL, _ body: @escaping (GLPKProblem, String) throws -> Void) throws {
        try validate()
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let problem = GLPKProblem()
        let model = self
        do {
            try GLPKProblem.withErrorGuard(echo: false) {
                problem.load(model)
                try body(problem, temporary.path)
            }
            if rename(temporary.path, url.path) != 0 {
                throw SolverError.fileFailed(
                    path: url.path, operation: "rename", message: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    private static func read(_ body: @escaping (GLPKProblem) throws -> Void) throws -> Model {
        let problem = GLPKProblem()
        return try GLPKProblem.withErrorGuard(echo: false) {
            try body(problem)
            return problem.extractModel()
        }
    }
}
