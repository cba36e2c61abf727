import GoldilocksSpec

extension RelationalStudyStorage {
    func heartbeat(trial: Int) throws {
        try database.transaction { session in
            try requireRunning(session, trial: trial)
            try beat(session, trial: trial)
        }
    }

    func report(trial: Int, step: Int, value: Double) throws {
        let (stored, type) = Self.valueType(value)
        try database.transaction { session in
            try requireRunning(session, trial: trial)
            try session.execute(
                """
                INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type)
                VALUES (?, ?, ?, '\(type)') ON CONFLICT (trial_id, step) DO UPDATE
                SET intermediate_value = excluded.intermediate_value, intermediate_value_type = excluded.intermediate_value_type
                """, [.integer(trial), .integer(step), stored])
        }
    }

    func setAttribute(trial: Int, key: String, value: JSONValue) throws {
        try setUserAttribute(table: "trial_user_attributes", owner: "trial_id", id: trial, key: key, value: value)
    }

    func finish(trial: Int, state: TrialState, value: Double?) throws {
        guard [.complete, .pruned, .failed].contains(state) else {
            throw StudyStorageError.badValue(trial: trial, reason: "a trial ends complete, pruned or failed, not \(state.rawValue)")
        }
        if state == .complete, value == nil || value?.isNaN == true {
            // Optuna refuses to load a COMPLETE trial without a value, and its values have no NaN.
            throw StudyStorageError.badValue(trial: trial, reason: "a complete trial needs a value that is not NaN")
        }
        try database.transaction { session in
            try requireRunning(session, trial: trial)
            try session.execute(
                "UPDATE trials SET state = '\(state.optunaName)', datetime_complete = \(now) WHERE trial_id = ?",
                [.integer(trial)])
            guard state != .failed else { return }
            var final = value
            if final == nil {
                // A pruned trial's value is its last intermediate value, as Optuna's tell records it.
                let last = try session.rows(
                    """
                    SELECT intermediate_value, intermediate_value_type FROM trial_intermediate_values
                    WHERE trial_id = ? ORDER BY step DESC LIMIT 1
                    """, [.integer(trial)]).first
                final = last.flatMap { row in row[1].string.map { Self.number(row[0], type: $0) } }
            }
            guard let final, !final.isNaN else { return }
            let (stored, type) = Self.valueType(final)
            try session.execute(
                "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, 0, ?, '\(type)')",
                [.integer(trial), stored])
        }
    }

    /// Locks trial `trial`'s row until the transaction ends and throws `.notRunning` unless it is RUNNING.
    private func requireRunning(_ session: any SQLSession, trial: Int) throws {
        guard let row = try session.rows(
            "SELECT state, number FROM trials WHERE trial_id = ?" + dialect.forUpdate, [.integer(trial)]).first
        else { throw StudyStorageError.database("no trial with id \(trial)") }
        guard let name = row[0].string, let state = TrialState(optunaName: name) else {
            throw StudyStorageError.database("trial \(trial) has an unknown state \(row[0])")
        }
        guard state == .running else { throw StudyStorageError.notRunning(trial: row[1].int ?? trial, state: state) }
    }
}
