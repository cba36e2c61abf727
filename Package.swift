// swift-tools-version: 6.1
import PackageDescription

/// One set of Swift settings for every target: Swift 6 mode with strict concurrency.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Goldilocks",
    platforms: [.macOS(.v15)],  // Synchronization's atomics
    products: [
        .executable(name: "goldilocks", targets: ["goldilocks"]),
        .library(name: "GoldilocksCore", targets: ["GoldilocksCore"]),
        .library(name: "GoldilocksSpec", targets: ["GoldilocksSpec"]),
        .library(name: "GoldilocksSchedules", targets: ["GoldilocksSchedules"]),
        .library(name: "GoldilocksOptimizers", targets: ["GoldilocksOptimizers"]),
        .library(name: "GoldilocksNetworks", targets: ["GoldilocksNetworks"]),
        .library(name: "GoldilocksData", targets: ["GoldilocksData"]),
        .library(name: "GoldilocksFinder", targets: ["GoldilocksFinder"]),
        .library(name: "GoldilocksDiagnosis", targets: ["GoldilocksDiagnosis"]),
        .library(name: "GoldilocksLogs", targets: ["GoldilocksLogs"]),
        .library(name: "GoldilocksPlots", targets: ["GoldilocksPlots"]),
        .library(name: "GoldilocksLandscapes", targets: ["GoldilocksLandscapes"]),
        .library(name: "GoldilocksTraining", targets: ["GoldilocksTraining"]),
        .library(name: "GoldilocksSearch", targets: ["GoldilocksSearch"]),
        .library(name: "GoldilocksTuning", targets: ["GoldilocksTuning"]),
        .library(name: "GoldilocksDashboard", targets: ["GoldilocksDashboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // Study storage drivers: GRDB for SQLite (synchronous, as the storage protocol is), postgres-nio
        // for PostgreSQL (its event loops, logger and TLS come from swift-nio, swift-log, swift-nio-ssl).
        // Why these: docs/study-storage.md.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // Leaves: plain Doubles and arrays, no tensor code.
        .target(name: "GoldilocksSpec", swiftSettings: settings),
        .target(name: "GoldilocksSchedules", dependencies: ["GoldilocksSpec"], swiftSettings: settings),
        .target(
            name: "GoldilocksOptimizers", dependencies: ["GoldilocksSpec", "GoldilocksCore", "GoldilocksKernels"],
            swiftSettings: settings),
        .target(name: "GoldilocksFinder", swiftSettings: settings),
        // Optimizers on closed-form functions: trajectories, landscapes and the x² demo.
        .target(name: "GoldilocksLandscapes", dependencies: ["GoldilocksOptimizers", "GoldilocksSchedules"], swiftSettings: settings),
        .target(name: "GoldilocksDiagnosis", resources: [.copy("Resources")], swiftSettings: settings),
        .target(name: "GoldilocksLogs", swiftSettings: settings),
        .target(name: "GoldilocksPlots", swiftSettings: settings),

        // The numeric core and what stands on it.
        // The AVX2/FMA matrix kernels in C and inline assembly; Core checks and dispatches.
        // sqrtf in Adam's scalar tail.
        .target(name: "GoldilocksKernels", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(name: "GoldilocksCore", dependencies: ["GoldilocksKernels"], swiftSettings: settings),
        .target(name: "GoldilocksNetworks", dependencies: ["GoldilocksCore"], swiftSettings: settings),
        .target(
            name: "GoldilocksData", dependencies: ["GoldilocksCore", "GoldilocksSpec"],
            resources: [.copy("Bundled")], swiftSettings: settings),
        .target(
            name: "GoldilocksTraining",
            dependencies: [
                "GoldilocksCore", "GoldilocksNetworks", "GoldilocksData", "GoldilocksOptimizers",
                "GoldilocksSchedules", "GoldilocksFinder", "GoldilocksDiagnosis", "GoldilocksLogs", "GoldilocksLandscapes",
            ],
            swiftSettings: settings),

        // The search for a learning rate, a layer above training: the range test on a network,
        // `--lr auto` and its rehearsals, and a `train` run that may ask for them.
        .target(
            name: "GoldilocksSearch",
            dependencies: [
                "GoldilocksTraining", "GoldilocksCore", "GoldilocksData", "GoldilocksNetworks", "GoldilocksOptimizers",
                "GoldilocksSchedules", "GoldilocksFinder", "GoldilocksLogs", "GoldilocksSpec",
            ],
            swiftSettings: settings),

        // Studies: many runs searching the learning rate and the schedule around it, with samplers,
        // pruners and a storage in Optuna's schema (SQLite, PostgreSQL) that workers share.
        .target(
            name: "GoldilocksTuning",
            dependencies: [
                "GoldilocksSearch", "GoldilocksTraining", "GoldilocksCore", "GoldilocksData", "GoldilocksFinder", "GoldilocksSpec",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: settings),

        // The web dashboard on top of everything: the playground, runs, studies and schedules,
        // served by Hummingbird; `goldilocks serve` only parses its options and starts it.
        .target(
            name: "GoldilocksDashboard",
            dependencies: [
                "GoldilocksSpec", "GoldilocksSchedules", "GoldilocksOptimizers", "GoldilocksLandscapes", "GoldilocksFinder", "GoldilocksData",
                "GoldilocksDiagnosis", "GoldilocksLogs", "GoldilocksPlots", "GoldilocksTraining", "GoldilocksSearch", "GoldilocksTuning",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Assets")],
            swiftSettings: settings),

        // The command line: parse, call one library function, print.
        .target(
            name: "GoldilocksCommands",
            dependencies: [
                "GoldilocksCore", "GoldilocksData", "GoldilocksNetworks", "GoldilocksOptimizers", "GoldilocksSchedules",
                "GoldilocksFinder", "GoldilocksDiagnosis", "GoldilocksLogs", "GoldilocksPlots", "GoldilocksSpec",
                "GoldilocksLandscapes", "GoldilocksTraining", "GoldilocksSearch", "GoldilocksTuning", "GoldilocksDashboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: settings),
        .executableTarget(
            name: "goldilocks",
            dependencies: ["GoldilocksCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: settings),

        // Tests mirror the library targets; TestSupport holds what they share.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: settings),
        .target(
            name: "TrainingTestSupport",
            dependencies: ["GoldilocksCore", "GoldilocksData", "GoldilocksNetworks", "GoldilocksOptimizers", "GoldilocksSpec"],
            path: "Tests/TrainingTestSupport", swiftSettings: settings),
        .testTarget(name: "GoldilocksSpecTests", dependencies: ["GoldilocksSpec"], swiftSettings: settings),
        .testTarget(name: "GoldilocksCoreTests", dependencies: ["GoldilocksCore", "TestSupport"], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksSchedulesTests",
            dependencies: [
                "GoldilocksSchedules", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksOptimizersTests",
            dependencies: [
                "GoldilocksOptimizers", "GoldilocksSchedules", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "GoldilocksNetworksTests", dependencies: ["GoldilocksNetworks", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "GoldilocksDataTests", dependencies: ["GoldilocksData", "TestSupport"], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksFinderTests", dependencies: ["GoldilocksFinder", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksDiagnosisTests", dependencies: ["GoldilocksDiagnosis", "GoldilocksLogs", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksLogsTests", dependencies: ["GoldilocksLogs", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "GoldilocksPlotsTests", dependencies: ["GoldilocksPlots", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksLandscapesTests",
            dependencies: ["GoldilocksLandscapes", "GoldilocksOptimizers", "GoldilocksSchedules", "TestSupport"],
            swiftSettings: settings),
        .testTarget(
            name: "GoldilocksSearchTests", dependencies: ["GoldilocksSearch", "GoldilocksTraining", "GoldilocksLogs", "TestSupport", "TrainingTestSupport"],
            swiftSettings: settings),
        .testTarget(
            name: "GoldilocksTuningTests", dependencies: ["GoldilocksTuning", "GoldilocksTraining", "GoldilocksSpec", "GoldilocksCore", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "GoldilocksTrainingTests", dependencies: ["GoldilocksTraining", "GoldilocksLandscapes", "GoldilocksLogs", "TestSupport", "TrainingTestSupport"], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksDashboardTests",
            dependencies: [
                "GoldilocksDashboard", "GoldilocksLogs", "GoldilocksSchedules", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(
            name: "GoldilocksCommandsTests",
            dependencies: [
                "GoldilocksCommands", "GoldilocksDashboard", "GoldilocksDiagnosis", "GoldilocksFinder", "GoldilocksLandscapes", "GoldilocksLogs", "GoldilocksPlots", "GoldilocksSchedules", "GoldilocksSearch", "GoldilocksSpec", "GoldilocksTraining",
                "GoldilocksTuning", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings),
    ]
)
