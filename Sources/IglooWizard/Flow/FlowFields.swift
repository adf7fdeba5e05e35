import IglooContent
import IglooEngine
import IglooReport

// The fields of the flow: what each form asks, in which order, of which kind, with which choices.
// The curses forms (Screens/*), the state machine's focus and editing (State/*) and line mode
// (Plain/*) all read them from here, so a field added to a form is added to both front-ends.

/// A field of one of the wizard's forms, or a note edited in place.
public enum FieldID: Sendable, Hashable {
  /// About: the workplace.
  case workplace
  /// About: the unit or department.
  case unit
  /// About: the sector (a choice).
  case sector
  /// About: the number of employees (digits only).
  case employees
  /// About: the date of the assessment.
  case date
  /// About: a participant's name.
  case participantName(Int)
  /// About: a participant's role (a choice).
  case participantRole(Int)
  /// About: the button that adds a participant.
  case addParticipant
  /// About: a voice's name.
  case voiceName(Int)
  /// About: the button that adds a voice.
  case addVoice
  /// Action plan: what.
  case planTitle
  /// Action plan: the IGLOO level (own actions).
  case planLevel
  /// Action plan: who is responsible.
  case planResponsible
  /// Action plan: the deadline.
  case planDeadline
  /// Action plan: how.
  case planHow
  /// Action plan: when the effect is followed up.
  case planFollowUp
  /// Action plan: how the effect is evaluated.
  case planEvaluation
  /// Action plan: the status (a choice).
  case planStatus
  /// Plan approval: the name of the approver with this index.
  case approverName(Int)
  /// Plan approval: the approver's role (a choice).
  case approverRole(Int)
  /// Plan approval: the button that adds an approver.
  case addApprover
  /// Plan approval: the date of approval.
  case approvalDate
  /// Follow-up: the next review.
  case nextReview
  /// Follow-up: the previous round's file.
  case previousRound
  /// Export: the format (a choice).
  case exportFormat
  /// Export: which part of the report (a choice): all, the summary, the questions, the agenda.
  case exportPart
  /// Export: the path.
  case exportPath
  /// Export: the button.
  case exportButton
  /// Questions: the note to the question with this id.
  case note(String)
  /// Scope: what the workplace calls the use case with this id.
  case scopeNote(String)
  /// About (and a training case being opened): the workshop group's name.
  case group
  /// A question to management: when it is to be answered.
  case questionDue
  /// A question to management: who asked it.
  case questionAskedBy
  /// A question to management: open, answered or withdrawn (a choice).
  case questionStatus
  /// A question to management: the gist of the answer.
  case questionGist
  /// A question to management: when it was answered.
  case questionAnswerDate

  /// How the field is edited.
  public var kind: FieldKind {
    switch self {
    case .sector, .participantRole, .planLevel, .planStatus, .exportFormat, .approverRole, .questionStatus, .exportPart: .choice
    case .addParticipant, .addVoice, .exportButton, .addApprover: .button
    case .employees: .number
    default: .text
    }
  }

  /// Whether the field holds a date, read with ``CalendarDate/init(typed:)`` and stored as ISO.
  public var isDate: Bool {
    switch self {
    case .date, .planDeadline, .planFollowUp, .nextReview, .approvalDate, .questionDue, .questionAnswerDate: true
    default: false
    }
  }

  /// The interface string of its label.
  public var labelKey: String {
    switch self {
    case .group: "wizard.about.group"
    case .workplace: "wizard.about.workplace"
    case .unit: "wizard.about.unit"
    case .sector: "wizard.about.sector"
    case .employees: "wizard.about.employees"
    case .date: "wizard.about.date"
    case .participantName: "wizard.about.participant"
    case .participantRole: "wizard.about.role"
    case .addParticipant: "wizard.about.add-participant"
    case .voiceName: "wizard.about.voice"
    case .addVoice: "wizard.about.add-voice"
    case .planTitle: "wizard.plan.field.title"
    case .planLevel: "wizard.plan.field.level"
    case .planResponsible: "wizard.plan.field.responsible"
    case .planDeadline: "wizard.plan.field.deadline"
    case .planHow: "wizard.plan.field.how"
    case .planFollowUp: "wizard.plan.field.follow-up"
    case .planEvaluation: "wizard.plan.field.evaluation"
    case .planStatus: "wizard.plan.field.status"
    case .approverName: "wizard.approval.name"
    case .approverRole: "wizard.about.role"
    case .addApprover: "wizard.approval.add"
    case .approvalDate: "wizard.approval.date"
    case .nextReview: "wizard.follow-up.next-review"
    case .previousRound: "wizard.follow-up.previous-round"
    case .exportFormat: "wizard.export.format"
    case .exportPath: "wizard.export.path"
    case .exportButton: "wizard.export.button"
    case .note: "wizard.questions.note"
    case .scopeNote: "wizard.scope.note"
    case .questionDue: "wizard.mq.field.due"
    case .questionAskedBy: "wizard.mq.field.asked-by"
    case .questionStatus: "wizard.mq.field.status"
    case .questionGist: "wizard.mq.field.gist"
    case .questionAnswerDate: "wizard.mq.field.answer-date"
    case .exportPart: "wizard.export.part"
    }
  }
}

/// How a field takes input.
public enum FieldKind: Sendable, Hashable {
  /// Free text, any Unicode.
  case text
  /// Digits only.
  case number
  /// One of a fixed list, cycled with the arrow keys.
  case choice
  /// Pressed with Enter.
  case button
}


/// The forms of the flow: a step with fields has one (the plan has two, the action editor and the
/// approval), and both front-ends ask the fields ``Flow/fields(_:in:)`` lists for it.
public enum FlowForm: String, Sendable, CaseIterable {
  /// About: the workplace, the date, the participants and the voices.
  case about
  /// The action editor for one line of the plan.
  case planEditor
  /// The plan's approval: who approved it, and when.
  case approval
  /// Follow-up: the next review and the previous round.
  case followUp
  /// Export: the format, the path and the button.
  case export
  /// One question to management: due date, who asked, status, the answer's gist and date.
  case questionEditor

  /// The kinds of field the form has, in order (its rows with the index left out).
  public var kinds: [FlowField] {
    switch self {
    case .about:
      [.group, .workplace, .unit, .sector, .employees, .date, .participantName, .participantRole, .addParticipant, .voiceName, .addVoice]
    case .planEditor: [.planTitle, .planLevel, .planResponsible, .planDeadline, .planHow, .planFollowUp, .planEvaluation, .planStatus]
    case .approval: [.approverName, .approverRole, .addApprover, .approvalDate]
    case .followUp: [.nextReview, .previousRound]
    case .export: [.exportFormat, .exportPath, .exportPart, .exportButton]
    case .questionEditor: [.questionDue, .questionAskedBy, .questionStatus, .questionGist, .questionAnswerDate]
    }
  }
}

extension Flow {
  /// The fields of `form` as they stand in `state`, in the order both front-ends ask them:
  /// participants, voices and approvers add rows, and own actions also choose their level.
  public static func fields(_ form: FlowForm, in state: WizardState) -> [FieldID] {
    let session = state.session
    switch form {
    case .about:
      var out: [FieldID] = [.workplace, .unit, .sector, .employees, .date]
      // A workshop group's session names its group first; an ordinary assessment has no such field.
      if let about = session?.about, !about.group.isEmpty || !about.trainingCase.isEmpty { out.insert(.group, at: 0) }
      for i in (session?.about.participants ?? []).indices { out += [.participantName(i), .participantRole(i)] }
      out.append(.addParticipant)
      for i in (session?.voices ?? []).indices { out.append(.voiceName(i)) }
      out.append(.addVoice)
      return out
    case .planEditor:
      let own = state.planEditorItem.map { session?.plan.indices.contains($0) == true && session?.plan[$0].action == nil } ?? false
      return own
        ? [.planTitle, .planLevel, .planResponsible, .planDeadline, .planHow, .planFollowUp, .planEvaluation, .planStatus]
        : [.planTitle, .planResponsible, .planDeadline, .planHow, .planFollowUp, .planEvaluation, .planStatus]
    case .approval:
      var out: [FieldID] = []
      for i in (session?.approval?.by ?? []).indices { out += [.approverName(i), .approverRole(i)] }
      return out + [.addApprover, .approvalDate]
    case .followUp:
      return [.nextReview, .previousRound]
    case .export:
      return [.exportFormat, .exportPath, .exportPart, .exportButton]
    case .questionEditor:
      return [.questionDue, .questionAskedBy, .questionStatus, .questionGist, .questionAnswerDate]
    }
  }

  /// The options of a choice field, as stored values.
  public static func choices(_ field: FieldID, in pack: ContentPack) -> [String] {
    switch field {
    case .sector: [""] + pack.info.sectors.map(\.id)
    case .participantRole, .approverRole: pack.info.roles.map(\.id)
    case .planLevel: pack.levels.map(\.id)
    case .planStatus: PlanStatus.allCases.map(\.rawValue)
    case .exportFormat: ExportFormat.offered.map(\.rawValue)
    case .exportPart: ReportPart.allCases.map(\.rawValue)
    case .questionStatus: QuestionStatus.allCases.map(\.rawValue)
    default: []
    }
  }


  /// The hint line mode says before asking `field`, when the field needs one said aloud; the
  /// curses form shows its hints beside the field, some of which name keys line mode has not.
  public static func plainHint(_ field: FieldID) -> String? {
    switch field {
    case .workplace: "wizard.about.hint.workplace"
    case .employees: "wizard.about.hint.employees"
    default: nil
    }
  }
}
