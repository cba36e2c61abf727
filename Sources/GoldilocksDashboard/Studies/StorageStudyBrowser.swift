import Dispatch
import GoldilocksTuning

/// The studies of a study storage (`goldilocks tune`'s SQLite file or PostgreSQL database), for
/// the studies view. The storage blocks until the database answers, so each read runs on a
/// Dispatch thread, never on the server's event loops or Swift's cooperative threads.
public struct StorageStudyBrowser: StudyBrowser {
    private let storage: any StudyStorage

    public init(storage: any StudyStorage) {
        self.storage = storage
    }

    public func studyNames() async throws -> [String] {
        try await blocking { try storage.studyNames() }
    }

    public func trials(of study: String) async throws -> [StudyTrial] {
        try await blocking {
            let id = try storage.study(named: study).id
            return try storage.trials(ofStudy: id).map(Self.trial)
        }
    }

    /// A stored trial as the view draws it: numeric parameters only (a categorical choice has no
    /// axis), waiting trials shown as running.
    static func trial(_ record: TrialRecord) -> StudyTrial {
        let state: StudyTrial.State =
            switch record.state {
            case .running, .waiting: .running
            case .complete: .complete
            case .pruned: .pruned
            case .failed: .failed
            }
        return StudyTrial(
            number: record.number, state: state, params: record.parameters.compactMapValues(\.floatValue), value: record.value,
            intermediateValues: record.intermediateValues.sorted { $0.key < $1.key }.map { .init(step: $0.key, value: $0.value) })
    }
}

/// Runs `work` on a Dispatch thread and awaits it.
private func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
