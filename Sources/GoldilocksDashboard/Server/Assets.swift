import Foundation

/// The page, its script and its style sheet: a fixed table read once from the target's
/// resources. A request can only name one of these keys, so no path from a request ever
/// reaches the file system.
struct Assets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var bytes: [UInt8]
    }

    let byPath: [String: Asset]

    static let files: [(path: String, name: String, ext: String, type: String)] = [
        ("/", "index", "html", "text/html; charset=utf-8"),
        ("/app.js", "app", "js", "text/javascript; charset=utf-8"),
        ("/style.css", "style", "css", "text/css; charset=utf-8"),
    ]

    init() {
        var table: [String: Asset] = [:]
        for file in Self.files {
            let url = Bundle.module.url(forResource: file.name, withExtension: file.ext, subdirectory: "Assets")
                ?? Bundle.module.url(forResource: file.name, withExtension: file.ext)
            // A missing asset is a packaging fault; the page then says so instead of failing the server.
            let bytes = url.flatMap { try? Data(contentsOf: $0) }.map { Array($0) }
                ?? Array("missing asset \(file.name).\(file.ext): reinstall goldilocks".utf8)
            table[file.path] = Asset(contentType: file.type, bytes: bytes)
        }
        byPath = table
    }
}
