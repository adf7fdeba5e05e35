import Foundation
import IglooContent

/// Content packs for tests.
public enum TestPacks {
  /// The real pack, read from Content/ (identical to the built-in one; a test checks that).
  public static let real: ContentPack = {
    let (loaded, diagnostics) = try! PackLoader.load(directory: Repository.root.appendingPathComponent("Content"))
    precondition(diagnostics.isEmpty, "Content/ has problems: \(diagnostics.map(\.description))")
    return loaded.pack
  }()

  /// The real pack with the AI Act's ban on emotion recognition at work marked prohibited, as the
  /// content is meant to mark it, so tests of the ban do not wait for Content/context.yaml.
  public static let realWithBan: ContentPack = {
    var pack = real
    for i in pack.context.indices where pack.context[i].id == "ai-act-art-5-1-f" { pack.context[i].severity = .prohibited }
    return pack
  }()

  /// MiniPack plus a prohibited practice: use case `mood` (flag `emotion-recognition`) sets off
  /// the context item `ban` (severity prohibited), whose action `act-stop` has a `flag` trigger;
  /// `art-4` is an obligation.
  public static let prohibited: ContentPack = {
    var files = MiniPack.files.filter { !["context.yaml", "use-cases.yaml", "actions.yaml"].contains($0.path) }
    let actions = MiniPack.files.first { $0.path == "actions.yaml" }!.text + """
        - id: act-stop
          title: {da: Stop, en: Stop}
          how: {da: h, en: h}
          level: organisation
          owner: manager
          collective: true
          derived: true
          source: Forordning (EU) 2024/1689, art. 5, stk. 1, litra f
          triggers:
            - {flag: ban}

      """
    files.append(PackFile(path: "actions.yaml", text: actions))
    files.append(PackFile(path: "use-cases.yaml", text: MiniPack.files.first { $0.path == "use-cases.yaml" }!.text + """
        - id: mood
          name: {da: Stemningsmåling, en: Mood tracking}
          description: {da: d, en: d}
          technologies: [ml]
          flags: [emotion-recognition]
          source: Kapitel 1

      """))
    files.append(PackFile(path: "context.yaml", text: """
      context:
        - id: annex-iii
          kind: legal
          as_of: "2026-12-07"
          title: {da: Højrisiko, en: High risk}
          text: {da: t, en: t}
          source: Forordning (EU) 2024/1689, bilag III, punkt 4
          applies: {flags: [performance-scoring]}
        - id: art-4
          kind: legal
          as_of: "2026-12-07"
          severity: obligation
          title: {da: KI-kompetencer, en: AI literacy}
          text: {da: t, en: t}
          source: Forordning (EU) 2024/1689, art. 4
        - id: ban
          kind: legal
          as_of: "2026-12-07"
          severity: prohibited
          title: {da: Forbud mod følelsesgenkendelse, en: Ban on emotion recognition}
          text: {da: t, en: t}
          source: Forordning (EU) 2024/1689, art. 5, stk. 1, litra f
          applies: {flags: [emotion-recognition]}

      """))
    let (loaded, diagnostics) = PackLoader.load(files: files)
    precondition(diagnostics.isEmpty, "the prohibited test pack has problems: \(diagnostics)")
    return loaded.pack
  }()
}
