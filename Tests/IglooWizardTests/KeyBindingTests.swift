import Foundation
import IglooContent
import Testing

@testable import IglooWizard

/// The key tables are the one source of truth: the footer and the help screen come from them.
@Suite struct KeyBindingTests {
  @Test(arguments: BindingContext.allCases)
  func aContextBindsEachKeyOnce(_ context: BindingContext) {
    let keys = KeyBindings.table(context).map(\.key)
    #expect(Set(keys).count == keys.count, "\(context) binds a key twice")
  }

  @Test(arguments: BindingContext.allCases)
  func theFooterNamesOnlyActionsTheContextBinds(_ context: BindingContext) {
    let bound = Set(KeyBindings.table(context).map(\.value.nameKey))
    for action in KeyBindings.footer(context) { #expect(bound.contains(action.nameKey), "\(context): \(action)") }
  }

  @Test func everyFooterKeyDoesWhatTheFooterSays() {
    for state in RobustnessTests.states() {
      let stack = state.contexts
      for (keys, label) in Footer.items(state, stack: stack) {
        for key in keys {
          #expect(KeyBindings.action(for: key, in: stack)?.nameKey == label, "\(key) in \(stack)")
        }
      }
    }
  }

  @Test func typingNeverTriggersACommand() {
    // While a text field has focus, no printable character is bound: each one is typed.
    for stack: [BindingContext] in [[.textField, .form, .global], [.noteEditing, .textField, .global]] {
      for c in "abcdefghijklmnopqrstuvwxyzæøå ?+-1234567890ÆØÅ" where c != " " {
        #expect(KeyBindings.action(for: .character(c), in: stack) == nil, "\(c) in \(stack)")
      }
    }
  }

  @Test func theHelpScreenListsTheKeysOfTheScreenUnderIt() {
    let h = Harness(sessions: [Fixture.committee()])
    h.press(.down, .enter)
    #expect(h.state.step == .questions)
    h.press(.function(1))
    let text = HelpOverlay.lines(h.state).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
    #expect(text.contains("1–5"))
    for (key, action) in KeyBindings.table(.questions) {
      if case .answer = action { continue }  // the scale's keys show as one range
      let label = KeyLabel.label(key, h.state.localizer)
      #expect(text.contains(label), "\(key) missing from help")
      #expect(text.contains(h.state.localizer(action.nameKey)))
    }
    #expect(text.contains("F1"))
    // Closing it returns to the same place.
    h.press(.escape)
    #expect(h.state.overlay == nil)
    #expect(h.state.step == .questions)
  }

  @Test func helpOpensWithQuestionMarkOnlyWhereNothingIsTyped() {
    let h = Harness()
    h.press(.character("?"))
    #expect(h.state.overlay == .help(scroll: 0))
    h.press(.character("?"), .enter)
    h.type("?")
    #expect(h.state.overlay == nil)
    #expect(h.state.editor?.buffer.text == "?")
    h.press(.function(1))
    #expect(h.state.overlay == .help(scroll: 0))
  }

  @Test func keyLabelsReadWell() {
    let t = Localizer(pack: pack, language: .da)
    #expect(KeyLabel.join(["1", "2", "3", "4", "5"].map { Key.character(Character($0)) }, t) == "1–5")
    #expect(KeyLabel.join([.character(" ")], t) == "Mellemrum")
    #expect(KeyLabel.join([.function(2), .control("l")], t) == "F2/Ctrl-L")
  }
}
