import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// The runner over a fake terminal, resizes and tiny sizes.
@Suite struct RobustnessTests {
  /// One state per screen and overlay, to render at every size.
  static func states() -> [WizardState] {
    var out: [WizardState] = []
    let h = Harness(sessions: [Fixture.committeeWithPlan()])
    out.append(h.state)
    h.press(.down, .enter)
    for step in Step.allCases.dropFirst() {
      h.go(to: step)
      out.append(h.state)
    }
    h.go(to: .plan)
    h.press(.enter)
    out.append(h.state)
    h.press(.escape, .function(1))
    out.append(h.state)
    h.press(.escape, .function(3))
    out.append(h.state)
    h.press(.escape)
    h.go(to: .questions)
    h.press(.character("g"))
    out.append(h.state)
    h.press(.escape, .tab)
    h.type("en note")
    out.append(h.state)
    return out
  }

  @Test func everyScreenRendersAtEverySizeWithoutLeavingTheGrid() {
    for state in Self.states() {
      for width in [0, 1, 2, 5, 19, 20, 40, 59, 60, 61, 79, 80, 81, 100, 119, 120, 200] {
        for height in [0, 1, 2, 3, 9, 10, 19, 20, 23, 24, 25, 40, 60] {
          let grid = WizardRenderer.render(state, size: Size(width: width, height: height))
          #expect(grid.rows.count == height)
          #expect(grid.rows.allSatisfy { $0.count == width })
          if let c = grid.cursor {
            #expect(c.row >= 0 && c.row < height && c.column >= 0 && c.column < width)
          }
        }
      }
    }
  }

  @Test func belowTheMinimumOnlyTheLargerWindowScreenShows() {
    let h = Harness(size: Size(width: 40, height: 10))
    let text = h.text
    #expect(text.contains("Gør vinduet større"))
    #expect(text.contains("60×20"))
    // Keys that would act on the invisible screen are ignored; quitting still works, by Ctrl-Q as
    // the screen says (a plain `q` may be a letter typed into a field: issue 25, item 17).
    h.press(.enter)
    #expect(h.state.session == nil)
    h.press(.function(2))
    #expect(h.state.language == .en)
    h.press(.character("q"))
    #expect(!h.runner.isFinished)
    h.press(.control("q"))
    #expect(h.runner.isFinished)
  }

  @Test func aResizeBurstAndTinySizesNeverCrashTheRunner() throws {
    let terminal = FakeTerminal(size: Size(width: 80, height: 24))
    let env = MemoryEnvironment(pack: pack, sessions: [Fixture.committee()])
    let runner = WizardRunner(pack: pack, environment: env, language: .da)
    terminal.type([.down, .enter, .character("3")])
    // A burst of resizes, down to nothing and back, between answers.
    var sizes: [Size] = []
    for i in 0..<100 { sizes.append(Size(width: (i * 37) % 130, height: (i * 17) % 45)) }
    sizes += [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 80, height: 24)]
    final class ResizingTerminal: Terminal {
      let base: FakeTerminal
      var sizes: [Size]
      var size: Size
      init(_ base: FakeTerminal, _ sizes: [Size]) {
        self.base = base
        self.sizes = sizes
        size = base.size
      }
      func draw(_ grid: Grid) {
        #expect(grid.size == size)
        base.draw(grid)
      }
      func readKey() -> Key? {
        if let next = sizes.first {
          sizes.removeFirst()
          size = next
          return .resize
        }
        return base.readKey()
      }
    }
    let resizing = ResizingTerminal(terminal, sizes)
    terminal.type([.character("4"), .control("q")])
    runner.run(on: resizing)
    #expect(runner.isFinished)
    #expect(terminal.frames.count >= 100)
    // The two answers typed around the burst are saved, on the statement the session opened at
    // and the next one, in the selected voice; nothing else changed.
    let before = Fixture.committee()
    let after = try #require(runner.state.session)
    guard case .voice(let voice) = runner.state.voice else {
      Issue.record("no voice selected: \(runner.state.voice)")
      return
    }
    let findings = before.applicableQuestions(pack).filter { $0.kind == .finding }.map(\.id)
    #expect(after.answer(findings[0], voice: voice)?.value == .point(3))
    #expect(after.answer(findings[1], voice: voice)?.value == .point(4))
    var changed = after
    changed.setAnswer(try #require(before.answer(findings[0], voice: voice)), question: findings[0], voice: voice)
    changed.setAnswer(try #require(before.answer(findings[1], voice: voice)), question: findings[1], voice: voice)
    #expect(changed.answers == before.answers)
    #expect(terminal.screen?.size == Size(width: 80, height: 24))
  }

  @Test func runningOnAFakeTerminalDrawsEachKeyAndStopsWhenInputEnds() {
    let terminal = FakeTerminal(size: Size(width: 80, height: 24), keys: [.enter])
    terminal.type("Åbyhøj Kantine")
    let env = MemoryEnvironment(pack: pack)
    let runner = WizardRunner(pack: pack, environment: env, language: .da)
    runner.run(on: terminal)
    // One frame at start and one per key.
    #expect(terminal.frames.count == 1 + 1 + "Åbyhøj Kantine".count)
    #expect(terminal.screen!.text.contains("Åbyhøj Kantine"))
    // The end of input saves what was being typed and lets go of the session.
    #expect(env.sessions.values.first?.about.workplace == "Åbyhøj Kantine")
    #expect(env.openHandles.isEmpty)
  }

  @Test func aResumedSessionThroughTheSessionInitialiserOpensAtItsCursor() {
    let s = Fixture.committee()
    let env = MemoryEnvironment(pack: pack)
    let runner = WizardRunner(pack: pack, session: s, handle: nil, environment: env, language: .en)
    #expect(runner.state.step == .questions)
    runner.send(.character("2"), size: Size(width: 80, height: 24))
    // With no handle yet, the first save creates one.
    #expect(runner.state.handle != nil)
    #expect(env.saveCount + env.sessions.count >= 1)
  }
}
