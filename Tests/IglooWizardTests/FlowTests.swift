import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// The one flow definition (issue 15, point 1): every step and every kind of form field has a
/// line-mode rendering, and both front-ends validate what is typed the same way.
@Suite struct FlowTests {
  @Test func everyStepOfTheWizardIsInTheFlowWithAPlainRendering() {
    #expect(Flow.steps.map(\.step) == Step.allCases, "the flow lists every step, in order")
    for step in Step.allCases {
      #expect(PlainRendering.allCases.contains(Flow.step(step).plain))
    }
  }

  /// Every field a curses form shows belongs to the flow's step, so line mode knows it.
  @Test func everyFieldOfEveryFormIsInTheFlow() {
    var session = Fixture.committeeWithPlan()
    session.approval = Approval(by: [Participant(name: "Åse", role: "amr")], date: "2025-05-01")
    session.about.group = "Bord 3"
    var state = WizardState(pack: pack, language: .da, today: "2025-05-01")
    state.session = session
    var shown: [Step: [FieldID]] = [.about: Flow.fields(.about, in: state), .followUp: Flow.fields(.followUp, in: state), .export: Flow.fields(.export, in: state)]
    for i in session.plan.indices {
      state.planEditorItem = i
      shown[.plan, default: []] += Flow.fields(.planEditor, in: state)
    }
    state.planEditorItem = nil
    shown[.plan, default: []] += Flow.fields(.approval, in: state)
    shown[.plan, default: []] += Flow.fields(.questionEditor, in: state)
    var covered = Set<FlowField>()
    for (step, fields) in shown {
      for field in fields {
        let kind = FlowField(field)
        #expect(kind != nil, "\(field) has no flow field")
        if let kind {
          #expect(Flow.step(step).fields.contains(kind), "\(field) on \(step) is not in the flow")
          covered.insert(kind)
        }
      }
    }
    #expect(covered == Set(FlowField.allCases), "every flow field is on some form: missing \(Set(FlowField.allCases).subtracting(covered))")
  }

  /// Line mode asks each form step's fields, in the flow's order, with the flow's labels: a run
  /// of every form shows every label.
  @Test(arguments: Language.allCases)
  func plainAsksTheFlowsFieldsWithTheirLabels(_ language: Language) {
    let script = PlainWizardTests.Script(PlainWizardTests.goldenScript(language))
    script.run(language: language)
    let t = Localizer(pack: pack, language: language)
    let asked: [FlowField] = [
      .workplace, .unit, .sector, .employees, .date, .participantRole, .planTitle, .planLevel, .planResponsible,
      .planDeadline, .planHow, .planFollowUp, .planEvaluation, .planStatus, .nextReview, .previousRound, .exportFormat,
    ]
    for field in asked {
      let label = t(Self.labelKey(field))
      #expect(script.transcript.contains(label), "\(field): \(label)")
    }
  }

  static func labelKey(_ field: FlowField) -> String {
    let sample: [FlowField: FieldID] = [
      .workplace: .workplace, .unit: .unit, .sector: .sector, .employees: .employees, .date: .date,
      .participantRole: .participantRole(0), .planTitle: .planTitle, .planLevel: .planLevel, .planResponsible: .planResponsible,
      .planDeadline: .planDeadline, .planHow: .planHow, .planFollowUp: .planFollowUp, .planEvaluation: .planEvaluation,
      .planStatus: .planStatus, .nextReview: .nextReview, .previousRound: .previousRound, .exportFormat: .exportFormat,
    ]
    return sample[field]!.labelKey
  }

  @Test func bothFrontEndsShareTheValidation() {
    let t = Localizer(pack: pack, language: .da)
    #expect(Flow.validate("31-12-2027", for: .planDeadline, t).stored == "2027-12-31")
    #expect(Flow.validate("næste uge", for: .planDeadline, t).error?.key == "wizard.message.bad-date")
    #expect(Flow.validate("tolv", for: .employees, t).error?.key == "wizard.message.digits-only")
    #expect(Flow.validate("", for: .nextReview, t).stored == "")
    // The curses form refuses the same date with the same message.
    let h = Harness(sessions: [Fixture.committee()])
    h.press(.down, .enter)
    h.go(to: .followUp)
    h.type("næste uge")
    h.press(.tab)
    #expect(h.state.message?.key == "wizard.message.bad-date")
  }

  // MARK: - Every step and field of the flow has a rendering in line mode

  /// The runs that together pass every step and field of the flow: the full assessment, the
  /// quick scan, and a workshop group's saved session picked from the list, whose About (with
  /// the group's name) is opened with `b`.
  static func coveringRuns() -> (steps: Set<Step>, fields: Set<FlowField>) {
    var steps = Set<Step>()
    var fields = Set<FlowField>()
    for language in Language.allCases {
      for lines in [PlainWizardTests.goldenScript(language), PlainFlowTests.quickScanScript(language)] {
        let (_, wizard) = PlainWizardTests.Script(lines).run(language: language)
        steps.formUnion(wizard.shownSteps)
        fields.formUnion(wizard.renderedFields)
      }
    }
    var group = PlainWizardTests.answeredSession()
    group.about.group = "Bord 3"
    let (_, wizard) = PlainWizardTests.Script(["1", "b", "", "q"], sessions: [group]).run()
    steps.formUnion(wizard.shownSteps)
    fields.formUnion(wizard.renderedFields)
    // The questions to management (`m`, then `m 1` and its fields) on the plan, and the letter
    // written after the report (the part asked after an export).
    let questions = [
      "1", "", "m", "m 1", "01-07-2025", "Åse", "2", "Leverandøren svarer nej", "20-06-2025", "", "", "", "", "", "3", "",
    ]
    let (_, asking) = PlainWizardTests.Script(questions, sessions: [PlainWizardTests.answeredSession()]).run()
    fields.formUnion(asking.renderedFields)
    return (steps, fields)
  }

  @Test func everyStepAndEveryFieldOfTheFlowIsRenderedInLineMode() {
    let (steps, fields) = Self.coveringRuns()
    for step in Flow.steps {
      #expect(steps.contains(step.step), "\(step.step) (\(step.plain)) is never shown in line mode")
      for field in step.fields {
        #expect(fields.contains(field), "\(field) of \(step.step) is never asked in line mode")
      }
    }
    #expect(Set(Flow.steps.flatMap(\.fields)) == Set(FlowField.allCases), "every field kind belongs to a step")
  }
}
