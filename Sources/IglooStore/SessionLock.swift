import Foundation
import IglooContent
import IglooEngine

/// Who has a session open: what a refused second igloo tells its user.
public struct LockHolder: Sendable, Equatable, Encodable {
  /// The process id of the igloo holding the lock.
  public var pid: Int32
  /// The user it runs as.
  public var user: String
  /// The host it runs on; a pid only means something on its own host.
  public var host: String
  /// When it took the lock.
  public var since: Date
  /// Tells this lock from a later one by the same process, so that release never removes a lock
  /// that another igloo has taken over in the meantime.
  var token: String
  /// When the process started (Linux clock ticks since boot), to spot a pid the system has since
  /// given to another program.
  var processStart: UInt64?

  /// The keys of the lock file, for its writer and its reader alike.
  enum CodingKeys: String, CodingKey {
    case pid, user, host, since, token
    case processStart = "process_start"
  }

  /// `pid 4242, user ana on laptop-7, since 2026-05-01 10:12`.
  public var summary: String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return "pid \(pid), user \(user) on \(host), since \(formatter.string(from: since))"
  }

  /// The lock file's content: one small JSON object.
  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a lock file's content with the session reader's JSON reader (no second parser);
  /// nil when it is not a complete lock.
  static func decode(_ data: Data) -> LockHolder? {
    guard let tree = try? JSONTree.read(data) else { return nil }
    func text(_ key: CodingKeys) -> String? {
      if case .string(let s) = tree[key.stringValue]?.value { return s }
      return nil
    }
    func number(_ key: CodingKeys) -> String? {
      if case .number(let n) = tree[key.stringValue]?.value { return n }
      return nil
    }
    guard let pid = number(.pid).flatMap({ Int32($0) }), let user = text(.user), let host = text(.host),
      let since = text(.since).flatMap({ try? Date($0, strategy: .iso8601) }), let token = text(.token)
    else { return nil }
    var processStart: UInt64?
    switch tree[CodingKeys.processStart.stringValue]?.value {
    case nil, .null?: processStart = nil
    case .number(let written)?:
      guard let start = UInt64(written) else { return nil }
      processStart = start
    default: return nil
    }
    return LockHolder(pid: pid, user: user, host: host, since: since, token: token, processStart: processStart)
  }
}

/// The right to change one session file, held by one igloo at a time.
///
/// Two windows saving the same session would each overwrite the other's answers, so the second is
/// refused with the holder's pid, user, host and start time. The lock is a file `<session>.lock`
/// (mode 0600) created with `O_CREAT|O_EXCL`, which only one process can win. A lock whose process
/// no longer runs on this host (a killed igloo) is stale and is taken over.
///
/// Take the lock before ``SessionFile/load(_:pack:)`` and hold it while the session is open; it is
/// released by ``release()`` or when the object goes away.
public final class SessionLock: @unchecked Sendable {
  /// The session the lock is for.
  public let sessionURL: URL
  /// The lock file.
  public let lockURL: URL
  /// This process's entry in the lock file.
  public let holder: LockHolder

  private let state = NSLock()
  private var released = false

  /// How long a lock file may stay incomplete before it counts as left by a crash: creating one
  /// and writing its few bytes takes microseconds, so a few seconds is generous.
  static let incompleteLockGrace: TimeInterval = 5

  private init(sessionURL: URL, lockURL: URL, holder: LockHolder) {
    self.sessionURL = sessionURL
    self.lockURL = lockURL
    self.holder = holder
  }

  deinit { release() }

  /// The lock file of `sessionURL`: the path of the file itself, every symbolic link followed
  /// (in the name and in the folders above it), with `.lock` added.
  ///
  /// A lock belongs to the file the saves go to, however it was reached: `synced/s.igloo.json`
  /// and `here/link.igloo.json` pointing to it share one lock, so a second window on either name
  /// is refused (issue 25). A session not yet there is named by its resolved folder.
  public static func lockURL(for sessionURL: URL) -> URL {
    URL(fileURLWithPath: resolvedSessionPath(sessionURL) + ".lock")
  }

  /// The session's path with every symbolic link followed; the path as given when it cannot be
  /// resolved (a folder that does not exist).
  static func resolvedSessionPath(_ sessionURL: URL) -> String {
    let path = sessionURL.standardizedFileURL.path
    if let resolved = Platform.resolvedPath(path) { return resolved }
    let folder = (path as NSString).deletingLastPathComponent
    guard let resolvedFolder = Platform.resolvedPath(folder) else { return path }
    return (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + (path as NSString).lastPathComponent
  }

  /// Takes the lock on `sessionURL`, taking over a stale one.
  ///
  /// - Throws: ``StoreError`` of kind ``StoreError/Kind/locked`` naming the holder when another
  ///   igloo (or this one, in another window) has the session open; another ``StoreError`` when
  ///   the lock file cannot be created.
  public static func acquire(_ sessionURL: URL, now: Date = Date()) throws -> SessionLock {
    let sessionPath = sessionURL.standardizedFileURL.path
    let lockURL = lockURL(for: sessionURL)
    let path = lockURL.path
    let pid = Platform.processID
    let me = LockHolder(
      pid: pid, user: Platform.userName, host: Platform.hostName, since: now,
      token: String(UInt64.random(in: 0...UInt64.max), radix: 36), processStart: Platform.processStartTime(pid))
    let body: Data
    do { body = try me.encoded() } catch { throw StoreError.wrap(error, .lock, path: sessionPath) }

    // A lock is named by the file's one resolved path; a file with a second name (a hard link)
    // could be open under that name with another lock, and a save would split the two names.
    if let status = try? Platform.status(sessionPath), status.type == .regular, status.links > 1 {
      throw StoreError(
        .lock, path: sessionPath, kind: .locked, problem: Phrase("store.problem.hard-linked", ["count": "\(status.links)"]))
    }
    // Each turn either wins the file, or finds a live holder (and throws), or removes a stale
    // lock and tries again. Many turns only happen when several igloos race for one stale lock.
    for _ in 0..<200 {
      let fd: Int32
      do {
        fd = try Platform.createExclusive(path, mode: AtomicFile.privateFileMode)
      } catch let error as SystemError where error.kind == .exists {
        switch inspect(path) {
        case .free:
          continue
        case .held(let other, let bytes):
          guard isStale(other) else { throw lockedError(sessionPath, lockPath: path, holder: other) }
          takeOver(path, expected: bytes)
        case .incomplete(let bytes, _) where !isPartialLock(bytes):
          // Not a lock being written but something else in its place (an export written over it,
          // say): waiting would not help, and "changing hands" would be the wrong story.
          throw StoreError(
            .lock, path: sessionPath, kind: .locked,
            problem: Phrase("store.problem.lock-not-igloo", ["lock": path]))
        case .incomplete(_, let modified) where modified.timeIntervalSince(Date()) > incompleteLockGrace:
          // Dated in the future: the clock was set back since it was written, and waiting for it
          // to age would take as long as the clock is behind.
          throw StoreError(
            .lock, path: sessionPath, kind: .locked,
            problem: Phrase("store.problem.lock-future", ["lock": path]))
        case .incomplete(let bytes, let modified):
          if Date().timeIntervalSince(modified) > incompleteLockGrace {
            takeOver(path, expected: bytes)
          } else {
            // Another igloo is between creating its lock and writing it.
            Thread.sleep(forTimeInterval: 0.01)
          }
        case .unreadable(let error):
          // A lock we may not read belongs to another user: refuse rather than guess.
          throw StoreError(
            .lock, path: sessionPath, kind: .locked,
            problem: Phrase(
              "store.problem.lock-unreadable", ["lock": path], parts: ["problem": StoreError(.read, path: path, error).phrase]))
        }
        continue
      } catch let error as SystemError {
        throw StoreError(.lock, path: sessionPath, error)
      }
      do {
        defer { Platform.closeQuietly(fd) }
        try Platform.writeAll(body, to: fd)
        try Platform.sync(descriptor: fd)
      } catch {
        Platform.removeQuietly(path)
        throw StoreError.wrap(error, .lock, path: sessionPath)
      }
      Platform.syncFolder((path as NSString).deletingLastPathComponent)
      return SessionLock(sessionURL: URL(fileURLWithPath: sessionPath), lockURL: lockURL, holder: me)
    }
    throw StoreError(.lock, path: sessionPath, kind: .locked, problem: Phrase("store.problem.lock-changing"))
  }

  /// The igloo that has `sessionURL` open, or nil when it is free or its lock is stale.
  ///
  /// For listings ("open in another window"); to open a session, call ``acquire(_:now:)``.
  public static func currentHolder(of sessionURL: URL) -> LockHolder? {
    if case .held(let holder, _) = inspect(lockURL(for: sessionURL).path), !isStale(holder) { return holder }
    return nil
  }

  /// Whether `other`, as read back from a lock file (``currentHolder(of:)``,
  /// ``SessionSummary/openBy``), is this lock: the same token, so the same process and moment of
  /// taking it. (`==` would not do: the file keeps `since` to the second only.)
  public func isRecorded(in other: LockHolder) -> Bool {
    other.token == holder.token && other.pid == holder.pid && other.host == holder.host
  }

  /// Whether the lock file still holds this lock (its token): false when another process has
  /// replaced or removed it while this igloo ran, so saving now would overwrite its work.
  public var isIntact: Bool {
    guard isHeld, let data = Platform.contents(lockURL.path), let other = LockHolder.decode(data) else { return false }
    return isRecorded(in: other)
  }

  /// Whether `bytes` can be the start of a lock still being written: empty, or the beginning of
  /// a JSON object no longer than a lock ever is.
  static func isPartialLock(_ bytes: Data) -> Bool {
    guard let first = bytes.first else { return true }
    return first == UInt8(ascii: "{") && bytes.count < 4096
  }

  /// Whether this object still holds the lock.
  public var isHeld: Bool {
    state.lock()
    defer { state.unlock() }
    return !released
  }

  /// Gives the lock up by removing the lock file, if it is still this lock's.
  ///
  /// Safe to call more than once.
  public func release() {
    state.lock()
    defer { state.unlock() }
    guard !released else { return }
    released = true
    let path = lockURL.path
    if let data = Platform.contents(path), LockHolder.decode(data)?.token == holder.token {
      Platform.removeQuietly(path)
    }
  }

  // MARK: Inside

  private enum Inspection {
    case free
    case held(LockHolder, Data)
    case incomplete(Data, Date)
    case unreadable(SystemError)
  }

  private static func inspect(_ path: String) -> Inspection {
    let data: Data
    do {
      data = try Platform.readSmallFile(path)
    } catch let error as SystemError {
      return error.kind == .notFound ? .free : .unreadable(error)
    } catch {
      return .unreadable(SystemError(code: 0, call: "read"))
    }
    if let holder = LockHolder.decode(data) { return .held(holder, data) }
    let modified = (try? Platform.status(path))?.modified ?? Date()
    return .incomplete(data, modified)
  }

  /// A lock is stale when its process is gone: the pid no longer runs on this host, or it now
  /// belongs to a process that started later than the one that wrote the lock.
  static func isStale(_ holder: LockHolder) -> Bool {
    // A pid on another machine cannot be checked, so such a lock is never taken over.
    guard holder.host == Platform.hostName else { return false }
    guard Platform.processExists(holder.pid) else { return true }
    if let recorded = holder.processStart, let current = Platform.processStartTime(holder.pid), recorded != current {
      return true
    }
    return false
  }

  /// Removes the stale lock whose content was `expected`, unless it has changed since.
  ///
  /// Several igloos may find the same stale lock at once. They take turns under a lock on the
  /// folder, and each removes the file only if it still holds exactly the stale bytes it saw: the
  /// first removes it, and the others find either nothing or the first one's fresh lock.
  static func takeOver(_ path: String, expected: Data) {
    Platform.withFolderLock((path as NSString).deletingLastPathComponent) {
      guard let current = Platform.contents(path), current == expected else { return }
      Platform.removeQuietly(path)
    }
  }

  private static func lockedError(_ sessionPath: String, lockPath: String, holder: LockHolder) -> StoreError {
    let problem =
      holder.host != Platform.hostName
      ? Phrase("store.problem.locked-elsewhere", ["holder": holder.summary, "lock": lockPath])
      : Phrase("store.problem.locked", ["holder": holder.summary])
    return StoreError(.lock, path: sessionPath, kind: .locked, problem: problem, holder: holder)
  }
}
