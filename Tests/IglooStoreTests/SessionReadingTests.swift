import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooStore

/// The store reads every file through igloo's one reader (issue 29 point 3): a refusal is one line
/// naming the file, in both languages, whatever the text.
@Suite struct SessionReadingTests {
  @Test func hostileTextsAreReadOrRefusedInOneLine() throws {
    let pack = TestPacks.real
    let sample = String(decoding: try SessionGenerator.session(pack, seed: 5, voices: 2, notes: true).encoded(), as: UTF8.self)
    var texts = SessionTexts.hostile(sample: sample).map { (name: $0.name, bytes: Array($0.text.utf8)) }
    texts += badSessions.map { (name: $0.label, bytes: $0.bytes) }
    texts.append((name: "BOM before a real session", bytes: [0xEF, 0xBB, 0xBF] + Array(sample.utf8)))
    let scratch = try Scratch()
    var read = 0
    for (n, (name, bytes)) in texts.enumerated() {
      let url = try scratch.write(Data(bytes), "s\(n).json")
      do {
        _ = try SessionFile.read(url, pack: pack)
        read += 1
      } catch let error as StoreError {
        for language in [Language.en, .da] {
          let message = error.message(language)
          #expect(message.contains(url.path) && !message.contains("\n") && !message.contains("store."), "\(name): \(message)")
        }
      }
    }
    #expect(read > 10)
  }

  @Test func generatedSessionsAndFixturesAreRead() throws {
    let pack = TestPacks.real
    let scratch = try Scratch()
    for (n, data) in try SessionTexts.generated(pack, count: 60).enumerated() {
      let url = try scratch.write(data, "g\(n).igloo.json")
      #expect(try SessionFile.read(url, pack: pack).session == Session.decode(data))
    }
  }

  /// A version 0 file still migrates, on the reader's own tree.
  @Test func anOlderFileStillMigrates() throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data(#"{"schema":"igloo-session","schema_version":0,"responses":{"v":{"q-pace-exposure":2}}}"#.utf8), "old.json")
    let contents = try SessionFile.read(url, pack: StoreFixtures.tinyPack())
    #expect(contents.migratedFrom == 0)
    #expect(contents.session.answer("q-pace-exposure", voice: "v") == Answer(.point(2)))
  }

  /// Defect found on the way: two voice ids that are one text to Swift (`é` written precomposed and
  /// as `e` + a combining accent) were read by the old path, and one voice's answers were silently
  /// lost in the dictionary. They are now refused as a repeated key.
  @Test func twoSpellingsOfOneVoiceAreRefusedNotMerged() throws {
    let scratch = try Scratch()
    let text = #"{"schema":"igloo-session","answers":{"\u00e9":{"q-pace-exposure":1},"e\u0301":{"q-pace-exposure":5}}}"#
    let url = try scratch.write(Data(text.utf8), "twins.igloo.json")
    let error = #expect(throws: StoreError.self) { _ = try SessionFile.read(url, pack: StoreFixtures.tinyPack()) }
    #expect(error?.kind == .invalidSession)
    #expect(error?.problem.hasPrefix("the key `") == true, "\(String(describing: error?.problem))")
  }
}

/// The roll-up reads its files by path without a `URL` each (issue 29 point 2); the path it names in
/// a message must still be the one the `URL` gives.
@Suite struct StandardizedPathTests {
  @Test func aPathIsStandardizedAsTheURLDoes() {
    let paths = [
      "/tmp/sessions/a.igloo.json", "/a", "/", "//", "/a/", "/a//b", "/a/./b", "/a/../b", "/a/b/.", "/a/b/..",
      "/a/.hidden", "/a/..b", "/a/b..", "/a/.../b", "/a/b c/æ ø å.json", "/a/%20/b", "relative/x.json", "x.json",
      "./x.json", "../x.json", "", ".", "..", "/a/b/c/../../d", "/.", "/..", "/a/...",
    ]
    for path in paths {
      #expect(Platform.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path, "\(path)")
    }
  }

  @Test func aDamagedFileInAFolderIsNamedAsByItsURL() throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data("{\"schema\": \"igloo-session\", \"answers\": [".utf8), "cut.igloo.json")
    for path in [url.path, url.deletingLastPathComponent().path + "/./cut.igloo.json"] {
      guard case .damaged(let error) = SessionRecognition.read(path, pack: TestPacks.real) else {
        Issue.record("\(path) not damaged")
        continue
      }
      #expect(error.path == URL(fileURLWithPath: path).standardizedFileURL.path)
    }
  }
}
