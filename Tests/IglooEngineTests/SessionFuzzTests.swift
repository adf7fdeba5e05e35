import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// Damaged session files never crash or hang the decoder: each is read or refused with one line.
@Suite struct SessionFuzzTests {
  static let inputs = 10_000
  static let seed: UInt64 = 11_21

  @Test(.timeLimit(.minutes(5))) func tenThousandDamagedSessions() throws {
    print("session fuzz: \(Self.inputs) inputs, seed \(Self.seed)")
    let pack = TestPacks.real
    let sample = try String(decoding: SessionGenerator.session(pack, seed: 7, voices: 2).encoded(), as: UTF8.self)
    var mutator = Mutator(seed: Self.seed)
    var refused = 0
    for i in 0..<Self.inputs {
      let text = mutator.mutate(sample)
      do {
        let session = try Session.decode(Data(text.utf8))
        _ = session.problems(with: pack)
        _ = Assessment(session: session, pack: pack)
      } catch {
        refused += 1
        let reason = error.phrase.text(.en, strings: TestPacks.real.strings)
        if reason.contains("\n") || reason.isEmpty || reason.contains("store.") { Issue.record("input \(i): \(reason.debugDescription)") }
      }
    }
    #expect(refused > Self.inputs / 2)
  }
}
