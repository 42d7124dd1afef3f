// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks are executables, one per performance goal: `swift run -c release <name>`; each reads
/// its command line through `BenchSupport`.
func benchmark(_ name: String, path: String, dependencies: [Target.Dependency], exclude: [String] = []) -> Target {
    .executableTarget(
        name: name, dependencies: dependencies + ["BenchSupport"], path: "Benchmarks/\(path)", exclude: exclude)
}

let package = Package(
    name: "Meridian",
    products: [
        .executable(name: "meridian", targets: ["meridian"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "SalesData", targets: ["SalesData"]),
        .library(name: "Segmentation", targets: ["Segmentation"]),
        .library(name: "Scoring", targets: ["Scoring"]),
        .library(name: "TerritoryDesign", targets: ["TerritoryDesign"]),
        .library(name: "TerritoryDesignExact", targets: ["TerritoryDesignExact"]),
        .library(name: "QuotaPlanning", targets: ["QuotaPlanning"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Incentives", targets: ["Incentives"]),
        .library(name: "Insights", targets: ["Insights"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "RunStore", targets: ["RunStore"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: - C libraries
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "CGLPKShims", dependencies: ["CGLPK"]),
        .systemLibrary(name: "CXGBoost", providers: [.apt(["libxgboost-dev"])]),

        // MARK: - Modules
        .target(
            name: "LinearProgramming",
            dependencies: ["CGLPK", "CGLPKShims", .product(name: "OrderedCollections", package: "swift-collections")]
        ),
        .target(name: "SalesData", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Segmentation", dependencies: ["SalesData", .product(name: "Yams", package: "Yams")]),
        .target(name: "Scoring", dependencies: ["SalesData", "CXGBoost"]),
        .target(
            name: "TerritoryDesign",
            dependencies: [
                "SalesData", "LinearProgramming", .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        // The exact (capacitated, balanced, contiguous) p-median engine: `meridian territories pmedian`.
        .target(
            name: "TerritoryDesignExact",
            dependencies: [
                "TerritoryDesign", "SalesData", "LinearProgramming",
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "QuotaPlanning",
            dependencies: ["SalesData", "LinearProgramming", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Incentives",
            dependencies: [
                "SalesData", "RunStore", .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .target(name: "Insights", dependencies: ["SalesData", .product(name: "Yams", package: "Yams")]),
        .target(name: "Simulation", dependencies: ["Incentives", "SalesData"]),
        .target(
            name: "RunStore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "Reports", dependencies: ["SalesData", "LinearProgramming", "Incentives"]),

        .target(
            name: "Planning",
            dependencies: [
                "SalesData", "LinearProgramming", "Segmentation", "Scoring", "TerritoryDesign", "QuotaPlanning",
                "Insights", "Incentives", "Simulation", "Reports", "RunStore", .product(name: "Yams", package: "Yams"),
            ]
        ),

        // MARK: - CLI
        .executableTarget(
            name: "meridian",
            dependencies: [
                "LinearProgramming", "SalesData", "Segmentation", "Scoring", "TerritoryDesign", "TerritoryDesignExact",
                "QuotaPlanning", "Incentives", "Insights", "Planning", "Reports", "RunStore", "Simulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // MARK: - Benchmarks
        .target(name: "BenchSupport", path: "Benchmarks/BenchSupport"),
        benchmark("lp-bench", path: "LinearProgramming", dependencies: ["LinearProgramming", "SalesData"]),
        benchmark("data-bench", path: "SalesData", dependencies: ["SalesData"]),
        benchmark(
            "territory-bench", path: "TerritoryDesign",
            dependencies: ["TerritoryDesign", "TerritoryDesignExact", "TerritoryDesignSupport", "SalesData"],
            exclude: [
                "peers.py", "demo_lp.py", "convert_instances.py", "us_counties_units.py", "real-geography.sh",
                "ctdp-product-path.sh", "RESULTS.md",
            ]),
        benchmark(
            "quota-bench", path: "QuotaPlanning", dependencies: ["QuotaPlanning", "SalesData", "LinearProgramming"]),
        benchmark(
            "comp-bench", path: "Incentives", dependencies: ["Incentives", "SalesData"],
            exclude: ["reference.py", "RESULTS.md", "bench.sh"]),
        benchmark("ledger-bench", path: "IncentivesLedger", dependencies: ["Incentives", "SalesData"]),
        benchmark("scoring-bench", path: "Scoring", dependencies: ["Scoring", "SalesData"]),
        benchmark(
            "sim-bench", path: "Simulation", dependencies: ["Simulation"], exclude: ["reference.py", "RESULTS.md"]),
        benchmark(
            "insights-bench", path: "Insights", dependencies: ["Insights", "SalesData"],
            exclude: ["sentiment_peer.py", "scorecards_peer.py", "RESULTS.md"]),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["SalesData"], path: "Tests/TestSupport"),
        // Seeded alignment generators for the territory tests and benchmarks (not part of the library).
        .target(
            name: "TerritoryDesignSupport", dependencies: ["TerritoryDesign", "SalesData"],
            path: "Tests/TerritoryDesignSupport"),
        .testTarget(
            name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "TestSupport"], exclude: ["Snapshots"]
        ),
        .testTarget(name: "SalesDataTests", dependencies: ["SalesData", "TestSupport"]),
        .testTarget(
            name: "SegmentationTests", dependencies: ["Segmentation", "SalesData", "TestSupport"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ScoringTests", dependencies: ["Scoring", "SalesData", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TerritoryDesignTests",
            dependencies: [
                "TerritoryDesign", "TerritoryDesignExact", "TerritoryDesignSupport", "SalesData", "LinearProgramming",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "QuotaPlanningTests",
            dependencies: ["QuotaPlanning", "SalesData", "LinearProgramming", "TestSupport"]
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: [
                "Planning", "SalesData", "LinearProgramming", "RunStore", "Incentives", "Simulation", "QuotaPlanning",
                "TestSupport",
            ]),
        .testTarget(
            name: "IncentivesTests", dependencies: ["Incentives", "SalesData", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "InsightsTests", dependencies: ["Insights", "SalesData", "TestSupport"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Incentives", "SalesData", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "SalesData", "TestSupport"]),
        .testTarget(name: "RunStoreTests", dependencies: ["RunStore", "TestSupport"]),
        .testTarget(name: "MeridianCLITests", dependencies: ["meridian", "RunStore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
