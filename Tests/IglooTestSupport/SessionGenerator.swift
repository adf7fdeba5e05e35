import IglooContent
import IglooEngine

/// A small deterministic random number generator, so generated sessions repeat from a seed.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  /// Creates a generator from `seed`.
  public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  /// SplitMix64.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates plausible sessions over a pack for property tests.
public enum SessionGenerator {
  /// A session with a random scope and random answers (scale points, don't know, not relevant, gaps).
  public static func session(_ pack: ContentPack, seed: UInt64, voices: Int = 1) -> Session {
    var rng = SeededGenerator(seed: seed)
    var session = Session(content: ContentRef(pack))
    session.voices = (0..<max(1, voices)).map { Voice(id: "v\($0)", name: "Voice \($0)") }
    let count = Int.random(in: 1...4, using: &rng)
    session.scope = Array(pack.useCases.shuffled(using: &rng).prefix(count)).map {
      ScopeItem(useCase: $0.id, stage: Stage.allCases.randomElement(using: &rng)!)
    }
    for voice in session.voices {
      for q in session.applicableQuestions(pack) {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: session.setAnswer(Answer(.dontKnow), question: q.id, voice: voice.id)
        case 1: session.setAnswer(Answer(.notRelevant), question: q.id, voice: voice.id)
        case 2: break
        default: session.setAnswer(Answer(.point(Int.random(in: 1...5, using: &rng))), question: q.id, voice: voice.id)
        }
      }
    }
    return session
  }
}
