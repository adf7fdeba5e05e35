import Foundation
import IglooContent
import IglooTestSupport
import Testing

/// The `flag` trigger kind (issue 12): read, validated and written back.
@Suite struct FlagTriggerTests {
  func problems(_ files: [PackFile]) -> [String] { PackLoader.load(files: files).diagnostics.map(\.description) }

  func actions(_ extra: String) -> [PackFile] {
    let text = MiniPack.files.first { $0.path == "actions.yaml" }!.text
    return MiniPack.replacing("actions.yaml", with: text + extra)
  }

  @Test func aFlagTriggerNamingAContextItemIsRead() throws {
    let pack = TestPacks.prohibited
    let stop = try #require(pack.actions.first { $0.id == "act-stop" })
    #expect(stop.triggers == [.flag(id: "ban")])
    #expect(pack.context.first { $0.id == "ban" }?.severity == .prohibited)
  }

  @Test func aFlagTriggerOnAnUnknownContextItemIsReported() {
    let out = problems(actions("""
        - id: act-x
          title: {da: X, en: X}
          how: {da: h, en: h}
          level: organisation
          owner: manager
          source: Kapitel 1
          triggers:
            - {flag: no-such-item}

      """))
    #expect(out.contains { $0.contains("action `act-x` is triggered by unknown context item `no-such-item`") }, "\(out)")
  }

  @Test func aTriggerWithAFlagAndAFindingIsReported() {
    let out = problems(actions("""
        - id: act-y
          title: {da: Y, en: Y}
          how: {da: h, en: h}
          level: organisation
          owner: manager
          source: Kapitel 1
          triggers:
            - {flag: art-4, finding: risk-a}

      """))
    #expect(out.contains { $0.contains("names a `flag` and a `finding` or `question`") }, "\(out)")
  }

  @Test func aFlagTriggerRoundTripsThroughJSON() throws {
    let data = try JSONEncoder().encode(Trigger.flag(id: "ban"))
    #expect(String(decoding: data, as: UTF8.self) == #"{"flag":"ban"}"#)
    #expect(try JSONDecoder().decode(Trigger.self, from: data) == .flag(id: "ban"))
  }
}
