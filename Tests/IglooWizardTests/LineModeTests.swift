import Foundation
import IglooContent
import IglooEngine
import IglooStore
import IglooTestSupport
import Testing

@testable import IglooWizard

/// Line mode (`igloo --plain`, issue 28): a view and an input reader over the wizard's one state
/// machine, driven by scripts of typed lines over an in-memory environment.
@Suite struct LineModeTests {
  /// A line-mode run fed from a list of lines; the transcript shows each line after its prompt,
  /// as a terminal's echo would.
  final class Script {
    let environment: MemoryEnvironment
    var lines: [String]
    var transcript = ""
    /// What line mode wrote, without the lines typed (a line end where each was read).
    var written = ""
    /// Where each typed line begins in the transcript, to cut it into answers.
    var marks: [String.Index] = []
    private(set) var runner: WizardRunner?

    init(_ lines: [String], sessions: [Session] = []) {
      environment = MemoryEnvironment(pack: pack, date: "2025-05-01", sessions: sessions)
      self.lines = lines
    }

    /// Runs line mode once; `resume` opens the environment's first session as `igloo resume` does.
    @discardableResult
    func run(language: Language = .da, resume: Bool = false, trainingCase: String? = nil, group: String? = nil, width: Int = 80) -> Int32 {
      let runner: WizardRunner
      if resume {
        let handle = SessionHandle(environment.order[0])
        runner = WizardRunner(pack: pack, session: try! environment.open(handle), handle: handle, environment: environment, language: language)
      } else {
        runner = WizardRunner(pack: pack, environment: environment, language: language)
        if let trainingCase { runner.openCase(trainingCase, group: group) }
      }
      self.runner = runner
      let mode = LineMode(
        runner: runner,
        input: { [self] in
          guard !lines.isEmpty else { return nil }
          let line = lines.removeFirst()
          marks.append(transcript.endIndex)
          transcript += line + "\n"
          written += "\n"
          return line
        },
        output: { [self] in
          transcript += $0
          written += $0
        }, width: width)
      return mode.run()
    }

    /// The session as the environment last stored it.
    var saved: Session? { environment.order.first.flatMap { environment.sessions[$0] } }
  }

  /// The 1-based number of a use case in the scope list.
  static func number(_ useCase: String) -> Int { pack.useCases.firstIndex { $0.id == useCase }! + 1 }

  /// The statements the wizard asks, in its order: level by level, then sickness absence.
  static func asked(_ session: Session) -> [Question] {
    var state = WizardState(pack: pack, language: .da, today: "2025-05-01")
    state.session = session
    return state.levelsWithQuestions.flatMap { state.questions(atLevel: $0.id) } + state.absenceQuestions
  }

  /// About for a new assessment: workplace, unit, sector 5, no head count, the date kept, no
  /// participant, the one voice unnamed.
  static let about = ["Kærgården Ældrepleje", "Team Øst", "5", "", "", "", "", ""]

  // MARK: - A new assessment, line by line

  @Test func aNewAssessmentTypedLineByLineIsSavedAsTyped() throws {
    let call = Self.number("call-scoring"), chat = Self.number("chat-assistant")
    let script = Script(Self.about + ["\(call), \(chat):pilot", "fuld", "", "4 # kun om aftenen", "d", "n", "2", "b", "5", "", "3", "q"])
    #expect(script.run() == 0)
    let saved = try #require(script.saved)
    #expect(saved.about.workplace == "Kærgården Ældrepleje" && saved.about.unit == "Team Øst")
    #expect(saved.about.sector == Flow.choices(.sector, in: pack)[4])
    #expect(saved.about.date == "2025-05-01")
    #expect(saved.scope == [ScopeItem(useCase: "call-scoring", stage: .inUse), ScopeItem(useCase: "chat-assistant", stage: .pilot)])
    #expect(saved.depth == .full)
    let asked = Self.asked(saved)
    let voice = Voice.single.id
    #expect(saved.answer(asked[0].id, voice: voice) == Answer(.point(4), note: "kun om aftenen"))
    #expect(saved.answer(asked[1].id, voice: voice) == Answer(.dontKnow))
    #expect(saved.answer(asked[2].id, voice: voice) == Answer(.notRelevant))
    #expect(saved.answer(asked[3].id, voice: voice) == Answer(.point(5)), "b went back and 5 replaced 2")
    #expect(saved.answer(asked[4].id, voice: voice) == nil, "Enter skipped it")
    #expect(saved.answer(asked[5].id, voice: voice) == Answer(.point(3)))
    #expect(saved.cursor == "questions/" + asked[6].id)
    #expect(script.transcript.contains("Vurderingen er gemt i "))
  }

  @Test func theEndOfInputKeepsWhatWasTyped() throws {
    let script = Script(["Lageret"])
    #expect(script.run() == 0)
    #expect(script.saved?.about.workplace == "Lageret")
    let nothing = Script(["q"], sessions: [])
    #expect(nothing.run() == 0)
  }

  @Test func resumeOpensWhereTheSessionStoppedNotAtTheScope() throws {
    var session = Fixture.quickScan(answered: false, cursor: "")
    let asked = Self.asked(session)
    session.setAnswer(Answer(.point(4)), question: asked[0].id, voice: Voice.single.id)
    session.cursor = "questions/" + asked[1].id
    let script = Script(["2"], sessions: [session])
    script.run(resume: true)
    let t = Localizer(pack: pack, language: .da)
    #expect(!script.transcript.contains(t("wizard.step.scope")), "resuming went through the scope")
    #expect(script.saved?.answer(asked[1].id, voice: Voice.single.id) == Answer(.point(2)))
    // A number typed at the scope takes one use case in or out, never replaces the scope.
    let scope = Script(["gå 2", "\(Self.number("shift-planning"))", "navn \(Self.number("shift-planning")) Vagtplan Ø", "q"], sessions: [session])
    scope.run(resume: true)
    #expect(scope.saved?.scope?.map(\.useCase) == ["call-scoring", "chat-assistant", "shift-planning"].sorted { Self.number($0) < Self.number($1) })
    #expect(scope.saved?.scope?.first { $0.useCase == "shift-planning" }?.note == "Vagtplan Ø")
  }

  /// Issue 26: line mode asks what the Scope step asks, whether a use case's system infers
  /// emotions, and stores the answer the curses wizard's `f` stores.
  @Test func theScopeAsksWhetherTheSystemInfersEmotions() throws {
    let call = Self.number("call-scoring")
    let script = Script(Self.about + ["\(call)", "følelser \(call) nej", "q"])
    #expect(script.run() == 0)
    let t = Localizer(pack: pack, language: .da)
    let heard = script.transcript.replacingOccurrences(of: "\n", with: " ")
    #expect(heard.components(separatedBy: t("plain.scope.emotions-how")).count == 2, "the how is said once")
    #expect(script.saved?.scope?.first { $0.useCase == "call-scoring" }?.infersEmotions == .no)
    let english = Script(["Call centre", "", "", "", "", "", "", "", "\(call)", "emotions \(call) yes", "emotions \(call) don't know", "q"])
    #expect(english.run(language: .en) == 0)
    #expect(english.saved?.scope?.first { $0.useCase == "call-scoring" }?.infersEmotions == .dontKnow)
    let wrong = Script(Self.about + ["\(call)", "følelser \(call) måske", "q"])
    wrong.run()
    #expect(wrong.saved?.scope?.first { $0.useCase == "call-scoring" }?.infersEmotions == nil)
  }

  /// Issue 25 item 18: under LANG=C a Latin-1 "æ" reaches line mode as U+FFFD (what readLine
  /// makes of bytes that are not UTF-8); it is refused with a word, never stored; so is a NUL.
  @Test func aLineThatIsNotUTF8OrHoldsANulIsAskedAgain() throws {
    let script = Script(["K\u{FFFD}rg\u{E5}rden", "K\u{0}rg", "Kærgården", "q"])
    #expect(script.run() == 0)
    let t = Localizer(pack: pack, language: .da)
    let heard = script.transcript.replacingOccurrences(of: "\n", with: " ")
    #expect(heard.contains(t("plain.input.not-utf8")))
    #expect(script.saved?.about.workplace == "Kærgården")
  }

  // MARK: - Voices

  @Test func theVoiceAnnouncedIsTheVoiceRecordedAndSecondVoiceGapsAreListed() throws {
    var session = Fixture.quickScan(answered: true, cursor: "")
    session.voices = [Voice(id: "management", name: "Ledelse"), Voice(id: "employees", name: "Medarbejdere")]
    let asked = Self.asked(session)
    for q in asked {
      session.setAnswer(session.answer(q.id, voice: Voice.single.id), question: q.id, voice: "management")
      session.setAnswer(nil, question: q.id, voice: Voice.single.id)
    }
    session.cursor = "questions/" + asked[0].id
    let script = Script(["v", "2", "b", "v", "3", "gå 5", "gå 6", "q"], sessions: [session])
    script.run(resume: true)
    let saved = try #require(script.saved)
    let out = script.transcript
    #expect(out.contains("Du svarer som Medarbejdere."))
    #expect(saved.answer(asked[0].id, voice: "employees") == Answer(.point(2)), "the answer went to the voice announced")
    #expect(saved.answer(asked[0].id, voice: "management") == session.answer(asked[0].id, voice: "management"))
    #expect(out.contains("Du svarer som Aftalt."))
    #expect(saved.agreed[asked[0].id] == Answer(.point(3)))
    // The review lists the second voice's unanswered statements, in both views (one rule).
    #expect(out.contains("Medarbejdere mangler: "))
    #expect(out.contains("Medarbejdere har ikke svaret på \(asked.count - 1) af de besvarede udsagn."), "the profile says every statement is answered")
    let gaps = try #require(script.runner).state.reviewEntries(Assessment(session: saved, pack: pack)).filter { $0.kind == .voiceGap }
    #expect(gaps.count == asked.count - 1 && gaps.allSatisfy { $0.voice == "employees" })
    let h = Harness(sessions: [saved])
    h.press(.down, .enter)
    h.go(to: .review)
    #expect(h.screen(Size(width: 120, height: 60)).text.contains(Localizer(pack: pack, language: .da)("wizard.review.voice-gap", ["n": String(gaps.count)])))
  }

  @Test func theProfileAfterDeepeningSaysTheFiguresTheReportGives() throws {
    var session = Fixture.quickScan(answered: true, cursor: "profile")
    session.deepened = Assessment(session: session, pack: pack).findings.map(\.finding.id)
    for q in session.applicableQuestions(pack) where session.answer(q.id, voice: Voice.single.id) == nil {
      session.setAnswer(Answer(.point(2)), question: q.id, voice: Voice.single.id)
    }
    let script = Script(["q"], sessions: [session])
    script.run(resume: true, width: 1000)
    let assessment = Assessment(session: session, pack: pack)
    let t = Localizer(pack: pack, language: .da)
    let markdown = String(decoding: ExportFormat.markdown.render(assessment, language: .da), as: UTF8.self)
    for row in assessment.levels {
      guard let risk = row.risk.average else { continue }
      let said = "\(t("wizard.profile.risk")) \(t.number(risk)) \(t("wizard.band.\(row.risk.band?.rawValue ?? "low")"))"
      #expect(script.transcript.contains("\(state(session).levelName(row.id)): \(said)"), "\(row.id): \(said)")
      #expect(markdown.contains("| \(state(session).levelName(row.id)) | \(t.number(risk)) ("), "the report gives \(row.id) another figure")
    }
  }

  /// Line mode's Profile says what the wizard's Profile shows: a ban still to be settled, how far a
  /// quick scan was deepened, each technology's figures, and the risks without a figure.
  @Test func theProfileSaysWhatTheScreenShows() throws {
    let t = Localizer(pack: pack, language: .da)
    // Call scoring with the emotion question open: the screen asks for it to be settled.
    var open = Session(content: ContentRef(pack), about: About(workplace: "Nordlys", date: "2025-03-12"))
    open.cursor = "profile"
    open.scope = [ScopeItem(useCase: "call-scoring", stage: .inUse, infersEmotions: .dontKnow)]
    open.depth = .full
    for q in open.applicableQuestions(pack) { open.setAnswer(Answer(.dontKnow), question: q.id, voice: Voice.single.id) }
    let assessment = Assessment(session: open, pack: pack)
    #expect(!assessment.clarifyFlags.isEmpty && !assessment.technologies.isEmpty && !assessment.unscoredRisks.isEmpty)
    let script = Script(["q"], sessions: [open])
    script.run(resume: true, width: 1000)
    for flag in assessment.clarifyFlags {
      #expect(script.transcript.contains(t("wizard.profile.clarify", ["title": flag.title(.da)])), "\(flag.item.id)")
    }
    #expect(script.transcript.contains(t("wizard.profile.technologies") + ":"))
    for row in assessment.technologies {
      #expect(script.transcript.contains(t(pack.technology(row.id)!.name) + ": "), "\(row.id)")
    }
    // Line mode says the screen's dash as a pause; the line up to it is the screen's.
    let unscored = t("wizard.profile.unscored", ["count": String(assessment.unscoredRisks.count)])
    #expect(script.transcript.contains(String(unscored.prefix { $0 != "–" }).trimmingCharacters(in: .whitespaces)), "\(unscored)")

    // A quick scan deepened for one finding says so, as the screen's first line does.
    var quick = Fixture.quickScan(answered: true, cursor: "profile")
    let first = Assessment(session: quick, pack: pack).findings[0].finding.id
    quick.deepened = [first]
    let depth = Assessment(session: quick, pack: pack).depthDone
    guard case .deepened = depth else {
      Issue.record("not deepened: \(depth)")
      return
    }
    let deepened = Script(["q"], sessions: [quick])
    deepened.run(resume: true, width: 1000)
    let progress = state(quick).progress(quick)
    let said = t(
      "wizard.profile.answered.deepened",
      ["answered": String(progress.answered), "total": String(progress.total)].merging(depth.counts) { $1 })
    #expect(deepened.transcript.contains(said), "\(said)")
  }

  func state(_ session: Session) -> WizardState {
    var s = WizardState(pack: pack, language: .da, today: "2025-05-01")
    s.session = session
    return s
  }

  // MARK: - The plan

  @Test func thePlanListsEveryLineWithStatusOwnerAndDeadlineAndEditsAndRemovesOwnActions() throws {
    let session = Fixture.committeeWithPlan()
    var state = WizardState(pack: pack, language: .da, today: "2025-05-01")
    state.session = session
    let entries = state.planEntries(state.assessment!)
    let own = try #require(entries.firstIndex { $0.isOwn }) + 1
    let script = Script(["1", "gå 7", "e \(own)", "Egen handling, rettet", "", "", "", "", "", "", "", "d \(own)", "j", "q"], sessions: [session])
    script.run(width: 300)
    let out = script.transcript
    #expect(out.contains("Handlingsplanen har \(entries.count) linjer."))
    #expect(out.contains("\(entries.count). "), "the listing stops before the last line")
    #expect(out.contains("ansvarlig Bjørn Ølgaard, frist 1-9-2025"))
    #expect(out.contains("Handlingen "))
    let saved = try #require(script.saved)
    #expect(!saved.plan.contains { $0.action == nil }, "the own action was not removed")
    #expect(saved.plan.count == session.plan.count - 1)
  }

  // MARK: - Export

  @Test func severalFormatsAreExportedBeforeLeaving() throws {
    let script = Script(["1", "gå 9", "", "", "", "", "2", "", "", "", "q"], sessions: [Fixture.committee()])
    script.run()
    #expect(script.environment.exports.count == 2)
    #expect(Set(script.environment.exports.map(\.format)).count == 2)
    #expect(script.transcript.contains("Skrevet: "))
    // A stray number at the file name is refused, not written as a file called "2".
    let stray = Script(["1", "gå 9", "", "2", "", "q"], sessions: [Fixture.committee()])
    stray.run()
    #expect(!stray.environment.exports.contains { $0.path.hasSuffix("/2") })
    #expect(stray.transcript.contains("2 forstås ikke her."))
  }

  // MARK: - Written for the ear

  @Test func datesAreReadBackAsTheyAreTyped() throws {
    let script = Script(["Lageret", "", "", "", "31-12-2027", "b", "q"])
    script.run()
    #expect(script.saved?.about.date == "2027-12-31")
    #expect(script.transcript.contains("nu 31-12-2027"))
    #expect(!script.transcript.contains("2027-12-31"))
  }

  @Test(arguments: [40, 80])
  func linesAreWrappedAtTheWidth(_ width: Int) throws {
    let script = Script(Self.about + ["\(Self.number("call-scoring"))", "hurtig", "", "4", "h", "q"])
    script.run(width: width)
    #expect(script.written.contains("Trin 3 af 9"))
    for line in script.written.split(separator: "\n") {
      // A word longer than the line (a path) stands alone on its line.
      #expect(Text.width(String(line)) <= width || !line.trimmingCharacters(in: .whitespaces).contains(" "), "wider than \(width): \(line)")
    }
  }

  /// The words a quick scan says per answered statement, besides the statement itself.
  static func wordsPerStatement(_ language: Language) -> (perStatement: Double, statements: Int, transcript: String) {
    let session = Fixture.quickScan(answered: false, cursor: "")
    let asked = Self.asked(session).filter { $0.kind == .finding }
    let script = Script(["1", "gå 3"] + asked.map { _ in "4" } + ["q"], sessions: [session])
    // Unwrapped, so that each statement can be taken out whole; the words are the same.
    script.run(language: language, width: 100_000)
    let t = Localizer(pack: pack, language: language)
    var text = script.transcript
    // From the statements' step to the end of the answers.
    let step = t("plain.step", ["n": "3", "total": String(Flow.numberedSteps.count), "title": t(Step.questions.titleKey)])
    if let start = text.range(of: step) { text = String(text[start.lowerBound...]) }
    let nextStep = "\n" + t("plain.step", ["n": "", "total": "", "title": ""]).split(separator: " ")[0] + " "
    if let end = text.dropFirst().range(of: nextStep) { text = String(text[..<end.lowerBound]) }
    for q in asked { text = text.replacingOccurrences(of: t(q.text), with: " ") }
    let words = text.split { $0.isWhitespace }.count
    return (Double(words) / Double(asked.count), asked.count, script.transcript)
  }

  @Test(arguments: Language.allCases)
  func aQuickScanSaysAtMost25WordsPerStatementBesidesTheStatement(_ language: Language) {
    let (perStatement, statements, transcript) = Self.wordsPerStatement(language)
    print("line mode, quick scan (\(language.rawValue)): \(perStatement) words per answered statement besides the statement, over \(statements) statements")
    #expect(statements > 5)
    #expect(perStatement <= 25, "\(perStatement) words per statement")
    for symbol in ["›", "·", "–", "0–100"] { #expect(!transcript.contains(symbol), "line mode says \(symbol)") }
    if language == .en { #expect(!transcript.contains("Kapitel"), "an English run names the Danish source") }
  }

  // MARK: - Strings

  @Test func everyPlainStringIsUsedAndEveryOneUsedExistsInBothLanguages() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/IglooWizard").standardizedFileURL
    var text = ""
    for case let file as String in FileManager.default.enumerator(atPath: folder.path)! where file.hasSuffix(".swift") {
      text += try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }
    let used = Set(try NSRegularExpression(pattern: #""(plain\.[a-z0-9.-]+)"#).matches(in: text, range: NSRange(text.startIndex..., in: text))
      .map { String(text[Range($0.range(at: 1), in: text)!]) })
    #expect(used.count > 40)
    let prefixes = used.filter { $0.hasSuffix(".") }
    for key in used where !key.hasSuffix(".") {
      #expect(pack.strings[key] != nil, "missing \(key)")
      #expect(pack.strings[key].map { !$0.da.isEmpty && !$0.en.isEmpty } ?? false, "\(key) is empty in a language")
    }
    for key in pack.strings.keys where key.hasPrefix("plain.") {
      #expect(used.contains(key) || prefixes.contains { key.hasPrefix($0) }, "unused \(key)")
    }
  }

  // MARK: - The reader

  @Test func aLineAtAStatementBecomesTheWizardsOwnActions() throws {
    let h = Harness(sessions: [Fixture.quickScan(answered: false, cursor: "")])
    h.press(.down, .enter)
    h.go(to: .questions)
    let state = h.state
    #expect(PlainReader.read("4", state) == .inputs([.action(.answer(4))]))
    #expect(PlainReader.read(" D ", state) == .inputs([.action(.dontKnow)]))
    #expect(PlainReader.read("", state) == .inputs([.action(.nextQuestion)]))
    #expect(PlainReader.read("4 # æøå", state) == .inputs([.action(.editNote), .action(.cursorEnd), .action(.clearToStart), .type("æøå"), .action(.commitEdit), .action(.answer(4))]))
    #expect(PlainReader.read("h", state) == .help)
    #expect(PlainReader.read("9", state) == .invalid("9"))
    #expect(PlainReader.read("gå 6", state) == .inputs([.action(.goToStep), .action(.pick(6))]))
    // A text the state opened in its own line takes the next line as its text.
    var editing = state
    _ = editing.perform(.editNote)
    #expect(PlainReader.read("kun om natten", editing) == .inputs([.action(.cursorEnd), .action(.clearToStart), .type("kun om natten"), .action(.commitEdit)]))
    #expect(PlainReader.read("", editing) == .inputs([.action(.commitEdit)]))
    var view = PlainView()
    #expect(view.say(editing).prompt.hasPrefix(Localizer(pack: pack, language: .da)("wizard.questions.note")))
    #expect(PlainReader.read("gå profil", state) == .inputs([.action(.goToStep), .action(.pick(Step.profile.number))]))
    #expect(PlainReader.read("go action plan", state) == .inputs([.action(.goToStep), .action(.pick(Step.plan.number))]))
  }
}
