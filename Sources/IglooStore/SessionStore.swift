import Foundation
import IglooContent
import IglooEngine

/// A saved session as the resume picker shows it.
public struct SessionSummary: Sendable {
  /// The file.
  public var url: URL
  /// The workplace, or empty when the file cannot be read.
  public var workplace: String
  /// The assessment's date as recorded (`YYYY-MM-DD`), or empty.
  public var date: String
  /// How many applicable questions are answered.
  public var answered: Int
  /// How many questions apply.
  public var total: Int
  /// When the file was last saved; nil when its status cannot be read.
  public var modified: Date?
  /// Why the file cannot be opened, when it cannot; the picker shows it instead of the progress.
  public var error: StoreError?
  /// The igloo that has the session open right now, if any.
  public var openBy: LockHolder?
  /// The workshop group's name, or empty; it tells groups on one training case apart.
  public var group: String = ""
}

/// The folder of saved sessions: `$XDG_DATA_HOME/igloo/`, or `~/.local/share/igloo/`.
///
/// Sessions may also live anywhere the user chooses; ``save(_:to:)`` and ``SessionFile`` work
/// with any path, but only this folder is listed and only it is created on demand.
public struct SessionStore: Sendable {
  /// The file name ending that marks a session.
  public static let fileExtension = ".igloo.json"

  /// The folder.
  public let folder: URL

  /// A store in `folder`.
  public init(folder: URL) {
    self.folder = folder.standardizedFileURL
  }

  /// The store where `environment` puts it; see ``dataFolder(environment:)``.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    self.init(folder: try SessionStore.dataFolder(environment: environment))
  }

  /// `$XDG_DATA_HOME/igloo`, else `$HOME/.local/share/igloo`, else the home folder in the
  /// password database.
  ///
  /// A relative `XDG_DATA_HOME` is ignored, as the XDG specification says, so that sessions never
  /// land wherever igloo happened to be started.
  ///
  /// - Throws: ``StoreError`` of kind ``StoreError/Kind/noDataFolder`` when no home is known.
  public static func dataFolder(environment: [String: String]) throws -> URL {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg).appendingPathComponent("igloo", isDirectory: true)
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return URL(fileURLWithPath: home).appendingPathComponent(".local/share/igloo", isDirectory: true)
    }
    if let home = Platform.homeFolder {
      return URL(fileURLWithPath: home).appendingPathComponent(".local/share/igloo", isDirectory: true)
    }
    throw StoreError(
      .createFolder, path: "", kind: .noDataFolder,
      problem: Phrase("store.problem.no-data-folder"))
  }

  /// Creates the folder (and missing folders above it) with mode 0700, if it is not there.
  public func prepare() throws {
    try AtomicFile.createFolder(folder)
  }

  /// A free file name in the folder for a new session: the workplace as a slug, then the date.
  ///
  /// `Kantinen på Åbyhøj` on 1 May 2026 gives `kantinen-paa-aabyhoej-2026-05-01.igloo.json`, then
  /// `…-2.igloo.json` if that is taken. The name is only free now: ``create(_:workplace:date:)``
  /// claims one without any risk of overwriting.
  public func newSessionURL(workplace: String, date: Date = Date(), timeZone: TimeZone = .current) -> URL {
    candidates(workplace: workplace, date: date, timeZone: timeZone).first { url in
      (try? Platform.status(url.path, followLinks: false)) == nil
        && (try? Platform.status(url.path + ".lock", followLinks: false)) == nil
    } ?? folder.appendingPathComponent(fallbackName(date: date, timeZone: timeZone))
  }

  /// Saves a new session under a fresh name in the folder, creating the folder if needed.
  ///
  /// - Returns: the session's file.
  /// - Throws: ``StoreError``; nothing that existed is ever replaced.
  @discardableResult
  public func create(_ session: Session, workplace: String, date: Date = Date(), timeZone: TimeZone = .current)
    throws -> URL
  {
    let data = try encode(session, path: folder.path)
    try prepare()
    for url in candidates(workplace: workplace, date: date, timeZone: timeZone) + [
      folder.appendingPathComponent(fallbackName(date: date, timeZone: timeZone))
    ] {
      do {
        try AtomicFile.write(data, to: url, mode: AtomicFile.privateFileMode, replace: false)
        return url
      } catch let error as StoreError where error.kind == .alreadyExists {
        continue
      }
    }
    throw StoreError(.write, path: folder.path, kind: .alreadyExists, problem: Phrase("store.problem.no-free-name"))
  }

  /// Saves `session` to `url` atomically with mode 0600.
  ///
  /// The session folder is created when `url` is in it; any other folder must exist, because a
  /// path the user typed wrong should be reported, not silently created.
  public func save(_ session: Session, to url: URL) throws {
    let target = writeTarget(for: url)
    let data = try encode(session, path: target.path)
    let inStore = target.deletingLastPathComponent().path == folder.path
    try AtomicFile.write(data, to: target, mode: AtomicFile.privateFileMode, createFolders: inStore)
  }

  /// Where a save of `url` goes: `url` itself, or, when it is a symbolic link (a session kept in a
  /// synced folder), the file it points to, so that the link stays a link and the real file gets
  /// the answers.
  public func writeTarget(for url: URL) -> URL {
    let path = url.standardizedFileURL.path
    guard (try? Platform.status(path, followLinks: false))?.type == .symlink,
      let resolved = Platform.resolvedPath(path)
    else { return url.standardizedFileURL }
    return URL(fileURLWithPath: resolved)
  }

  /// Saves `session` beside `url` under a new name (`<name>-copy.igloo.json`, then `-copy-2`, …),
  /// never replacing anything: used when another igloo has taken `url` over.
  ///
  /// - Returns: the copy's file.
  public func saveCopy(_ session: Session, of url: URL) throws -> URL {
    let data = try encode(session, path: url.path)
    let folder = url.standardizedFileURL.deletingLastPathComponent()
    var base = url.lastPathComponent
    for suffix in [Self.fileExtension, ".json"] where base.hasSuffix(suffix) {
      base.removeLast(suffix.count)
      break
    }
    for n in 1...999 {
      let candidate = folder.appendingPathComponent(base + (n == 1 ? "-copy" : "-copy-\(n)") + Self.fileExtension)
      do {
        try AtomicFile.write(data, to: candidate, mode: AtomicFile.privateFileMode, replace: false)
        return candidate
      } catch let error as StoreError where error.kind == .alreadyExists {
        continue
      }
    }
    throw StoreError(.write, path: url.path, kind: .alreadyExists, problem: Phrase("store.problem.no-free-copy-name"))
  }

  /// The sessions in the folder, newest first.
  ///
  /// A file that cannot be opened is listed with its ``SessionSummary/error`` rather than left out
  /// or allowed to stop the listing: the user should see that it is there and what is wrong.
  /// Listing never writes: an older file is shown as it would be after migration.
  public func list(pack: ContentPack) throws -> [SessionSummary] {
    let names: [String]
    do {
      names = try Platform.folderEntries(folder.path)
    } catch let error as SystemError where error.kind == .notFound {
      return []
    } catch let error as SystemError {
      throw StoreError(.list, path: folder.path, error)
    }
    var out: [SessionSummary] = []
    for name in names where name.hasSuffix(Self.fileExtension) && !name.hasPrefix(".") {
      let url = folder.appendingPathComponent(name)
      let modified = (try? Platform.status(url.path))?.modified
      var summary = SessionSummary(
        url: url, workplace: "", date: "", answered: 0, total: 0, modified: modified, error: nil,
        openBy: SessionLock.currentHolder(of: url))
      do {
        let session = try SessionFile.read(url, pack: pack).session
        let progress = session.progress(pack)
        summary.workplace = session.about.workplace
        summary.group = session.about.group
        summary.date = session.about.date
        summary.answered = progress.answered
        summary.total = progress.total
      } catch {
        summary.error = StoreError.wrap(error, .open, path: url.path)
      }
      out.append(summary)
    }
    return out.sorted { a, b in
      switch (a.modified, b.modified) {
      case (let x?, let y?) where x != y: x > y
      case (.some, nil): true
      case (nil, .some): false
      default: a.url.path < b.url.path
      }
    }
  }

  /// Removes temporary files left in the folder by writes that were killed; see
  /// ``AtomicFile/removeLeftovers(in:)``.
  @discardableResult
  public func removeLeftovers() -> [String] {
    AtomicFile.removeLeftovers(in: folder)
  }

  // MARK: Names

  /// A file-name-safe form of `text`: lower case ASCII letters, digits and single dashes.
  ///
  /// Danish letters are written out the way Danes do without them (æ → ae, ø → oe, å → aa); other
  /// accented letters lose their accents; everything else becomes a dash.
  public static func slug(_ text: String, maxLength: Int = 48) -> String {
    var s = text.lowercased()
    for (letter, replacement) in [("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ß", "ss")] {
      s = s.replacingOccurrences(of: letter, with: replacement)
    }
    var out = ""
    var pendingDash = false
    for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
        if pendingDash && !out.isEmpty { out.append("-") }
        pendingDash = false
        out.unicodeScalars.append(scalar)
        if out.count >= maxLength { break }
      } else {
        pendingDash = true
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out
  }

  private func candidates(workplace: String, date: Date, timeZone: TimeZone) -> [URL] {
    let base = (Self.slug(workplace).isEmpty ? "session" : Self.slug(workplace)) + "-" + day(date, timeZone)
    return (1...999).map { n in
      folder.appendingPathComponent(base + (n == 1 ? "" : "-\(n)") + Self.fileExtension)
    }
  }

  private func fallbackName(date: Date, timeZone: TimeZone) -> String {
    "session-\(day(date, timeZone))-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))\(Self.fileExtension)"
  }

  private func day(_ date: Date, _ timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let c = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
  }

  /// The session's bytes, refused when the reader would refuse them (``SessionLimits``): the file
  /// on disk then stays the last good one.
  private func encode(_ session: Session, path: String) throws -> Data {
    let data: Data
    do {
      data = try session.encoded()
    } catch {
      throw StoreError(.write, path: path, kind: .system, problem: Phrase("store.problem.cannot-encode", ["error": "\(error)"]))
    }
    try SessionLimits.check(data, path: path)
    return data
  }
}

extension SessionLimits {
  /// Refuses session bytes the reader would refuse, before anything is written.
  ///
  /// - Throws: ``StoreError`` of kind ``StoreError/Kind/tooLarge`` naming `path`, the size and
  ///   the limit; the file at `path` is not touched.
  public static func check(_ data: Data, path: String) throws {
    guard !allows(byteCount: data.count) else { return }
    throw StoreError(
      .write, path: path, kind: .tooLarge,
      problem: Phrase(
        "store.problem.save-too-large",
        ["size": SessionFile.sizeText(Int64(data.count)), "limit": SessionFile.sizeText(Int64(fileSize))]))
  }
}
