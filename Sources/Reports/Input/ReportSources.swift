import Foundation

/// Where the report finds each step's output: found by ``discover(in:)`` in a run folder, or set by hand.
///
/// Discovery looks in the folder itself and in its immediate subfolders, so the layout of
/// `meridian plan run` (one subfolder per step) and a single command's `--output` folder both work:
/// - territories: a folder holding `assignment.csv` and `territories.csv` (`metrics.json` optional);
/// - quotas: a folder holding `quotas.csv` (`quota_levels.csv`, `quota_summary.txt` optional);
/// - pay: a subfolder `comp` (or `pay`) as `meridian comp calculate` writes it, and/or `simulation`
///   as `meridian simulate` writes it (`summary.csv`, `reps.csv`); comp plans (for the payout curves)
///   in a `plans` folder of the run folder or of the comp folder, or set by hand;
/// - scenarios: `compare.json` (of `meridian scenarios compare`) in the folder or its `scenarios` subfolder;
/// - insights: a subfolder `insights` with CSV files (`scorecards.csv`, `leaderboard.csv`, …);
/// - accounts: `accounts.csv` in the folder or in an `inputs` subfolder (needed for the map).
///
/// ```swift
/// var sources = try ReportSources.discover(in: URL(fileURLWithPath: "out/demo"))
/// sources.accounts = URL(fileURLWithPath: "Data/demo/accounts.csv")
/// ```
public struct ReportSources: Sendable, Hashable {
    /// The run folder the sources were found in (the report's title names it).
    public var root: URL
    /// The territory design output folder.
    public var territories: URL?
    /// The quota cascade output folder.
    public var quotas: URL?
    /// The accounts CSV with `id`, `latitude`, `longitude` (and measure columns for the before figures).
    public var accounts: URL?
    /// The state outline, `Data/geo/us-states.csv`.
    public var stateOutline: URL?
    /// The county outlines, `Data/geo/us-counties.csv`: drawn when the territories are built from
    /// counties (every county's accounts in one territory).
    public var countyOutline: URL?
    /// The comp output folder (`measurements.csv`, `statements.csv`, …).
    public var pay: URL?
    /// The simulation output folder (`summary.csv`, `reps.csv`).
    public var simulation: URL?
    /// The comp plan folder (`*.yaml`) the payout curves are drawn from.
    public var plans: URL?
    /// The scenario comparison file, `compare.json`.
    public var scenarios: URL?
    /// The insights output folder.
    public var insights: URL?

    /// Sources with only a root; set the others by hand.
    public init(root: URL) { self.root = root }

    /// The names discovery looks for, for messages.
    public static let looked = [
        "assignment.csv + territories.csv", "quotas.csv", "comp/ or pay/", "simulation/summary.csv",
        "compare.json or scenarios/compare.json", "insights/",
    ]

    /// Finds the step outputs under `root`.
    ///
    /// - Throws: ``ReportsError/notAFolder(path:)`` when `root` is not a folder.
    public static func discover(in root: URL) throws -> ReportSources {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReportsError.notAFolder(path: root.path)
        }
        var sources = ReportSources(root: root)
        let children =
            ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
            .map { root.appendingPathComponent($0) }.filter(isDirectory)
        let candidates = [root] + children
        sources.territories = candidates.first { has($0, ["assignment.csv", "territories.csv"]) }
        sources.quotas = candidates.first { has($0, ["quotas.csv"]) }
        for folder in [root, root.appendingPathComponent("inputs")] where has(folder, ["accounts.csv"]) {
            sources.accounts = sources.accounts ?? folder.appendingPathComponent("accounts.csv")
        }
        sources.pay = children.first { ["comp", "pay"].contains($0.lastPathComponent) && hasCSV($0) }
        sources.simulation = children.first { $0.lastPathComponent == "simulation" && has($0, ["summary.csv"]) }
        let planFolders =
            [root.appendingPathComponent("plans")] + (sources.pay.map { [$0.appendingPathComponent("plans")] } ?? [])
        sources.plans = planFolders.first { folder in
            isDirectory(folder)
                && ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains {
                    $0.hasSuffix(".yaml")
                }
        }
        sources.scenarios = [root, root.appendingPathComponent("scenarios")].map {
            $0.appendingPathComponent("compare.json")
        }.first { FileManager.default.fileExists(atPath: $0.path) }
        sources.insights = children.first { $0.lastPathComponent == "insights" && hasCSV($0) }
        return sources
    }

    /// `Data/geo/us-states.csv` in the current folder or in a folder above `executable` (a
    /// checkout's `.build/debug/meridian`), or `nil` when neither has it (the map then has no outline).
    public static func findStateOutline(executable: URL? = nil) -> URL? {
        findGeoFile("Data/geo/us-states.csv", executable: executable)
    }

    /// `Data/geo/us-counties.csv`, searched as ``findStateOutline(executable:)`` searches, or `nil`
    /// (county-built territories are then drawn as hulls).
    public static func findCountyOutline(executable: URL? = nil) -> URL? {
        findGeoFile("Data/geo/us-counties.csv", executable: executable)
    }

    private static func findGeoFile(_ relative: String, executable: URL?) -> URL? {
        var folders = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        while let current = folder, current.path != "/" {
            folders.append(current)
            folder = current.deletingLastPathComponent()
        }
        return folders.map { $0.appendingPathComponent(relative) }.first {
            FileManager.default.fileExists(atPath: $0.path)
        }
    }

    /// Whether any step output was found.
    public var isEmpty: Bool {
        territories == nil && quotas == nil && pay == nil && simulation == nil && scenarios == nil && insights == nil
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    private static func has(_ folder: URL, _ names: [String]) -> Bool {
        names.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    private static func hasCSV(_ folder: URL) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains { $0.hasSuffix(".csv") }
    }
}
