import IglooContent

/// A small, valid content pack written out as files, for tests that need exact numbers or that
/// break one thing at a time.
public enum MiniPack {
  /// The files of the pack.
  public static let files: [PackFile] = [
    PackFile(path: "pack.yaml", text: """
      id: mini
      version: 1.0.0
      title: {da: Mini, en: Mini}
      sources:
        - id: bfa-2024
          citation: {da: Rapporten, en: The report}
      scale:
        - {value: 0, label: {da: Helt uenig, en: Strongly disagree}}
        - {value: 25, label: {da: Delvis uenig, en: Partly disagree}}
        - {value: 50, label: {da: Hverken enig eller uenig, en: Neither}}
        - {value: 75, label: {da: Delvis enig, en: Partly agree}}
        - {value: 100, label: {da: Helt enig, en: Strongly agree}}
      bands:
        risk: {moderate: 25, high: 50}
        opportunity: {moderate: 25, high: 50}
        screening: {moderate: 50, high: 75}
      sectors:
        - {id: private, name: {da: Privat, en: Private}, public: false}
        - {id: municipality, name: {da: Kommune, en: Municipality}, public: true}
      roles:
        - {id: manager, name: {da: Leder, en: Manager}}
        - {id: amr, name: {da: AMR, en: Safety rep}}

      """),
    PackFile(path: "levels.yaml", text: """
      levels:
      \(["individual", "group", "leadership", "organisation", "context"].map { """
        - id: \($0)
          letter: X
          name: {da: \($0), en: \($0)}
          description: {da: d, en: d}
          source: Kapitel 2
      """ }.joined(separator: "\n"))

      """),
    PackFile(path: "technologies.yaml", text: """
      technologies:
        - id: ml
          name: {da: Maskinlæring, en: Machine learning}
          description: {da: d, en: d}
          source: Kapitel 1 › Maskinlæring
        - id: genai
          name: {da: Generativ KI, en: Generative AI}
          description: {da: d, en: d}
          source: Kapitel 1

      """),
    PackFile(path: "findings/ml.yaml", text: """
      findings:
        - id: risk-a
          level: individual
          technology: ml
          polarity: risk
          title: {da: Risiko A, en: Risk A}
          summary: {da: s, en: s}
          examples: []
          source: Kapitel 2 › Maskinlæring › Individ
          short_title: {da: Kort A, en: Short A}
        - id: chance-b
          level: group
          technology: genai
          polarity: opportunity
          title: {da: Mulighed B, en: Opportunity B}
          summary: {da: s, en: s}
          examples: []
          source: Kapitel 2 › Generativ KI › Gruppe
          short_title: {da: Kort B, en: Short B}

      """),
    PackFile(path: "questions/ml.yaml", text: """
      questions:
        - id: q-risk-a-exposure
          text: {da: E1, en: E1}
          measures: [{finding: risk-a, role: exposure}]
          applies: {technologies: [ml]}
        - id: q-risk-a-exposure-2
          text: {da: E2, en: E2}
          reversed: true
          measures: [{finding: risk-a, role: exposure}]
          applies: {technologies: [ml]}
        - id: q-risk-a-mitigation
          text: {da: M1, en: M1}
          measures: [{finding: risk-a, role: mitigation}]
          applies: {technologies: [ml]}
        - id: q-chance-b-potential
          text: {da: P1, en: P1}
          measures: [{finding: chance-b, role: potential}]
          applies: {technologies: [genai]}
        - id: q-chance-b-realisation
          text: {da: R1, en: R1}
          measures: [{finding: chance-b, role: realisation}]
          applies: {technologies: [genai]}
        - id: q-risk-a-screening
          text: {da: S1, en: S1}
          measures: [{finding: risk-a, role: screening}]
          applies: {technologies: [ml]}
        - id: q-chance-b-screening
          text: {da: S2, en: S2}
          measures: [{finding: chance-b, role: screening}]
          applies: {technologies: [genai]}

      """),
    PackFile(path: "actions.yaml", text: """
      actions:
        - id: act-involve
          title: {da: Inddrag, en: Involve}
          how: {da: h, en: h}
          level: organisation
          owner: manager
          collective: true
          source: Kapitel 2 › Maskinlæring › Omkringliggende kontekst
          triggers:
            - {finding: risk-a}
        - id: act-train-one
          title: {da: Træn, en: Train}
          how: {da: h, en: h}
          level: individual
          owner: manager
          collective: false
          source: Kapitel 2 › Generativ KI › Gruppe
          triggers:
            - {finding: risk-a, min: 10}
        - id: act-ask
          title: {da: Spørg, en: Ask}
          how: {da: h, en: h}
          level: individual
          owner: amr
          collective: false
          source: Kapitel 2 › Maskinlæring › Individ
          triggers:
            - {question: q-risk-a-mitigation, answers: [0, dont-know]}

      """),
    PackFile(path: "use-cases.yaml", text: """
      use_cases:
        - id: scoring
          name: {da: Scoring, en: Scoring}
          description: {da: d, en: d}
          technologies: [ml]
          flags: [performance-scoring]
          benchmark: fig3
          source: Kapitel 2 › Maskinlæring › Gruppe
        - id: chat
          name: {da: Chat, en: Chat}
          description: {da: d, en: d}
          technologies: [genai]
          source: Kapitel 1

      """),
    PackFile(path: "benchmarks.yaml", text: """
      benchmarks:
        - id: fig3
          label: {da: Dataanalyse, en: Data analysis}
          value: 40
          base: {da: b, en: b}
          source: Dansk Metal (2025), figur 3

      """),
    PackFile(path: "context.yaml", text: """
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
          title: {da: KI-kompetencer, en: AI literacy}
          text: {da: t, en: t}
          source: Forordning (EU) 2024/1689, art. 4
        - id: public-only
          kind: principle
          title: {da: Værdiskabelse, en: Value creation}
          text: {da: t, en: t}
          source: Målbilledet
          applies: {public_sector: true}

      """),
    PackFile(path: "strings/report.yaml", text: """
      strings:
        hello: {da: Hej, en: Hello}

      """),
  ]

  /// The pack, loaded; fails the test run if the files are not clean.
  public static let pack: ContentPack = {
    let (loaded, diagnostics) = PackLoader.load(files: files)
    precondition(diagnostics.isEmpty, "MiniPack has problems: \(diagnostics)")
    return loaded.pack
  }()

  /// The files with `path` replaced by `text` (or removed when nil).
  public static func replacing(_ path: String, with text: String?) -> [PackFile] {
    var out = files.filter { $0.path != path }
    if let text { out.append(PackFile(path: path, text: text)) }
    return out
  }
}
