import GoldilocksSpec

/// Where studies live: SQLite (one machine) or PostgreSQL (several), in Optuna's own relational
/// schema so that `optuna.load_study`, Optuna's plots and optuna-dashboard read them as they are.
///
/// Calls block until the database answers; every method is safe to call from several threads
/// and several processes at once, and each one is a single transaction.
public protocol StudyStorage: AnyObject, Sendable {
    /// Creates the study `definition` names, or opens the existing one when it was created with
    /// an equal definition. Returns the study's id. Throws `StudyStorageError.definitionDiffers`
    /// (naming the settings that differ) otherwise.
    func openStudy(_ definition: StudyDefinition) throws -> Int

    /// The names of the studies in this storage, sorted.
    func studyNames() throws -> [String]

    /// The study named `name`: its id and the definition it was created with.
    /// Throws `StudyStorageError.noSuchStudy` (listing the names there are) when there is none.
    func study(named name: String) throws -> (id: Int, definition: StudyDefinition)

    /// Every trial of study `study`, by number.
    func trials(ofStudy study: Int) throws -> [TrialRecord]

    /// Claims the next trial to run, atomically:
    /// 1. every RUNNING trial whose heartbeat is older than `staleAfter` seconds becomes FAIL, and
    ///    a WAITING copy of it (same parameters, attribute `retry_of`) is queued;
    /// 2. the oldest WAITING trial becomes RUNNING and is returned; else
    /// 3. when fewer than `budget` trials are complete, pruned, running or waiting, a new RUNNING
    ///    trial numbered by the study's trial count is created with `sample(trials, number)`'s
    ///    parameters and returned; else
    /// 4. nil: the budget is taken (running trials may still fail and be queued again).
    /// The claimed trial's heartbeat is set to now.
    func claimTrial(
        inStudy study: Int, budget: Int, staleAfter: Double,
        sample: ([TrialRecord], Int) throws -> [String: ParameterValue]
    ) throws -> TrialRecord?

    /// Records that trial `trial`'s worker is alive. Throws `StudyStorageError.notRunning` when the
    /// trial is no longer RUNNING, so a worker presumed dead learns it at its next heartbeat.
    func heartbeat(trial: Int) throws

    /// Records the validation loss `value` (NaN and ±inf allowed) at `step` (epochs completed).
    /// Throws `StudyStorageError.notRunning` when the trial is no longer RUNNING.
    func report(trial: Int, step: Int, value: Double) throws

    /// Sets a user attribute of trial `trial` (`steps`, `log_dir`).
    func setAttribute(trial: Int, key: String, value: JSONValue) throws

    /// Ends RUNNING trial `trial` as `state` (complete, pruned or failed) with `value`.
    /// Throws `StudyStorageError.notRunning` when another worker already failed it.
    func finish(trial: Int, state: TrialState, value: Double?) throws

    /// Sets a user attribute of the study (the range test's result, `range_test`).
    func setStudyAttribute(study: Int, key: String, value: JSONValue) throws

    /// The study's user attributes.
    func studyAttributes(study: Int) throws -> [String: JSONValue]
}
