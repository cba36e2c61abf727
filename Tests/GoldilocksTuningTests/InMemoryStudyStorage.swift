import Foundation
import GoldilocksSpec
import GoldilocksTuning
import Synchronization

/// A study storage in memory, for testing what stands on the protocol (the tuner) without a
/// database: the same claim rules, under one lock.
final class InMemoryStudyStorage: StudyStorage {
    private struct State {
        var studies: [(name: String, definition: StudyDefinition, attributes: [String: JSONValue])] = []
        var trials: [(study: Int, record: TrialRecord, heartbeat: Date)] = []
    }
    private let state = Mutex(State())
    /// Added to the clock, so a test can age heartbeats without waiting.
    let clockOffset = Mutex(0.0)

    private var now: Date { Date().addingTimeInterval(clockOffset.withLock { $0 }) }

    func openStudy(_ definition: StudyDefinition) throws -> Int {
        try state.withLock { state in
            if let index = state.studies.firstIndex(where: { $0.name == definition.name }) {
                guard state.studies[index].definition == definition else {
                    throw StudyStorageError.definitionDiffers(study: definition.name, differences: ["settings"])
                }
                return index
            }
            state.studies.append((definition.name, definition, [:]))
            return state.studies.count - 1
        }
    }

    func studyNames() throws -> [String] { state.withLock { $0.studies.map(\.name).sorted() } }

    func study(named name: String) throws -> (id: Int, definition: StudyDefinition) {
        try state.withLock { state in
            guard let index = state.studies.firstIndex(where: { $0.name == name }) else {
                throw StudyStorageError.noSuchStudy(name, existing: state.studies.map(\.name))
            }
            return (index, state.studies[index].definition)
        }
    }

    func trials(ofStudy study: Int) throws -> [TrialRecord] {
        state.withLock { $0.trials.filter { $0.study == study }.map(\.record).sorted { $0.number < $1.number } }
    }

    func claimTrial(
        inStudy study: Int, budget: Int, staleAfter: Double, sample: ([TrialRecord], Int) throws -> [String: ParameterValue]
    ) throws -> TrialRecord? {
        let now = self.now
        return try state.withLock { state in
            for i in state.trials.indices
            where state.trials[i].study == study && state.trials[i].record.state == .running
                && now.timeIntervalSince(state.trials[i].heartbeat) > staleAfter
            {
                state.trials[i].record.state = .failed
                state.trials[i].record.completed = now
                let count = state.trials.filter { $0.study == study }.count
                let retry = TrialRecord(
                    id: state.trials.count, number: count, state: .waiting, parameters: state.trials[i].record.parameters,
                    attributes: ["retry_of": .number(Double(state.trials[i].record.number))])
                state.trials.append((study, retry, now))
            }
            if let i = state.trials.firstIndex(where: { $0.study == study && $0.record.state == .waiting }) {
                state.trials[i].record.state = .running
                state.trials[i].record.started = now
                state.trials[i].heartbeat = now
                return state.trials[i].record
            }
            let mine = state.trials.filter { $0.study == study }.map(\.record)
            guard mine.filter({ $0.state != .failed }).count < budget else { return nil }
            let record = TrialRecord(
                id: state.trials.count, number: mine.count, state: .running, parameters: try sample(mine, mine.count),
                started: now)
            state.trials.append((study, record, now))
            return record
        }
    }

    private func update(_ trial: Int, _ change: (inout TrialRecord, inout Date) throws -> Void) throws {
        try state.withLock { state in
            guard state.trials.indices.contains(trial) else { throw StudyStorageError.database("no trial \(trial)") }
            guard state.trials[trial].record.state == .running else {
                throw StudyStorageError.notRunning(trial: trial, state: state.trials[trial].record.state)
            }
            var (record, beat) = (state.trials[trial].record, state.trials[trial].heartbeat)
            try change(&record, &beat)
            (state.trials[trial].record, state.trials[trial].heartbeat) = (record, beat)
        }
    }

    func heartbeat(trial: Int) throws {
        let now = self.now
        try update(trial) { _, beat in beat = now }
    }

    func report(trial: Int, step: Int, value: Double) throws {
        try update(trial) { record, _ in record.intermediateValues[step] = value }
    }

    func setAttribute(trial: Int, key: String, value: JSONValue) throws {
        try state.withLock { state in
            guard state.trials.indices.contains(trial) else { throw StudyStorageError.database("no trial \(trial)") }
            state.trials[trial].record.attributes[key] = value
        }
    }

    func finish(trial: Int, state newState: TrialState, value: Double?) throws {
        let now = self.now
        try update(trial) { record, _ in
            record.state = newState
            record.value = value
            record.completed = now
        }
    }

    func setStudyAttribute(study: Int, key: String, value: JSONValue) throws {
        state.withLock { $0.studies[study].attributes[key] = value }
    }

    func studyAttributes(study: Int) throws -> [String: JSONValue] {
        state.withLock { $0.studies[study].attributes }
    }
}
