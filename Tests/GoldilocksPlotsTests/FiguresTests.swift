import Foundation
import Testing
@testable import GoldilocksPlots

/// With GOLDILOCKS_PLOTS_DIR set, writes every sample figure there as SVG and terminal text, to be
/// looked at (`rsvg-convert -o x.png x.svg`).
@Test(.enabled(if: ProcessInfo.processInfo.environment["GOLDILOCKS_PLOTS_DIR"] != nil))
func exportsTheGallery() throws {
    let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["GOLDILOCKS_PLOTS_DIR"] ?? "")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, chart) in Gallery.all {
        try chart.svg().write(to: folder.appendingPathComponent(name + ".svg"), atomically: true, encoding: .utf8)
        try chart.terminal(width: 90).write(to: folder.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
    }
}
