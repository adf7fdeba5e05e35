import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Locks: one igloo per session")
struct SessionLockTests {
  /// Writes a lock file as another igloo would have left it.
  @discardableResult
  func plantLock(
    _ scratch: Scratch, for session: URL, pid: Int32, host: String = Platform.hostName, user: String = "ana"
  )
    throws -> Data
  {
    let holder = LockHolder(
      pid: pid, user: user, host: host, since: Date(timeIntervalSince1970: 1_777_636_800), token: "planted",
      processStart: nil)
    let data = try holder.encoded()
    try scratch.write(data, session.lastPathComponent + ".lock")
    return data
  }

  @Test("the lock file is created 0600 and names this process; release removes it")
  func acquireAndRelease() throws {
    let scratch = try Scratch()
    let session = scratch.path("s.igloo.json")
    let lock = try SessionLock.acquire(session)
    let lockFile = scratch.path("s.igloo.json.lock")
    #expect(lock.lockURL == lockFile)
    #expect(mode(of: lockFile) == 0o600)
    let written = try #require(bytes(lockFile))
    let holder = try #require(LockHolder.decode(written))
    #expect(holder.pid == getpid())
    #expect(holder.host == Platform.hostName)
    #expect(holder.user == Platform.userName)
    lock.release()
    #expect(!lock.isHeld)
    #expect(!FileManager.default.fileExists(atPath: lockFile.path))
    lock.release()
  }

  @Test("the user a lock names is read from /etc/passwd itself, never through an NSS lookup (no socket)")
  func userNameFromPasswdFile() throws {
    let scratch = try Scratch()
    let passwd = try scratch.write(
      "root:x:0:0:root:/root:/bin/bash\n# a comment\nbroken line\nana:x:1000:1000:Ana Ø,,,:/home/ana:/bin/sh\n",
      "passwd")
    #expect(Platform.passwdEntry(uid: 1000, file: passwd.path)?.name == "ana")
    #expect(Platform.passwdEntry(uid: 1000, file: passwd.path)?.home == "/home/ana")
    #expect(Platform.passwdEntry(uid: 0, file: passwd.path)?.name == "root")
    #expect(Platform.passwdEntry(uid: 4242, file: passwd.path) == nil)
    #expect(Platform.passwdEntry(uid: 0, file: scratch.path("missing").path) == nil)
    #expect(!Platform.userName.isEmpty)
  }

  @Test("a lock knows itself in what the lock file says, and not another lock of the same process")
  func lockRecognisesItsOwnEntry() throws {
    let scratch = try Scratch()
    let session = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    let lock = try SessionLock.acquire(session)
    let onDisk = try #require(SessionLock.currentHolder(of: session))
    #expect(lock.isRecorded(in: onDisk))
    // The file keeps `since` to the second, so the holder read back is not `==` to the one in memory.
    #expect(onDisk.pid == lock.holder.pid)
    lock.release()
    let other = try SessionLock.acquire(session)
    let now = try #require(SessionLock.currentHolder(of: session))
    #expect(!lock.isRecorded(in: now))  // same pid, another lock
    #expect(other.isRecorded(in: now))
    other.release()
  }

  @Test("a second igloo is refused, with the holder's pid, user, host and time")
  func secondHolderRefused() throws {
    let scratch = try Scratch()
    let session = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    let first = try SessionLock.acquire(session)
    let error = #expect(throws: StoreError.self) { _ = try SessionLock.acquire(session) }
    #expect(error?.kind == .locked)
    #expect(error?.holder?.pid == getpid())
    let message = error?.description ?? ""
    #expect(
      message.hasPrefix(
        "cannot open \(session.path): it is open in another igloo (pid \(getpid()), user \(Platform.userName) on \(Platform.hostName), since "
      ))
    #expect(!message.contains("\n"))
    #expect(error?.exitCode == 1)
    // The refusal leaves the holder's lock alone.
    #expect(first.isHeld)
    #expect(LockHolder.decode(bytes(first.lockURL) ?? Data())?.token == first.holder.token)
  }

  @Test("a lock held by another running process is respected")
  func otherLiveProcess() throws {
    let scratch = try Scratch()
    let session = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    let sleeper = Process()
    sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
    sleeper.arguments = ["60"]
    try sleeper.run()
    defer {
      // SIGKILL: the test runner's children may inherit a mask that blocks SIGTERM.
      kill(sleeper.processIdentifier, SIGKILL)
      sleeper.waitUntilExit()
    }
    let planted = try plantLock(scratch, for: session, pid: sleeper.processIdentifier)
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.open(session, pack: StoreFixtures.tinyPack()) }
    #expect(error?.kind == .locked)
    #expect(
      error?.description.contains("pid \(sleeper.processIdentifier), user ana on \(Platform.hostName), since ") == true)
    #expect(bytes(scratch.path("s.igloo.json.lock")) == planted)
  }

  @Test("a stale lock left by a process that has exited is taken over")
  func staleLockTakenOver() throws {
    let scratch = try Scratch()
    let session = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    let dead = try Shell.exitedPID()
    try plantLock(scratch, for: session, pid: dead)
    #expect(SessionLock.currentHolder(of: session) == nil)

    let (loaded, lock) = try SessionFile.open(session, pack: StoreFixtures.tinyPack())
    #expect(loaded.about.workplace == "Kantinen på Åbyhøj")
    let written = try #require(bytes(lock.lockURL))
    let holder = try #require(LockHolder.decode(written))
    #expect(holder.pid == getpid())
    #expect(mode(of: lock.lockURL) == 0o600)
  }

  @Test("a lock whose pid now belongs to a later process is stale")
  func recycledPID() throws {
    let holder = LockHolder(
      pid: getpid(), user: "ana", host: Platform.hostName, since: Date(), token: "old",
      processStart: (Platform.processStartTime(getpid()) ?? 0) + 1)
    #if os(Linux)
      // Linux gives every process a start time (/proc/PID/stat), so the check always has one.
      let start = try #require(Platform.processStartTime(getpid()))
      #expect(SessionLock.isStale(holder))
      var same = holder
      same.processStart = start
      #expect(!SessionLock.isStale(same), "the lock of this very process is not stale")
    #else
      #expect(SessionLock.isStale(holder) == (Platform.processStartTime(getpid()) != nil))
    #endif
  }

  @Test("a lock from another host is never taken over, and says how to clear it")
  func otherHost() throws {
    let scratch = try Scratch()
    let session = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    let dead = try Shell.exitedPID()
    let planted = try plantLock(scratch, for: session, pid: dead, host: "another-laptop")
    let error = #expect(throws: StoreError.self) { _ = try SessionLock.acquire(session) }
    #expect(error?.kind == .locked)
    #expect(error?.description.hasSuffix("; if that igloo has stopped, delete \(session.path).lock") == true)
    #expect(bytes(scratch.path("s.igloo.json.lock")) == planted)
  }

  @Test("an empty lock left by a crash between create and write is taken over once it is old")
  func oldIncompleteLock() throws {
    let scratch = try Scratch()
    let session = scratch.path("s.igloo.json")
    let lockFile = try scratch.write("", "s.igloo.json.lock")
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: lockFile.path)
    let lock = try SessionLock.acquire(session)
    #expect(LockHolder.decode(bytes(lockFile) ?? Data())?.token == lock.holder.token)
  }

  @Test("the lock goes away with its object")
  func releasedOnDeinit() throws {
    let scratch = try Scratch()
    let session = scratch.path("s.igloo.json")
    do {
      let lock = try SessionLock.acquire(session)
      #expect(FileManager.default.fileExists(atPath: lock.lockURL.path))
    }
    #expect(!FileManager.default.fileExists(atPath: scratch.path("s.igloo.json.lock").path))
    // And the session can be locked again.
    _ = try SessionLock.acquire(session)
  }

  @Test("release never removes a lock that another igloo has taken since")
  func releaseKeepsOthersLock() throws {
    let scratch = try Scratch()
    let session = scratch.path("s.igloo.json")
    let lock = try SessionLock.acquire(session)
    let replaced = try plantLock(scratch, for: session, pid: 1)
    lock.release()
    #expect(bytes(lock.lockURL) == replaced)
  }

  @Test("a takeover removes only the stale lock it saw, never a fresh one that replaced it")
  func takeOverRechecks() throws {
    let scratch = try Scratch()
    let session = scratch.path("s.igloo.json")
    let stale = try plantLock(scratch, for: session, pid: try Shell.exitedPID())
    // Another igloo has taken the stale lock over between our look and our turn.
    let fresh = try SessionLock.acquire(session)
    SessionLock.takeOver(fresh.lockURL.path, expected: stale)
    #expect(LockHolder.decode(bytes(fresh.lockURL) ?? Data())?.token == fresh.holder.token)
    // With the stale bytes still there, the takeover removes them.
    let lockPath = fresh.lockURL.path
    fresh.release()
    try scratch.write(stale, "s.igloo.json.lock")
    SessionLock.takeOver(lockPath, expected: stale)
    #expect(!FileManager.default.fileExists(atPath: lockPath))
  }

  @Test("many igloos racing for one stale lock: exactly one wins")
  func raceForStaleLock() throws {
    // Real threads released together, rather than tasks, which the cooperative pool would run
    // only as many at a time as there are cores. Repeated, because a race shows only sometimes.
    for round in 0..<20 {
      let scratch = try Scratch()
      let session = scratch.path("s.igloo.json")
      try plantLock(scratch, for: session, pid: try Shell.exitedPID())

      let outcomes = Outcomes()
      let gate = DispatchSemaphore(value: 0)
      let done = DispatchGroup()
      let racers = 12
      for _ in 0..<racers {
        done.enter()
        Thread.detachNewThread {
          gate.wait()
          outcomes.add(Result { try SessionLock.acquire(session) })
          done.leave()
        }
      }
      for _ in 0..<racers { gate.signal() }
      done.wait()

      let all = outcomes.all
      let winners = all.compactMap { try? $0.get() }
      #expect(winners.count == 1, "round \(round)")
      for case .failure(let error) in all {
        #expect((error as? StoreError)?.kind == .locked, "round \(round): \(error)")
      }
      let onDisk = LockHolder.decode(bytes(scratch.path("s.igloo.json.lock")) ?? Data())
      #expect(onDisk?.token == winners.first?.holder.token, "round \(round)")
      if winners.count != 1 { break }
    }
  }

  @Test("a session folder igloo may not write to: the lock cannot be taken, with the reason")
  func lockInReadOnlyFolder() throws {
    let scratch = try Scratch()
    let session = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json", mode: 0o644)
    _ = chmod(scratch.url.path, 0o555)
    let error = try asUnprivilegedUser {
      #expect(throws: StoreError.self) { _ = try SessionLock.acquire(session) }
    }
    _ = chmod(scratch.url.path, 0o755)
    #expect(error?.kind == .permissionDenied)
    #expect(error?.description == "cannot open \(session.path): permission denied")
  }
}

/// Results gathered from several threads.
final class Outcomes: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<SessionLock, any Error>] = []

  func add(_ result: Result<SessionLock, any Error>) {
    lock.lock()
    results.append(result)
    lock.unlock()
  }

  var all: [Result<SessionLock, any Error>] {
    lock.lock()
    defer { lock.unlock() }
    return results
  }

  @Test("Why 5: a lock replaced by an export is named as such at once, not as 'changing hands'")
  func aLockOverwrittenByAnExportSaysSo() throws {
    let scratch = try Scratch()
    let session = try scratch.write("{}", "S.json")
    _ = try scratch.write("# A report written over the lock\n", "S.json.lock")
    let started = Date()
    let error = #expect(throws: StoreError.self) { try SessionLock.acquire(session) }
    #expect(Date().timeIntervalSince(started) < 1)
    #expect(error?.description.contains("changing hands") == false)
    #expect(error?.description.contains("not an igloo lock") == true)
  }
}
