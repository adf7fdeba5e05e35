import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// The hand-written session reader (issue 17): the very session `JSONDecoder` gives, or nil.
@Suite struct SessionScannerTests {
  /// What the Codable path makes of `data`: the session, or nil when it refuses the file.
  static func codable(_ data: Data) -> Session? { try? JSONDecoder().decode(Session.self, from: data) }

  /// Checks one text against the Codable path; returns whether the scanner read it.
  @discardableResult
  static func agrees(_ data: Data, _ name: String) -> Bool {
    guard let scanned = Session.scan(data) else { return false }
    let decoded = codable(data)
    #expect(decoded == scanned.session, "\(name): the scanner and JSONDecoder disagree")
    // The store's marker and version, as it reads them from the raw object.
    let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    #expect(object != nil, "\(name): read by the scanner, but not JSON")
    if let object {
      #expect(scanned.marked == (object["schema"] != nil || object["answers"] != nil || object["responses"] != nil), "\(name)")
      #expect(scanned.version == object["schema_version"] as? Int, "\(name)")
    }
    return true
  }

  @Test func generatedSessionsReadAsJSONDecoderReadsThem() throws {
    let files = try SessionTexts.generated(TestPacks.real, count: 240)
    var read = 0
    for (n, data) in files.enumerated() where Self.agrees(data, "generated \(n)") { read += 1 }
    // Everything igloo writes is the scanner's to read: otherwise it saves nothing.
    #expect(read == files.count)
  }

  @Test func benchmarkSessionsReadAsJSONDecoderReadsThem() throws {
    let pack = TestPacks.real
    for seed in UInt64(0)..<60 {
      let data = try BenchSessions.session(pack, seed: seed).encoded()
      #expect(Self.agrees(data, "bench \(seed)"))
    }
  }

  @Test func everyFixtureReadsAsJSONDecoderReadsIt() throws {
    let fixtures = try SessionTexts.fixtures()
    #expect(fixtures.count >= 4)
    var read = 0
    for (name, data) in fixtures {
      let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
      if Self.agrees(Data(text), name) { read += 1 }
    }
    #expect(read > 0)
  }

  /// Hostile and unusual texts: whatever the scanner reads, JSONDecoder reads the same; the cases
  /// that are plainly valid it must read itself.
  @Test func hostileTextsAreReadAlikeOrLeftToJSONDecoder() throws {
    let sample = String(decoding: try SessionGenerator.session(TestPacks.real, seed: 3, voices: 2, notes: true).encoded(), as: UTF8.self)
    var read: Set<String> = []
    for (name, text) in SessionTexts.hostile(sample: sample) {
      // The store passes on valid UTF-8 without a byte-order mark only; the rest never gets here.
      let data = Data(text.utf8)
      guard String(validating: data, as: UTF8.self) != nil else { continue }
      if Self.agrees(data, name) { read.insert(name) }
    }
    for expected in [
      "minimal", "hand-written, no marker but answers", "sample", "CRLF and tabs", "no spaces at all", "answer 5",
      "answer {\"value\":4,\"note\":null}", "note with \"\\\\ud83d\\\\ude00\"", "note with \"\\\\u0000\"", "employees 0",
      "null about", "null scope", "version null", "voices [{\"id\":\"b\",\"name\":\"\"},{\"id\":\"a\",\"name\":\"x\"}]",
    ] {
      #expect(read.contains(expected), "\(expected) should be read by the scanner")
    }
    for declined in [
      "answer 4.0", "answer 6", "version 1.0", "duplicate question", "duplicate about", "unknown key", "note with \"\\\\ud83d\"",
      "question id canonical twins", "trailing garbage", "BOM", "escaped key twin", "employees -1",
    ] {
      #expect(!read.contains(declined), "\(declined) should be left to JSONDecoder")
    }
  }
}
