import Foundation
import GoldilocksSpec

extension RelationalStudyStorage {
    /// The claim, in one transaction that holds the study's lock from its first read to its
    /// commit, so that numbers and the budget are counted by one worker at a time: SQLite's
    /// `BEGIN IMMEDIATE` takes the database's write lock, PostgreSQL's `SELECT … FOR UPDATE` on the
    /// study's row takes that row's (as Optuna's `_create_new_trial` does).
    func claimTrial(
        inStudy study: Int, budget: Int, staleAfter: Double,
        sample: ([TrialRecord], Int) throws -> [String: ParameterValue]
    ) throws -> TrialRecord? {
        let claimed = try database.transaction { session -> Int? in
            guard try session.scalar("SELECT study_id FROM studies WHERE study_id = ?" + dialect.forUpdate, [.integer(study)]) != nil
            else { throw StudyStorageError.database("no study with id \(study)") }
            try requeueStale(session, study: study, staleAfter: staleAfter)
            if let waiting = try session.scalar(
                "SELECT trial_id FROM trials WHERE study_id = ? AND state = 'WAITING' ORDER BY trial_id LIMIT 1",
                [.integer(study)])?.int
            {
                try session.execute(
                    "UPDATE trials SET state = 'RUNNING', datetime_start = \(now) WHERE trial_id = ?", [.integer(waiting)])
                try beat(session, trial: waiting)
                return waiting
            }
            let taken = try count(
                session, "SELECT COUNT(*) FROM trials WHERE study_id = ? AND state IN ('COMPLETE', 'PRUNED', 'RUNNING', 'WAITING')",
                study)
            guard taken < budget else { return nil }
            let number = try count(session, "SELECT COUNT(*) FROM trials WHERE study_id = ?", study)
            let parameters = try sample(try loadTrials(session, study: study), number)
            let rows = try paramRows(parameters, space: try definition(session, study: study).space)
            let trial = try insertTrial(session, study: study, number: number, state: "RUNNING")
            for (name, value, json) in rows {
                try session.execute(
                    "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)",
                    [.integer(trial), .text(name), .real(value), .text(json)])
            }
            try beat(session, trial: trial)
            return trial
        }
        guard let claimed else { return nil }
        let records = try trials(ofStudy: study)
        guard let record = records.first(where: { $0.id == claimed }) else {
            throw StudyStorageError.database("the claimed trial \(claimed) vanished")
        }
        return record
    }

    /// Step 1: every RUNNING trial of `study` whose heartbeat is older than `staleAfter` seconds
    /// becomes FAIL, and a WAITING copy with its parameters is queued.
    private func requeueStale(_ session: any SQLSession, study: Int, staleAfter: Double) throws {
        let (cutoff, cutoffBind): (String, SQLValue) =
            switch dialect {
            case .sqlite: ("?", .text(OptunaTimestamp.format(Date().addingTimeInterval(-staleAfter))))
            case .postgresql: ("LOCALTIMESTAMP - make_interval(secs => ?)", .real(staleAfter))
            }
        let stale = try session.rows(
            """
            SELECT t.trial_id, t.number FROM trials t JOIN trial_heartbeats h ON h.trial_id = t.trial_id
            WHERE t.study_id = ? AND t.state = 'RUNNING' AND h.heartbeat < \(cutoff) ORDER BY t.trial_id
            """, [.integer(study), cutoffBind])
        for row in stale {
            guard let failed = row[0].int, let failedNumber = row[1].int else { continue }
            try session.execute(
                "UPDATE trials SET state = 'FAIL', datetime_complete = \(now) WHERE trial_id = ?", [.integer(failed)])
            let number = try count(session, "SELECT COUNT(*) FROM trials WHERE study_id = ?", study)
            let copy = try insertTrial(session, study: study, number: number, state: "WAITING")
            try session.execute(
                """
                INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json)
                SELECT ?, param_name, param_value, distribution_json FROM trial_params WHERE trial_id = ?
                """, [.integer(copy), .integer(failed)])
            try session.execute(
                "INSERT INTO trial_user_attributes (trial_id, \"key\", value_json) VALUES (?, 'retry_of', ?)",
                [.integer(copy), .text(String(failedNumber))])
            // Optuna's RetryFailedTrialCallback: the first failed trial, and every one since.
            var original = failedNumber
            var history: [JSONValue] = []
            for attribute in try session.rows(
                "SELECT \"key\", value_json FROM trial_system_attributes WHERE trial_id = ?", [.integer(failed)])
            {
                let value = Self.attributeValue(attribute[1])
                if attribute[0].string == "failed_trial", case .number(let first) = value { original = Int(first) }
                if attribute[0].string == "retry_history", case .array(let earlier) = value { history = earlier }
            }
            history.append(.number(Double(failedNumber)))
            for (key, value) in [("failed_trial", JSONValue.number(Double(original))), ("retry_history", .array(history))] {
                try session.execute(
                    "INSERT INTO trial_system_attributes (trial_id, \"key\", value_json) VALUES (?, ?, ?)",
                    [.integer(copy), .text(key), .text(PythonJSON.serialize(value, integersAsInts: true))])
            }
        }
    }

    private func insertTrial(_ session: any SQLSession, study: Int, number: Int, state: String) throws -> Int {
        let start = state == "RUNNING" ? now : "NULL"
        guard let id = try session.scalar(
            "INSERT INTO trials (number, study_id, state, datetime_start) VALUES (?, ?, '\(state)', \(start)) RETURNING trial_id",
            [.integer(number), .integer(study)])?.int
        else { throw StudyStorageError.database("a new trial of study \(study) got no id") }
        return id
    }

    private func count(_ session: any SQLSession, _ sql: String, _ study: Int) throws -> Int {
        try session.scalar(sql, [.integer(study)])?.int ?? 0
    }

    /// Sets trial `trial`'s heartbeat to now (inserting its row the first time).
    func beat(_ session: any SQLSession, trial: Int) throws {
        try session.execute(
            """
            INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, \(now))
            ON CONFLICT (trial_id) DO UPDATE SET heartbeat = excluded.heartbeat
            """, [.integer(trial)])
    }

    /// The `trial_params` rows for `parameters`: every parameter of `space`, each in its distribution.
    private func paramRows(_ parameters: [String: ParameterValue], space: SearchSpace) throws -> [(String, Double, String)] {
        let expected = space.parameters
        if let extra = parameters.keys.sorted().first(where: { name in !expected.contains { $0.name == name } }) {
            throw StudyStorageError.badParameter(name: extra, reason: "the study's search space has no such parameter")
        }
        return try expected.map { name, distribution in
            guard let value = parameters[name] else {
                throw StudyStorageError.badParameter(name: name, reason: "the sampler gave it no value")
            }
            guard let stored = distribution.internalValue(of: value) else {
                throw StudyStorageError.badParameter(name: name, reason: "\(value) is outside \(distribution)")
            }
            return (name, stored, PythonJSON.serialize(distribution.optunaJSON, integersAsInts: false))
        }
    }
}
