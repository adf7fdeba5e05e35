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

  // MARK: - Every step and field of the flow has a rendering in both views

  /// A wizard on `step` over the committee's session with a plan and an approval.
  static func harness(on step: Step) -> Harness {
    var session = Fixture.committeeWithPlan()
    session.approval = Approval(by: [Participant(name: "Åse", role: "amr")], date: "2025-05-01")
    session.about.group = "Bord 3"
    // Call scoring in scope raises questions to management, so the Plan step's question editor opens.
    if session.scope?.contains(where: { $0.useCase == "call-scoring" }) != true {
      session.scope = (session.scope ?? []) + [ScopeItem(useCase: "call-scoring", stage: .inUse)]
    }
    let h = Harness(sessions: [session])
    h.press(.down, .enter)
    h.go(to: step)
    return h
  }

  /// Every step of the one flow is said by line mode's view and drawn by the curses view, and
  /// every field of every form is asked by both, each from the field's one definition (its label).
  @Test(arguments: Language.allCases)
  func everyStepAndEveryFieldHasARenderingInBothViews(_ language: Language) {
    let t = Localizer(pack: pack, language: language)
    var fields = Set<FlowField>()
    for flowStep in Flow.steps where flowStep.step != .start {
      let h = Self.harness(on: flowStep.step)
      if language == .en { h.press(.function(2)) }
      var view = PlainView(width: 200)
      let (lines, prompt) = view.say(h.state)
      let said = (lines + [prompt]).joined(separator: "\n")
      let title = t("plain.step", ["n": String(flowStep.step.number), "total": String(Flow.numberedSteps.count), "title": t(flowStep.step.titleKey)])
      #expect(said.contains(title), "line mode does not say \(flowStep.step)")
      #expect(h.screen(Size(width: 200, height: 60)).text.contains(t(flowStep.step.titleKey)), "the wizard does not draw \(flowStep.step)")
      for form in flowStep.forms {
        switch form {
        case .planEditor:
          let own = h.state.planEntries(h.state.assessment!).firstIndex { $0.isOwn }!
          h.runner.send(.firstItem)
          for _ in 0..<own { h.runner.send(.nextItem) }
          h.runner.send(.editAction)
        case .approval: h.runner.send(.approvePlan)
        case .questionEditor:
          // Closing the approval asks to confirm it (issue 25); yes, then the Plan step's `m`
          // list and its first question in the editor.
          if case .confirm? = h.state.overlay { h.runner.send(.confirm) }
          h.runner.send(.showManagementQuestions)
          h.runner.send(.editAction)
        default: break
        }
        let list = Flow.fields(form, in: h.state)
        for (i, field) in list.enumerated() {
          guard let kind = FlowField(field) else { continue }
          var v = PlainView(width: 200)
          let (lines, prompt) = v.say(h.state)
          let said = PlainView.forTheEar((lines + [prompt]).joined(separator: "\n"), language)
          let label = PlainView.forTheEar(t(field.labelKey), language).replacingOccurrences(of: "+ ", with: "")
          let numbered = ["participantName", "participantRole", "voiceName", "approverName", "approverRole"].contains(kind.rawValue)
          #expect(numbered || said.contains(label), "line mode does not ask \(field): \(label) in \(prompt)")
          let screen = h.screen(Size(width: 200, height: 60)).text
          // Rows that repeat (participants, voices, approvers) are drawn under one heading.
          #expect(numbered || screen.contains(String(t(field.labelKey).prefix(8))), "the wizard does not draw \(field)")
          fields.insert(kind)
          if i + 1 < list.count { h.runner.send(.nextField) }
        }
        if form == .planEditor || form == .approval { h.runner.send(.close) }
        if form == .questionEditor {
          h.runner.send(.close)
          h.runner.send(.close)
        }
      }
    }
    #expect(fields == Set(FlowField.allCases), "never asked: \(Set(FlowField.allCases).subtracting(fields))")
  }
}
