import IglooContent
import IglooEngine

/// A text that a screen cuts off for room, in full: a title and its paragraphs. Every screen
/// that shortens text says here what it shortened, so one overlay (and one key) shows all of it.
struct FullText: Sendable, Hashable {
  /// One paragraph, wrapped on its own, with its style and an indent for its following lines.
  struct Paragraph: Sendable, Hashable {
    var text: String
    var style: CellStyle = .normal
    var indent = ""
  }

  /// The overlay's title.
  var title: String
  /// The paragraphs, in order; an empty text is a blank line.
  var paragraphs: [Paragraph]
}

extension WizardState {
  /// The full text behind what is cut off on the screen now, or nil where nothing is.
  func fullText() -> FullText? {
    let t = localizer
    switch step {
    case .start:
      guard startEntries.indices.contains(startSelection), case .trainingCase(let id) = startEntries[startSelection],
        let c = pack.trainingCase(id)
      else { return nil }
      return FullText(title: t(c.title), paragraphs: CaseOverlay.paragraphs(self, id: id))
    case .about:
      return aboutFullText()
    case .scope:
      return scopeFullText()
    case .questions, .absence:
      return currentQuestion.map(questionFullText)
    case .review:
      return reviewFullText()
    case .profile:
      return profileFullText()
    case .plan:
      guard let assessment else { return nil }
      let entries = planEntries(assessment)
      guard !entries.isEmpty else { return nil }
      let entry = entries[min(planSelection, entries.count - 1)]
      return FullText(title: planTitle(entry), paragraphs: PlanScreen.detailParagraphs(self, entry))
    case .followUp, .export:
      return nil
    }
  }

  /// About: the screen's hint, then every participant and voice with the role written out.
  private func aboutFullText() -> FullText? {
    guard let session else { return nil }
    let t = localizer
    var out: [FullText.Paragraph] = []
    if Flow.fields(.about, in: self).indices.contains(aboutFocus) {
      let hint = AboutScreen.hintKey(Flow.fields(.about, in: self)[aboutFocus])
      if !hint.isEmpty { out += [.init(text: t(hint), style: .dim), .init(text: "")] }
    }
    out.append(.init(text: t("wizard.about.participants"), style: .title))
    for (i, p) in session.about.participants.enumerated() {
      let role = pack.role(p.role).map { t($0.name) } ?? p.role
      let name = p.name.isEmpty ? t("wizard.about.name-optional") : p.name
      out.append(.init(text: name + " – " + role, indent: "\(i + 1). "))
    }
    out.append(.init(text: ""))
    out.append(.init(text: t("wizard.about.voices"), style: .title))
    for i in session.voices.indices { out.append(.init(text: displayName(ofVoice: i), indent: "\(i + 1). ")) }
    return FullText(title: t(Step.about.titleKey), paragraphs: out)
  }

  /// Scope: the intro, then the selected use case's description, technologies, benchmark and source.
  private func scopeFullText() -> FullText? {
    let t = localizer
    var out: [FullText.Paragraph] = [.init(text: t("wizard.scope.intro"), style: .dim), .init(text: "")]
    var title = t(Step.scope.titleKey)
    if pack.useCases.indices.contains(scopeSelection) {
      let u = pack.useCases[scopeSelection]
      title = t(u.name)
      out.append(.init(text: t(u.name), style: .title))
      out.append(.init(text: t(u.description)))
      let technologies = u.technologies.compactMap { pack.technology($0).map { t($0.name) } }.joined(separator: ", ")
      out.append(.init(text: t("wizard.scope.technologies", ["list": technologies]), style: .dim))
      if let about = session?.about, SurveyComparison.applies(to: about), let b = u.benchmark.flatMap(pack.benchmark) {
        out.append(
          .init(text: t("wizard.scope.benchmark", ["value": t.percent(b.value), "label": t(b.label), "base": t(b.base)]), style: .opportunity))
      }
      if let item = session?.scope?.first(where: { $0.useCase == u.id }), !item.note.isEmpty {
        out.append(.init(text: t("wizard.scope.note") + " " + item.note))
      }
      out.append(.init(text: t("wizard.source", ["source": t.pack.source(u.source, t.language)]), style: .dim))
    }
    return FullText(title: title, paragraphs: out)
  }

  /// A statement: its text, what it concerns, every voice's answer, and "why we ask" in full.
  func questionFullText(_ question: Question) -> FullText {
    let t = localizer
    var out: [FullText.Paragraph] = [.init(text: t(question.text), style: .title)]
    let names = concernedUseCases(question)
    if !names.isEmpty {
      let key = names.count > 1 ? "wizard.questions.concerns.several" : "wizard.questions.concerns.one"
      out.append(.init(text: t(key, ["list": names.joined(separator: ", ")]), style: .dim))
    }
    if let session, session.voices.count > 1 {
      let parts = session.voices.enumerated().map { i, v in displayName(ofVoice: i) + " " + QuestionScreen.short(session.answer(question.id, voice: v.id), t) }
        + [t("wizard.voice.agreed") + " " + QuestionScreen.short(session.agreed[question.id], t)]
      out.append(.init(text: parts.joined(separator: " · "), style: .dim))
    }
    out.append(.init(text: ""))
    out.append(.init(text: t("wizard.questions.why"), style: .title))
    let finding = pack.leadFinding(of: question)
    if let finding {
      out.append(.init(text: t(finding.title), style: finding.polarity == .opportunity ? .opportunity : .risk))
    }
    if let why = question.why.map({ t($0) }) ?? finding.map({ t($0.summary) }) { out.append(.init(text: why)) }
    if let finding {
      out.append(.init(text: t("wizard.source", ["source": t.pack.source(finding.source, t.language)]), style: .dim))
      if !finding.examples.isEmpty {
        out.append(.init(text: ""))
        out.append(.init(text: t("wizard.questions.examples"), style: .title))
        for example in finding.examples { out.append(.init(text: t(example), style: .dim, indent: "– ")) }
      }
    }
    return FullText(title: t(step.titleKey), paragraphs: out)
  }

  /// Review: the selected entry's statement in full, with where it sits and every voice's answer.
  private func reviewFullText() -> FullText? {
    guard let assessment else { return nil }
    let entries = reviewEntries(assessment)
    guard entries.indices.contains(reviewSelection), let q = pack.question(entries[reviewSelection].question) else { return nil }
    var text = questionFullText(q)
    let t = localizer
    let place = q.isAbsence ? t("wizard.step.absence.short") : (pack.level(of: q).map(levelName) ?? "")
    text.title = t("wizard.review.\(entries[reviewSelection].kind.rawValue)", ["n": ""]).trimmingCharacters(in: .whitespaces)
    text.paragraphs.insert(.init(text: place, style: .dim), at: 0)
    return text
  }

  /// Profile: every finding of the ranking, with its full title, level and figure.
  private func profileFullText() -> FullText? {
    guard let assessment else { return nil }
    let t = localizer
    let rows = ProfileScreen.findingRows(self, assessment, room: assessment.findings.count)
    guard !rows.isEmpty else { return nil }
    let out = rows.enumerated().map { i, row in
      FullText.Paragraph(text: row.title + " – " + row.tag, style: row.style, indent: "\(i + 1). ")
    }
    return FullText(title: t("wizard.profile.top-findings"), paragraphs: out)
  }
}

/// The full text of what the screen cuts off, scrolled with the arrows and PgUp/PgDn.
enum FullTextOverlay {
  /// The width the text is wrapped to in a viewport of `size`: the box's inside, less a column
  /// for the scroll marks.
  static func textWidth(_ size: Size) -> Int { max(10, min(100, size.width) - 6) }

  /// The rows the text takes in a viewport of `size`.
  static func pageHeight(_ size: Size) -> Int { max(1, size.height - 3 - 2 - 1) }

  /// The text wrapped to `width`, a line per row, with styles.
  static func lines(_ text: FullText, width: Int) -> [(String, CellStyle)] {
    var out: [(String, CellStyle)] = []
    for p in text.paragraphs {
      guard !p.text.isEmpty else {
        out.append(("", .normal))
        continue
      }
      let indent = Text.width(p.indent)
      for (i, line) in Text.wrap(p.text, width: max(1, width - indent)).enumerated() {
        out.append(((i == 0 ? p.indent : String(repeating: " ", count: indent)) + line, p.style))
      }
    }
    return out
  }

  /// The last scroll position that still fills the page.
  static func maxScroll(_ state: WizardState) -> Int {
    guard let text = state.fullText() else { return 0 }
    return max(0, lines(text, width: textWidth(state.viewport)).count - pageHeight(state.viewport))
  }

  static func render(_ state: WizardState, scroll: Int, in area: Rect, into grid: inout Grid) {
    let t = state.localizer
    grid.clear(area)
    let box = overlayBox(width: 100, height: area.height, in: area)
    let text = state.fullText() ?? FullText(title: "", paragraphs: [])
    grid.box(box, title: Text.truncate(text.title, to: max(1, box.width - 6), ellipsis: true))
    let inner = box.inset(dx: 2, dy: 1)
    let textArea = inner.top(max(1, inner.height - 1))
    let more = drawScrolled(lines(text, width: max(10, inner.width - 2)), scroll: scroll, textArea: textArea, inner: inner, into: &grid)
    grid.put(
      Text.truncate(t(more ? "wizard.full-text.keys.more" : "wizard.full-text.keys"), to: inner.width, ellipsis: true),
      in: inner, row: inner.height - 1, style: .dim)
  }
}
