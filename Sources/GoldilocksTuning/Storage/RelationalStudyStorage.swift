import Foundation
import GoldilocksSpec
import Synchronization

/// `StudyStorage` on a relational database in Optuna's schema: SQLite or PostgreSQL through one
/// query path (`SQLDatabase`).
///
/// What goes where, so Optuna reads it as its own:
/// - a study is a `studies` row with one `study_directions` row, MINIMIZE (the value is a loss);
/// - its `StudyDefinition`, as JSON, is the study *system* attribute `goldilocks:definition`, out
///   of the way of the user attributes the dashboard lists (`range_test`, …);
/// - parameters are `trial_params` rows (`Distribution.internalValue`, Optuna's distribution JSON),
///   values `trial_values` (FINITE, INF_POS, INF_NEG with a NULL value), intermediate values
///   `trial_intermediate_values` (NAN too), heartbeats `trial_heartbeats`;
/// - a retried trial carries the user attribute `retry_of` and, as Optuna's
///   `RetryFailedTrialCallback` writes them, the system attributes `failed_trial` and `retry_history`.
///
/// Clock: heartbeats and their staleness use one clock. In PostgreSQL it is the server's
/// (`LOCALTIMESTAMP`, the session in UTC), so machines whose clocks disagree still agree on
/// which trial is stale. SQLite is a file on this machine, so its clock is this machine's, in UTC.
final class RelationalStudyStorage: StudyStorage {
    let database: any SQLDatabase
    /// Definitions by study id, read once: they never change after the study is created.
    private let definitions = Mutex<[Int: StudyDefinition]>([:])

    static let definitionKey = "goldilocks:definition"

    init(database: any SQLDatabase) throws {
        self.database = database
        try OptunaSchema.prepare(database)
    }

    deinit { database.close() }

    var dialect: SQLDialect { database.dialect }

    /// The current time as a SQL expression, from the clock described above.
    var now: String {
        switch dialect {
        case .sqlite: "'\(OptunaTimestamp.format(Date()))'"
        case .postgresql: "LOCALTIMESTAMP"
        }
    }

    // MARK: Studies

    func openStudy(_ definition: StudyDefinition) throws -> Int {
        let json = try Self.encode(definition)
        let id = try database.transaction { session -> Int in
            if let existing = try session.scalar("SELECT study_id FROM studies WHERE study_name = ?", [.text(definition.name)])?.int {
                let stored = try storedDefinition(session, study: existing, name: definition.name)
                let differences = try DefinitionDifferences.between(stored: stored, given: definition)
                guard differences.isEmpty else {
                    throw StudyStorageError.definitionDiffers(study: definition.name, differences: differences)
                }
                return existing
            }
            guard let id = try session.scalar(
                "INSERT INTO studies (study_name) VALUES (?) RETURNING study_id", [.text(definition.name)])?.int
            else { throw StudyStorageError.database("the new study \(definition.name) got no id") }
            try session.execute(
                "INSERT INTO study_directions (direction, study_id, objective) VALUES ('MINIMIZE', ?, 0)", [.integer(id)])
            try session.execute(
                "INSERT INTO study_system_attributes (study_id, \"key\", value_json) VALUES (?, ?, ?)",
                [.integer(id), .text(Self.definitionKey), .text(json)])
            return id
        }
        definitions.withLock { $0[id] = definition }
        return id
    }

    func studyNames() throws -> [String] {
        try database.transaction { session in
            try session.rows("SELECT study_name FROM studies ORDER BY study_name", []).compactMap { $0.first?.string }
        }
    }

    func study(named name: String) throws -> (id: Int, definition: StudyDefinition) {
        let found = try database.transaction { session -> (Int, StudyDefinition)? in
            guard let id = try session.scalar("SELECT study_id FROM studies WHERE study_name = ?", [.text(name)])?.int
            else { return nil }
            return (id, try storedDefinition(session, study: id, name: name))
        }
        guard let (id, definition) = found else { throw StudyStorageError.noSuchStudy(name, existing: try studyNames()) }
        definitions.withLock { $0[id] = definition }
        return (id, definition)
    }

    /// The definition study `study` was created with (cached after the first read).
    func definition(_ session: any SQLSession, study: Int) throws -> StudyDefinition {
        if let known = definitions.withLock({ $0[study] }) { return known }
        guard let name = try session.scalar("SELECT study_name FROM studies WHERE study_id = ?", [.integer(study)])?.string
        else { throw StudyStorageError.database("no study with id \(study)") }
        let definition = try storedDefinition(session, study: study, name: name)
        definitions.withLock { $0[study] = definition }
        return definition
    }

    private func storedDefinition(_ session: any SQLSession, study: Int, name: String) throws -> StudyDefinition {
        guard let json = try session.scalar(
            "SELECT value_json FROM study_system_attributes WHERE study_id = ? AND \"key\" = ?",
            [.integer(study), .text(Self.definitionKey)])?.string
        else { throw StudyStorageError.notAGoldilocksStudy(name) }
        do {
            return try JSONDecoder().decode(StudyDefinition.self, from: Data(json.utf8))
        } catch {
            throw StudyStorageError.database("study \(name): its stored definition cannot be read (\(error))")
        }
    }

    static func encode(_ definition: StudyDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(definition), as: UTF8.self)
        } catch {
            throw StudyStorageError.database("the study definition cannot be stored as JSON (\(error))")
        }
    }

    func setStudyAttribute(study: Int, key: String, value: JSONValue) throws {
        try setUserAttribute(table: "study_user_attributes", owner: "study_id", id: study, key: key, value: value)
    }

    /// Sets `key` of a study's or a trial's user attributes (Optuna's `study_user_attributes` or
    /// `trial_user_attributes`, whose owner column is `owner`) to `value` in Optuna's JSON.
    func setUserAttribute(table: String, owner: String, id: Int, key: String, value: JSONValue) throws {
        let json = PythonJSON.serialize(value, integersAsInts: true)
        try database.transaction { session in
            try session.execute(
                """
                INSERT INTO \(table) (\(owner), "key", value_json) VALUES (?, ?, ?)
                ON CONFLICT (\(owner), "key") DO UPDATE SET value_json = excluded.value_json
                """, [.integer(id), .text(key), .text(json)])
        }
    }

    func studyAttributes(study: Int) throws -> [String: JSONValue] {
        let rows = try database.transaction { session in
            try session.rows("SELECT \"key\", value_json FROM study_user_attributes WHERE study_id = ?", [.integer(study)])
        }
        var attributes: [String: JSONValue] = [:]
        for row in rows {
            guard let key = row[0].string else { continue }
            attributes[key] = Self.attributeValue(row[1])
        }
        return attributes
    }

    /// A `value_json` cell as a value; text that is not JSON is kept as a string.
    static func attributeValue(_ cell: SQLValue) -> JSONValue {
        guard let text = cell.string else { return .null }
        return PythonJSON.parse(text) ?? .string(text)
    }
}
