import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// Reading and writing the session file.
@Suite struct SessionFileTests {
  let pack = MiniPack.pack

  @Test func minimalHandWrittenFileIsAccepted() throws {
    let s = try Session.decode(Data(#"{"answers": {"default": {"q-risk-a-exposure": 4, "q-risk-a-mitigation": "dont-know"}}}"#.utf8))
    #expect(s.voices.map(\.id) == ["default"])
    #expect(s.answer("q-risk-a-exposure", voice: "default") == Answer(.point(4)))
    #expect(s.answer("q-risk-a-mitigation", voice: "default") == Answer(.dontKnow))
    #expect(s.scope == nil)
    #expect(s.problems(with: pack) == [])
  }

  @Test func unknownQuestionIdsAreReported() throws {
    let s = try Session.decode(Data(#"{"answers": {"default": {"q-nope": 4}}}"#.utf8))
    #expect(s.problems(with: pack) == [Phrase("store.check.unknown-question", ["id": "q-nope", "voice": "default"])])
    #expect(s.problems(with: pack).map { $0.text(.da, strings: TestPacks.real.strings) } == ["ukendt spørgsmåls-id `q-nope` (stemmen `default`)"])
  }

  @Test(arguments: [
    (#"{"answers": {"default": {"q": 7}}}"#, "answer 7 is out of range"),
    (#"{"answers": {"default": {"q": 2.5}}}"#, "answer 2.5 is out of range"),
    (#"{"answers": {"default": {"q": "maybe"}}}"#, "answer \"maybe\" is not one of"),
    (#"{"answers": []}"#, "`answers` has the wrong type"),
    (#"{"schema": "other"}"#, "`schema` is \"other\""),
    (#"{"answers": {"default": {"q": 4}}"#, "the file looks truncated"),
    (#"{"answers": {"default": {"q": 4}}}}"#, "not valid JSON (at line 1, column 35)"),
    (#"[1, 2]"#, "the top level is a list, not an object"),
    (#"{"answers": {}, "scope": [{"use_case": "scoring", "stage": "soon"}]}"#, "stage \"soon\" is not one of"),
  ])
  func badFilesGiveOneReadableLine(json: String, expected: String) {
    #expect {
      _ = try Session.decode(Data(json.utf8))
    } throws: { error in
      guard let error = error as? SessionFormatError else { return false }
      let text = error.phrase.text(.en, strings: TestPacks.real.strings)
      return text.contains(expected) && !text.contains("\n") && !text.contains("store.")
    }
  }

  @Test func newerSchemaVersionIsAProblem() throws {
    // The reader refuses the file; a session made in memory with a newer version is a problem too.
    #expect(throws: SessionFormatError.self) { try Session.decode(Data(#"{"schema": "igloo-session", "schema_version": 99}"#.utf8)) }
    var s = Session(content: ContentRef(id: "", version: ""))
    s.schemaVersion = 99
    #expect(s.problems(with: pack).first?.text(.en, strings: TestPacks.real.strings).contains("schema version 99 is newer") == true)
  }

  @Test func roundTripKeepsEverything() throws {
    var s = Session(content: ContentRef(pack), about: About(workplace: "Kærgården | \"Ældre\"", date: "2026-11-21"))
    s.scope = [ScopeItem(useCase: "scoring", stage: .pilot, note: "Qscore")]
    s.setAnswer(Answer(.point(3), note: "linje 1\nlinje 2"), question: "q-risk-a-exposure", voice: "default")
    s.setAnswer(Answer(.notRelevant), question: "q-risk-a-mitigation", voice: "default")
    s.agreed["q-risk-a-exposure"] = Answer(.point(4))
    s.plan = [PlanItem(action: "act-involve", level: "organisation", responsible: "Åse", status: .accepted)]
    s.followUp.nextReview = "2027-11-21"
    let back = try Session.decode(s.encoded())
    #expect(back == s)
    #expect(try back.encoded() == s.encoded())
  }
}
