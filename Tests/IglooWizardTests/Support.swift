import Foundation
import IglooBuiltinContent
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// The real built-in pack, loaded once for all tests.
let pack = PackLoader.builtin()

/// The folder of the golden files, next to this source file (excluded from the target in
/// Package.swift, read through `#filePath`, so no resource bundle is needed).
let snapshotFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

/// A wizard on an in-memory environment, with its driver.
final class Harness {
  let environment: MemoryEnvironment
  let runner: WizardRunner
  var size: Size

  init(language: Language = .da, sessions: [Session] = [], size: Size = Size(width: 80, height: 24)) {
    environment = MemoryEnvironment(pack: pack, date: "2025-05-01", sessions: sessions)
    runner = WizardRunner(pack: pack, environment: environment, language: language)
    self.size = size
  }

  var state: WizardState { runner.state }
  var session: Session { runner.state.session! }

  /// Sends keys one by one.
  func press(_ keys: Key...) { for k in keys { runner.send(k, size: size) } }
  /// Sends keys one by one.
  func press(_ keys: [Key]) { for k in keys { runner.send(k, size: size) } }
  /// Types text, one grapheme per key.
  func type(_ text: String) { press(text.map(Key.character)) }
  /// The screen now, at the harness size (or `size`).
  func screen(_ size: Size? = nil) -> Grid { runner.render(size: size ?? self.size) }
  /// The screen's text.
  var text: String { screen().text }

  /// From the start screen: a new assessment, now on About.
  ///
  /// A new session starts on the quick scan; the scripts written for full depth get it with
  /// `depth: .full` (the default), as if `d` had been pressed on the Scope step, with no message
  /// left on screen. `depth: nil` keeps what the Start screen made.
  func startNew(depth: Depth? = .full) {
    press(.enter)
    if let depth, runner.state.session != nil { runner.state.session!.depth = depth }
  }

  /// Goes to `step` through the step menu.
  func go(to step: Step) {
    press(.function(3))
    let target = step.number - 1
    press(.home)
    for _ in 0..<target { press(.down) }
    press(.enter)
  }

  /// Picks use cases on the scope screen by id.
  func pick(_ useCases: [String]) {
    go(to: .scope)
    for id in useCases {
      guard let i = pack.useCases.firstIndex(where: { $0.id == id }) else { continue }
      press(.home)
      for _ in 0..<i { press(.down) }
      press(.character(" "))
    }
  }
}

/// The keys of `text`.
func keys(_ text: String) -> [Key] { text.map(Key.character) }

/// Ready-made sessions for snapshots and scripts.
enum Fixture {
  /// A committee's session part-way through: two voices, a scope of three use cases, most
  /// questions answered with a fixed pattern (some "don't know", some disagreements), a plan with
  /// decisions and an own action, and a follow-up date more than three years away.
  static func committee() -> Session {
    var s = Session(
      content: ContentRef(pack),
      about: About(
        workplace: "Kærgården Ældrepleje", unit: "Dagvagten, afsnit Øst", sector: "public-municipality", employees: 48,
        date: "2025-05-01",
        participants: [
          Participant(name: "Åse Jørgensen", role: "amr"), Participant(name: "Bjørn Ølgaard", role: "manager"),
          Participant(name: "", role: "union-rep"),
        ]),
      voices: [Voice(id: "management", name: "Ledelse"), Voice(id: "employees", name: "Medarbejdere")])
    s.scope = [
      ScopeItem(useCase: "shift-planning", stage: .inUse), ScopeItem(useCase: "chat-assistant", stage: .pilot),
      ScopeItem(useCase: "text-summaries", stage: .planned, note: "Journalnotater"),
    ]
    let applicable = s.applicableQuestions(pack)
    for (i, q) in applicable.enumerated() where i % 9 != 8 {
      let management: AnswerValue = i % 11 == 3 ? .dontKnow : .point(1 + (i * 3) % 5)
      let employees: AnswerValue = i % 13 == 5 ? .notRelevant : .point(1 + (i * 7 + 2) % 5)
      s.setAnswer(Answer(management, note: i == 0 ? "Vagtplanen lægges nu af systemet hver fredag." : ""), question: q.id, voice: "management")
      s.setAnswer(Answer(employees), question: q.id, voice: "employees")
    }
    if let q = applicable.dropFirst(2).first { s.agreed[q.id] = Answer(.point(4), note: "Aftalt på mødet") }
    s.followUp = FollowUp(nextReview: "2029-06-01", previousRound: "")
    s.cursor = "questions/" + (applicable.first { $0.kind == .finding }?.id ?? "")
    return s
  }

  /// A quick scan of the call-centre scope (call scoring in use, the chat assistant in pilot as
  /// "KundeBot"), with every screening answered 1–5 in turn when `answered`.
  static func quickScan(answered: Bool, cursor: String) -> Session {
    var s = Session(content: ContentRef(pack), about: About(workplace: "Nordlys Kundeservice", date: "2025-05-01"))
    s.scope = [ScopeItem(useCase: "call-scoring", stage: .inUse), ScopeItem(useCase: "chat-assistant", stage: .pilot, note: "KundeBot")]
    s.depth = .quick
    if answered {
      for (i, q) in s.applicableQuestions(pack).enumerated() { s.setAnswer(Answer(.point(1 + i % 5)), question: q.id, voice: Voice.single.id) }
    }
    s.cursor = cursor
    return s
  }

  /// The committee session with decisions in the action plan.
  static func committeeWithPlan() -> Session {
    var s = committee()
    let recommendations = Assessment(session: s, pack: pack).recommendations
    if let first = recommendations.first {
      s.plan.append(
        PlanItem(
          action: first.action.id, level: first.action.level, responsible: "Bjørn Ølgaard", deadline: "2025-09-01",
          followUp: "2025-12-01", evaluation: "Ny runde af vurderingen", status: .accepted))
    }
    if recommendations.count > 1 {
      s.plan.append(PlanItem(action: recommendations[1].action.id, level: recommendations[1].action.level, status: .rejected))
    }
    s.plan.append(
      PlanItem(
        action: nil, title: "Fast punkt om KI på personalemødet", level: "group", responsible: "Åse Jørgensen",
        how: "Ti minutter hver måned", status: .inProgress))
    return s
  }
}
