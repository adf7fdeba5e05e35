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
  /// Listings use this so that looking at a folder never changes it.
  ///
  /// - Throws: ``StoreError`` naming the file and the problem.
  public static func read(_ url: URL, pack: ContentPack, sizeLimit: Int = SessionFile.sizeLimit) throws -> Contents {
    try read(url, pack: pack, sizeLimit: sizeLimit, scanning: true)
  }

  /// ``read(_:pack:sizeLimit:)``; `scanning: false` leaves out the hand-written reader, so that
  /// tests can hold the two paths side by side.
  static func read(_ url: URL, pack: ContentPack, sizeLimit: Int = SessionFile.sizeLimit, scanning: Bool) throws -> Contents {
    let path = url.standardizedFileURL.path
    func fail(_ kind: StoreError.Kind, _ problem: Phrase) -> StoreError {
      StoreError(.open, path: path, kind: kind, problem: problem)
    }

    let data = try readBytes(path, limit: sizeLimit, fail: fail)
    let text = try checkText(data, fail: fail)
    // A file as igloo writes it is read by the hand-written reader, which gives the very session
    // JSONDecoder gives and declines anything else (docs/decisions.md); a repeated key is among
    // what it declines, so the duplicate scan below is not needed on this path.
    if scanning, let scanned = Session.scan(text), scanned.marked,
      scanned.version == nil || scanned.version == Session.currentSchemaVersion
    {
      if let mismatch = mismatch(scanned.session.problems(with: pack)) { throw fail(.doesNotMatchContent, mismatch) }
      return Contents(session: scanned.session, original: data, migratedFrom: nil)
    }
    // The common case, a current and valid session, is parsed once. Anything else (an older
    // version, a file that does not decode, a duplicate key) takes the full path below, which
    // parses again to say exactly what is wrong.
    if JSONShape.firstDuplicateKey(in: text) == nil, let fast = try? JSONDecoder().decode(CurrentSession.self, from: text),
      fast.marked, fast.version == nil || fast.version == Session.currentSchemaVersion
    {
      if let mismatch = mismatch(fast.session.problems(with: pack)) { throw fail(.doesNotMatchContent, mismatch) }
      return Contents(session: fast.session, original: data, migratedFrom: nil)
    }
    let object = try parseObject(text, fail: fail)
    if let duplicate = JSONShape.firstDuplicateKey(in: text) {
      // JSONSerialization keeps the first and jq the last: a file that two tools read differently
      // is refused rather than guessed at.
      throw fail(.invalidSession, Phrase("store.problem.duplicate-key", ["key": duplicate.key, "line": "\(duplicate.line)"]))
    }

    if let schema = object["schema"], (schema as? String) != Session.schemaName {
      throw fail(.wrongShape, Phrase("store.problem.other-schema", ["expected": Session.schemaName], parts: ["schema": jsonSnippet(schema)]))
    }
    guard object["schema"] != nil || object["answers"] != nil || object["responses"] != nil else {
      throw fail(.wrongShape, Phrase("store.problem.no-marker"))
    }

    let version = try schemaVersion(of: text, fail: fail)
    if version > Session.currentSchemaVersion {
      throw fail(
        .newerVersion, Phrase("store.problem.newer", ["version": "\(version)", "current": "\(Session.currentSchemaVersion)"]))
    }
    if version < 0 {
      throw fail(.wrongShape, Phrase("store.problem.bad-version", ["version": "\(version)"]))
    }

    var session: Session
    var migratedFrom: Int?
    do {
      if version < Session.currentSchemaVersion {
        let migrated = try SessionMigration.migrate(object, from: version)
        let json = try JSONSerialization.data(withJSONObject: migrated, options: [.sortedKeys])
        session = try Session.decode(json)
        migratedFrom = version
      } else {
        session = try Session.decode(text)
      }
    } catch let error as MissingMigration {
      throw fail(
        .unsupportedVersion, Phrase("store.problem.too-old", ["version": "\(version)", "step": "\(error.version)"]))
    } catch let error as SessionFormatError {
      throw fail(.invalidSession, error.phrase)
    } catch {
      throw fail(.invalidSession, Phrase("store.problem.system", ["message": String(describing: error)]))
    }

    if let mismatch = mismatch(session.problems(with: pack)) { throw fail(.doesNotMatchContent, mismatch) }
    return Contents(session: session, original: data, migratedFrom: migratedFrom)
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
    // Over the raw bytes: Data's own iterator costs a call per byte, for every session a roll-up reads.
    if data.withUnsafeBytes({ $0.contains(0) }) { throw fail(.notText, Phrase("store.problem.binary")) }
    guard String(data: data, encoding: .utf8) != nil else {
      throw fail(.notText, Phrase("store.problem.not-utf8"))
    }
    let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
    if text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw fail(.empty, Phrase("store.problem.blank"))
    }
    return Data(text)
  }

  private static func parseObject(_ text: Data, fail: (StoreError.Kind, Phrase) -> StoreError) throws -> [String: Any] {
    let value: Any
    do {
      value = try JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed])
    } catch {
      if JSONShape.endsInsideValue(text) {
        throw fail(.truncated, Phrase("store.problem.truncated"))
      }
      throw fail(.notJSON, Phrase("store.problem.not-json", parts: ["detail": JSONSyntax.problem(in: text)]))
    }
    guard let object = value as? [String: Any] else {
      throw fail(.wrongShape, Phrase("store.problem.top-level", parts: ["kind": Phrase(JSONShape.kindName(value))]))
    }
    return object
  }

  /// Reads `schema_version` with the same strictness as the session decoder (`true` or `1.5` is
  /// not a version), defaulting to the current version as hand-written files may leave it out.
  private static func schemaVersion(of text: Data, fail: (StoreError.Kind, Phrase) -> StoreError) throws -> Int {
    struct Probe: Decodable {
      var version: Int?
      enum CodingKeys: String, CodingKey { case version = "schema_version" }
    }
    guard let probe = try? JSONDecoder().decode(Probe.self, from: text) else {
      throw fail(.wrongShape, Phrase("store.problem.version-not-number"))
    }
    return probe.version ?? Session.currentSchemaVersion
  }

  /// A string value as its first 40 characters in quotes, any other value as its kind.
  private static func jsonSnippet(_ value: Any) -> Phrase {
    if let s = value as? String { return Phrase("store.json.quoted", ["text": String(s.prefix(40))]) }
    return Phrase(JSONShape.kindName(value))
  }
}

/// A session together with what the full check reads from the raw object, decoded in one pass.
private struct CurrentSession: Decodable {
  /// The session.
  var session: Session
  /// Whether the file has `schema` or `answers` (or the old `responses`), which mark it as a session.
  var marked: Bool
  /// `schema_version` as written; nil when left out.
  var version: Int?

  enum Keys: String, CodingKey { case schema, answers, responses, version = "schema_version" }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    // A `schema` that is not the session marker (null included) is for the full check to name.
    if c.contains(.schema), try c.decode(String.self, forKey: .schema) != Session.schemaName {
      throw SessionFormatError(Phrase("store.format.not-session"))
    }
    marked = c.contains(.schema) || c.contains(.answers) || c.contains(.responses)
    version = try c.decodeIfPresent(Int.self, forKey: .version)
    session = try Session(from: decoder)
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

/// Small helpers that describe JSON in a user's terms.
enum JSONShape {
  /// The first key that appears twice in one object, with the line of its second appearance.
  ///
  /// A scanner over bytes with its own stack (no recursion: a file nested millions deep must not
  /// overflow it); run only on text that already parsed as JSON.
  static func firstDuplicateKey(in data: Data) -> (key: String, line: Int)? {
    // Over the raw bytes, with keys held as views into them rather than copied: this runs for every
    // session a roll-up reads.
    data.withUnsafeBytes { bytes -> (key: String, line: Int)? in
      // One entry per open object or list: the keys seen so far (nil for a list).
      var stack: [Set<RawKey>?] = []
      var line = 1
      var expectingKey = false
      var i = 0
      let end = bytes.count
      while i < end {
        let byte = bytes[i]
        switch byte {
        case 0x0A: line += 1
        case UInt8(ascii: "{"):
          stack.append(Set())
          expectingKey = true
        case UInt8(ascii: "["):
          stack.append(nil)
          expectingKey = false
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          if !stack.isEmpty { stack.removeLast() }
          expectingKey = false
        case UInt8(ascii: ","):
          expectingKey = stack.last.map { $0 != nil } ?? false
        case UInt8(ascii: "\""):
          var j = i + 1
          var escaped = false
          var hasEscape = false
          while j < end {
            let b = bytes[j]
            if escaped {
              escaped = false
            } else if b == UInt8(ascii: "\\") {
              escaped = true
              hasEscape = true
            } else if b == UInt8(ascii: "\"") {
              break
            }
            j += 1
          }
          if expectingKey, let top = stack.indices.last, stack[top] != nil {
            let raw = UnsafeRawBufferPointer(rebasing: bytes[(i + 1)..<min(j, end)])
            // A key is compared as the parser reads it: `"\u0061nswers"` is `answers`, and two
            // programs must not see different answers in one file (issue 25). Escapes are rare,
            // so only a key that has one is decoded; the others stay views into the text.
            // A bad escape is JSON the parser refuses later; its raw bytes do for now.
            let key = hasEscape ? RawKey(decoded: JSONStringEscapes.decode(raw) ?? Array(raw)) : RawKey(bytes: raw)
            if stack[top]?.contains(key) == true { return (key.text, line) }
            stack[top]?.insert(key)  // in place, so a large object is not copied per key
            expectingKey = false
          }
          i = j
        default: break
        }
        if i < end { i += 1 }
      }
      return nil
    }
  }

  /// A key compared and hashed by its UTF-8 bytes: a view into the text being scanned (valid only
  /// while that text is), or, for a key written with escapes, its decoded bytes.
  private struct RawKey: Hashable {
    private let view: UnsafeRawBufferPointer?
    private let owned: [UInt8]

    init(bytes: UnsafeRawBufferPointer) {
      view = bytes
      owned = []
    }

    init(decoded: [UInt8]) {
      view = nil
      owned = decoded
    }

    private func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
      if let view { return body(view) }
      return owned.withUnsafeBytes(body)
    }

    /// The key as text, for the message.
    var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    static func == (a: RawKey, b: RawKey) -> Bool { a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } } }
    func hash(into hasher: inout Hasher) { withBytes { hasher.combine(bytes: $0) } }
  }

  /// Whether the text ends inside a string, object or list: the sign of a file cut short.
  static func endsInsideValue(_ data: Data) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in data {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        // More closing than opening brackets: malformed, not cut short.
        if depth < 0 { return false }
      default: break
      }
    }
    return inString || depth > 0
  }

  /// The 1-based line and column of byte `offset`, counting columns in characters.
  static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
    let prefix = data.prefix(max(0, offset))
    let lines = prefix.split(separator: 0x0A, omittingEmptySubsequences: false)
    let last = lines.last.map { String(decoding: $0, as: UTF8.self).count } ?? 0
    return (lines.count, last + 1)
  }

  /// The string key naming the kind of a JSON value ("a list", "text", …).
  static func kindName(_ value: Any) -> String {
    switch value {
    case is [Any]: "store.json.list"
    case is [String: Any]: "store.json.object"
    case is String: "store.json.text"
    case is NSNull: "store.json.null"
    case is Bool: "store.json.bool"
    case is NSNumber: "store.json.number"
    default: "store.json.value"
    }
  }
}
