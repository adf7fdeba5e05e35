import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// igloo's one session reader (issue 29 point 3): what igloo writes reads back as it was, and every
/// bad text is refused in one line of igloo's words with its place in the file.
@Suite struct SessionReaderTests {
  /// The English message for `text`, or nil when the reader reads it.
  static func refusal(_ text: String) -> String? {
    do {
      _ = try Session.read(Data(text.utf8))
      return nil
    } catch {
      return error.phrase.text(.en, strings: TestPacks.real.strings)
    }
  }

  @Test func whatIglooWritesReadsBackByteForByte() throws {
    let files = try SessionTexts.generated(TestPacks.real, count: 240)
    for (n, data) in files.enumerated() {
      let session = try Session.read(data).session
      // The pretty-printed ones are written again byte for byte; the compact ones give the same session.
      if data.first == UInt8(ascii: "{"), data.dropFirst().first == 0x0A {
        #expect(try session.encoded() == data, "generated \(n)")
      } else {
        #expect(try Session.read(session.encoded()).session == session, "generated \(n)")
      }
    }
  }

  @Test func benchmarkSessionsAndFixturesRead() throws {
    for seed in UInt64(0)..<60 {
      let session = BenchSessions.session(TestPacks.real, seed: seed)
      #expect(try Session.decode(session.encoded()) == session, "bench \(seed)")
    }
    var read = 0
    for (name, data) in try SessionTexts.fixtures() {
      let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
      if (try? Session.read(Data(text))) != nil { read += 1 } else { Issue.record("\(name) is refused") }
    }
    #expect(read >= 4)
  }

  /// Whatever the reader reads, Foundation's parser (here only as a witness) reads as the same JSON
  /// object with the same answers; whatever Foundation refuses, the reader refuses too.
  @Test func hostileTextsAreReadAsJSONIsOrRefusedInOneLine() throws {
    let sample = String(decoding: try SessionGenerator.session(TestPacks.real, seed: 3, voices: 2, notes: true).encoded(), as: UTF8.self)
    var read: Set<String> = []
    for (name, text) in SessionTexts.hostile(sample: sample) {
      let data = Data(text.utf8)
      let witness = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
      do {
        let session = try Session.read(data).session
        read.insert(name)
        #expect(witness != nil, "\(name): read, but not a JSON object to Foundation")
        if let answers = witness?["answers"] as? [String: [String: Any]] {
          #expect(answers.mapValues(\.count) == session.answers.mapValues(\.count), "\(name)")
        }
      } catch {
        let message = error.phrase.text(.en, strings: TestPacks.real.strings)
        #expect(!message.isEmpty && !message.contains("\n") && !message.contains("store."), "\(name): \(message)")
      }
    }
    for expected in [
      "minimal", "hand-written, no marker but answers", "sample", "CRLF and tabs", "no spaces at all", "answer 5", "answer 4.0",
      "answer {\"value\":4,\"note\":null}", "note with \"\\\\ud83d\\\\ude00\"", "note with \"\\\\u0000\"", "employees 0",
      "null about", "null scope", "version null", "voices [{\"id\":\"b\",\"name\":\"\"},{\"id\":\"a\",\"name\":\"x\"}]",
      "unknown key", "unknown key in about", "version 0 with responses",
    ] {
      #expect(read.contains(expected), "\(expected) should be read")
    }
    for refused in [
      "answer 6", "duplicate question", "duplicate about", "note with \"\\\\ud83d\"", "question id canonical twins",
      "trailing garbage", "BOM", "escaped key twin", "escaped top key twin", "employees -1", "deep nesting only",
      "deep nesting in unknown", "version 2",
    ] {
      #expect(!read.contains(refused), "\(refused) should be refused")
    }
  }

  /// Each kind of problem, in igloo's words with the line and column of the value at fault.
  @Test(arguments: [
    (#"{"answers": {"default": {"q": 7}}}"#,
     "`answers.default.q`: answer 7 is out of range: use a scale point 1–5, \"dont-know\" or \"not-relevant\" (line 1, column 31)"),
    (#"{"answers": {"ledelse": {"q-12": {"value": true}}}}"#,
     "`answers.ledelse.q-12.value`: an answer must be a scale point 1–5, \"dont-know\" or \"not-relevant\" (line 1, column 44)"),
    ("{\"answers\": {},\n \"scope\": [{\"use_case\": \"u\", \"stage\": \"gone\"}]}",
     "`scope[0].stage`: stage \"gone\" is not one of considered, planned, pilot, in-use (line 2, column 39)"),
    ("{\"answers\": {},\n \"about\": {\"employees\": \"12\"}}", "`about.employees` has the wrong type (expected a whole number) (line 2, column 25)"),
    ("{\"answers\": {},\n \"about\": {\"participants\": [{\"name\": \"Åse\"}]}}", "`about.participants[0].role` is missing (line 2, column 29)"),
    ("{\"answers\": {},\n \"voices\": [{\"id\": null, \"name\": \"x\"}]}", "`voices[0].id` is null (expected text) (line 2, column 20)"),
    (#"{"answers": {"v": {"q": 1, "\u0071": 2}}}"#, "the key `q` appears twice in the same object (line 1, column 28); keep one of them"),
    (#"{"answers": {}, "\u0061nswers": {}}"#, "the key `answers` appears twice in the same object (line 1, column 17); keep one of them"),
    (#"{"answers": {}, "about": {"workplace": "a\ud800"}}"#,
     "not valid JSON (half of a surrogate pair (\\ud800–\\udbff) without its other half at line 1, column 42)"),
    ("{\"answers\": {}, \"about\": {\"workplace\": \"a\u{1}\"}}", "not valid JSON (a control character not written as a \\u code at line 1, column 42)"),
    (#"{"answers": {}, "x": "# + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}",
     "lists and objects are nested more than 64 deep (line 1, column 85); a session never is"),
    (#"{"answers": {"v": {"q": 4"#, "the JSON stops in the middle; the file looks truncated"),
    (#"{"answers": {}, "depth": tru}"#, "not valid JSON (a word that is not true, false or null at line 1, column 26)"),
  ])
  func saysWhatAndWhere(_ text: String, _ message: String) {
    #expect(Self.refusal(text) == message)
  }

  /// A file written by a newer igloo is named as such even where its other keys (sorted before
  /// `schema_version`) no longer fit this igloo's model.
  @Test func aNewerFileIsNamedBeforeItsShape() {
    #expect(
      Self.refusal(#"{"answers": {"v": {"q": {"scale": 7}}}, "schema": "igloo-session", "schema_version": 2}"#)
        == "it was written by a newer igloo (schema version 2; this igloo reads up to 1): update igloo")
  }

  /// The answer as igloo writes it, `{"value": d}`, is read without making its key (issue 29 point
  /// 2); every other spelling of an answer object still goes through the object reader, with the
  /// same result or the same message, in a current file and in a migrated one.
  @Test func theCommonAnswerObjectReadsAsAnyObjectDoes() throws {
    let read: [(String, Answer)] = [
      (#"{"value":3}"#, Answer(.point(3))), (#"{ "value" : 3 }"#, Answer(.point(3))), ("{\n\"value\":\t5\n}", Answer(.point(5))),
      (#"{"value": 3.0}"#, Answer(.point(3))), (#"{"value": 3, "note": "n"}"#, Answer(.point(3), note: "n")),
      (#"{"note": "n", "value": 1}"#, Answer(.point(1), note: "n")), (#"{"value": "dont-know"}"#, Answer(.dontKnow)),
      (#"{"\u0076alue": 2}"#, Answer(.point(2))),
    ]
    for (answer, want) in read {
      for text in [#"{"answers": {"v": {"q": \#(answer)}}}"#, #"{"schema_version": 0, "responses": {"v": {"q": \#(answer)}}}"#] {
        #expect(try Session.read(Data(text.utf8)).session.answer("q", voice: "v") == want, "\(text)")
      }
    }
    let refused: [(String, String)] = [
      (#"{"value": 35}"#, "answer 35 is out of range"), (#"{"value": 6}"#, "answer 6 is out of range"),
      (#"{"value": 0}"#, "answer 0 is out of range"), (#"{"value": 3, "value": 3}"#, "appears twice"),
      (#"{"valuex": 3}"#, "`answers.v.q.value` is missing"), (#"{"value": 3"#, "truncated"), (#"{"value": 3]"#, "not valid JSON"),
    ]
    for (answer, part) in refused {
      let message = Self.refusal(#"{"answers": {"v": {"q": \#(answer)}}}"#)
      #expect(message?.contains(part) == true, "\(answer): \(message ?? "read")")
    }
  }

  /// An older file is read into the tree, migrated there, and built by the same code: its messages
  /// still name the line and column in the file as it is on disk.
  @Test func anOlderFileIsMigratedOnTheTree() throws {
    let read = try Session.read(Data(#"{"schema_version": 0, "responses": {"v": {"q": 2}}}"#.utf8))
    #expect(read.migratedFrom == 0)
    #expect(read.session.answer("q", voice: "v") == Answer(.point(2)))
    #expect(
      Self.refusal("{\"schema_version\": 0,\n \"responses\": {\"v\": {\"q\": 9}}}")
        == "`answers.v.q`: answer 9 is out of range: use a scale point 1–5, \"dont-know\" or \"not-relevant\" (line 2, column 27)")
  }
}
