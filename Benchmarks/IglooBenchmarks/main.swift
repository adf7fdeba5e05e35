// Measures the work igloo repeats most: loading the content pack, computing an assessment (the
// wizard does it for the profile and the plan) and rendering the reports. It prints timings and the
// peak memory; it asserts nothing, because shared machines are too noisy for timed tests.
//
//   swift run -c release igloo-benchmarks [iterations]
import Foundation
import IglooBuiltinContent
import IglooContent
import IglooEngine
import IglooReport
import IglooWizard

#if canImport(Glibc)
  import Glibc
#endif

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 200 : 200

/// Runs `body` `count` times and prints the median and the fastest time per run.
func measure(_ name: String, count: Int = iterations, _ body: () -> Void) {
  var times: [Double] = []
  for _ in 0..<count {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  times.sort()
  let median = times[times.count / 2]
  let label = name.padding(toLength: 38, withPad: " ", startingAt: 0)
  print(label + String(format: " median %8.3f ms   fastest %8.3f ms   (%d runs)", median, times[0], count))
}

let pack = PackLoader.builtin()
measure("decode compiled built-in pack", count: max(5, iterations / 10)) { _ = BuiltinPack.decode() }
measure("load Content/ (YAML → model)", count: 5) {
  _ = try! PackLoader.load(directory: URL(fileURLWithPath: #filePath + "/../../../Content").standardizedFileURL)
}

// A full session: every use case in scope, three voices, every question answered.
var session = Session(content: ContentRef(pack))
session.scope = pack.useCases.map { ScopeItem(useCase: $0.id, stage: .inUse) }
session.voices = ["management", "employees", "union"].map { Voice(id: $0, name: $0) }
for (v, voice) in session.voices.enumerated() {
  for (i, q) in pack.questions.enumerated() {
    session.setAnswer(Answer(.point((i + v) % 5 + 1), note: "note \(i)"), question: q.id, voice: voice.id)
  }
}
measure("assessment (all questions, 3 voices)") { _ = Assessment(session: session, pack: pack) }
let assessment = Assessment(session: session, pack: pack)
measure("Markdown report") { _ = MarkdownReport.render(assessment, language: .da) }
measure("JSON report") { _ = JSONReport.render(assessment, language: .en) }
measure("CSV report") { _ = CSVReport.render(assessment, language: .da) }
measure("session encode + decode") { _ = try! Session.decode(session.encoded()) }

// Keystrokes: the wizard's state update and the whole screen grid it draws, per key, in CPU time
// of this thread. Cursor moves up and down a list, as a user scrolls it.
func threadCPU() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}
// With `previousRound`, the session names an earlier round (every question answered), which the
// follow-up screen reads when it opens and compares with on every frame.
func keystrokes(_ screen: String, cursor: String, size: Size, count: Int = 2000, previousRound: Bool = false) {
  var resumed = Session(content: ContentRef(pack), about: About(workplace: "Bench", date: "2025-05-01"))
  resumed.scope = [ScopeItem(useCase: pack.useCases[0].id, stage: .inUse)]
  resumed.cursor = cursor
  var sessions = [resumed]
  if previousRound {
    var earlier = resumed
    earlier.about.date = "2024-05-01"
    for (i, q) in earlier.applicableQuestions(pack).enumerated() {
      earlier.setAnswer(Answer(.point(i % 5 + 1)), question: q.id, voice: Voice.single.id)
    }
    resumed.followUp.previousRound = "memory/1.json"
    sessions = [earlier, resumed]
  }
  let runner = WizardRunner(pack: pack, environment: MemoryEnvironment(pack: pack, sessions: sessions), language: .da)
  runner.send(.down, size: size)
  runner.send(.enter, size: size)
  _ = runner.render(size: size)
  // The label says which screen was measured: the one the resume actually opened, and whether the
  // previous round was read and compared.
  var opened = runner.state.step.rawValue
  if previousRound { opened += runner.state.roundComparison == nil ? " (no previous round!)" : "+previous" }
  let screen = previousRound ? screen + "+previous" : screen
  var times: [Double] = []
  for i in 0..<count {
    let start = threadCPU()
    runner.send(i % 16 < 8 ? .down : .up, size: size)
    _ = runner.render(size: size)
    times.append(threadCPU() - start)
  }
  times.sort()
  let label = "key on \(opened == screen ? screen : "\(screen)→\(opened)") \(size)".padding(toLength: 38, withPad: " ", startingAt: 0)
  print(label + String(format: " p50 %8.3f ms   p99 %8.3f ms   (%d keys)", times[count / 2], times[count * 99 / 100], count))
}
// Every screen a resumed session can open (issue 17 asks for all of them), each at both sizes.
for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
  for step in Step.allCases where step != .start {
    keystrokes(step.rawValue, cursor: step.rawValue, size: size, count: 1000)
  }
  keystrokes(Step.followUp.rawValue, cursor: Step.followUp.rawValue, size: size, count: 1000, previousRound: true)
}

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak memory (max RSS): \(usage.ru_maxrss / 1024) MiB")
