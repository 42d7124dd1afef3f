import ArgumentParser
import Foundation
import Incentives
import Insights
import LinearProgramming
import Planning
import QuotaPlanning
import Reports
import RunStore
import SalesData
import Scoring
import Segmentation
import Simulation
import TerritoryDesign

/// The exit-status table of every `meridian` command, and the one place a library error becomes
/// a status and a message.
///
/// | status | meaning |
/// |---|---|
/// | 0 | ok (an optimizer stopped by a limit with a usable solution included) |
/// | 1 | I/O or internal error, said in a plain sentence |
/// | 3 | no feasible solution: the constraints admit none (the conflict is printed) |
/// | 4 | a limit stopped the optimizer before it found a solution |
/// | 64 | usage: unknown flag, missing argument, invalid flag value |
/// | 65 | bad data: a file or configuration that cannot be used, located file:line:column |
enum ExitStatus: Int32, CaseIterable {
    case ok = 0
    case failure = 1
    case infeasible = 3
    case limitWithoutSolution = 4
    case usage = 64
    case badData = 65

    /// The table as printed at the end of every command's `--help`.
    static let helpText = """
        Exit status:
          0   ok (an optimizer stopped by a limit with a usable solution included)
          1   I/O or internal error
          3   no feasible solution: the constraints admit none (the conflict is printed)
          4   a limit stopped the optimizer before it found a solution
          64  usage error (unknown flag, missing argument, invalid flag value)
          65  bad data (a file or configuration that cannot be used; located file:line:column)
        """

    /// `discussion` followed by the table, for a command's configuration.
    static func discussion(_ discussion: String = "") -> String {
        discussion.isEmpty ? helpText : discussion + "\n\n" + helpText
    }

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The status of an optimizer's termination: ok with a solution, 3 when proven infeasible or
    /// unbounded, 4 when a limit stopped it first.
    init(_ termination: Termination) {
        switch termination {
        case .optimal, .feasible: self = .ok
        case .infeasible, .unbounded, .infeasibleOrUnbounded: self = .infeasible
        case .noSolutionFound: self = .limitWithoutSolution
        }
    }

    /// The status of a library error (every module's error type is listed here, nowhere else).
    init(classifying error: any Error) {
        switch error {
        case let error as RequestBuildError:
            self = error.isConfig ? .badData : .usage
        case let error as TerritoryError:
            switch error {
            case .infeasible: self = .infeasible
            case .noFeasibleAlignmentFound: self = .limitWithoutSolution
            // A setting the data rules out (a config's own errors are RequestBuildError).
            case .invalidRequest: self = .usage
            default: self = .badData
            }
        case let error as QuotaError:
            switch error {
            case .infeasible: self = .infeasible
            case .solverFailed(_, let termination, _): self = termination.map(ExitStatus.init) ?? .failure
            case .table(let inner): self = ExitStatus(classifying: inner)
            default: self = .badData
            }
        case let error as SolverError:
            switch error {
            case .mathProgError, .invalidOption: self = .badData
            case .fileFailed(_, let operation, _) where operation != "rename": self = .badData
            default: self = .failure
            }
        case let error as SolveError:
            if case .notOptimal(let termination, _) = error, ExitStatus(termination) != .ok {
                self = ExitStatus(termination)
            } else {
                self = .failure
            }
        case let error as ColumnTableError:
            if case .unreadable = error { self = .failure } else { self = .badData }
        case let error as ScoringError:
            if case .xgboost = error { self = .failure } else { self = .badData }
        case let error as IncentivesError:
            if case .unreadable = error { self = .failure } else { self = .badData }
        case let error as SimulationError:
            if case .unreachable = error { self = .infeasible } else { self = .badData }
        case let error as InsightsError:
            if case .fileFailed = error { self = .failure } else { self = .badData }
        case let error as ReportsError:
            if case .unreadable = error { self = .failure } else { self = .badData }
        case let error as RunStoreError:
            switch error {
            case .invalidLocation, .runNotFound: self = .usage
            case .corruptRow, .outputsChanged: self = .badData
            case .missingStore, .duplicateRun, .database: self = .failure
            }
        case is LedgerError, is ModelError, is SalesDataError, is ConfigurationError, is PlanningError,
            is SegmentationError, is DecodingError:
            self = .badData
        default:
            self = .failure
        }
    }
}

extension Meridian {
    /// Runs the command line: argument errors go to ArgumentParser (64, with usage); a library error
    /// prints `error: <message>` to standard error and exits with its ``ExitStatus``.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if isLibraryError(error) {
                FileHandle.standardError.write(Data("error: \(message(for: error))\n".utf8))
                Foundation.exit(ExitStatus(classifying: error).rawValue)
            }
            exit(withError: error)
        }
    }

    /// Whether `error` comes from a library (or the file system) rather than from ArgumentParser.
    static func isLibraryError(_ error: any Error) -> Bool {
        // help and parse requests travel as ArgumentParser's internal error types
        !(error is ExitCode || error is ValidationError || error is CleanExit)
            && !String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// The message of a library error: its own description, or for a file-system error one plain
    /// sentence (the path and the POSIX reason), never a Foundation error dump.
    static func message(for error: any Error) -> String {
        let isFoundation = error is CocoaError || error is POSIXError || type(of: error) is NSError.Type
        if !isFoundation {
            return String(describing: error)
        }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let reason = AtomicFolder.plainReason(error)
        return path.map { "\(ErrorText.quoted($0)): \(reason)" } ?? "internal error: \(reason)"
    }
}
