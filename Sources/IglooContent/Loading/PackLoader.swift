import Foundation
import Yams

/// A pack as loaded, with where each entity was written, for diagnostics that name a line.
public struct LoadedPack: Sendable {
  /// The pack.
  public var pack: ContentPack
  /// Where each entity was written, keyed `kind:id` (e.g. `finding:ml-ind-optimisation`).
  public var origins: [String: Origin]
  /// The files it was read from.
  public var files: [String]
  /// Entities that have an id but could not be read (`kind:id`). Their problem is already
  /// reported; references to them are not reported again as unknown.
  public var unreadable: Set<String> = []

  /// Creates a loaded pack; a pack that did not come from files (the compiled built-in one) has no origins.
  public init(pack: ContentPack, origins: [String: Origin] = [:], files: [String] = [], unreadable: Set<String> = []) {
    self.pack = pack
    self.origins = origins
    self.files = files
    self.unreadable = unreadable
  }

  /// The origin of `id` of `kind`, or the first line of `fallbackFile`.
  public func origin(_ kind: String, _ id: String, fallbackFile: String = "pack.yaml") -> Origin {
    origins["\(kind):\(id)"] ?? Origin(file: fallbackFile, line: 1)
  }
}

/// Reads a content pack from its YAML files.
///
/// Loading never stops at the first problem: it reads everything it can and returns every
/// diagnostic, so that `igloo content check` shows the whole list at once.
public enum PackLoader {
  /// Loads and validates the pack made of `files`.
  public static func load(files: [PackFile]) -> (loaded: LoadedPack, diagnostics: [Diagnostic]) {
    let sink = DiagnosticSink()
    var builder = PackBuilder(sink: sink)
    for file in files {
      builder.read(file)
    }
    let loaded = builder.finish()
    // With a required file missing, the cross-file checks would only list its knock-on effects
    // (every risk "not triggered by any action" without actions.yaml) and bury the one line
    // that matters: that the file is missing.
    let present = Set(files.map(\.path))
    let missingRequired = requiredFiles.contains { !present.contains($0) }
    let problems = sink.items + (missingRequired ? [] : PackValidator.validate(loaded))
    return (loaded, Array(Set(problems)).sorted())
  }

  /// The files every pack has.
  public static let requiredFiles = ["pack.yaml", "levels.yaml", "technologies.yaml", "actions.yaml"]

  /// Loads the pack in `directory`.
  public static func load(directory: URL) throws -> (loaded: LoadedPack, diagnostics: [Diagnostic]) {
    let (files, problems) = try PackFile.read(directory: directory)
    let (loaded, diagnostics) = load(files: files)
    return (loaded, (problems + diagnostics).sorted())
  }
}

extension PackBuilder {
  /// Reports every text in the file that holds a control character (ESC, NUL, DEL, C1, …), whether
  /// typed raw or written as a YAML escape such as `"\e"`: content reaches reports and terminals, and
  /// SafeText would only show it escaped. Tab and newline are allowed.
  static func reportControlCharacters(_ node: Node, file: String, sink: DiagnosticSink) {
    switch node {
    case .scalar(let scalar):
      if let found = SafeText.firstControl(in: scalar.string) {
        let line = (node.mark?.line ?? 1) + (scalar.style == .literal || scalar.style == .folded ? found.line : found.line - 1)
        sink.report(
          file, line,
          "the text holds the control character \(SafeText.escape(found.scalar.value)); content must not hold control characters")
      }
    case .mapping(let mapping):
      for (key, value) in mapping {
        reportControlCharacters(key, file: file, sink: sink)
        reportControlCharacters(value, file: file, sink: sink)
      }
    case .sequence(let sequence):
      for item in sequence { reportControlCharacters(item, file: file, sink: sink) }
    default:
      break
    }
  }
}

/// Bounds what YAML aliases may repeat, so that a few hundred bytes of nested aliases cannot make every
/// later walk over the file take minutes. Each alias costs one dictionary look-up: an anchored node's
/// size is counted once, at its definition, and every alias of it adds that size.
enum AliasExpansion {
  /// The most nodes that aliases may add to one file; a file without aliases is never refused.
  static let limit = 100_000

  /// The line of the first list or mapping whose aliases carry the file over `limit`, or nil when within it.
  ///
  /// Anchors are told apart by identity, not name, because a later `&name` may shadow an earlier one.
  /// The parser that made `root` must still be alive, since nodes hold their anchors weakly.
  static func firstExcess(in root: Node) -> Int? {
    var sizes: [ObjectIdentifier: Int] = [:]
    var added = 0
    var excess: Int?

    func anchor(of node: Node) -> Anchor? {
      switch node {
      case .scalar(let s): return s.anchor
      case .sequence(let s): return s.anchor
      case .mapping(let m): return m.anchor
      default: return nil
      }
    }

    /// The node's expanded size; an alias (an anchor already counted) is looked up, not walked.
    func size(_ node: Node, line: Int) -> Int {
      if excess != nil { return 0 }
      if let anchor = anchor(of: node), let known = sizes[ObjectIdentifier(anchor)] {
        added += known
        if added > limit { excess = line }
        return known
      }
      let here = node.mark?.line ?? line
      var total = 1
      switch node {
      case .sequence(let items):
        for item in items { total += size(item, line: here) }
      case .mapping(let pairs):
        for (key, value) in pairs { total += size(key, line: here) + size(value, line: here) }
      default:
        break
      }
      if let anchor = anchor(of: node) { sizes[ObjectIdentifier(anchor)] = total }
      return total
    }

    _ = size(root, line: 1)
    return excess
  }
}

/// Where a file sits in the pack decides what it holds.
private enum FileRole {
  case pack, levels, technologies, findings, questions, actions, useCases, benchmarks, context, trainingCase, strings
  case managementQuestions

  init?(path: String) {
    let name = (path as NSString).lastPathComponent
    let folder = (path as NSString).deletingLastPathComponent
    switch (folder, name) {
    case ("", "pack.yaml"): self = .pack
    case ("", "levels.yaml"): self = .levels
    case ("", "technologies.yaml"): self = .technologies
    case ("findings", _): self = .findings
    case ("questions", _): self = .questions
    case ("", "actions.yaml"): self = .actions
    case ("", "use-cases.yaml"): self = .useCases
    case ("", "benchmarks.yaml"): self = .benchmarks
    case ("", "context.yaml"): self = .context
    case ("", "management-questions.yaml"): self = .managementQuestions
    case ("cases", _): self = .trainingCase
    case ("strings", _): self = .strings
    default: return nil
    }
  }
}

/// Accumulates entities file by file.
private struct PackBuilder {
  let sink: DiagnosticSink
  var info: PackInfo?
  var levels: [Level] = []
  var technologies: [Technology] = []
  var findings: [Finding] = []
  var questions: [Question] = []
  var actions: [Action] = []
  var useCases: [UseCase] = []
  var benchmarks: [Benchmark] = []
  var context: [ContextItem] = []
  var managementQuestions: [ManagementQuestion] = []
  var cases: [TrainingCase] = []
  var strings: [String: LocalizedText] = [:]
  var origins: [String: Origin] = [:]
  var files: [String] = []
  var unreadable: Set<String> = []

  init(sink: DiagnosticSink) { self.sink = sink }

  mutating func read(_ file: PackFile) {
    files.append(file.path)
    guard let role = FileRole(path: file.path) else {
      sink.report(file.path, 1, "unknown file: a pack holds pack.yaml, levels.yaml, technologies.yaml, actions.yaml, use-cases.yaml, benchmarks.yaml, context.yaml, management-questions.yaml and the folders findings/, questions/, cases/, strings/")
      return
    }
    let root: Node
    do {
      // The parser owns the anchors (nodes hold them weakly), so it lives until the aliases are counted.
      let parser = try Parser(yaml: file.text)
      guard let node = try parser.singleRoot() else {
        sink.report(file.path, 1, "the file is empty")
        return
      }
      let tooManyAliases = withExtendedLifetime(parser) { AliasExpansion.firstExcess(in: node) }
      if let line = tooManyAliases {
        sink.report(
          file.path, line,
          "its aliases (`*name`) repeat more than \(AliasExpansion.limit) values; a pack must write its texts out, not nest aliases")
        return
      }
      root = node
    } catch let error as YamlError {
      let (line, message) = Self.describe(error)
      sink.report(file.path, line, "YAML syntax error: \(message)")
      return
    } catch {
      sink.report(file.path, 1, "YAML syntax error: \(error)")
      return
    }
    Self.reportControlCharacters(root, file: file.path, sink: sink)
    let top = YAMLNode(node: root, file: file.path, sink: sink)
    switch role {
    case .pack: info = readInfo(top)
    case .levels: levels += entries(top, "levels", kind: "level", readLevel)
    case .technologies: technologies += entries(top, "technologies", kind: "technology", readTechnology)
    case .findings: findings += entries(top, "findings", kind: "finding", readFinding)
    case .questions: questions += entries(top, "questions", kind: "question", readQuestion)
    case .actions: actions += entries(top, "actions", kind: "action", readAction)
    case .useCases: useCases += entries(top, "use_cases", kind: "use case", readUseCase)
    case .benchmarks: benchmarks += entries(top, "benchmarks", kind: "benchmark", readBenchmark)
    case .context: context += entries(top, "context", kind: "context item", readContext)
    case .managementQuestions:
      managementQuestions += entries(top, "management_questions", kind: "management question", readManagementQuestion)
    case .trainingCase:
      if let item = readCase(top) {
        record("case", item.id, top.origin)
        cases.append(item)
      }
    case .strings:
      top.allowKeys(["strings"], in: "a strings file")
      for (key, value, line) in top.required("strings", in: "a strings file")?.pairs("`strings`") ?? [] {
        if strings[key] != nil { sink.report(file.path, line, "duplicate string `\(key)`") }
        if let text = value.localized("string `\(key)`") { strings[key] = text }
        origins["string:\(key)"] = Origin(file: file.path, line: line)
      }
    }
  }

  func finish() -> LoadedPack {
    var missing: [String] = []
    if info == nil { missing.append("pack.yaml") }
    if levels.isEmpty { missing.append("levels.yaml") }
    if technologies.isEmpty { missing.append("technologies.yaml") }
    if !files.contains("actions.yaml") { missing.append("actions.yaml") }
    for file in missing { sink.report(file, 1, "missing file, or it holds nothing") }
    let pack = ContentPack(
      info: info ?? PackInfo(
        id: "", version: "", title: LocalizedText(da: "", en: ""), sources: [], scale: [],
        bands: Bands(
          risk: BandThresholds(moderate: 25, high: 50), opportunity: BandThresholds(moderate: 25, high: 50),
          screening: BandThresholds(moderate: 50, high: 75)),
        sectors: [], roles: []),
      levels: levels, technologies: technologies, findings: findings, questions: questions,
      actions: actions, useCases: useCases, benchmarks: benchmarks, context: context, cases: cases,
      strings: strings, managementQuestions: managementQuestions)
    return LoadedPack(pack: pack, origins: origins, files: files, unreadable: unreadable)
  }

  private mutating func record(_ kind: String, _ id: String, _ origin: Origin) {
    let key = "\(kind):\(id)"
    if let first = origins[key] {
      sink.report(origin.file, origin.line, "duplicate \(kind) id `\(id)` (first at \(first))")
    } else {
      origins[key] = origin
    }
  }

  private mutating func entries<T>(
    _ top: YAMLNode, _ key: String, kind: String, _ read: (YAMLNode) -> T?
  ) -> [T] where T: Identified {
    top.allowKeys([key], in: "this file")
    guard let list = top.required(key, in: "this file") else { return [] }
    var result: [T] = []
    for item in list.items("`\(key)`") {
      guard let value = read(item) else {
        if let id = item.optional("id")?.node.string { unreadable.insert("\(kind):\(id)") }
        continue
      }
      record(kind, value.id, item.origin)
      result.append(value)
    }
    return result
  }

  static func describe(_ error: YamlError) -> (Int, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return (mark.line, [context?.text, problem].compactMap { $0 }.joined(separator: ", "))
    case .reader(let problem, _, _, _):
      return (1, problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark.line, "duplicate keys \(duplicates.joined(separator: ", "))")
    default:
      return (1, "\(error)")
    }
  }

  // MARK: Entities

  /// Lower-case ASCII words joined by single `-`: `ml-ind-optimisation`.
  static func isWellFormedID(_ id: String) -> Bool {
    let words = id.split(separator: "-", omittingEmptySubsequences: false)
    return words.allSatisfy { word in
      !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
  }

  private func id(_ node: YAMLNode, _ what: String) -> String? {
    guard let id = node.string("id", in: what) else { return nil }
    if !Self.isWellFormedID(id) {
      node.report("\(what) id `\(id)` must be lower-case words joined by `-`")
    }
    return id
  }

  private func readInfo(_ n: YAMLNode) -> PackInfo? {
    let what = "pack.yaml"
    n.allowKeys(["id", "version", "title", "sources", "scale", "bands", "sectors", "roles"], in: what)
    let sources = n.list("sources", in: what).compactMap { s -> SourceDocument? in
      s.allowKeys(["id", "citation"], in: "a source")
      guard let id = id(s, "source"), let citation = s.text("citation", in: "source `\(id)`") else { return nil }
      return SourceDocument(id: id, citation: citation)
    }
    let scale = n.list("scale", in: what).compactMap { s -> ScalePoint? in
      s.allowKeys(["value", "label"], in: "a scale point")
      guard let value = s.int("value", in: "a scale point"), let label = s.text("label", in: "scale point \(value)") else { return nil }
      return ScalePoint(value: value, label: label)
    }
    func thresholds(_ key: String) -> BandThresholds? {
      guard let b = n.required("bands", in: what)?.required(key, in: "`bands`") else { return nil }
      guard let m = b.double("moderate", in: "`bands.\(key)`"), let h = b.double("high", in: "`bands.\(key)`") else { return nil }
      if !(0 < m && m < h && h <= 100) { b.report("`bands.\(key)` needs 0 < moderate < high ≤ 100") }
      return BandThresholds(moderate: m, high: h)
    }
    let sectors = n.list("sectors", in: what).compactMap { s -> Sector? in
      s.allowKeys(["id", "name", "public"], in: "a sector")
      guard let id = id(s, "sector"), let name = s.text("name", in: "sector `\(id)`") else { return nil }
      return Sector(id: id, name: name, public: s.bool("public", default: false, in: "sector `\(id)`"))
    }
    let roles = n.list("roles", in: what).compactMap { s -> PackRole? in
      s.allowKeys(["id", "name"], in: "a role")
      guard let id = id(s, "role"), let name = s.text("name", in: "role `\(id)`") else { return nil }
      return PackRole(id: id, name: name)
    }
    guard let id = id(n, "pack"), let version = n.string("version", in: what),
      let title = n.text("title", in: what), let risk = thresholds("risk"),
      let opportunity = thresholds("opportunity"), let screening = thresholds("screening")
    else { return nil }
    if scale.map(\.value) != [0, 25, 50, 75, 100] {
      (n.optional("scale") ?? n).report("`scale` must have five points valued 0, 25, 50, 75, 100, lowest first")
    }
    return PackInfo(
      id: id, version: version, title: title, sources: sources, scale: scale,
      bands: Bands(risk: risk, opportunity: opportunity, screening: screening), sectors: sectors, roles: roles)
  }

  private func readLevel(_ n: YAMLNode) -> Level? {
    n.allowKeys(["id", "letter", "shortcut", "name", "description", "source"], in: "a level")
    guard let id = id(n, "level") else { return nil }
    let what = "level `\(id)`"
    guard let letter = n.string("letter", in: what), let name = n.text("name", in: what),
      let description = n.text("description", in: what), let source = n.string("source", in: what)
    else { return nil }
    let shortcut = n.optional("shortcut").flatMap { _ in n.string("shortcut", in: what) } ?? letter
    return Level(id: id, letter: letter, shortcut: shortcut, name: name, description: description, source: source)
  }

  private func readTechnology(_ n: YAMLNode) -> Technology? {
    n.allowKeys(["id", "name", "description", "source", "comparison"], in: "a technology")
    guard let id = id(n, "technology") else { return nil }
    let what = "technology `\(id)`"
    var comparison: Comparison?
    if let c = n.optional("comparison") {
      let w = "the comparison of \(what)"
      c.allowKeys(["characteristics", "strengths", "weaknesses", "value_shifts", "source"], in: w)
      func rows(_ key: String) -> [LocalizedText] {
        let rows = c.list(key, in: w).compactMap { $0.localized("a row of `\(key)` in \(w)") }
        if rows.isEmpty { c.report("\(w) has no `\(key)`") }
        return rows
      }
      comparison = Comparison(
        characteristics: rows("characteristics"), strengths: rows("strengths"),
        weaknesses: rows("weaknesses"), valueShifts: rows("value_shifts"),
        source: c.optional("source")?.scalar("`source`"))
    }
    guard let name = n.text("name", in: what), let description = n.text("description", in: what),
      let source = n.string("source", in: what)
    else { return nil }
    return Technology(id: id, name: name, description: description, source: source, comparison: comparison)
  }

  private func readFinding(_ n: YAMLNode) -> Finding? {
    n.allowKeys(
      ["id", "level", "technology", "polarity", "title", "short_title", "summary", "examples", "source"], in: "a finding")
    guard let id = id(n, "finding") else { return nil }
    let what = "finding `\(id)`"
    let examples = n.list("examples", in: what).compactMap { $0.localized("an example of \(what)") }
    if n.optional("examples") == nil { n.report("\(what) is missing `examples` (write `examples: []` if the report gives none)") }
    guard let level = n.string("level", in: what), let technology = n.string("technology", in: what),
      let polarityText = n.string("polarity", in: what), let title = n.text("title", in: what),
      let summary = n.text("summary", in: what), let source = n.string("source", in: what)
    else { return nil }
    guard let polarity = Polarity(rawValue: polarityText) else {
      n.report("\(what) has polarity `\(polarityText)`; use risk, opportunity or both")
      return nil
    }
    return Finding(
      id: id, level: level, technology: technology, polarity: polarity, title: title,
      shortTitle: readShortTitle(n, what) ?? title, summary: summary, examples: examples,
      source: source)
  }

  /// The longest short title a finding may have, in characters; tables and plans name findings by it.
  static let shortTitleLimit = 60

  /// A finding's short title, reported where it is missing or longer than `shortTitleLimit`.
  ///
  /// A missing one is reported but does not make the finding unreadable: the loader falls back to the
  /// full title so that the rest of the pack is still checked.
  private func readShortTitle(_ n: YAMLNode, _ what: String) -> LocalizedText? {
    guard let node = n.optional("short_title") else {
      n.report("\(what) is missing `short_title` (at most \(Self.shortTitleLimit) characters, da and en)")
      return nil
    }
    guard let text = node.localized("`short_title` of \(what)") else { return nil }
    for language in Language.allCases where text[language].count > Self.shortTitleLimit {
      node.report(
        "`short_title` (\(language.rawValue)) of \(what) has \(text[language].count) characters; at most \(Self.shortTitleLimit)")
    }
    return text
  }

  private func readApplicability(_ n: YAMLNode, _ what: String) -> Applicability {
    guard let a = n.optional("applies") else { return .always }
    a.allowKeys(["technologies", "use_cases"], in: "`applies` of \(what)")
    return Applicability(
      technologies: a.strings("technologies", in: "`applies` of \(what)"),
      useCases: a.strings("use_cases", in: "`applies` of \(what)"))
  }

  private func readQuestion(_ n: YAMLNode) -> Question? {
    n.allowKeys(["id", "kind", "text", "reversed", "measures", "applies", "why", "retired"], in: "a question")
    guard let id = id(n, "question") else { return nil }
    let what = "question `\(id)`"
    var kind = QuestionKind.finding
    if let k = n.optional("kind")?.scalar("`kind`") {
      if let parsed = QuestionKind(rawValue: k) { kind = parsed } else { n.report("\(what) has kind `\(k)`; use finding or absence") }
    }
    let measures = n.list("measures", in: what).compactMap { m -> Measure? in
      m.allowKeys(["finding", "role"], in: "`measures` of \(what)")
      guard let finding = m.string("finding", in: "`measures` of \(what)"),
        let roleText = m.string("role", in: "`measures` of \(what)")
      else { return nil }
      guard let role = MeasureRole(rawValue: roleText) else {
        m.report("\(what) has role `\(roleText)`; use exposure, mitigation, potential, realisation or screening")
        return nil
      }
      return Measure(finding: finding, role: role)
    }
    guard let text = n.text("text", in: what) else { return nil }
    return Question(
      id: id, kind: kind, text: text, reversed: n.bool("reversed", default: false, in: what),
      measures: measures, applies: readApplicability(n, what), why: n.optionalText("why", in: what),
      retired: n.optional("retired")?.scalar("`retired` of \(what)"))
  }

  private func readAction(_ n: YAMLNode) -> Action? {
    n.allowKeys(["id", "title", "how", "level", "owner", "collective", "source", "triggers", "derived"], in: "an action")
    guard let id = id(n, "action") else { return nil }
    let what = "action `\(id)`"
    let triggers = n.list("triggers", in: what).compactMap { t -> Trigger? in
      t.allowKeys(["finding", "min", "question", "answers", "flag", "clarify"], in: "a trigger of \(what)")
      if let item = t.optional("clarify")?.scalar("`clarify`") {
        if t.optional("finding") != nil || t.optional("question") != nil || t.optional("flag") != nil {
          t.report("a trigger of \(what) names `clarify` and another kind; use one per trigger")
        }
        return .clarify(id: item)
      }
      if let flag = t.optional("flag")?.scalar("`flag`") {
        if t.optional("finding") != nil || t.optional("question") != nil {
          t.report("a trigger of \(what) names a `flag` and a `finding` or `question`; use one per trigger")
        }
        return .flag(id: flag)
      }
      if let finding = t.optional("finding")?.scalar("`finding`") {
        var min: Double?
        if t.optional("min") != nil { min = t.double("min", in: "a trigger of \(what)") }
        return .finding(id: finding, min: min)
      }
      if let question = t.optional("question")?.scalar("`question`") {
        let answers = t.strings("answers", in: "a trigger of \(what)").compactMap { a -> AnswerMatch? in
          if a == "dont-know" { return .dontKnow }
          if let v = Int(a) { return .value(v) }
          t.report("a trigger of \(what) has answer `\(a)`; use a scale value or dont-know")
          return nil
        }
        if answers.isEmpty { t.report("a question trigger of \(what) lists no `answers`") }
        return .answer(question: question, answers: answers)
      }
      t.report("a trigger of \(what) names neither a `finding`, a `question` nor a `flag`")
      return nil
    }
    guard let title = n.text("title", in: what), let how = n.text("how", in: what),
      let level = n.string("level", in: what), let owner = n.string("owner", in: what),
      let source = n.string("source", in: what)
    else { return nil }
    return Action(
      id: id, title: title, how: how, level: level, owner: owner,
      collective: n.bool("collective", default: true, in: what), source: source, triggers: triggers,
      derived: n.bool("derived", default: false, in: what))
  }

  private func readUseCase(_ n: YAMLNode) -> UseCase? {
    n.allowKeys(["id", "name", "description", "technologies", "flags", "benchmark", "source"], in: "a use case")
    guard let id = id(n, "use case") else { return nil }
    let what = "use case `\(id)`"
    guard let name = n.text("name", in: what), let description = n.text("description", in: what),
      let source = n.string("source", in: what)
    else { return nil }
    return UseCase(
      id: id, name: name, description: description,
      technologies: n.strings("technologies", in: what), flags: n.strings("flags", in: what),
      benchmark: n.optional("benchmark")?.scalar("`benchmark`"), source: source)
  }

  private func readBenchmark(_ n: YAMLNode) -> Benchmark? {
    n.allowKeys(["id", "label", "value", "base", "source"], in: "a benchmark")
    guard let id = id(n, "benchmark") else { return nil }
    let what = "benchmark `\(id)`"
    guard let label = n.text("label", in: what), let value = n.double("value", in: what),
      let base = n.text("base", in: what), let source = n.string("source", in: what)
    else { return nil }
    if !(0...100).contains(value) { n.report("\(what) has value \(value); a percentage is 0–100") }
    return Benchmark(id: id, label: label, value: value, base: base, source: source)
  }

  /// The context kinds that state a rule (law, the APV rules, an agreement), each of which must
  /// carry `as_of` (every context item must carry a source).
  static let ruleKinds: Set<String> = ["legal", "apv", "agreement"]

  /// True for a calendar day written `YYYY-MM-DD`.
  static func isDay(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
  }

  private func readContext(_ n: YAMLNode) -> ContextItem? {
    n.allowKeys(["id", "kind", "title", "text", "caveat", "source", "applies", "severity", "as_of", "applies_from", "clarify"], in: "a context item")
    guard let id = id(n, "context item") else { return nil }
    let what = "context item `\(id)`"
    var applies = ContextApplicability(flags: [], publicSector: nil)
    if let a = n.optional("applies") {
      a.allowKeys(["flags", "public_sector", "when_infers_emotions"], in: "`applies` of \(what)")
      applies.flags = a.strings("flags", in: "`applies` of \(what)")
      if a.optional("when_infers_emotions") != nil {
        applies.whenInfersEmotions = a.strings("when_infers_emotions", in: "`applies` of \(what)")
      }
      if a.optional("public_sector") != nil {
        applies.publicSector = a.bool("public_sector", default: true, in: "`applies` of \(what)")
      }
    }
    guard let kind = n.string("kind", in: what), let title = n.text("title", in: what),
      let text = n.text("text", in: what), let source = n.string("source", in: what)
    else { return nil }
    var severity = FlagSeverity.information
    if let text = n.optional("severity")?.scalar("`severity`") {
      if let parsed = FlagSeverity(rawValue: text), parsed != .clarify {
        severity = parsed
      } else {
        n.report("\(what) has severity `\(text)`; use prohibited, obligation or information")
      }
    }
    let asOf = n.optional("as_of")?.scalar("`as_of`")
    // A rule quoted to management or Arbejdstilsynet must say when it was checked and against what.
    // (A missing or empty `source` is already refused above, for every kind.)
    if Self.ruleKinds.contains(kind), asOf == nil {
      n.report("\(what) is a \(kind) item without `as_of`; give the date its text was checked, YYYY-MM-DD")
    }
    if let asOf, !Self.isDay(asOf) { n.report("\(what) has `as_of` \"\(asOf)\"; use YYYY-MM-DD") }
    let appliesFrom = n.optional("applies_from")?.scalar("`applies_from`")
    if let appliesFrom, !Self.isDay(appliesFrom) {
      n.report("\(what) has `applies_from` \"\(appliesFrom)\"; use YYYY-MM-DD")
    }
    return ContextItem(
      id: id, kind: kind, title: title, text: text, caveat: n.optionalText("caveat", in: what),
      source: source, applies: applies, severity: severity, asOf: asOf, clarify: n.optionalText("clarify", in: what),
      appliesFrom: appliesFrom)
  }

  private func readManagementQuestion(_ n: YAMLNode) -> ManagementQuestion? {
    n.allowKeys(["id", "text", "ask", "findings", "statements", "flags", "basis", "source"], in: "a management question")
    guard let id = id(n, "management question") else { return nil }
    let what = "management question `\(id)`"
    guard let text = n.text("text", in: what), let askText = n.string("ask", in: what),
      let source = n.string("source", in: what)
    else { return nil }
    guard let ask = Addressee(rawValue: askText) else {
      n.report("\(what) asks `\(askText)`; use \(Addressee.allCases.map(\.rawValue).joined(separator: ", "))")
      return nil
    }
    let findings = n.strings("findings", in: what)
    let statements = n.strings("statements", in: what)
    let flags = n.strings("flags", in: what)
    if [findings, statements, flags].filter({ !$0.isEmpty }).count != 1 {
      n.report("\(what) must be raised by exactly one of `findings` or `statements` (a \"ved ikke\" answer) and `flags` (the scope)")
    }
    return ManagementQuestion(
      id: id, text: text, ask: ask, findings: findings, statements: statements, flags: flags,
      basis: n.strings("basis", in: what), source: source)
  }

  private func readCase(_ n: YAMLNode) -> TrainingCase? {
    n.allowKeys(
      ["id", "title", "story", "about", "scope", "invented", "builds_on", "findings", "questions", "facilitator_note"],
      in: "a training case")
    guard let id = id(n, "training case") else { return nil }
    let what = "training case `\(id)`"
    let scope = n.list("scope", in: what).compactMap { s -> CaseScopeItem? in
      s.allowKeys(["use_case", "stage"], in: "the scope of \(what)")
      guard let useCase = s.string("use_case", in: "the scope of \(what)"),
        let stage = s.string("stage", in: "the scope of \(what)")
      else { return nil }
      return CaseScopeItem(useCase: useCase, stage: stage)
    }
    guard let title = n.text("title", in: what), let story = n.text("story", in: what),
      let about = n.required("about", in: what)
    else { return nil }
    about.allowKeys(["workplace", "sector", "employees"], in: "`about` of \(what)")
    guard let workplace = about.string("workplace", in: "`about` of \(what)"),
      let sector = about.string("sector", in: "`about` of \(what)"),
      let employees = about.int("employees", in: "`about` of \(what)")
    else { return nil }
    let invented = n.bool("invented", default: false, in: what)
    if !invented { n.report("\(what) must say `invented: true`: every training case is a made-up workplace") }
    let buildsOn = n.strings("builds_on", in: what)
    if buildsOn.isEmpty { n.report("\(what) must name the report's sections it builds on (`builds_on`)") }
    let questions = n.list("questions", in: what).enumerated().compactMap { i, q in
      q.localized("question \(i + 1) of \(what)")
    }
    if questions.isEmpty { n.report("\(what) has no questions for discussion (`questions`)") }
    let note = n.text("facilitator_note", in: what) ?? LocalizedText(da: "", en: "")
    return TrainingCase(
      id: id, title: title, story: story, workplace: workplace, sector: sector,
      employees: employees, scope: scope, invented: invented, buildsOn: buildsOn,
      findings: n.strings("findings", in: what), questions: questions, facilitatorNote: note)
  }
}

/// Entities with an id, so that the builder can record duplicates and origins.
protocol Identified { var id: String { get } }
extension Level: Identified {}
extension Technology: Identified {}
extension Finding: Identified {}
extension Question: Identified {}
extension Action: Identified {}
extension UseCase: Identified {}
extension Benchmark: Identified {}
extension ContextItem: Identified {}
extension ManagementQuestion: Identified {}
