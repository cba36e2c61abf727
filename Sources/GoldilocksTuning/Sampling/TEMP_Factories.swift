// TEMPORARY until the storage branch merges: not to be committed.
public func openStudyStorage(url: String) throws -> any StudyStorage { throw StudyStorageError.badURL(url, reason: "not yet") }
