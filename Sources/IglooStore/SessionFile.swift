import Foundation
import IglooContent
import IglooEngine

/// Reads session files, refusing bad ones with one clear line and never changing them.
///
/// Every check runs before anything is written: a bad file is reported and left byte for byte as it
/// was. The only write is the migration of a valid older file, and that keeps the original as a
/// backup first.
public enum SessionFile {
  /// The largest session igloo reads: ``SessionLimits/fileSize``, the limit every writer checks
  /// too. A real one is a few kilobytes; anything near this size is a wrong file, and reading it
  /// whole would only waste memory.
  public static let sizeLimit = SessionLimits.fileSize

  /// A session as read from disk.
  public struct Contents: Sendable {
    /// The session, migrated to the current schema version if it was older.
    public var session: Session
    /// The file's bytes as read, for the backup a migration makes.
    public var original: Data
    /// The schema version the file had when it was older than the current one; nil otherwise.
    public var migratedFrom: Int?
  }

  /// Reads and checks the session at `url` without writing anything.
  ///
  /// An older file is migrated in memory only; ``load(_:pack:)`` also saves the migration.
  /// Listings and the roll-up use this so that looking at a folder never changes it. The bytes are
  /// read once, checked as text, and parsed once by igloo's own reader (``Session/read(_:)``),
  /// whose messages are igloo's, with line and column (docs/decisions.md).
  ///
  /// - Throws: ``StoreError`` naming the file and the problem.
  public static func read(_ url: URL, pack: ContentPack, sizeLimit: Int = SessionFile.sizeLimit) throws -> Contents {
    try read(path: url.standardizedFileURL.path, pack: pack, sizeLimit: sizeLimit)
  }

  /// Reads and checks the session at `path` without writing anything; see ``read(_:pack:sizeLimit:)``.
  ///
  /// The roll-up names its files by path: making a `URL` of each (which asks the file system
  /// whether it is a folder) and standardising it took a tenth of `aggregate`'s time, so a path
  /// that is already absolute and clean is used as it is (``Platform/standardized(_:)``).
  public static func read(path: String, pack: ContentPack, sizeLimit: Int = SessionFile.sizeLimit) throws -> Contents {
    let path = Platform.standardized(path)
    func fail(_ kind: StoreError.Kind, _ problem: Phrase) -> StoreError {
      StoreError(.open, path: path, kind: kind, problem: problem)
    }

    let data = try readBytes(path, limit: sizeLimit, fail: fail)
    let text = try checkText(data, fail: fail)
    let read: Session.Read
    do {
      read = try Session.read(text)
    } catch {
      let kind: StoreError.Kind =
        switch error.kind {
        case .notJSON: .notJSON
        case .truncated: .truncated
        case .notSession: .wrongShape
        case .newerVersion: .newerVersion
        case .tooOld: .unsupportedVersion
        case .invalid: .invalidSession
        }
      throw fail(kind, error.phrase)
    }
    if let mismatch = mismatch(read.session.problems(with: pack)) { throw fail(.doesNotMatchContent, mismatch) }
    return Contents(session: read.session, original: data, migratedFrom: read.migratedFrom)
  }

  /// Reads and checks the session at `url`; an older file is migrated and saved, after its
  /// original has been copied to `<file>.v<N>.bak` (mode 0600).
  ///
  /// Take the session's ``SessionLock`` first (or use ``open(_:pack:)``), since a migration writes.
  ///
  /// - Throws: ``StoreError`` naming the file and the problem; the file is then untouched.
  public static func load(_ url: URL, pack: ContentPack) throws -> Session {
    let contents = try read(url, pack: pack)
    guard let version = contents.migratedFrom else { return contents.session }
    let migrated: Data
    do {
      migrated = try contents.session.encoded()
    } catch {
      throw StoreError.wrap(error, .write, path: url.standardizedFileURL.path)
    }
    // Through a symbolic link (a session kept in a synced folder) the file it points to is
    // migrated and backed up, and the link stays a link, as every save does.
    let target = URL(fileURLWithPath: Platform.resolvedPath(url.standardizedFileURL.path) ?? url.standardizedFileURL.path)
    try SessionLimits.check(migrated, path: target.path)
    try backUp(contents.original, of: target, version: version)
    try AtomicFile.write(migrated, to: target, mode: AtomicFile.privateFileMode)
    return contents.session
  }

  /// Locks the session at `url` and loads it; the caller keeps the lock while the session is open.
  ///
  /// - Throws: ``StoreError``; when it is ``StoreError/Kind/locked`` its ``StoreError/holder``
  ///   says who has the session open.
  public static func open(_ url: URL, pack: ContentPack) throws -> (session: Session, lock: SessionLock) {
    let lock = try SessionLock.acquire(url)
    do {
      return (try load(url, pack: pack), lock)
    } catch {
      lock.release()
      throw error
    }
  }

  /// Whether the session at `url` is a file its owner made read-only (no write bit, e.g. 0444),
  /// or one this user may not write: igloo then opens it to read and never rewrites it. (Root may
  /// write anything, so the mode bits are checked as well as `access`.)
  public static func isReadOnly(_ url: URL) -> Bool {
    let path = url.standardizedFileURL.path
    guard let status = try? Platform.status(path), status.type == .regular else { return false }
    return status.permissions & 0o222 == 0 || !Platform.isWritable(path)
  }

  /// `<file>.v<N>.bak`: where the original of a file migrated from version `version` is kept.
  public static func backupURL(for url: URL, version: Int) -> URL {
    URL(fileURLWithPath: url.standardizedFileURL.path + ".v\(version).bak")
  }

  /// Copies `original` to the backup name, never replacing a different earlier backup: a second
  /// migration of a restored file gets `<file>.v<N>.2.bak`, and so on.
  ///
  /// - Returns: where the backup is.
  @discardableResult
  static func backUp(_ original: Data, of url: URL, version: Int) throws -> URL {
    let first = backupURL(for: url, version: version)
    for n in 1...100 {
      let candidate =
        n == 1 ? first : URL(fileURLWithPath: url.standardizedFileURL.path + ".v\(version).\(n).bak")
      do {
        try AtomicFile.write(original, to: candidate, mode: AtomicFile.privateFileMode, replace: false)
        return candidate
      } catch let error as StoreError where error.kind == .alreadyExists {
        if Platform.contents(candidate.path, limit: sizeLimit) == original { return candidate }
      }
    }
    throw StoreError(.write, path: first.path, kind: .alreadyExists, problem: Phrase("store.problem.too-many-backups"))
  }

  // MARK: The checks, in order

  private static func readBytes(_ path: String, limit: Int, fail: (StoreError.Kind, Phrase) -> StoreError) throws
    -> Data
  {
    let fd: Int32
    do {
      fd = try Platform.openForReading(path)
    } catch let error as SystemError {
      throw StoreError(.open, path: path, error)
    }
    defer { Platform.closeQuietly(fd) }
    do {
      let status = try Platform.status(descriptor: fd)
      switch status.type {
      case .directory: throw fail(.isFolder, Phrase("store.problem.folder-not-session"))
      case .regular: break
      default: throw fail(.notRegularFile, Phrase("store.problem.not-regular"))
      }
      if status.size > Int64(limit) { throw fail(.tooLarge, tooLarge(status.size, limit: limit)) }
      if status.size == 0 { throw fail(.empty, Phrase("store.problem.empty")) }
      let data = try Platform.read(descriptor: fd, limit: limit)
      // The size can change between stat and read (a file still being written).
      if data.count > limit { throw fail(.tooLarge, tooLarge(Int64(data.count), limit: limit)) }
      if data.isEmpty { throw fail(.empty, Phrase("store.problem.empty")) }
      return data
    } catch let error as SystemError {
      throw StoreError(.open, path: path, error)
    }
  }

  private static func tooLarge(_ size: Int64, limit: Int) -> Phrase {
    Phrase("store.problem.too-large", ["size": sizeText(size), "limit": sizeText(Int64(limit))])
  }

  /// The first of a session's mismatches with the pack, and how many more there are.
  private static func mismatch(_ problems: [Phrase]) -> Phrase? {
    guard let first = problems.first else { return nil }
    if problems.count == 1 { return first }
    return Phrase("store.problem.and-more", ["more": "\(problems.count - 1)"], parts: ["problem": first])
  }

  /// A size in MB (MiB) for a message, rounded up to a tenth, so that a file over a limit never
  /// reads as the limit itself ("10.1 MB", not "10.0 MB", for 10.03 MB against 10); whole sizes
  /// are shown without a fraction ("10 MB").
  public static func sizeText(_ size: Int64) -> String {
    let mb: Int64 = 1024 * 1024
    if size % mb == 0 { return "\(size / mb) MB" }
    let tenths = (size * 10 + mb - 1) / mb
    return "\(tenths / 10).\(tenths % 10) MB"
  }

  /// Checks that the bytes are UTF-8 text and returns them without a byte-order mark.
  private static func checkText(_ data: Data, fail: (StoreError.Kind, Phrase) -> StoreError) throws -> Data {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      throw fail(.notText, Phrase("store.problem.utf16"))
    }
    // Over the raw bytes, and without building a String only to drop it: a roll-up checks every
    // session it reads here (with a byte-wise search and a String built and dropped, this check
    // was 4.8% of `aggregate`'s samples under perf, 2026-12-07).
    let (binary, utf8) = data.withUnsafeBytes { raw -> (Bool, Bool) in
      guard let base = raw.baseAddress else { return (false, true) }
      return (memchr(base, 0, raw.count) != nil, (try? UTF8Span(validating: raw.bindMemory(to: UInt8.self).span)) != nil)
    }
    if binary { throw fail(.notText, Phrase("store.problem.binary")) }
    guard utf8 else { throw fail(.notText, Phrase("store.problem.not-utf8")) }
    let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
    let text = bom ? data.dropFirst(3) : data[...]
    if text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw fail(.empty, Phrase("store.problem.blank"))
    }
    return bom ? Data(text) : data
  }
}

/// Whether two paths name the same session file, whatever the names: the same device and inode.
public enum SessionIdentity {
  /// True when `a` and `b` both exist and are one file (a link, `./x` and `x`, a hard link).
  public static func same(_ a: String, _ b: String) -> Bool {
    guard let x = try? Platform.status(a), let y = try? Platform.status(b) else { return false }
    return x.isSameFile(as: y)
  }
}
