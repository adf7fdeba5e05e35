import Foundation
import IglooContent
import IglooEngine

/// Session files for the tests of the session reader (`Session.read`): what igloo
/// writes, what people write by hand, and what a damaged or planted file holds.
public enum SessionTexts {
  /// Every JSON session fixture in the repository, by path relative to the root.
  public static func fixtures() throws -> [(name: String, data: Data)] {
    let root = Repository.root
    var out: [(String, Data)] = []
    for folder in ["Tests", "Content", "docs"] {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
      for case let url as URL in walker where url.pathExtension == "json" {
        let data = try Data(contentsOf: url)
        // Only files that say they are sessions, or have answers: goldens of reports are not.
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("\"igloo-session\"") || text.contains("\"answers\"") || text.contains("\"responses\"") else { continue }
        out.append((String(url.path.dropFirst(root.path.count + 1)), data))
      }
    }
    return out.sorted { $0.0 < $1.0 }
  }

  /// Generated sessions of every kind the generator makes, encoded as igloo saves them.
  public static func generated(_ pack: ContentPack, count: Int) throws -> [Data] {
    var out: [Data] = []
    for i in 0..<count {
      let seed = UInt64(9000 + i)
      var session = SessionGenerator.session(pack, seed: seed, voices: 1 + i % 3, notes: i % 2 == 0, agreed: i % 4 == 1)
      var rng = SeededGenerator(seed: seed)
      if i % 5 == 0 {
        session.depth = .quick
        session.deepened = pack.findings.map(\.id).filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
      }
      if i % 3 == 0 {
        session.about.sector = pack.info.sectors.randomElement(using: &rng)?.id ?? ""
        session.about.employees = [nil, 0, 4, 12, 40, 250, 123_456_789].randomElement(using: &rng)!
        session.about.participants = [Participant(name: SessionGenerator.note(using: &rng), role: "amr")]
        session.about.group = i % 2 == 0 ? "Gruppe \(i)" : ""
        session.about.trainingCase = i % 6 == 0 ? "call-centre" : ""
        session.cursor = i % 2 == 0 ? "questions" : nil
        session.followUp = FollowUp(nextReview: "2027-01-0\(1 + i % 9)", previousRound: i % 2 == 0 ? "old \u{1F477}.json" : "")
        session.approval = i % 2 == 0 ? Approval(by: session.about.participants, date: "2026-12-02") : nil
        session.plan.append(
          PlanItem(
            action: i % 2 == 0 ? pack.actions.first?.id : nil, title: SessionGenerator.note(using: &rng), level: "group",
            responsible: "Åse", deadline: "2027-03-31", how: "\u{1}\u{1F}\\", followUp: "2027-06-01", evaluation: "\"",
            status: PlanStatus.allCases.randomElement(using: &rng)!))
      }
      if i % 7 == 0 { session.scope = nil }
      out.append(try session.encoded())
    }
    // The same sessions without the pretty printing: one line, no spaces.
    let encoder = JSONEncoder()
    for data in out.prefix(count / 4) {
      let session = try Session.decode(data)
      out.append(try encoder.encode(session))
    }
    return out
  }

  /// Hand-made texts that a careful reader must get exactly right or refuse in one line:
  /// escapes and surrogates, numbers of every form, nulls, repeated and unknown keys, nesting,
  /// truncation, stray bytes. `sample` is one valid session's text.
  public static func hostile(sample: String) -> [(name: String, text: String)] {
    let head = #"{"schema":"igloo-session","schema_version":1,"content":{"id":"igloo","version":"1"},"#
    func session(_ rest: String) -> String { head + rest + "}" }
    var out: [(String, String)] = []
    func add(_ name: String, _ text: String) { out.append((name, text)) }

    add("minimal", session(#""answers":{"v":{"q":4}}"#))
    add("hand-written, no marker but answers", #"{"answers":{"amr":{"q-a":3}}}"#)
    add("no marker", #"{"about":{"workplace":"x"}}"#)
    add("empty object", "{}")
    add("top-level list", "[]")
    add("top-level string", #""igloo-session""#)
    add("BOM", "\u{FEFF}" + session(#""answers":{}"#))
    add("trailing garbage", session(#""answers":{}"#) + " x")
    add("trailing object", session(#""answers":{}"#) + "{}")
    add("trailing space", session(#""answers":{}"#) + " \r\n\t")
    add("form feed as space", session(#""answers":{}"#) + "\u{0C}")
    add("non-breaking space as space", "{\u{A0}" + #""answers":{}}"#)
    add("other schema", #"{"schema":"other","answers":{}}"#)
    add("null schema", #"{"schema":null,"answers":{}}"#)
    add("schema with escape", #"{"schema":"igloo\u002dsession","answers":{}}"#)
    add("version 0 with responses", #"{"schema":"igloo-session","schema_version":0,"responses":{"v":{"q":2}}}"#)
    add("version 2", #"{"schema":"igloo-session","schema_version":2}"#)
    add("version -1", #"{"schema":"igloo-session","schema_version":-1}"#)
    add("version -0", #"{"schema":"igloo-session","schema_version":-0}"#)
    add("version 1.0", #"{"schema":"igloo-session","schema_version":1.0}"#)
    add("version 1e0", #"{"schema":"igloo-session","schema_version":1e0}"#)
    add("version 01", #"{"schema":"igloo-session","schema_version":01}"#)
    add("version true", #"{"schema":"igloo-session","schema_version":true}"#)
    add("version string", #"{"schema":"igloo-session","schema_version":"1"}"#)
    add("version null", #"{"schema":"igloo-session","schema_version":null}"#)
    add("version huge", #"{"schema":"igloo-session","schema_version":99999999999999999999999}"#)
    add("version 18 digits", #"{"schema":"igloo-session","schema_version":100000000000000001}"#)
    for employees in ["0", "-1", "-0", "7", "12.0", "1e2", "1E2", "99999999999999999999", "999999999999999999", "1e999", "null", "\"12\"", "[12]"] {
      add("employees \(employees)", session(#""about":{"employees":\#(employees)}"#))
    }
    for answer in [
      "0", "1", "5", "6", "-1", "3.5", "4.0", "4e0", "4E0", "40e-1", "05", "10", "1e999", "-0", "true", "null", "[]", "[4]",
      #""dont-know""#, #""not-relevant""#, #""dont know""#, #""4""#, #""dont\u002dknow""#, #"{"value":4}"#,
      #"{"value":4,"note":"n"}"#, #"{"value":4,"note":null}"#, #"{"note":"n"}"#, #"{"value":null}"#, #"{"value":4,"x":1}"#,
      #"{"value":4,"value":5}"#, #"{"value":{"value":4}}"#, #"{"value":"dont-know","note":7}"#, "{}",
    ] {
      add("answer \(answer)", session(#""answers":{"v":{"q":\#(answer)}}"#))
      add("agreed \(answer)", session(#""answers":{},"agreed":{"q":\#(answer)}"#))
    }
    for escape in [
      #"\u0000"#, #"\u001b[31m"#, #"\ud83d\ude00"#, #"\uD83D\uDE00"#, #"\ud83d"#, #"\ud83dx"#, #"\ud83d\u0041"#, #"\ude00"#,
      #"\ude00\ud83d"#, #"\u00e6\u00F8\u00e5"#, #"\/"#, #"\\"#, #"\""#, #"\b\f\n\r\t"#, #"\x41"#, #"\u12"#, #"\u12G4"#, #"\"#,
      #"\'"#, "\t", "\u{1}", "\u{7F}", "\u{202E}", "æ", "e\u{301}", "\u{FEFF}", #"\uFEFF"#, #"\uFFFF"#, #"\u0080"#,
    ] {
      add("note with \(escape.debugDescription)", session(#""answers":{"v":{"q":{"value":3,"note":"a\#(escape)b"}}}"#))
      add("workplace with \(escape.debugDescription)", session(#""about":{"workplace":"\#(escape)"},"answers":{}"#))
      add("voice key with \(escape.debugDescription)", session(#""answers":{"v\#(escape)":{"q":1}}"#))
      add("top key with \(escape.debugDescription)", session(#""answers":{},"x\#(escape)":1"#))
    }
    add("question id canonical twins", session(#""answers":{"v":{"\u00e9":1,"e\u0301":2}}"#))
    add("question id canonical twins raw", session("\"answers\":{\"v\":{\"\u{E9}\":1,\"e\u{301}\":2}}"))
    add("escaped key twin", session(#""answers":{"v":{"q":1,"\u0071":2}}"#))
    add("escaped top key twin", session(#""answers":{},"\u0061nswers":{}"#))
    for key in ["schema", "content", "about", "answers", "voices", "plan", "cursor", "depth"] {
      add("duplicate \(key)", head + #""answers":{},"plan":[],"about":{},"voices":[],"cursor":"a","depth":"full","\#(key)":\#(key == "schema" ? "\"igloo-session\"" : key == "answers" || key == "about" ? "{}" : key == "plan" || key == "voices" ? "[]" : "\"a\"")}"#)
    }
    add("duplicate question", session(#""answers":{"v":{"q":1,"q":2}}"#))
    add("duplicate voice", session(#""answers":{"v":{"q":1},"v":{"r":2}}"#))
    add("duplicate in about", session(#""about":{"unit":"a","unit":"b"}"#))
    add("duplicate in plan item", session(#""plan":[{"level":"a","level":"b"}]"#))
    add("unknown key", session(#""answers":{},"extra":1"#))
    add("unknown key in about", session(#""about":{"workplace":"x","phone":"1"}"#))
    add("unknown key in voice", session(#""voices":[{"id":"a","name":"b","colour":"red"}]"#))
    for key in Self.sessionKeys + ["about.workplace", "about.employees", "about.participants", "about.case", "follow_up.next_review", "content.id"] {
      let parts = key.split(separator: ".")
      if parts.count == 1 {
        add("null \(key)", session(#""answers":{},"\#(key)":null"#.replacingOccurrences(of: #""answers":{},"answers":null"#, with: #""answers":null"#)))
      } else {
        add("null \(key)", #"{"schema":"igloo-session","\#(parts[0])":{"\#(parts[1])":null}}"#)
      }
    }
    for value in [#"{"id":"x"}"#, #"{"id":"x","version":null}"#, #"{"id":1,"version":"1"}"#, "[]", "\"x\""] {
      add("content \(value)", #"{"schema":"igloo-session","content":\#(value)}"#)
    }
    for value in [
      #"[{"use_case":"u"}]"#, #"[{"use_case":"u","stage":"pilot","note":"n"}]"#, #"[{"use_case":"u","stage":"in-use"}]"#,
      #"[{"use_case":"u","stage":"gone"}]"#, #"[{"use_case":"u","stage":null}]"#, #"[{"stage":"pilot"}]"#, #"[{"use_case":null}]"#,
      "[]", "[null]", "{}", #"[{"use_case":"u"},]"#, #"[{"use_case":"u"} {"use_case":"v"}]"#,
    ] {
      add("scope \(value)", session(#""answers":{},"scope":\#(value)"#))
    }
    for value in [
      #"[{"id":"a","name":"A"}]"#, #"[{"id":"a"}]"#, #"[{"id":"a","name":null}]"#, #"[]"#, #"[{"id":"b","name":""},{"id":"a","name":"x"}]"#,
    ] {
      add("voices \(value)", session(#""answers":{"c":{"q":1},"a":{"q":2},"default":{"q":3}},"voices":\#(value)"#))
    }
    for value in [
      #"[{}]"#, #"[{"status":"done"}]"#, #"[{"status":"in-place","action":null}]"#, #"[{"status":"finished"}]"#,
      #"[{"status":null,"title":null,"how":null}]"#, #"[{"action":5}]"#,
    ] {
      add("plan \(value)", session(#""answers":{},"plan":\#(value)"#))
    }
    for value in [#""quick""#, #""full""#, #""deep""#, "null", "1"] {
      add("depth \(value)", session(#""answers":{},"depth":\#(value)"#))
    }
    for value in [#"["f-a","f-b"]"#, "[]", "[null]", "[1]", "null", "\"f-a\""] {
      add("deepened \(value)", session(#""answers":{},"deepened":\#(value)"#))
    }
    for value in [
      #"{"by":[],"date":"2026-01-01"}"#, #"{"by":[{"name":"a","role":"amr"}],"date":"d"}"#, #"{"date":"d"}"#, #"{"by":[]}"#,
      #"{"by":null,"date":"d"}"#, "null", "[]",
    ] {
      add("approval \(value)", session(#""answers":{},"approval":\#(value)"#))
    }
    for value in [#"{"next_review":"2027-01-01"}"#, #"{"previous_round":null}"#, #"{"next_review":1}"#, "{}"] {
      add("follow_up \(value)", session(#""answers":{},"follow_up":\#(value)"#))
    }
    add("participants", session(#""about":{"participants":[{"name":"","role":"amr"},{"name":"Åse","role":"tr"}]}"#))
    add("participant without role", session(#""about":{"participants":[{"name":"x"}]}"#))
    add("deep nesting in answers", session(#""answers":{"v":{"q":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}}"))
    add("deep nesting in unknown", session(#""x":"# + String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600)))
    add("deep nesting only", String(repeating: "[", count: 100_000))
    add("raw NUL in string", session(#""about":{"workplace":"a"# + "\u{0}" + #"b"}"#))
    add("raw NUL outside", session(#""answers":{}"#) + "\u{0}")
    add("CRLF and tabs", "{\r\n\t\"schema\"\t:\t\"igloo-session\" ,\r\n\"answers\" : { \"v\" : { \"q\" : 2 } }\r\n}\r\n")
    add("no spaces at all", #"{"answers":{"v":{"q":2}},"voices":[{"id":"v","name":"V"}]}"#)

    // The valid sample, cut short at many places, and with one byte dropped.
    let bytes = Array(sample.utf8)
    let step = max(1, bytes.count / 150)
    for cut in stride(from: 0, to: bytes.count, by: step) {
      add("sample cut at \(cut)", String(decoding: bytes.prefix(cut), as: UTF8.self))
      var dropped = bytes
      dropped.remove(at: cut)
      add("sample without byte \(cut)", String(decoding: dropped, as: UTF8.self))
    }
    add("sample", sample)
    var mutator = Mutator(seed: 17)
    for n in 0..<400 { add("mutated sample \(n)", mutator.mutate(sample)) }
    return out
  }

  /// The session object's keys as igloo writes them.
  static let sessionKeys = [
    "schema", "schema_version", "content", "about", "scope", "voices", "answers", "agreed", "plan", "follow_up", "cursor",
    "depth", "deepened", "approval",
  ]
}
