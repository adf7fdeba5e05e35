import IglooContent
import IglooTestSupport
import Testing

/// Damaged content packs never crash or hang the loader: every one gives diagnostics in the
/// `file:line: message` form, or loads cleanly.
@Suite struct ContentFuzzTests {
  static let inputs = 10_000
  static let seed: UInt64 = 20_261_121

  @Test(.timeLimit(.minutes(5))) func tenThousandDamagedPacks() {
    print("content fuzz: \(Self.inputs) inputs, seed \(Self.seed)")
    var mutator = Mutator(seed: Self.seed)
    var reported = 0
    let pattern = #"^[^\n:]+:\d+: [^\n]+$"#
    for i in 0..<Self.inputs {
      let victim = MiniPack.files[i % MiniPack.files.count]
      // Most inputs are loaded alone, which exercises the parser and reader at a tenth of the
      // cost; every twentieth is loaded with the rest of the pack, so cross-file checks see damage too.
      let damaged = PackFile(path: victim.path, text: mutator.mutate(victim.text))
      let files = i % 20 == 0 ? MiniPack.replacing(victim.path, with: damaged.text) : [damaged]
      let diagnostics = PackLoader.load(files: files).diagnostics
      if diagnostics.contains(where: { $0.origin.file == victim.path }) { reported += 1 }
      for d in diagnostics where d.description.unicodeScalars.contains(where: SafeText.isControl) {
        Issue.record("input \(i): a raw control character in a diagnostic: \(d.description.debugDescription)")
      }
      for d in diagnostics where d.description.range(of: pattern, options: .regularExpression) == nil {
        Issue.record("input \(i): not a one-line file:line: message: \(d.description.debugDescription)")
      }
    }
    // Most damages break something; a run where nothing is reported would mean the loader sees nothing.
    #expect(reported > Self.inputs / 3)
  }
}
