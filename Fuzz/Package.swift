// swift-tools-version: 6.1
import Foundation
import PackageDescription

// libFuzzer targets for Goldilocks' parsers, kept out of the main manifest so that the library
// stays free of unsafe flags. Nothing depends on this package.
//
// The sanitizer flags are not set here: they must reach the Goldilocks modules too (libFuzzer is
// blind without coverage of the parser it feeds), so scripts/fuzz passes them for every module:
//
//     swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address
//
// Each target defines `LLVMFuzzerTestOneInput` in a file named after it; its main.swift hands that
// to libFuzzer's driver through FuzzDriver (see FuzzDriver.h for why not libFuzzer's own `main`).

// SwiftPM names a path dependency after its folder, and this package after its own ("fuzz"): in a
// checkout folder itself named `fuzz` the two collide, so scripts/fuzz then builds against a copy
// of the package's sources and says where with GOLDILOCKS_ROOT.
let goldilocksRoot = ProcessInfo.processInfo.environment["GOLDILOCKS_ROOT"] ?? ".."

let diagnosis: Target.Dependency = .product(name: "GoldilocksDiagnosis", package: "Goldilocks")

let package = Package(
    name: "GoldilocksFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Goldilocks", path: goldilocksRoot)],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzCSVLog", dependencies: ["FuzzDriver", .product(name: "GoldilocksLogs", package: "Goldilocks"), diagnosis]),
        .executableTarget(
            name: "FuzzJSONLines", dependencies: ["FuzzDriver", .product(name: "GoldilocksLogs", package: "Goldilocks"), diagnosis]),
        .executableTarget(
            name: "FuzzTensorBoard", dependencies: ["FuzzDriver", .product(name: "GoldilocksLogs", package: "Goldilocks"), diagnosis]),
        .executableTarget(
            name: "FuzzDataCSV", dependencies: ["FuzzDriver", .product(name: "GoldilocksData", package: "Goldilocks")]),
        .executableTarget(
            name: "FuzzSpec",
            dependencies: [
                "FuzzDriver",
                .product(name: "GoldilocksSpec", package: "Goldilocks"),
                .product(name: "GoldilocksSchedules", package: "Goldilocks"),
                .product(name: "GoldilocksOptimizers", package: "Goldilocks"),
            ]),
        .executableTarget(
            name: "FuzzRangeCurve", dependencies: ["FuzzDriver", .product(name: "GoldilocksFinder", package: "Goldilocks")]),
    ]
)
