import Foundation
import Testing

@testable import GoldilocksLogs

@Suite struct RunFolderTests {
    @Test func aFolderIsCreatedAndClaimedAndFreedAgainOnRelease() throws {
        let folder = try temporaryFolder().appendingPathComponent("new/run")
        let claim = try RunFolder(claiming: folder)
        #expect(claim.isClaimed)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(RunFolder.lockFileName).path))
        claim.release()
        #expect(!claim.isClaimed)
        _ = try RunFolder(claiming: folder)  // free again, and nothing of a run's in it yet
    }

    @Test func aLiveClaimRefusesASecondEvenWhenAskedToReplace() throws {
        let folder = try temporaryFolder()
        let first = try RunFolder(claiming: folder)
        // flock locks belong to an open file description, so a second claim in this process
        // meets the first exactly as another process would.
        for replacing in [false, true] {
            let error = #expect(throws: RunFolderError.self) { try RunFolder(claiming: folder, replacing: replacing) }
            guard case .inUse(let path, let process)? = error else {
                Issue.record("expected inUse, got \(String(describing: error))")
                continue
            }
            #expect(path == folder.path && process == Int(getpid()))
            #expect(error?.description.contains("process \(getpid())") == true)
            #expect(error?.description.contains(folder.path) == true)
        }
        first.release()
        _ = try RunFolder(claiming: folder)
    }

    @Test func aLockFileLeftByAKilledRunDoesNotBlock() throws {
        let folder = try temporaryFolder()
        // What a killed run leaves: the file, with no lock on it (the OS dropped it with the process).
        try Data("99999\n".utf8).write(to: folder.appendingPathComponent(RunFolder.lockFileName))
        let claim = try RunFolder(claiming: folder)
        #expect(claim.isClaimed)
    }

    @Test func anEarlierRunIsRefusedOrReplacedWithOnlyItsOwnFilesRemoved() throws {
        let folder = try temporaryFolder()
        let logger = try RunLogger(directory: folder, configuration: ["lr": 0.1])
        try logger.log(step: 0, epoch: 0, scalars: ["loss": 1])
        try logger.close()
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))

        let error = #expect(throws: RunFolderError.self) { try RunLogger(directory: folder, configuration: ["lr": 0.2]) }
        guard case .holdsRun(_, let files)? = error else {
            Issue.record("expected holdsRun, got \(String(describing: error))")
            return
        }
        #expect(!files.isEmpty && !files.contains("notes.txt"))
        #expect(error?.description.contains("--overwrite") == true)

        let replacing = try RunLogger(directory: folder, replacing: true, configuration: ["lr": 0.2])
        try replacing.log(step: 0, epoch: 0, scalars: ["loss": 2])
        try replacing.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.contains("notes.txt"))
        #expect(names.filter { $0.hasPrefix("events.out.tfevents.") }.count == 1)
        // The old run's row is gone, not appended to.
        let metrics = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(metrics == "step,epoch,loss\n0,0,2.0\n")
    }

    @Test func aFileInTheWayIsAClearError() throws {
        let file = try temporaryFolder().appendingPathComponent("plain")
        try Data().write(to: file)
        let error = #expect(throws: RunFolderError.self) { try RunFolder(claiming: file) }
        #expect(error?.description.contains("is a file, not a folder") == true)
        let below = #expect(throws: RunFolderError.self) { try RunFolder(claiming: file.appendingPathComponent("run")) }
        #expect(below?.description.contains("\(file.path) is a file, not a folder") == true)
    }
}
