/// Table B4 of STYLE.md: a termination from GLPK's (return code, status) pair, never from status alone.
extension Termination {
    /// Maps `glp_simplex`'s return code and `glp_get_status`.
    ///
    /// - Throws: ``SolverError/routineFailed(routine:code:)`` for GLPK failure codes.
    static func fromSimplex(_ rc: GLPKReturnCode, _ status: GLPKStatus, presolve: Bool) throws -> Termination {
        switch rc {
        case .success:
            switch status {
            case .optimal: return .optimal
            case .noFeasible: return .infeasible
            case .unbounded: return .unbounded
            case .feasible: return .feasible(limit: .iterations)
            default: throw SolverError.routineFailed(routine: "glp_simplex (status \(status))", code: rc)
            }
        case .noPrimalFeasible:
            return .infeasible
        case .noDualFeasible:
            return .infeasibleOrUnbounded
        case .timeLimit:
            return status == .feasible ? .feasible(limit: .time) : .noSolutionFound(limit: .time)
        case .iterationLimit:
            return status == .feasible ? .feasible(limit: .iterations) : .noSolutionFound(limit: .iterations)
        default:
            throw SolverError.routineFailed(routine: "glp_simplex", code: rc)
        }
    }

    /// Maps `glp_interior`'s return code and `glp_ipt_status`.
    static func fromInterior(_ rc: GLPKReturnCode, _ status: GLPKStatus) throws -> Termination {
        switch rc {
        case .success:
            switch status {
            case .optimal: return .optimal
            case .noFeasible, .infeasible: return .infeasibleOrUnbounded
            default: throw SolverError.routineFailed(routine: "glp_interior (status \(status))", code: rc)
            }
        case .noFeasible:
            return .infeasibleOrUnbounded
        case .iterationLimit:
            return .noSolutionFound(limit: .iterations)
        default:
            throw SolverError.routineFailed(routine: "glp_interior", code: rc)
        }
    }

    /// Maps `glp_intopt`'s return code and `glp_mip_status`, plus why our callback stopped the search.
    static func fromIntopt(_ rc: GLPKReturnCode, _ status: GLPKStatus, stop: MIPSearchState.StopReason?) throws
        -> Termination
    {
        let hasIncumbent = status == .feasible || status == .optimal
        switch rc {
        case .success:
            switch status {
            case .optimal: return .optimal
            case .noFeasible: return .infeasible
            default: throw SolverError.routineFailed(routine: "glp_intopt (status \(status))", code: rc)
            }
        case .noPrimalFeasible:
            return .infeasible
        case .noDualFeasible:
            return .infeasibleOrUnbounded
        case .gapReached:
            return hasIncumbent ? .optimal : .noSolutionFound(limit: .iterations)
        case .timeLimit:
            return hasIncumbent ? .feasible(limit: .time) : .noSolutionFound(limit: .time)
        case .iterationLimit:
            return hasIncumbent ? .feasible(limit: .iterations) : .noSolutionFound(limit: .iterations)
        case .stopped:
            let limit: Limit =
                switch stop {
                case .nodes: .nodes
                case .time: .time
                case .interrupted, nil: .interrupted
                }
            return hasIncumbent ? .feasible(limit: limit) : .noSolutionFound(limit: limit)
        default:
            throw SolverError.routineFailed(routine: "glp_intopt", code: rc)
        }
    }

    /// A MIP's termination when its LP relaxation did not reach an optimum.
    static func forMIP(relaxation: Termination) -> Termination {
        switch relaxation {
        case .infeasible: .infeasible
        case .unbounded, .infeasibleOrUnbounded: .infeasibleOrUnbounded
        case .feasible(let limit), .noSolutionFound(let limit): .noSolutionFound(limit: limit)
        case .optimal: .optimal
        }
    }
}
