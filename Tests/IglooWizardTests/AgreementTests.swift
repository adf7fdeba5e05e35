import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// One state machine, two views (issue 28, point 2): the same assessment typed into the curses
/// wizard key by key and into line mode line by line saves the same session and writes the same
/// exports, byte for byte.
@Suite struct AgreementTests {
  static let useCase = "shift-planning"

  /// The statements asked for the scope in a quick scan, in the wizard's order.
  static func quickStatements() -> Int {
    var s = Session(content: ContentRef(pack))
    s.scope = [ScopeItem(useCase: useCase, stage: .inUse)]
    s.depth = .quick
    return LineModeTests.asked(s).count
  }

  /// The assessment through the curses wizard's keys.
  static func curses() -> (Session, MemoryEnvironment) {
    let h = Harness()
    let n = quickStatements()
    h.press(.enter)  // a new assessment
    // About: workplace, unit, sector 2, head count, date, a participant, two voices.
    h.type("Plejecentret Solbakken")
    h.press(.tab)
    h.type("Aftenvagten")
    h.press(.tab, .right, .tab)
    h.type("60")
    h.press(.tab, .control("u"))
    h.type("14-11-2025")
    h.press(.tab, .enter)
    h.type("Mette Holm")
    h.press(.tab, .tab, .tab)
    h.type("Ledelse")
    h.press(.tab, .enter)
    h.type("Medarbejdere")
    h.press(.pageDown)
    // Scope: one use case, a quick scan.
    h.press(.home)
    for _ in 0..<(LineModeTests.number(useCase) - 1) { h.press(.down) }
    h.press(.character(" "))
    if h.session.depth != .quick { h.press(.character("d")) }
    h.press(.pageDown)
    // The statements as the first voice: 4, and "don't know" on the second.
    for i in 0..<n { h.press(.character(i == 1 ? "d" : "4")) }
    // The second voice disagrees on the first statement; the agreed answer settles it.
    h.press(.function(3), .character("3"), .character("g"), .home, .enter)
    h.press(.character("v"), .character("2"), .left, .character("v"), .character("3"))
    // Deepening, and three deepened statements answered.
    h.press(.function(3), .character("6"), .character("u"))
    h.press(.character("3"), .character("3"), .character("3"))
    // The plan: accept and fill in the first line, an own action, the approval.
    h.press(.function(3), .character("7"), .home, .character("a"), .enter, .tab)
    h.type("Mette Holm")
    h.press(.tab)
    h.type("1-3-2026")
    h.press(.escape, .character("o"))
    h.type("Vagtplanen drøftes i MED")
    // The approval is recorded only on a yes (issue 25).
    h.press(.escape, .character("g"), .escape, .character("j"))
    // Follow-up, then two exports.
    h.press(.function(3), .character("8"))
    h.type("14-11-2026")
    h.press(.pageDown, .enter, .right, .enter, .control("q"))
    return (h.environment.sessions[h.environment.order[0]]!, h.environment)
  }

  /// The same assessment through line mode's lines.
  static func lineMode() -> (Session, MemoryEnvironment) {
    let n = quickStatements()
    var lines = ["Plejecentret Solbakken", "Aftenvagten", "2", "60", "14-11-2025", "j", "Mette Holm", "", "", "Ledelse", "j", "Medarbejdere", ""]
    lines += ["\(LineModeTests.number(useCase)) hurtig", ""]
    lines += (0..<n).map { $0 == 1 ? "d" : "4" }
    lines += ["gå 3", "niveau 1", "v", "2", "b", "v", "3"]
    lines += ["gå 6", "u", "3", "3", "3"]
    lines += ["gå 7", "a 1", "e 1", "", "Mette Holm", "1-3-2026", "", "", "", ""]
    lines += ["o", "Vagtplanen drøftes i MED", "", "", "", "", "", "", ""]
    lines += ["g", "", "", "", "", "j"]
    lines += ["gå 8", "14-11-2026", ""]
    // Format, file name, part (issue 30), write; then the second format the same way.
    lines += ["", "", "", "", "2", "", "", "", "q"]
    let script = LineModeTests.Script(lines)
    script.run()
    return (script.saved!, script.environment)
  }

  @Test func theSameAssessmentThroughBothFrontEndsSavesTheSameSessionAndTheSameExports() throws {
    let (a, envA) = Self.curses()
    let (b, envB) = Self.lineMode()
    // Field by field, so that a difference says where it is.
    #expect(a.about == b.about)
    #expect(a.voices == b.voices)
    #expect(a.scope == b.scope)
    #expect(a.depth == b.depth)
    #expect(a.deepened == b.deepened)
    #expect(a.answers == b.answers)
    #expect(a.agreed == b.agreed)
    #expect(a.plan == b.plan)
    #expect(a.approval == b.approval)
    #expect(a.followUp == b.followUp)
    #expect(a.cursor == b.cursor)
    #expect(a == b)
    // The run did what it says: two voices that disagree and an agreed answer, a deepened quick
    // scan, an own action, an approval and a follow-up date.
    #expect(a.about.participants.map(\.name) == ["Mette Holm"] && a.voices.count == 2)
    #expect(a.depth == .quick && !a.deepened.isEmpty)
    // The one statement the second voice answered is the first screening.
    let second = a.voices[1].id
    #expect(a.answers[second]?.count == 1)
    let first = try #require(a.answers[second]?.keys.first)
    #expect(a.answer(first, voice: a.voices[0].id)?.value == .point(4) && a.answer(first, voice: a.voices[1].id)?.value == .point(2))
    #expect(a.agreed[first]?.value == .point(3))
    #expect(a.plan.contains { $0.action == nil && $0.title == "Vagtplanen drøftes i MED" })
    #expect(a.plan.contains { $0.responsible == "Mette Holm" && $0.deadline == "2026-03-01" })
    #expect(a.approval != nil && a.followUp.nextReview == "2026-11-14")
    // The exports, byte for byte.
    #expect(envA.exports.count == 2)
    #expect(envA.exports.map(\.path) == envB.exports.map(\.path))
    for path in envA.exports.map(\.path) {
      #expect(envA.exportedBytes[path] == envB.exportedBytes[path], "\(path) differs")
      #expect((envA.exportedBytes[path]?.count ?? 0) > 1000)
    }
  }
}
