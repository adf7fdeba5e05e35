import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooStore

@Suite("The session folder")
struct SessionStoreTests {
  let pack = StoreFixtures.tinyPack()

  @Test("the folder follows XDG_DATA_HOME, then HOME; a relative XDG_DATA_HOME is ignored")
  func folderFromEnvironment() throws {
    #expect(
      try SessionStore(environment: ["XDG_DATA_HOME": "/data/ana", "HOME": "/home/ana"]).folder.path
        == "/data/ana/igloo")
    #expect(try SessionStore(environment: ["HOME": "/home/ana"]).folder.path == "/home/ana/.local/share/igloo")
    #expect(
      try SessionStore(environment: ["XDG_DATA_HOME": "relative/data", "HOME": "/home/ana"]).folder.path
        == "/home/ana/.local/share/igloo")
    #expect(
      try SessionStore(environment: ["XDG_DATA_HOME": "", "HOME": "/home/ana"]).folder.path
        == "/home/ana/.local/share/igloo")
  }

  @Test("prepare creates the folder and the missing ones above it with mode 0700")
  func prepareCreatesPrivateFolders() throws {
    let scratch = try Scratch()
    let store = try SessionStore(environment: ["HOME": scratch.url.path])
    try store.prepare()
    #expect(store.folder.path == scratch.path(".local/share/igloo").path)
    #expect(mode(of: scratch.path(".local")) == 0o700)
    #expect(mode(of: scratch.path(".local/share")) == 0o700)
    #expect(mode(of: store.folder) == 0o700)
    // Preparing again is harmless.
    try store.prepare()
  }

  @Test("the folder cannot be created where a file is in the way")
  func prepareBlocked() throws {
    let scratch = try Scratch()
    try scratch.write("not a folder", "data")
    let store = try SessionStore(environment: ["XDG_DATA_HOME": scratch.path("data").path])
    let error = #expect(throws: StoreError.self) { try store.prepare() }
    #expect(error?.kind == .notFolder)
    #expect(error?.description.hasPrefix("cannot create the folder \(scratch.path("data").path)") == true)
  }

  @Test("file names are slugs with æøå written out, and never taken")
  func names() throws {
    #expect(SessionStore.slug("Kantinen på Åbyhøj") == "kantinen-paa-aabyhoej")
    #expect(SessionStore.slug("Ærø Færgeri / Søby") == "aeroe-faergeri-soeby")
    #expect(SessionStore.slug("Café Noël, 2. sal") == "cafe-noel-2-sal")
    #expect(SessionStore.slug("../../etc/passwd") == "etc-passwd")
    #expect(SessionStore.slug("  ") == "")
    #expect(SessionStore.slug(String(repeating: "a", count: 200)).count == 48)

    let scratch = try Scratch()
    let store = SessionStore(folder: scratch.url)
    let may1 = Date(timeIntervalSince1970: 1_777_636_800)  // 2026-05-01 12:00 UTC
    let utc = TimeZone(identifier: "UTC")!
    let first = store.newSessionURL(workplace: "Kantinen på Åbyhøj", date: may1, timeZone: utc)
    #expect(first.lastPathComponent == "kantinen-paa-aabyhoej-2026-05-01.igloo.json")
    try scratch.write("{}", first.lastPathComponent)
    let second = store.newSessionURL(workplace: "Kantinen på Åbyhøj", date: may1, timeZone: utc)
    #expect(second.lastPathComponent == "kantinen-paa-aabyhoej-2026-05-01-2.igloo.json")
    #expect(
      store.newSessionURL(workplace: "", date: may1, timeZone: utc).lastPathComponent == "session-2026-05-01.igloo.json"
    )
  }

  @Test("create claims a fresh name and never overwrites an existing session")
  func createNeverOverwrites() throws {
    let scratch = try Scratch()
    let store = SessionStore(folder: scratch.path("sessions"))
    let may1 = Date(timeIntervalSince1970: 1_777_636_800)
    let utc = TimeZone(identifier: "UTC")!
    let session = Session(content: ContentRef(pack), about: About(workplace: "Lageret", date: "2026-05-01"))
    let a = try store.create(session, workplace: "Lageret", date: may1, timeZone: utc)
    let b = try store.create(session, workplace: "Lageret", date: may1, timeZone: utc)
    #expect(a.lastPathComponent == "lageret-2026-05-01.igloo.json")
    #expect(b.lastPathComponent == "lageret-2026-05-01-2.igloo.json")
    #expect(mode(of: store.folder) == 0o700)
    #expect(mode(of: a) == 0o600)
    #expect(try SessionFile.load(b, pack: pack) == session)
  }

  @Test("save writes 0600 atomically and creates only the session folder")
  func save() throws {
    let scratch = try Scratch()
    let store = SessionStore(folder: scratch.path("xdg/igloo"))
    var session = Session(content: ContentRef(pack), about: About(workplace: "Lageret"))
    session.setAnswer(Answer(.point(3)), question: "q-pace-exposure", voice: "default")
    let inStore = store.folder.appendingPathComponent("lageret.igloo.json")
    try store.save(session, to: inStore)
    #expect(mode(of: inStore) == 0o600)
    #expect(mode(of: store.folder) == 0o700)

    // A path the user chose must already exist: a typo is reported, not created.
    let elsewhere = scratch.path("typo/lageret.igloo.json")
    let error = #expect(throws: StoreError.self) { try store.save(session, to: elsewhere) }
    #expect(error?.kind == .folderMissing)
    #expect(!FileManager.default.fileExists(atPath: scratch.path("typo").path))

    session.setAnswer(Answer(.point(5)), question: "q-pace-exposure", voice: "default")
    try store.save(session, to: inStore)
    #expect(try SessionFile.load(inStore, pack: pack) == session)
    #expect(scratch.names(in: store.folder) == ["lageret.igloo.json"])
  }

  @Test("list shows workplace, date and progress, newest first, bad files with their error")
  func list() throws {
    let scratch = try Scratch()
    let store = SessionStore(folder: scratch.url)
    let old = try scratch.write(
      StoreFixtures.sessionJSON(answers: ["q-pace-exposure": 4], workplace: "Lageret", date: "2026-01-10"),
      "lageret.igloo.json")
    let new = try scratch.write(
      StoreFixtures.sessionJSON(
        answers: ["q-pace-exposure": 4, "q-pace-mitigation": 2, "q-skills-potential": 5], workplace: "Kantinen",
        date: "2026-04-02"),
      "kantinen.igloo.json")
    let broken = try scratch.write("{\"answers\": ", "broken.igloo.json")
    let legacy = try scratch.write(StoreFixtures.versionZeroSessionJSON(), "old.igloo.json")
    try scratch.write("ignored", "notes.txt")
    try scratch.write("ignored", ".kantinen.igloo.json.igloo-tmp-1-0000000000000abc")
    try scratch.write("ignored", "kantinen.igloo.json.v0.bak")
    let times: [(URL, TimeInterval)] = [(old, 1_000), (new, 4_000), (broken, 3_000), (legacy, 2_000)]
    for (url, t) in times {
      try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: t)], ofItemAtPath: url.path)
    }

    let summaries = try store.list(pack: pack)
    #expect(
      summaries.map(\.url.lastPathComponent) == [
        "kantinen.igloo.json", "broken.igloo.json", "old.igloo.json", "lageret.igloo.json",
      ])
    #expect(summaries[0].workplace == "Kantinen")
    #expect(summaries[0].date == "2026-04-02")
    #expect(summaries[0].answered == 3 && summaries[0].total == 3)
    #expect(summaries[0].error == nil)
    #expect(summaries[1].error?.kind == .truncated)
    #expect(
      summaries[1].error?.description
        == "cannot open \(broken.path): the JSON stops in the middle; the file looks truncated")
    #expect(summaries[2].workplace == "Værkstedet")
    #expect(summaries[2].answered == 2)
    #expect(summaries[3].answered == 1 && summaries[3].total == 3)
    #expect(summaries[3].modified == Date(timeIntervalSince1970: 1_000))
    // Listing never migrates or backs up.
    #expect(!FileManager.default.fileExists(atPath: legacy.path + ".v0.bak"))
  }

  @Test("list marks a session that is open in another igloo")
  func listShowsHolder() throws {
    let scratch = try Scratch()
    let url = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    let lock = try SessionLock.acquire(url)
    let summaries = try SessionStore(folder: scratch.url).list(pack: pack)
    #expect(summaries.first?.openBy?.pid == getpid())
    lock.release()
    #expect(try SessionStore(folder: scratch.url).list(pack: pack).first?.openBy == nil)
  }

  @Test("a folder that does not exist yet lists nothing")
  func listEmpty() throws {
    let scratch = try Scratch()
    #expect(try SessionStore(folder: scratch.path("nothing-here")).list(pack: pack).isEmpty)
  }
}
