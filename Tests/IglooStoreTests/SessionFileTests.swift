import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooStore

#if canImport(Glibc)
  import Glibc
#endif

/// A bad session file and what igloo must say about it.
struct BadSession: CustomTestStringConvertible, Sendable {
  var label: String
  var bytes: [UInt8]
  var kind: StoreError.Kind
  /// The expected problem: the whole of it, or its start when `prefixOnly`.
  var problem: String
  var prefixOnly = false

  init(_ label: String, _ text: String, _ kind: StoreError.Kind, _ problem: String, prefixOnly: Bool = false) {
    self.init(label, Array(text.utf8), kind, problem, prefixOnly: prefixOnly)
  }

  init(_ label: String, _ bytes: [UInt8], _ kind: StoreError.Kind, _ problem: String, prefixOnly: Bool = false) {
    self.label = label
    self.bytes = bytes
    self.kind = kind
    self.problem = problem
    self.prefixOnly = prefixOnly
  }

  var testDescription: String { label }
}

let validSession = StoreFixtures.sessionJSON(answers: ["q-pace-exposure": 4, "q-skills-potential": 2])

let badSessions: [BadSession] = [
  BadSession("empty", "", .empty, "the file is empty"),
  BadSession("only blank space", "  \n\t\n", .empty, "the file holds only blank space"),
  BadSession(
    "binary", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x7B], .notText,
    "it is a binary file, not a session (JSON text)"),
  BadSession(
    "Latin-1, not UTF-8", Array("{\"about\": {\"workplace\": \"K".utf8) + [0xE6] + Array("lder\"}}".utf8), .notText,
    "it is not UTF-8 text"),
  BadSession("UTF-16", [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], .notText, "it is UTF-16 text; save it as UTF-8"),
  BadSession("not JSON", "workplace: Kantinen\nanswers: 4\n", .notJSON, "not valid JSON (", prefixOnly: true),
  BadSession(
    "a stray comma", "{\"answers\": {},,}", .notJSON, "not valid JSON (invalid value at line 1, column ",
    prefixOnly: true),
  BadSession(
    "truncated", String(validSession.prefix(validSession.count / 2)), .truncated,
    "the JSON stops in the middle; the file looks truncated"),
  BadSession(
    "truncated inside a string", "{\"about\": {\"workplace\": \"Kanti", .truncated,
    "the JSON stops in the middle; the file looks truncated"),
  BadSession(
    "a list at the top", "[4, 5, 3]", .wrongShape, "it is not an igloo session: the top level is a list, not an object"),
  BadSession(
    "a number at the top", "42", .wrongShape, "it is not an igloo session: the top level is a number, not an object"),
  BadSession(
    "another tool's JSON", "{\"name\": \"igloo\", \"version\": \"1.0.0\"}", .wrongShape,
    "it is not an igloo session: it has neither `schema` nor `answers`"),
  BadSession(
    "another schema", "{\"schema\": \"kanban-board\", \"answers\": {}}", .wrongShape,
    "it is not an igloo session (`schema` is \"kanban-board\", not \"igloo-session\")"),
  BadSession(
    "answers as a list", "{\"schema\": \"igloo-session\", \"answers\": [4, 5]}", .invalidSession,
    "`answers` has the wrong type (expected an object) (line 1, column 40)"),
  BadSession(
    "a text version", "{\"schema\": \"igloo-session\", \"schema_version\": \"one\", \"answers\": {}}", .wrongShape,
    "`schema_version` must be a whole number"),
  BadSession(
    "a newer schema version", "{\"schema\": \"igloo-session\", \"schema_version\": 2, \"answers\": {}}", .newerVersion,
    "it was written by a newer igloo (schema version 2; this igloo reads up to 1): update igloo"),
  BadSession(
    "a negative schema version", "{\"schema\": \"igloo-session\", \"schema_version\": -1, \"answers\": {}}",
    .wrongShape, "schema version -1 is not a valid version"),
  BadSession(
    "an unknown question id", StoreFixtures.sessionJSON(answers: ["q-nope": 3]), .doesNotMatchContent,
    "unknown question id `q-nope` (voice `default`)"),
  BadSession(
    "two unknown question ids", StoreFixtures.sessionJSON(answers: ["q-nope": 3, "q-other": 2]), .doesNotMatchContent,
    "unknown question id `q-nope` (voice `default`) (and 1 more)"),
  BadSession(
    "an id with a terminal escape", "{\"answers\": {\"default\": {\"q\\u001b[2J\": 3}}}", .doesNotMatchContent,
    "unknown question id `q\\u{1b}[2J` (voice `default`)"),
  BadSession(
    "duplicate keys (issue 8, Why 11: the first won, jq takes the last)",
    "{\"schema\": \"igloo-session\", \"answers\": {\"default\": {\"q-pace-exposure\": 1, \"q-pace-exposure\": 5}}}",
    .invalidSession, "the key `q-pace-exposure` appears twice in the same object (line 1, column 75); keep one of them"),
  BadSession(
    "a duplicate key spelled with an escape (issue 25 item 4: igloo read the first, jq and Python the second)",
    "{\"schema\": \"igloo-session\", \"answers\": {\"default\": {\"q-pace-exposure\": 1}}, \"\\u0061nswers\": {\"default\": {\"q-pace-exposure\": 5}}}",
    .invalidSession, "the key `answers` appears twice in the same object (line 1, column 77); keep one of them"),
  BadSession(
    "a number too large", "{\"answers\": {\"default\": {\"q-pace-exposure\": 1e999}}}", .notJSON,
    "not valid JSON (number 1e999 is out of range at line 1, column 45)"),
  BadSession(
    "a deadline in words",
    "{\"answers\": {}, \"plan\": [{\"level\": \"group\", \"title\": \"Kursus\", \"deadline\": \"næste uge\", \"status\": \"accepted\"}]}",
    .doesNotMatchContent, "`plan[0].deadline` is `næste uge`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)"),
  BadSession(
    "an About date the Danish way",
    "{\"about\": {\"date\": \"31-12-2027\"}, \"answers\": {}}",
    .doesNotMatchContent, "`about.date` is `31-12-2027`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)"),
  BadSession(
    "a value above the scale", StoreFixtures.sessionJSON(answers: ["q-pace-exposure": 7]), .invalidSession,
    "`answers.default.q-pace-exposure`: answer 7 is out of range", prefixOnly: true),
  BadSession(
    "a value below the scale", StoreFixtures.sessionJSON(answers: ["q-pace-exposure": 0]), .invalidSession,
    "`answers.default.q-pace-exposure`: answer 0 is out of range", prefixOnly: true),
  BadSession(
    "an unknown answer word", "{\"answers\": {\"default\": {\"q-pace-exposure\": \"maybe\"}}}", .invalidSession,
    "`answers.default.q-pace-exposure`: answer \"maybe\" is not one of", prefixOnly: true),
  BadSession(
    "an unknown plan status",
    "{\"answers\": {}, \"plan\": [{\"level\": \"group\", \"title\": \"Kursus\", \"status\": \"weird\"}]}", .invalidSession,
    "`plan[0].status`: \"weird\" is not one of suggested, accepted, rejected, in-progress, done, in-place (line 1, column 74)"),
  BadSession("an unknown depth", "{\"answers\": {}, \"depth\": \"deep\"}", .invalidSession, "`depth`: \"deep\" is not one of quick, full (line 1, column 26)"),
]

@Suite("Reading session files")
struct SessionFileTests {
  let pack = StoreFixtures.tinyPack()

  @Test("a valid file loads with its answers")
  func loadsValid() throws {
    let scratch = try Scratch()
    let url = try scratch.write(validSession, "kantinen.igloo.json")
    let session = try SessionFile.load(url, pack: pack)
    #expect(session.about.workplace == "Kantinen på Åbyhøj")
    #expect(session.answer("q-pace-exposure", voice: "default") == Answer(.point(4)))
    #expect(session.answer("q-skills-potential", voice: "default") == Answer(.point(2)))
    #expect(session.progress(pack) == (2, 3))
    #expect(bytes(url) == Data(validSession.utf8))
  }

  @Test("a file saved by igloo reads back equal")
  func roundTrip() throws {
    let scratch = try Scratch()
    var session = Session(content: ContentRef(pack), about: About(workplace: "Lageret", date: "2026-05-01"))
    session.scope = nil
    session.setAnswer(
      Answer(.dontKnow, note: "spørg IT | \"ledelsen\"\nnæste uge"), question: "q-pace-mitigation", voice: "default")
    session.setAnswer(Answer(.notRelevant), question: "q-skills-potential", voice: "default")
    let url = scratch.path("lageret.igloo.json")
    try SessionStore(folder: scratch.url).save(session, to: url)
    #expect(try SessionFile.load(url, pack: pack) == session)
  }

  @Test("every bad file: one line naming the file and the problem, exit 2, the file untouched", arguments: badSessions)
  func badFile(_ case_: BadSession) throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data(case_.bytes), "bad.igloo.json")
    let before = scratch.names()

    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    guard let error else { return }
    #expect(error.kind == case_.kind)
    if case_.prefixOnly {
      #expect(error.problem.hasPrefix(case_.problem), "got: \(error.problem)")
    } else {
      #expect(error.problem == case_.problem)
    }
    #expect(error.description == "cannot open \(url.path): \(error.problem)")
    #expect(!error.description.contains("\n"))
    #expect(error.exitCode == 2)
    #expect(bytes(url) == Data(case_.bytes))
    #expect(scratch.names() == before)
  }

  @Test("a file that does not exist")
  func missing() throws {
    let scratch = try Scratch()
    let url = scratch.path("gone.igloo.json")
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    #expect(error?.kind == .notFound)
    #expect(error?.description == "cannot open \(url.path): no such file")
    #expect(error?.exitCode == 2)
    #expect(scratch.names() == [])
  }

  @Test("a folder where the session should be")
  func folder() throws {
    let scratch = try Scratch()
    let url = scratch.path("folder.igloo.json")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    #expect(error?.kind == .isFolder)
    #expect(error?.description == "cannot open \(url.path): it is a folder, not a session file")
    #expect(error?.exitCode == 2)
  }

  @Test("a FIFO is refused at once instead of hanging igloo")
  func fifo() throws {
    let scratch = try Scratch()
    let url = scratch.path("pipe.igloo.json")
    #expect(mkfifo(url.path, 0o600) == 0)
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    #expect(error?.kind == .notRegularFile)
    #expect(error?.description == "cannot open \(url.path): it is not a regular file")
  }

  @Test("an unreadable file (permissions)")
  func unreadable() throws {
    let scratch = try Scratch()
    let url = try scratch.write(validSession, "private.igloo.json", mode: 0o000)
    let error = try asUnprivilegedUser {
      #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    }
    #expect(error?.kind == .permissionDenied)
    #expect(error?.description == "cannot open \(url.path): permission denied")
    #expect(error?.exitCode == 2)
    #expect(mode(of: url) == 0o000)
    _ = chmod(url.path, 0o600)
    #expect(bytes(url) == Data(validSession.utf8))
  }

  @Test("a 50 MB file is refused by its size, before it is read")
  func tooLarge() throws {
    let scratch = try Scratch()
    let url = try scratch.write(validSession, "huge.igloo.json")
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 50 * 1024 * 1024)
    try handle.close()

    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    #expect(error?.kind == .tooLarge)
    #expect(error?.description == "cannot open \(url.path): too large (50 MB); a session is at most 10 MB")
    #expect(error?.exitCode == 2)
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    #expect((attributes[.size] as? NSNumber)?.intValue == 50 * 1024 * 1024)
  }

  @Test("read() migrates an older file in memory and writes nothing")
  func readNeverWrites() throws {
    let scratch = try Scratch()
    try scratch.write(StoreFixtures.versionZeroSessionJSON(), "old.igloo.json")
    let contents = try SessionFile.read(scratch.path("old.igloo.json"), pack: pack)
    #expect(contents.migratedFrom == 0)
    #expect(contents.session.answer("q-pace-exposure", voice: "default") == Answer(.point(4)))
    #expect(scratch.names() == ["old.igloo.json"])
  }
}

@Suite("Migrating older session files")
struct MigrationTests {
  let pack = StoreFixtures.tinyPack()

  @Test("every version below the current one has a step")
  func stepsCoverEveryVersion() {
    for version in 0..<Session.currentSchemaVersion {
      #expect(SessionMigration.steps[version]?.from == version)
    }
  }

  @Test("a version-0 file is backed up byte for byte (0600), then migrated and saved")
  func migratesWithBackup() throws {
    let scratch = try Scratch()
    let original = StoreFixtures.versionZeroSessionJSON()
    let url = try scratch.write(original, "vaerkstedet.igloo.json", mode: 0o600)

    let session = try SessionFile.load(url, pack: pack)
    #expect(session.schemaVersion == 1)
    #expect(session.about.workplace == "Værkstedet")
    #expect(session.answer("q-pace-exposure", voice: "default") == Answer(.point(4)))
    #expect(session.answer("q-skills-potential", voice: "default") == Answer(.point(2)))

    let backup = scratch.path("vaerkstedet.igloo.json.v0.bak")
    #expect(bytes(backup) == Data(original.utf8))
    #expect(mode(of: backup) == 0o600)
    #expect(mode(of: url) == 0o600)
    #expect(scratch.names() == ["vaerkstedet.igloo.json", "vaerkstedet.igloo.json.v0.bak"])

    // The saved file is now version 1, with `answers` and no `responses`.
    let saved = try #require(bytes(url))
    let object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    #expect(object["responses"] == nil)
    #expect(object["answers"] != nil)
    let again = try SessionFile.read(url, pack: pack)
    #expect(again.migratedFrom == nil)
    #expect(again.session == session)
  }

  @Test("an earlier, different backup is never overwritten")
  func keepsEarlierBackup() throws {
    let scratch = try Scratch()
    let url = try scratch.write(StoreFixtures.versionZeroSessionJSON(), "s.igloo.json")
    try scratch.write("an older backup the user kept", "s.igloo.json.v0.bak")
    _ = try SessionFile.load(url, pack: pack)
    #expect(bytes(scratch.path("s.igloo.json.v0.bak")) == Data("an older backup the user kept".utf8))
    #expect(bytes(scratch.path("s.igloo.json.v0.2.bak")) == Data(StoreFixtures.versionZeroSessionJSON().utf8))
  }

  @Test("a version-0 file with a bad answer is neither backed up nor changed")
  func badOldFileUntouched() throws {
    let scratch = try Scratch()
    let original = StoreFixtures.versionZeroSessionJSON(answers: ["q-unknown": 3])
    let url = try scratch.write(original, "s.igloo.json")
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    #expect(error?.kind == .doesNotMatchContent)
    #expect(error?.description == "cannot open \(url.path): unknown question id `q-unknown` (voice `default`)")
    #expect(bytes(url) == Data(original.utf8))
    #expect(scratch.names() == ["s.igloo.json"])
  }

  @Test("a version-0 file with both `responses` and `answers` is refused")
  func ambiguousOldFile() throws {
    let scratch = try Scratch()
    let text = "{\"schema_version\": 0, \"responses\": {}, \"answers\": {}}"
    let url = try scratch.write(text, "s.igloo.json")
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    #expect(error?.kind == .invalidSession)
    #expect(error?.problem == "a version 0 file may not have both `responses` and `answers`")
    #expect(scratch.names() == ["s.igloo.json"])
  }

  @Test("a failed backup stops the migration and leaves the file as it was")
  func backupFailureStops() throws {
    let scratch = try Scratch()
    let original = StoreFixtures.versionZeroSessionJSON()
    let url = try scratch.write(original, "s.igloo.json", mode: 0o644)
    _ = chmod(scratch.url.path, 0o555)
    let error = try asUnprivilegedUser {
      #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: pack) }
    }
    _ = chmod(scratch.url.path, 0o755)
    #expect(error?.kind == .permissionDenied)
    #expect(error?.path == scratch.path("s.igloo.json.v0.bak").path)
    #expect(bytes(url) == Data(original.utf8))
    #expect(scratch.names() == ["s.igloo.json"])
  }
}

/// A text the JSON parser refuses, and what igloo says about it in English and in Danish.
struct JSONComplaint: CustomTestStringConvertible, Sendable {
  var text: String
  var en: String
  var da: String
  var testDescription: String { text }
}

let jsonComplaints: [JSONComplaint] = [
  JSONComplaint(text: #"{"a" 1}"#, en: "not valid JSON (invalid value at line 1, column 6)", da: "ikke gyldig JSON (ugyldig værdi i linje 1, kolonne 6)"),
  JSONComplaint(
    text: "workplace: Kantinen\nanswers: 4\n", en: "not valid JSON (invalid value at line 1, column 1)",
    da: "ikke gyldig JSON (ugyldig værdi i linje 1, kolonne 1)"),
  JSONComplaint(
    text: "{\"answers\": {},\n,}", en: "not valid JSON (invalid value at line 2, column 1)",
    da: "ikke gyldig JSON (ugyldig værdi i linje 2, kolonne 1)"),
  JSONComplaint(
    text: #"{"a": "x\q"}"#, en: "not valid JSON (an invalid character after a backslash (\\) at line 1, column 9)",
    da: "ikke gyldig JSON (ugyldigt tegn efter en omvendt skråstreg (\\) i linje 1, kolonne 9)"),
  JSONComplaint(
    text: #"{"a": 01}"#, en: "not valid JSON (a number with a zero in front at line 1, column 8)",
    da: "ikke gyldig JSON (et tal med et nul foran i linje 1, kolonne 8)"),
  JSONComplaint(
    text: "{\"a\": \"tab\tx\"}", en: "not valid JSON (a control character not written as a \\u code at line 1, column 11)",
    da: "ikke gyldig JSON (et styretegn, der ikke er skrevet som \\u-kode i linje 1, kolonne 11)"),
  JSONComplaint(
    text: #"{"a": tru}"#, en: "not valid JSON (a word that is not true, false or null at line 1, column 7)",
    da: "ikke gyldig JSON (et ord, der ikke er true, false eller null i linje 1, kolonne 7)"),
  JSONComplaint(
    text: #"{"a": "\ud800"}"#, en: "not valid JSON (half of a surrogate pair (\\ud800–\\udbff) without its other half at line 1, column 8)",
    da: "ikke gyldig JSON (en halv surrogatkode (\\ud800–\\udbff) uden sin anden halvdel i linje 1, kolonne 8)"),
  JSONComplaint(
    text: #"{"a": "\u00"}"#, en: "not valid JSON (invalid \\u code at line 1, column 10)",
    da: "ikke gyldig JSON (ugyldig \\u-kode i linje 1, kolonne 10)"),
  JSONComplaint(
    text: #"{"a": 1e999}"#, en: "not valid JSON (number 1e999 is out of range at line 1, column 7)",
    da: "ikke gyldig JSON (tallet 1e999 er uden for det mulige område i linje 1, kolonne 7)"),
]

/// Foundation's parser explains itself in English; igloo says what it found in the user's language.
@Suite("JSON syntax errors in both languages")
struct JSONComplaintTests {
  @Test("each complaint in igloo's words, with its line and column", arguments: jsonComplaints)
  func said(_ complaint: JSONComplaint) throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data(complaint.text.utf8), "bad.igloo.json")
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: StoreFixtures.tinyPack()) }
    guard let error else { return }
    #expect(error.kind == .notJSON)
    #expect(error.problem(.en) == complaint.en)
    #expect(error.problem(.da) == complaint.da)
  }

  /// No bad file of the catalogue gets English words of Foundation's or the runtime's in Danish.
  @Test("no English in a Danish message", arguments: badSessions)
  func noEnglishInDanish(_ case_: BadSession) throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data(case_.bytes), "bad.igloo.json")
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.load(url, pack: StoreFixtures.tinyPack()) }
    guard let error else { return }
    let danish = error.problem(.da)
    for english in ["invalid", "unexpected", "character", "parse", "Cannot initialize", "representable", "the text", "is not"] {
      #expect(!danish.contains(english), "\(danish)")
    }
  }
}
