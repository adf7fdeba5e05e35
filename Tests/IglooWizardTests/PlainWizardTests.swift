import Foundation
import IglooContent
import IglooEngine
import IglooStore
import IglooTestSupport
import Testing

@testable import IglooWizard

/// Line mode (`igloo --plain`) driven by scripts of typed lines over an in-memory environment:
/// what is saved and when, what the user is told, and the whole dialogue as golden transcripts.
@Suite struct PlainWizardTests {
  /// A line-mode run fed from a list of lines; the transcript shows each line after its prompt,
  /// as a terminal's echo would.
  final class Script {
    let environment: MemoryEnvironment
    var lines: [String]
    var transcript = ""
    /// The environment's save count each time a line was asked for (index 0: the first prompt).
    var savesAtRead: [Int] = []
    /// How many times the input was read after it had said "no more".
    var readsAfterEnd = 0
    private var ended = false

    init(_ lines: [String], sessions: [Session] = []) {
      environment = MemoryEnvironment(pack: pack, date: "2025-05-01", sessions: sessions)
      self.lines = lines
    }

    /// Runs line mode once; `resume` opens the environment's first session.
    @discardableResult
    func run(language: Language = .da, resume: Bool = false, trainingCase: TrainingCase? = nil) -> (code: Int32, wizard: PlainWizard) {
      let handle = resume ? SessionHandle(environment.order[0]) : nil
      let session = try! handle.map { try environment.open($0) }
      let wizard = PlainWizard(
        pack: pack, session: session, handle: handle, environment: environment, language: language,
        input: { [self] in
          savesAtRead.append(environment.saveCount)
          if ended { readsAfterEnd += 1 }
          guard !lines.isEmpty else {
            ended = true
            return nil
          }
          let line = lines.removeFirst()
          transcript += line + "\n"
          return line
        },
        output: { [self] in transcript += $0 }, trainingCase: trainingCase)
      return (wizard.run(), wizard)
    }

    /// The session as the environment last stored it.
    var saved: Session? { environment.order.first.flatMap { environment.sessions[$0] } }
  }

  /// The statements in the order line mode asks them: level by level, then sickness absence.
  static func asked(_ session: Session) -> [Question] {
    let applicable = session.applicableQuestions(pack)
    func level(_ q: Question) -> String? { q.measures.first.flatMap { pack.finding($0.finding)?.level } }
    return pack.levels.flatMap { l in applicable.filter { $0.kind == .finding && level($0) == l.id } }
      + applicable.filter { $0.kind == .absence }
  }

  /// The 1-based number of a use case in the scope list.
  static func number(_ useCase: String) -> Int { pack.useCases.firstIndex { $0.id == useCase }! + 1 }

  /// A session with shift planning in scope and every statement answered by the single voice.
  static func answeredSession(workplace: String = "Lageret i Ølstykke") -> Session {
    var s = Session(content: ContentRef(pack), about: About(workplace: workplace, date: "2025-04-02"))
    s.scope = [ScopeItem(useCase: "shift-planning", stage: .inUse)]
    for (i, q) in s.applicableQuestions(pack).enumerated() {
      s.setAnswer(Answer(.point(1 + i % 5)), question: q.id, voice: Voice.single.id)
    }
    return s
  }

  // MARK: - A new assessment, line by line

  @Test func aScriptedRunCreatesTheSessionSavesEveryAnswerAndKeepsThemAtTheEndOfInput() throws {
    let script = Script([
      "Kærgården Ældrepleje – Åbyhøj", "Dagvagten, afsnit Øst",
      "9", "4",  // no ninth sector; then the municipality
      "tolv", "48",
      "", "", "",  // the date kept, no participants, one unnamed voice
      "",  // an empty scope cannot be kept
      "99", "\(Self.number("shift-planning")):snart",
      "\(Self.number("shift-planning")), \(Self.number("chat-assistant")):pilot",
      "4 # kun om aftenen", "d", "n", "x", "2", "b", "5", "", "3",
    ])
    let (code, wizard) = script.run()
    #expect(code == 0)

    let saved = try #require(script.saved)
    #expect(saved == wizard.session)
    #expect(saved.about.workplace == "Kærgården Ældrepleje – Åbyhøj")
    #expect(saved.about.unit == "Dagvagten, afsnit Øst")
    #expect(saved.about.sector == "public-municipality")
    #expect(saved.about.employees == 48)
    #expect(saved.about.date == "2025-05-01")
    #expect(saved.scope == [
      ScopeItem(useCase: "shift-planning", stage: .inUse), ScopeItem(useCase: "chat-assistant", stage: .pilot),
    ])

    let asked = Self.asked(saved)
    let voice = Voice.single.id
    #expect(saved.answer(asked[0].id, voice: voice) == Answer(.point(4), note: "kun om aftenen"))
    #expect(saved.answer(asked[1].id, voice: voice) == Answer(.dontKnow))
    #expect(saved.answer(asked[2].id, voice: voice) == Answer(.notRelevant))
    #expect(saved.answer(asked[3].id, voice: voice) == Answer(.point(5)), "b went back and 5 replaced 2")
    #expect(saved.answer(asked[4].id, voice: voice) == nil, "Enter skipped it")
    #expect(saved.answer(asked[5].id, voice: voice) == Answer(.point(3)))
    #expect(saved.answeredQuestionIDs.count == 5)
    // Where a resumed wizard goes on: the statement after the last one answered.
    #expect(saved.cursor == "questions/" + asked[6].id)

    let out = script.transcript
    #expect(out.contains("»9« er ikke et tal fra 1 til 7."))
    #expect(out.contains("Skriv antallet med tal."))
    #expect(out.contains("Vælg mindst én anvendelse"))
    #expect(out.contains("»99« er ikke et nummer på listen."))
    #expect(out.contains("»snart« er ikke et stadie."))
    #expect(out.contains("»x« er ikke et svar."))
    #expect(out.contains("Gemt: 4 Delvis enig, med noten »kun om aftenen«."))
    #expect(out.contains("Ny vurdering. Den gemmes løbende i memory/1.json"))
    #expect(out.hasSuffix("Svar (1 til 5, d, n, ?, b eller q): \nVurderingen er gemt i memory/1.json.\nFortsæt senere med: igloo resume memory/1.json --plain --lang da\n"))
    #expect(script.readsAfterEnd == 0, "the end of input is read once, never again")
    #expect(!script.environment.openHandles.contains("memory/1.json"), "the session is let go")
  }

  @Test func everyAnswerIsSavedTheMomentItIsGivenAndNothingElseWrites() {
    let script = Script([
      "Værkstedet", "", "", "", "", "", "", "\(Self.number("shift-planning"))",
      "b", "", "1", "x", "?", "b", "2", "", "d # spørg IT", "# kun om natten", "b", "# ", "q",
    ])
    let (code, wizard) = script.run()
    #expect(code == 0)
    // savesAtRead[k] is the count when line k was asked for; the line after the last is the final save.
    let s = script.savesAtRead
    let scopeRead = 7
    #expect(s[scopeRead] == 0, "About saves nothing: the session is created, not saved")
    func savesBy(_ line: Int) -> Int { (line + 1 < s.count ? s[line + 1] : script.environment.saveCount) - s[line] }
    #expect(savesBy(scopeRead) == 1, "the scope")
    // `b` at the first statement goes back to the scope, where Enter keeps it (and saves it again).
    let script_lines = [
      ("b", 0), ("", 1), ("1", 1), ("x", 0), ("?", 0), ("b", 0), ("2", 1), ("", 0), ("d # spørg IT", 1), ("# kun om natten", 0),
      ("b", 0), ("# ", 1),
    ]
    for (k, (line, saves)) in script_lines.enumerated() {
      #expect(savesBy(scopeRead + 1 + k) == saves, "line \(line.debugDescription)")
    }
    // `q` stops: one last save keeps the cursor, then the run ends normally.
    #expect(script.environment.saveCount == 7)

    let asked = Self.asked(wizard.session!)
    let voice = Voice.single.id
    let saved = script.saved!
    #expect(saved.answer(asked[0].id, voice: voice) == Answer(.point(2)), "b at the second went back to the first")
    #expect(saved.answer(asked[1].id, voice: voice) == nil)
    #expect(saved.answer(asked[2].id, voice: voice) == Answer(.dontKnow, note: ""), "the note was cleared with a bare #")
    #expect(saved.answer(asked[3].id, voice: voice) == nil, "a note alone needs an answer first")
    #expect(script.transcript.components(separatedBy: "\nTrin 2 af 9: Omfang").count == 3, "b at the first statement shows the scope again")
    #expect(script.transcript.contains("Noten skrives efter et svar"))
    #expect(script.transcript.contains("Hvorfor vi spørger: "))
    #expect(script.transcript.contains("Svaret nu: d Ved ikke") == false)
    #expect(script.transcript.contains("Svaret nu: Ved ikke. Note: spørg IT"))
  }

  // MARK: - The end of input anywhere

  @Test func theEndOfInputDuringAboutKeepsWhatWasTyped() throws {
    let script = Script(["Bageriet på Østerbro"])
    #expect(script.run().code == 0)
    let saved = try #require(script.saved)
    #expect(saved.about.workplace == "Bageriet på Østerbro")
    #expect(script.transcript.hasSuffix("\nVurderingen er gemt i memory/1.json.\nFortsæt senere med: igloo resume memory/1.json --plain --lang da\n"))
    #expect(script.readsAfterEnd == 0)
  }

  @Test func theEndOfInputBeforeAnythingIsTypedCreatesNothing() {
    let script = Script([])
    #expect(script.run(language: .en).code == 0)
    #expect(script.environment.sessions.isEmpty)
    #expect(script.transcript.hasSuffix("Workplace (Enter to skip): \nNothing was typed, so no assessment was created.\n"))
    #expect(script.readsAfterEnd == 0)
  }

  @Test func theEndOfInputAtEveryPromptEndsNormallyAndKeepsTheAnswers() {
    // Cut the same script after every line: each run ends with exit 0 and the answers typed so far.
    let full = ["Værkstedet", "", "1", "10", "", "", "", "\(Self.number("versatile-robots"))", "3", "?", "4 # note", "b", ""]
    for cut in 0...full.count {
      let script = Script(Array(full.prefix(cut)))
      let code = script.run().code
      #expect(code == 0, "cut after \(cut) lines")
      #expect(script.readsAfterEnd == 0, "cut after \(cut) lines")
      let answers = script.saved?.answers[Voice.single.id]?.count ?? 0
      #expect(answers == (cut >= 11 ? 2 : cut >= 9 ? 1 : 0), "cut after \(cut) lines")
    }
  }

  // MARK: - Resume, export

  @Test func aResumedSessionSaysWhereItGoesOnAndStartsAtTheFirstGap() throws {
    var session = Self.answeredSession()
    let asked = Self.asked(session)
    session.setAnswer(nil, question: asked[3].id, voice: Voice.single.id)
    let script = Script(["", "b", "", "2"], sessions: [session])
    #expect(script.run(resume: true).code == 0)
    let out = script.transcript
    #expect(out.contains("Du fortsætter vurderingen af Lageret i Ølstykke fra memory/1.json. "))
    #expect(out.contains("– valgt (I brug)"))
    let section = try #require(pack.level(pack.finding(asked[3].measures[0].finding)!.level)).name.da
    #expect(out.contains("De besvarede udsagn springes over: du fortsætter ved udsagn 4 af "), "\(section)")
    #expect(out.contains(" under \(section). Skriv b for at gå tilbage."))
    let earlier = try #require(session.answer(asked[2].id, voice: Voice.single.id)?.point)
    #expect(out.contains("Svaret nu: \(earlier) "), "b shows the earlier answer")
    // The gap filled, the answered statements after it are passed over: on to the profile.
    #expect(out.contains("\nTrin 6 af 9: Profil\n"))
    #expect(script.saved?.answer(asked[3].id, voice: Voice.single.id) == Answer(.point(2)))
    #expect(script.saved?.scope == session.scope, "Enter kept the scope")
  }

  @Test func anUnwritableExportPathIsSaidAndAskedAgain() throws {
    // The scope kept, the plan and the follow-up passed with Enter, Word kept, then the paths: the
    // first one's ending makes it Markdown, the suggested one is Word's.
    let script = Script(["", "", "", "", "", "/nonexistent/rapport.md", ""], sessions: [Self.answeredSession()])
    #expect(script.run(resume: true).code == 0)
    let out = script.transcript
    #expect(out.contains("Alle \(Self.asked(Self.answeredSession()).count) udsagn er besvaret. Videre til profilen."))
    #expect(out.contains("Filen blev ikke gemt: kan ikke skrive /nonexistent/rapport.md: mappen findes ikke\nFil (Enter = igloo-assessment.docx, - = spring over): "))
    #expect(out.contains("Filen er gemt: /work/igloo-assessment.docx"))
    #expect(script.environment.exports.count == 1)
    #expect(script.environment.exports.first?.path == "/work/igloo-assessment.docx")
    #expect(script.environment.exports.first?.format == .docx)
    #expect(script.environment.exports.first?.language == .da)
  }

  @Test func aDashSkipsTheExport() {
    let script = Script(["", "", "", "", "", "-"], sessions: [Self.answeredSession()])
    #expect(script.run(language: .en, resume: true).code == 0)
    #expect(script.environment.exports.isEmpty)
    #expect(script.transcript.contains("Nothing was exported. The report can be made later with igloo report memory/1.json."))
  }

  @Test func aFailedSaveIsSaidAndTheRunEndsWithAnError() {
    let script = Script(["", "\(Self.number("versatile-robots"))"], sessions: [Session(content: ContentRef(pack))])
    script.environment.failSaves = "disk full"
    script.lines += ["4"]
    #expect(script.run(resume: true).code == 1)
    #expect(script.transcript.contains("Kunne ikke gemme: memory/1.json: disk full. igloo prøver igen"))
    #expect(script.transcript.hasSuffix("Vurderingen kunne ikke gemmes: memory/1.json: disk full\n"))
    #expect(!script.transcript.contains("Gemt: 4"))
  }

  @Test func aHandleWithoutASessionIsOpenedAndAMissingOneIsOneLine() {
    let script = Script(["q"], sessions: [Self.answeredSession()])
    let wizard = PlainWizard(
      pack: pack, session: nil, handle: SessionHandle("memory/9.json"), environment: script.environment, language: .en,
      input: { nil }, output: { script.transcript += $0 })
    #expect(wizard.run() == 2)
    #expect(script.transcript.hasSuffix("Could not open the assessment: memory/9.json: no such session\n"))
  }

  @Test func overRealFilesTheSessionAndTheReportAreWrittenAndTheLockIsLetGo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-plain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let environment = FileEnvironment(
      pack: pack, store: SessionStore(folder: folder.appendingPathComponent("sessions")),
      now: { Date(timeIntervalSince1970: 1_746_100_000) }, workingDirectory: folder.path, home: folder.path)
    var lines = ["Kantinen på Åbyhøj", "", "", "", "", "", "", "\(Self.number("versatile-robots"))", "4 # æøå", "q"]
    var transcript = ""
    let wizard = PlainWizard(
      pack: pack, session: nil, handle: nil, environment: environment, language: .da,
      input: { lines.isEmpty ? nil : lines.removeFirst() }, output: { transcript += $0 })
    #expect(wizard.run() == 0)
    let path = try #require(wizard.handle?.id)
    #expect(transcript.hasSuffix("Vurderingen er gemt i \(path).\nFortsæt senere med: \(PlainWizard.resumeCommand(SessionHandle(path), language: .da))\n"))
    #expect(SessionLock.currentHolder(of: URL(fileURLWithPath: path)) == nil, "the lock is let go")
    let saved = try SessionFile.load(URL(fileURLWithPath: path), pack: pack)
    #expect(saved.about.workplace == "Kantinen på Åbyhøj")
    #expect(saved.answer(Self.asked(saved)[0].id, voice: Voice.single.id) == Answer(.point(4), note: "æøå"))

    // Resumed from the file, straight to the export: the report lands where the user said.
    var session = try environment.open(SessionHandle(path))
    for q in session.applicableQuestions(pack) { session.setAnswer(Answer(.point(3)), question: q.id, voice: Voice.single.id) }
    try environment.save(session, to: SessionHandle(path))
    lines = ["", "", "", "", "", "rapport.md"]  // the scope kept, the plan and the follow-up passed, Markdown kept, the file
    let resumed = PlainWizard(
      pack: pack, session: session, handle: SessionHandle(path), environment: environment, language: .da,
      input: { lines.isEmpty ? nil : lines.removeFirst() }, output: { transcript += $0 })
    #expect(resumed.run() == 0)
    let report = folder.appendingPathComponent("rapport.md").path
    #expect(FileManager.default.fileExists(atPath: report))
    let mode = try FileManager.default.attributesOfItem(atPath: report)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(SessionLock.currentHolder(of: URL(fileURLWithPath: path)) == nil)
  }

  // MARK: - Parsing

  @Test func answerLines() {
    #expect(PlainCommand.parse("4") == .answer(.point(4), note: nil))
    #expect(PlainCommand.parse("  4 #  kun om aftenen \r") == .answer(.point(4), note: "kun om aftenen"))
    #expect(PlainCommand.parse("4#") == .answer(.point(4), note: ""))
    #expect(PlainCommand.parse("D") == .answer(.dontKnow, note: nil))
    #expect(PlainCommand.parse("n # gælder ikke os") == .answer(.notRelevant, note: "gælder ikke os"))
    #expect(PlainCommand.parse("# æøå") == .noteOnly("æøå"))
    #expect(PlainCommand.parse("") == .skip)
    #expect(PlainCommand.parse("   ") == .skip)
    #expect(PlainCommand.parse("b") == .back)
    #expect(PlainCommand.parse("?") == .why)
    #expect(PlainCommand.parse("Q") == .quit)
    for bad in ["0", "6", "45", "4 5", "٤", "ja", "q # x", "-1", "4,5"] {
      #expect(PlainCommand.parse(bad) == .invalid, "\(bad.debugDescription)")
    }
  }

  @Test func scopeLines() {
    let stages: [String: Stage] = ["pilot": .pilot, "afprøves": .pilot, "i-brug": .inUse, "planned": .planned]
    func parse(_ s: String) -> ScopeInput { ScopeInput.parse(s, count: 20, stages: stages) }
    typealias C = ScopeInput.Choice
    #expect(parse("1 12 18") == .choose([C(index: 0), C(index: 11), C(index: 17)]))
    #expect(parse("1,12;18") == .choose([C(index: 0), C(index: 11), C(index: 17)]))
    #expect(parse("12:pilot") == .choose([C(index: 11, stage: .pilot)]))
    #expect(parse("1, 12 : AFPRØVES  3: i-brug") == .choose([C(index: 0), C(index: 11, stage: .pilot), C(index: 2, stage: .inUse)]))
    #expect(parse("3 3:planned") == .choose([C(index: 2, stage: .planned)]), "the last mention counts")
    #expect(parse("") == .keep)
    #expect(parse("q") == .quit)
    #expect(parse("21") == .badNumber("21"))
    #expect(parse("0") == .badNumber("0"))
    #expect(parse("to") == .badNumber("to"))
    #expect(parse(":pilot") == .badNumber(":pilot"))
    #expect(parse("2:soon") == .badStage("soon"))
  }

  // MARK: - Strings and golden transcripts

  @Test func everyPlainStringIsUsedAndEveryOneUsedExistsInBothLanguages() throws {
    let folder = StringTests.sources.appendingPathComponent("Plain")
    var used: Set<String> = Set(Stage.allCases.map { "plain.stage.\($0.rawValue)" })
    let pattern = try NSRegularExpression(pattern: "\"((?:plain|wizard)\\.[a-z0-9.-]+)\"")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        used.insert(String(text[Range(m.range(at: 1), in: text)!]))
      }
    }
    for key in used.sorted() {
      #expect(pack.strings[key]?.da.isEmpty == false && pack.strings[key]?.en.isEmpty == false, "missing string \(key)")
    }
    for key in pack.strings.keys.sorted() where key.hasPrefix("plain.") {
      #expect(used.contains(key), "unused string \(key)")
    }
  }

  /// A whole assessment of a workshop with versatile robots in pilot: About with a wrong sector
  /// number, the scope, every statement (with "why", a wrong key, back, notes, "don't know" and
  /// "not relevant"), the review, the profile, the action plan (in place, accepted, a refused and a
  /// Danish date, the approval, one edited, one own), the follow-up and a Word export that fails once.
  static func goldenScript(_ language: Language) -> [String] {
    let da = language == .da
    var lines = [
      da ? "Smedjen på Åbyhøj" : "The Åbyhøj forge", da ? "Svejseafdelingen" : "Welding shop", "8", "1", "42",
      // The date (a wrong one first), two participants with roles (one number too high), two voices.
      da ? "i morgen" : "tomorrow", "1.5.2025", "Åse Jørgensen", "1", "Bo Lund", "9", "2", "", da ? "Ledelse" : "Management",
      da ? "Medarbejdere" : "Employees", "",
      "\(number("versatile-robots")):\(da ? "afprøves" : "pilot")",
      "?", "7", "4 # \(da ? "især ved svejsecellen" : "mostly at the welding cell")", "b", "5",
    ]
    var session = Session(content: ContentRef(pack))
    session.scope = [ScopeItem(useCase: "versatile-robots", stage: .pilot)]
    let total = asked(session).count
    for i in 1..<total {
      switch i % 6 {
      case 0: lines.append("d")
      case 1: lines.append("n")
      case 2: lines.append("")
      default: lines.append(String(1 + (i * 2) % 5))
      }
    }
    // The review: one unanswered statement answered from the list, then on.
    lines += ["1", "3", ""]
    // The action plan: accepted without a responsible person, a deadline in
    // words refused and then typed the Danish way, one measure already in place, a wrong line,
    // the approval.
    lines += ["f 1", "a 1", "", da ? "næste uge" : "next week", "31-12-2027", "f 2", "x", "g", "Åse Jørgensen, Bo Lund", "1.5.2027"]
    // One suggestion edited in every field (who, when, how, follow-up, evaluation, status), one rejected.
    lines += ["e 2", "", "Bo Lund", "1.9.2027", da ? "Ny instruktion ved robotcellen" : "New instructions at the robot cell", "1.12.2027",
      da ? "Spørg holdet" : "Ask the team", "4"]
    // An own action: its title, the level kept, who; the other fields kept.
    lines += ["o", da ? "Fast punkt om robotterne på personalemødet" : "Robots as a standing item at staff meetings", "", "Åse Jørgensen", "", "", "", "", "", ""]
    // The follow-up: the next review, no earlier round; then the export as Word, to a path that
    // fails, then to the suggested one.
    lines += ["1.5.2028", "", "1", "/nonexistent/\(da ? "rapport" : "report").docx", ""]
    return lines
  }

  @Test(arguments: Language.allCases)
  func goldenTranscript(_ language: Language) throws {
    let script = Script(Self.goldenScript(language))
    #expect(script.run(language: language).code == 0)
    #expect(script.lines.isEmpty, "the script was used up exactly")
    #expect(script.environment.exports.count == 1)
    let saved = try #require(script.saved)
    let accepted = try #require(saved.plan.first { $0.status == .accepted })
    #expect(accepted.deadline == "2027-12-31")
    #expect(accepted.missing == ["responsible"])
    #expect(script.transcript.contains(language == .da ? "Status: Findes allerede" : "Status: Already in place"))
    #expect(script.transcript.contains(language == .da ? "Status: Vedtaget ! Mangler ansvarlig" : "Status: Accepted ! Lacks a responsible person"))
    // A participant's name brings their role into the approval.
    #expect(saved.approval?.by == [Participant(name: "Åse Jørgensen", role: "amr"), Participant(name: "Bo Lund", role: "manager")])
    #expect(saved.approval?.date == "2027-05-01")
    // The approval records the fingerprint of the session as it then stood (issue 30).
    #expect(saved.approval?.fingerprint.count == 64)
    // About's rows, the review, the edited and rejected actions, the follow-up and the Word export (issue 15).
    #expect(saved.about.date == "2025-05-01")
    #expect(saved.about.participants == [Participant(name: "Åse Jørgensen", role: "amr"), Participant(name: "Bo Lund", role: "manager")])
    #expect(saved.voices.map(\.name) == (language == .da ? ["Ledelse", "Medarbejdere"] : ["Management", "Employees"]))
    let edited = try #require(saved.plan.first { $0.status == .inProgress && $0.action != nil })
    #expect(edited.responsible == "Bo Lund")
    #expect(edited.deadline == "2027-09-01")
    #expect(edited.followUp == "2027-12-01")
    #expect(!edited.how.isEmpty && !edited.evaluation.isEmpty)
    #expect(saved.plan.contains { $0.action == nil && $0.responsible == "Åse Jørgensen" && $0.status == .accepted })
    #expect(saved.followUp.nextReview == "2028-05-01")
    #expect(script.environment.exports.last?.format == .docx)
    #expect(script.transcript.contains(language == .da ? "Trin 5 af 9: Gennemgang" : "Step 5 of 9: Review"))
    #expect(script.transcript.contains(language == .da ? "Trin 8 af 9: Opfølgning" : "Step 8 of 9: Follow-up"))
    #expect(script.transcript.contains(language == .da ? "»næste uge« er ikke en dato" : "“next week” is not a date"))
    assertGolden(
      script.transcript, named: "assessment-\(language.rawValue).txt",
      in: snapshotFolder.appendingPathComponent("plain"))
  }
}
