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
    let pattern = #"^[^\n:]+:\d+: [^\n]+$"#
    // What an undamaged file already gets, loaded the same way: a file loaded alone misses the
    // rest of the pack, so it has diagnostics of its own (unknown levels, findings, ...). Damage
    // is reported only when the diagnostics about the file differ from these.
    func about(_ path: String, _ files: [PackFile]) -> [String] {
      PackLoader.load(files: files).diagnostics.filter { $0.origin.file == path }.map(\.description)
    }
    var undamagedAlone: [String: [String]] = [:]
    var undamagedInPack: [String: [String]] = [:]
    var undamagedReported = 0
    for file in MiniPack.files {
      undamagedAlone[file.path] = about(file.path, [file])
      undamagedInPack[file.path] = about(file.path, MiniPack.files)
      #expect(undamagedInPack[file.path] == [], "the undamaged pack is clean: \(undamagedInPack[file.path] ?? [])")
    }
    var reported = 0
    for i in 0..<Self.inputs {
      let victim = MiniPack.files[i % MiniPack.files.count]
      // Most inputs are loaded alone, which exercises the parser and reader at a tenth of the
      // cost; every twentieth is loaded with the rest of the pack, so cross-file checks see damage too.
      let damaged = PackFile(path: victim.path, text: mutator.mutate(victim.text))
      let inPack = i % 20 == 0
      let files = inPack ? MiniPack.replacing(victim.path, with: damaged.text) : [damaged]
      let diagnostics = PackLoader.load(files: files).diagnostics
      let mine = diagnostics.filter { $0.origin.file == victim.path }.map(\.description)
      let baseline = (inPack ? undamagedInPack : undamagedAlone)[victim.path] ?? []
      if !baseline.isEmpty { undamagedReported += 1 }
      if mine != baseline { reported += 1 }
      for d in diagnostics where d.description.unicodeScalars.contains(where: SafeText.isControl) {
        Issue.record("input \(i): a raw control character in a diagnostic: \(d.description.debugDescription)")
      }
      for d in diagnostics where d.description.range(of: pattern, options: .regularExpression) == nil {
        Issue.record("input \(i): not a one-line file:line: message: \(d.description.debugDescription)")
      }
    }
    print("content fuzz: \(reported) inputs reported as damaged; \(undamagedReported) would have diagnostics undamaged")
    // Most damages break something; a run where little is reported beyond what an undamaged file
    // already gets would mean the loader sees nothing. (A mutator that changes nothing reports 0.)
    #expect(reported > Self.inputs / 3)
  }
}
