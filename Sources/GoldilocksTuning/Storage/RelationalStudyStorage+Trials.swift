import Foundation
import GoldilocksSpec

extension RelationalStudyStorage {
    func trials(ofStudy study: Int) throws -> [TrialRecord] {
        try database.transaction { session in try loadTrials(session, study: study) }
    }

    /// Every trial of `study` with its parameters, values and user attributes, by number.
    func loadTrials(_ session: any SQLSession, study: Int) throws -> [TrialRecord] {
        let bind: [SQLValue] = [.integer(study)]
        var records: [Int: TrialRecord] = [:]
        for row in try session.rows(
            "SELECT trial_id, number, state, datetime_start, datetime_complete FROM trials WHERE study_id = ?", bind)
        {
            guard let id = row[0].int, let stateName = row[2].string, let state = TrialState(optunaName: stateName) else {
                throw StudyStorageError.database("a trial of study \(study) has an unreadable row \(row)")
            }
            records[id] = TrialRecord(
                id: id, number: row[1].int ?? -1, state: state, parameters: [:],
                started: row[3].string.flatMap(OptunaTimestamp.parse), completed: row[4].string.flatMap(OptunaTimestamp.parse))
        }
        var distributions: [String: Distribution?] = [:]
        for row in try session.rows(
            """
            SELECT p.trial_id, p.param_name, p.param_value, p.distribution_json FROM trial_params p
            JOIN trials t ON t.trial_id = p.trial_id WHERE t.study_id = ?
            """, bind)
        {
            guard let id = row[0].int, let name = row[1].string, let stored = row[2].double else { continue }
            let json = row[3].string ?? ""
            if distributions[json] == nil {
                distributions[json] = PythonJSON.parse(json).flatMap { Distribution(optunaJSON: $0) }
            }
            // Distributions Goldilocks does not search (Optuna's IntDistribution, …) keep the stored float.
            let value = distributions[json]??.value(fromInternal: stored) ?? .float(stored)
            records[id]?.parameters[name] = value
        }
        for row in try session.rows(
            """
            SELECT v.trial_id, v.step, v.intermediate_value, v.intermediate_value_type FROM trial_intermediate_values v
            JOIN trials t ON t.trial_id = v.trial_id WHERE t.study_id = ?
            """, bind)
        {
            guard let id = row[0].int, let step = row[1].int, let type = row[3].string else { continue }
            records[id]?.intermediateValues[step] = Self.number(row[2], type: type)
        }
        for row in try session.rows(
            """
            SELECT v.trial_id, v.value, v.value_type FROM trial_values v
            JOIN trials t ON t.trial_id = v.trial_id WHERE t.study_id = ? AND v.objective = 0
            """, bind)
        {
            guard let id = row[0].int, let type = row[2].string else { continue }
            records[id]?.value = Self.number(row[1], type: type)
        }
        for row in try session.rows(
            """
            SELECT a.trial_id, a."key", a.value_json FROM trial_user_attributes a
            JOIN trials t ON t.trial_id = a.trial_id WHERE t.study_id = ?
            """, bind)
        {
            guard let id = row[0].int, let key = row[1].string else { continue }
            records[id]?.attributes[key] = Self.attributeValue(row[2])
        }
        return records.values.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
    }

    /// Optuna's value type for `value`: NULL in the value column unless finite.
    static func valueType(_ value: Double) -> (SQLValue, String) {
        if value.isNaN { return (.null, "NAN") }
        if value.isInfinite { return (.null, value > 0 ? "INF_POS" : "INF_NEG") }
        return (.real(value), "FINITE")
    }

    static func number(_ cell: SQLValue, type: String) -> Double {
        switch type {
        case "INF_POS": .infinity
        case "INF_NEG": -.infinity
        case "NAN": .nan
        default: cell.double ?? .nan
        }
    }
}
