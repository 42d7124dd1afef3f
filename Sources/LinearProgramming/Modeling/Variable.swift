/// The domain of a decision variable.
public enum VariableKind: Sendable, Hashable {
    /// A real-valued variable (GLPK `GLP_CV`).
    case continuous
    /// An integer-valued variable (GLPK `GLP_IV`).
    case integer
    /// An integer variable restricted to `0...1` (GLPK `GLP_BV`).
    case binary
}

/// A decision variable of one ``Model``: a column index plus the identity of the model that created it.
///
/// ```swift
/// var model = Model(name: "plan")
/// let x = model.addVariable("x", upperBound: 3)
/// x.index   // 0
/// ```
///
/// Variables are cheap handles. Using a variable with a model other than its own is reported by
/// ``Model/validate()`` as ``ModelError/variableNotOwned(variable:context:model:)``.
public struct Variable: Hashable, Sendable {
    /// The zero-based column index of the variable in its model.
    public let index: Int
    /// The identity of the model that created the variable.
    let modelID: ModelID

    init(index: Int, modelID: ModelID) {
        self.index = index
        self.modelID = modelID
    }
}

/// A handle to a row (constraint) of one ``Model``.
public struct ConstraintRef: Hashable, Sendable {
    /// The zero-based row index of the constraint in its model.
    public let index: Int
}

/// The identity of a ``Model`` and of the copies made from it.
struct ModelID: Hashable, Sendable {
    let rawValue: UInt64

    /// A fresh random identity; two models made independently never share one in practice.
    static func make() -> ModelID {
        var generator = SystemRandomNumberGenerator()
        return ModelID(rawValue: generator.next())
    }
}
