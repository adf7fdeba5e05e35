import Foundation
import IglooContent
import Testing

/// Issue 25, item 13: nested YAML aliases in a content pack are refused with `file:line`, quickly.
@Suite struct AliasBoundTests {
  /// Eight levels of `&aN [*aM, ×9]`: a few hundred bytes that expand to 9⁹ values.
  static let nested: String = {
    var lines = ["context:", "  - &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in 1...8 {
      let items = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      lines.append("  - &a\(level) [\(items)]")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test(.timeLimit(.minutes(1))) func nestedAliasesAreRefusedWithTheirLine() {
    let started = ContinuousClock.now
    let out = PackLoader.load(files: [PackFile(path: "context.yaml", text: Self.nested)]).diagnostics
      .filter { $0.origin.file == "context.yaml" }.map(\.description)
    let took = ContinuousClock.now - started
    // The aliases of a1…a4 add 74,718 values; a5's first `*a4` carries the file over 100,000: a5's line.
    #expect(out == [
      "context.yaml:7: its aliases (`*name`) repeat more than 100000 values; a pack must write its texts out, not nest aliases"
    ])
    #expect(took < .seconds(2), "took \(took)")
  }

  @Test func aFewAliasesAreStillRead() {
    let text = "context:\n  - &a0 [x, y]\n  - [*a0, *a0]\n"
    let out = PackLoader.load(files: [PackFile(path: "context.yaml", text: text)]).diagnostics
      .filter { $0.origin.file == "context.yaml" }.map(\.description)
    #expect(!out.contains { $0.contains("aliases") })
  }
}
