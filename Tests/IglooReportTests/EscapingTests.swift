import Foundation
import IglooContent
import Testing

@testable import IglooReport

/// Plain text never turns into Markdown structure, and numbers follow fixed rules.
@Suite struct EscapingTests {
  @Test func inlineTextIsEscaped() {
    #expect(Markdown.inline("a | b") == "a \\| b")
    #expect(Markdown.inline("line one\nline two\r\n  three") == "line one line two three")
    #expect(Markdown.inline("  padded  ") == "padded")
    #expect(Markdown.inline("*bold* _it_ `code` [link](x) <b> & @cite $x$ ^s^ ~s~ #h") ==
      "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\& \\@cite \\$x\\$ \\^s\\^ \\~s\\~ \\#h")
    #expect(Markdown.inline("back\\slash") == "back\\\\slash")
  }

  /// A combining mark after a special character joins it into one Character; the character is
  /// escaped all the same, since Markdown parsers read the bar, star or bracket itself.
  @Test func aCombiningMarkDoesNotHideASpecialCharacter() {
    #expect(Markdown.inline("a |\u{301} b") == "a \\|\u{301} b")
    #expect(Markdown.inline("*\u{301}x*\u{301}") == "\\*\u{301}x\\*\u{301}")
    #expect(Markdown.inline("-\u{301} item") == "\\-\u{301} item")
    #expect(Markdown.inline("<\u{20DD}b>") == "\\<\u{20DD}b\\>")
  }

  @Test func textNeverStartsABlock() {
    #expect(Markdown.inline("- item") == "\\- item")
    #expect(Markdown.inline("+ item") == "\\+ item")
    #expect(Markdown.inline("1. item") == "1\\. item")
    #expect(Markdown.inline("12) item") == "12\\) item")
    #expect(Markdown.inline("2025-06-30") == "2025-06-30")
    #expect(Markdown.inline("> quote") == "\\> quote")
  }

  @Test func tablesAndCodeBlocksAreWellFormed() {
    var doc = ReportDocument()
    doc.table(["a", "b"], [["x|y", "z\nw"], ["only one"]], align: [.right])
    #expect(MarkdownRenderer.render(doc) == "| a | b |\n|---:|---|\n| x\\|y | z w |\n| only one |  |\n")
    #expect(MarkdownRenderer.code("text", "```inner```") == "````text\n```inner```\n````")
  }

  @Test func numbersFollowFixedRules() {
    #expect(Numbers.whole(56.25) == "56")
    #expect(Numbers.whole(49.9) == "49", "rounded down so the figure stays in its band")
    #expect(Numbers.whole(49.999999999999) == "50", "a binary fraction standing for 50 is 50")
    #expect(Numbers.whole(0) == "0")
    #expect(Numbers.exact(62.5, .da) == "62,5")
    #expect(Numbers.exact(62.5, .en) == "62.5")
    #expect(Numbers.exact(58.333333, .da) == "58,33")
    #expect(Numbers.exact(31.25, .en) == "31.25")
    #expect(Numbers.exact(51.5625, .da) == "51,56")
    #expect(Numbers.exact(0.5, .da) == "0,5")
    #expect(Numbers.exact(75, .da) == "75")
  }

  @Test func placeholdersAreFilledOnceAndInOrder() {
    #expect(Wording.fill("{a} and {b}", ["a": "{b}", "b": "B"]) == "{b} and B")
    #expect(Wording.fill("{unknown} {a", ["a": "x"]) == "{unknown} {a")
    #expect(Wording.fill("»{text}«", ["text": "æøå"]) == "»æøå«")
  }

  @Test func theAMOModelFollowsTheSize() {
    #expect(AMOModel(employees: nil) == .unknown)
    #expect(AMOModel(employees: 9) == .none)
    #expect(AMOModel(employees: 10) == .oneLevel)
    #expect(AMOModel(employees: 34) == .oneLevel)
    #expect(AMOModel(employees: 35) == .twoLevels)
  }
}
