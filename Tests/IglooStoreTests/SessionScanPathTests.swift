import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooStore

/// The store's reading with and without the hand-written reader (issue 17): the same session, or
/// the same refusal word for word, for every file.
@Suite struct SessionScanPathTests {
  /// What reading a file came to, in a form two readings can be compared by.
  enum Outcome: Equatable {
    case read(Session, migratedFrom: Int?)
    case refused(StoreError.Kind, en: String, da: String)
  }

  static func outcome(_ url: URL, _ pack: ContentPack, scanning: Bool) -> Outcome {
    do {
      let contents = try SessionFile.read(url, pack: pack, scanning: scanning)
      return .read(contents.session, migratedFrom: contents.migratedFrom)
    } catch let error as StoreError {
      return .refused(error.kind, en: error.message(.en), da: error.message(.da))
    } catch {
      return .refused(.invalidSession, en: "not a StoreError: \(error)", da: "")
    }
  }

  /// Reads every text both ways and returns how many were read rather than refused.
  static func compare(_ texts: [(name: String, bytes: [UInt8])], pack: ContentPack) throws -> Int {
    let scratch = try Scratch()
    var read = 0
    for (n, (name, bytes)) in texts.enumerated() {
      let url = try scratch.write(Data(bytes), "s\(n).json")
      let fast = outcome(url, pack, scanning: true)
      let slow = outcome(url, pack, scanning: false)
      #expect(fast == slow, "\(name)")
      if case .read = fast { read += 1 }
    }
    return read
  }

  @Test func hostileTextsGiveTheSameSessionOrTheSameMessage() throws {
    let pack = TestPacks.real
    let sample = String(decoding: try SessionGenerator.session(pack, seed: 5, voices: 2, notes: true).encoded(), as: UTF8.self)
    var texts = SessionTexts.hostile(sample: sample).map { (name: $0.name, bytes: Array($0.text.utf8)) }
    texts += badSessions.map { (name: $0.label, bytes: $0.bytes) }
    texts.append((name: "BOM before a real session", bytes: [0xEF, 0xBB, 0xBF] + Array(sample.utf8)))
    texts.append((name: "UTF-16", bytes: [0xFF, 0xFE] + Array(sample.utf8)))
    texts.append((name: "Latin-1 byte in a note", bytes: Array(sample.utf8).map { $0 == UInt8(ascii: "|") ? 0xE6 : $0 }))
    let read = try Self.compare(texts, pack: pack)
    #expect(read > 10)
  }

  @Test func generatedSessionsAndFixturesAreReadTheSameBothWays() throws {
    let pack = TestPacks.real
    let generated = try SessionTexts.generated(pack, count: 60).enumerated().map { (name: "generated \($0)", bytes: Array($1)) }
    let fixtures = try SessionTexts.fixtures().map { (name: $0.name, bytes: Array($0.data)) }
    // Every generated session is valid for the real pack, so each must be read, not refused.
    #expect(try Self.compare(generated, pack: pack) == generated.count)
    #expect(try Self.compare(fixtures, pack: pack) > 0)
  }

  /// A version 0 file still migrates: the scanner declines it and the Codable path reads it.
  @Test func anOlderFileStillMigrates() throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data(#"{"schema":"igloo-session","schema_version":0,"responses":{"v":{"q-pace-exposure":2}}}"#.utf8), "old.json")
    let contents = try SessionFile.read(url, pack: StoreFixtures.tinyPack())
    #expect(contents.migratedFrom == 0)
    #expect(contents.session.answer("q-pace-exposure", voice: "v") == Answer(.point(2)))
  }
}
