import IglooContent
import IglooEngine

extension Wording {
  /// Why an action was suggested, in words a committee can check against the findings and answers.
  func reason(_ reason: Recommendation.Reason) -> String {
    switch reason {
    case .finding(let id, let score, let band, let opportunity):
      return self(
        opportunity ? "reason.opportunity" : "reason.risk",
        [
          "score": Numbers.whole(score), "band": self.band(band), "finding": shortFinding(id),
          "source": source(pack.finding(id)?.source ?? ""),
        ])
    case .screening(let id, let score, let band, let opportunity):
      return self(
        opportunity ? "reason.screening-opportunity" : "reason.screening",
        [
          "score": Numbers.whole(score), "band": self.band(band), "finding": finding(id),
          "source": pack.finding(id)?.source ?? "",
        ])
    case .answer(let question, let answer):
      return self("reason.answer", ["answer": self.answer(answer), "statement": self.question(question)])
    case .flag(let id, let severity):
      let item = pack.context.first { $0.id == id }
      let title = item.map { (severity == .clarify ? $0.clarify ?? $0.title : $0.title)[language] } ?? id
      return self("reason.flag.\(severity.rawValue)", ["title": title, "source": source(item?.source ?? "")])
    }
  }
}
