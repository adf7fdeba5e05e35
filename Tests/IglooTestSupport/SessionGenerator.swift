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
  /// Pieces of the notes and names real users type, and the ones that break renderers: Danish
  /// letters, table pipes, line breaks, quotes and Markdown syntax, and control characters (an
  /// escape sequence, a bell, NUL, DEL, a right-to-left override).
  public static let noteFragments: [String] = [
    "Åse og Øjvind på Ærø", "æøå ÆØÅ", "første | anden", "a|b||c", "linje et\nlinje to", "CR\r\nLF", "\ttab",
    "\u{1B}[31mrød\u{1B}[0m", "\u{1B}[2J", "klokke\u{7}", "nul\u{0}byte", "slet\u{7F}", "\u{202E}omvendt",
    "\"citat\" & <b>fed</b>", "*stjerne* _streg_ `kode`", "# ikke en overskrift", "- ikke en liste", "\\ skråstreg",
  ]

  /// A note of one to three fragments from `noteFragments`.
  public static func note(using rng: inout SeededGenerator) -> String {
    (0..<Int.random(in: 1...3, using: &rng)).map { _ in noteFragments.randomElement(using: &rng)! }.joined(separator: " ")
  }

  /// A session with a random scope and random answers (scale points, don't know, not relevant,
  /// gaps) in `voices` voices.
  ///
  /// With `notes`, about one answer in five has a note made of ``noteFragments``, and the
  /// workplace, unit and scope notes are too; with `agreed` (and more than one voice), about one
  /// question in four has an agreed answer, which overrides the voices. Notes and agreed answers
  /// draw from random streams of their own, so that turning them on leaves the scope and the
  /// voices' answers as they were for the same seed.
  public static func session(_ pack: ContentPack, seed: UInt64, voices: Int = 1, notes: Bool = false, agreed: Bool = false)
    -> Session
  {
    var rng = SeededGenerator(seed: seed)
    var noteRNG = SeededGenerator(seed: seed ^ 0x6E6F_7465)
    var agreedRNG = SeededGenerator(seed: seed ^ 0x6167_7265)
    var session = Session(content: ContentRef(pack))
    session.voices = (0..<max(1, voices)).map { Voice(id: "v\($0)", name: notes ? note(using: &noteRNG) : "Voice \($0)") }
    let count = Int.random(in: 1...4, using: &rng)
    session.scope = Array(pack.useCases.shuffled(using: &rng).prefix(count)).map {
      ScopeItem(useCase: $0.id, stage: Stage.allCases.randomElement(using: &rng)!)
    }
    if notes {
      session.about.workplace = note(using: &noteRNG)
      session.about.unit = note(using: &noteRNG)
      if var scope = session.scope {
        for i in scope.indices where Bool.random(using: &noteRNG) { scope[i].note = note(using: &noteRNG) }
        session.scope = scope
      }
    }
    func withNote(_ value: AnswerValue) -> Answer {
      guard notes, Int.random(in: 0..<5, using: &noteRNG) == 0 else { return Answer(value) }
      return Answer(value, note: note(using: &noteRNG))
    }
    for voice in session.voices {
      for q in session.applicableQuestions(pack) {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: session.setAnswer(withNote(.dontKnow), question: q.id, voice: voice.id)
        case 1: session.setAnswer(withNote(.notRelevant), question: q.id, voice: voice.id)
        case 2: break
        default: session.setAnswer(withNote(.point(Int.random(in: 1...5, using: &rng))), question: q.id, voice: voice.id)
        }
      }
    }
    if agreed && session.voices.count > 1 {
      for q in session.applicableQuestions(pack) where Int.random(in: 0..<4, using: &agreedRNG) == 0 {
        let value: AnswerValue = Int.random(in: 0..<6, using: &agreedRNG) == 0 ? .dontKnow : .point(Int.random(in: 1...5, using: &agreedRNG))
        session.agreed[q.id] = notes ? Answer(value, note: note(using: &noteRNG)) : Answer(value)
      }
    }
    return session
  }

  /// A session whose risk and opportunity findings land exactly on band bounds where they can:
  /// every applicable item of a finding's two scales gets one item score, from a pair whose
  /// product is a bound or next to one, worked by hand: (100, 50) → 50, (50, 50) → 25,
  /// (100, 75) → 25, (50, 0) → 50, (25, 0) → 25, (75, 50) → 37.5, (50, 75) → 12.5. Returns the
  /// session and, per finding whose items measure it alone, the expected figure.
  public static func thresholdSession(_ pack: ContentPack, seed: UInt64) -> (Session, [String: Double]) {
    let pairs: [(Int, Int, Double)] = [
      (100, 50, 50), (50, 50, 25), (100, 75, 25), (50, 0, 50), (25, 0, 25), (75, 50, 37.5), (50, 75, 12.5),
    ]
    var rng = SeededGenerator(seed: seed)
    var session = Session(content: ContentRef(pack))
    session.scope = pack.useCases.map { ScopeItem(useCase: $0.id, stage: .inUse) }
    let applicable = session.applicableQuestions(pack)
    var expected: [String: Double] = [:]
    for finding in pack.findings where finding.polarity != .both {
      let roles: (MeasureRole, MeasureRole) = finding.polarity == .risk ? (.exposure, .mitigation) : (.potential, .realisation)
      let items = applicable.filter { $0.measures.contains { $0.finding == finding.id } }
      guard items.allSatisfy({ $0.measures.allSatisfy { $0.finding == finding.id } }) else { continue }
      let first = items.filter { $0.measures.contains { $0.role == roles.0 } }
      let second = items.filter { $0.measures.contains { $0.role == roles.1 } }
      guard !first.isEmpty, !second.isEmpty else { continue }
      let (a, b, figure) = pairs.randomElement(using: &rng)!
      for (qs, score) in [(first, a), (second, b)] {
        for q in qs {
          let point = q.reversed ? 5 - score / 25 : score / 25 + 1
          session.setAnswer(Answer(.point(point)), question: q.id, voice: Voice.single.id)
        }
      }
      expected[finding.id] = figure
    }
    return (session, expected)
  }
}
