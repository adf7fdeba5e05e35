import IglooContent
import IglooEngine

/// How line mode's view (``PlainView``) says a step: the part of the one flow that says what
/// line mode shows where the curses wizard draws a screen. Every step has one (``Flow/steps``),
/// and a test fails if a step or a field has none.
public enum PlainRendering: String, Sendable, CaseIterable {
  /// The numbered list of saved sessions and "new".
  case sessionPicker
  /// The step's form fields, asked one by one (``Flow/fields(_:in:)``).
  case form
  /// The numbered use cases with stages and the depth, on one line.
  case scope
  /// One statement at a time; the scale once per level.
  case statements
  /// The review's worklist, numbered; a number answers that statement and comes back.
  case review
  /// The profile in lines, then a quick scan's offer to deepen (`u`, `U`), as on the wizard's Profile.
  case profile
  /// Every line of the plan with its status, owner and deadline, then the commands on a line's
  /// number (`a N`, `x N`, `e N`, `f N`, `s N`, `d N`), `o` (an own action) and `g` (the approval).
  case plan
  /// The format as a numbered choice, then the path.
  case export
}

/// One step of the assessment as both front-ends know it: its place, its forms, and how line
/// mode renders it.
public struct FlowStep: Sendable {
  /// The step.
  public var step: Step
  /// How line mode renders it.
  public var plain: PlainRendering
  /// The forms the step asks, in order (``Flow/fields(_:in:)`` lists their fields).
  public var forms: [FlowForm]

  /// The kinds of form field the step has (its rows, with the index left out).
  public var fields: [FlowField] { forms.flatMap(\.kinds) }
}

/// A form field with its index left out: participant 1 and participant 2 are one kind of field.
public enum FlowField: String, Sendable, CaseIterable {
  /// About: the workshop group, the workplace, its unit and sector, the head count, the date.
  case group, workplace, unit, sector, employees, date
  /// About: a participant's name and role, a voice's name, and the buttons that add them.
  case participantName, participantRole, addParticipant, voiceName, addVoice
  /// The action editor: what, at which level, who, by when, how, follow-up, evaluation, status.
  case planTitle, planLevel, planResponsible, planDeadline, planHow, planFollowUp, planEvaluation, planStatus
  /// The plan's approval: each approver's name and role, the button that adds one, the date.
  case approverName, approverRole, addApprover, approvalDate
  /// Follow-up: the next review, and the previous round's file.
  case nextReview, previousRound
  /// Export: the format, the part, the path and the button.
  case exportFormat, exportPart, exportPath, exportButton
  /// A question to management: due date, who asked, status, the answer's gist and date.
  case questionDue, questionAskedBy, questionStatus, questionGist, questionAnswerDate

  /// The kind of `field`, nil for the notes edited in place (they belong to statements and use cases).
  public init?(_ field: FieldID) {
    switch field {
    case .group: self = .group
    case .workplace: self = .workplace
    case .unit: self = .unit
    case .sector: self = .sector
    case .employees: self = .employees
    case .date: self = .date
    case .participantName: self = .participantName
    case .participantRole: self = .participantRole
    case .addParticipant: self = .addParticipant
    case .voiceName: self = .voiceName
    case .addVoice: self = .addVoice
    case .planTitle: self = .planTitle
    case .planLevel: self = .planLevel
    case .planResponsible: self = .planResponsible
    case .planDeadline: self = .planDeadline
    case .planHow: self = .planHow
    case .planFollowUp: self = .planFollowUp
    case .planEvaluation: self = .planEvaluation
    case .planStatus: self = .planStatus
    case .approverName: self = .approverName
    case .approverRole: self = .approverRole
    case .addApprover: self = .addApprover
    case .approvalDate: self = .approvalDate
    case .nextReview: self = .nextReview
    case .previousRound: self = .previousRound
    case .exportFormat: self = .exportFormat
    case .exportPart: self = .exportPart
    case .questionDue: self = .questionDue
    case .questionAskedBy: self = .questionAskedBy
    case .questionStatus: self = .questionStatus
    case .questionGist: self = .questionGist
    case .questionAnswerDate: self = .questionAnswerDate
    case .exportPath: self = .exportPath
    case .exportButton: self = .exportButton
    case .note, .scopeNote: return nil
    }
  }
}

/// The assessment's flow, defined once: the steps in order, the fields of each step's form, and
/// the validation of what is typed into them. The state machine walks the steps and validates
/// from here; the curses view lays the fields out and line mode's view says them, both from the
/// same definitions, and both send their input through the one ``WizardState``.
public enum Flow {
  /// Every step after the start screen, in order, with its line-mode rendering and its fields.
  public static let steps: [FlowStep] = [
    FlowStep(step: .start, plain: .sessionPicker, forms: []),
    FlowStep(step: .about, plain: .form, forms: [.about]),
    FlowStep(step: .scope, plain: .scope, forms: []),
    FlowStep(step: .questions, plain: .statements, forms: []),
    FlowStep(step: .absence, plain: .statements, forms: []),
    FlowStep(step: .review, plain: .review, forms: []),
    FlowStep(step: .profile, plain: .profile, forms: []),
    FlowStep(step: .plan, plain: .plan, forms: [.planEditor, .approval, .questionEditor]),
    FlowStep(step: .followUp, plain: .form, forms: [.followUp]),
    FlowStep(step: .export, plain: .export, forms: [.export]),
  ]

  /// The steps after the start screen, as the step bar, the step menu and "Trin n af N" count them.
  public static var numberedSteps: [Step] { steps.dropFirst().map(\.step) }

  /// The flow's entry for `step`.
  public static func step(_ step: Step) -> FlowStep { steps.first { $0.step == step }! }

  /// What is wrong with `text` typed into `field`, as the message both front-ends show, or nil;
  /// `stored` is what is kept (a date typed the Danish way becomes ISO).
  public static func validate(_ text: String, for field: FieldID, _ t: Localizer) -> (stored: String, error: Message?) {
    // NUL and other control characters never enter a session: NUL cuts strings short in other
    // tools and once hid a formula from the CSV guard (issue 25). Both views refuse them here.
    if text.unicodeScalars.contains(where: { SafeText.isControl($0) || $0 == "\t" }) {
      return (text, Message("wizard.message.control-character", style: .error))
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if field.kind == .number, !trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
      return (text, Message("wizard.message.digits-only", style: .error))
    }
    guard field.isDate else { return (text, nil) }
    // Enter alone keeps a date empty: every date of the flow may be left for later.
    guard !trimmed.isEmpty else { return ("", nil) }
    guard let date = CalendarDate(typed: trimmed) else {
      // Not stored: a deadline that reads "næste uge" cannot be followed up in an APV.
      return (text, Message("wizard.message.bad-date", ["date": trimmed, "field": t(field.labelKey)], style: .error))
    }
    return (date.description, nil)
  }
}

extension Flow {
  /// Whether the Scope step asks of `useCase` if its system infers emotions: it may set off a ban
  /// that turns on that fact (a context item with `when_infers_emotions`), through either list of
  /// flags. Both front-ends ask it of exactly these use cases.
  public static func asksInfersEmotions(_ useCase: String, _ pack: ContentPack) -> Bool {
    guard let u = pack.useCase(useCase) else { return false }
    let flags = Set(u.flags)
    return pack.context.contains { item in
      !item.applies.whenInfersEmotions.isEmpty
        && !flags.isDisjoint(with: item.applies.flags + item.applies.whenInfersEmotions)
    }
  }

  /// The interface string that names an answer on emotions; not asked reads as "don't know".
  public static func infersEmotionsKey(_ value: InfersEmotions?) -> String {
    switch value ?? .dontKnow {
    case .yes: "wizard.scope.infers-emotions.yes"
    case .no: "wizard.scope.infers-emotions.no"
    case .dontKnow: "wizard.scope.infers-emotions.dont-know"
    }
  }

  /// A new session as the wizard starts it: dated today, on the quick scan, which is the
  /// product's recommended first pass (full depth is one key, or one word, away).
  public static func newSession(_ pack: ContentPack, date: String) -> Session {
    var session = Session(content: ContentRef(pack), about: About(date: date))
    session.depth = .quick
    return session
  }
}

extension InfersEmotions {
  /// The next answer when the Scope step's key cycles it: not asked (don't know) → yes → no → don't know.
  public static func next(after value: InfersEmotions?) -> InfersEmotions {
    switch value ?? .dontKnow {
    case .dontKnow: .yes
    case .yes: .no
    case .no: .dontKnow
    }
  }
}
