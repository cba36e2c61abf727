import Foundation
import Synchronization

/// The runs view's last answers, kept while the runs' files are unchanged: reading, diagnosing
/// and drawing a run costs far more than looking at its files' sizes and times, and a page (or
/// many) asks for the same view again and again.
final class RunsViewCache: Sendable {
    private struct Entry {
        var fingerprint: [String]
        var body: Data
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// How many views are kept; past it, the cache starts again empty.
    private let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    /// The body stored for `key`, if the runs' files still have `fingerprint`.
    func body(for key: String, fingerprint: [String]) -> Data? {
        entries.withLock { $0[key].flatMap { $0.fingerprint == fingerprint ? $0.body : nil } }
    }

    func store(_ body: Data, for key: String, fingerprint: [String]) {
        entries.withLock { entries in
            if entries.count >= capacity && entries[key] == nil { entries.removeAll() }
            entries[key] = Entry(fingerprint: fingerprint, body: body)
        }
    }
}
