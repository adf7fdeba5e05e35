import Foundation
import IglooContent
import IglooEngine

/// A tiny content pack and session files for tests that read and write sessions.
///
/// The built-in content is written in parallel with the code and may be briefly invalid, so the
/// storage tests use this pack, which only has to be loadable, not complete.
public enum StoreFixtures {
  /// The question ids the tiny pack has, in order.
  public static let questionIDs = ["q-pace-exposure", "q-pace-mitigation", "q-skills-potential"]

  /// The tiny pack: one technology, two findings, three questions, one use case.
  public static func tinyPack() -> ContentPack {
    PackLoader.load(files: tinyPackFiles).loaded.pack
  }

  /// The tiny pack's files, for tests of the loader itself.
  public static let tinyPackFiles: [PackFile] = [
    PackFile(
      path: "pack.yaml",
      text: """
        id: store-fixture
        version: 0.0.1
        title: {da: Testpakke, en: Test pack}
        sources: []
        scale:
          - {value: 0, label: {da: Helt uenig, en: Strongly disagree}}
          - {value: 25, label: {da: Uenig, en: Disagree}}
          - {value: 50, label: {da: Hverken eller, en: Neither}}
          - {value: 75, label: {da: Enig, en: Agree}}
          - {value: 100, label: {da: Helt enig, en: Strongly agree}}
        bands:
          risk: {moderate: 25, high: 50}
          opportunity: {moderate: 25, high: 50}
          screening: {moderate: 50, high: 75}
        sectors: []
        roles:
          - {id: amr, name: {da: AMR, en: Safety rep}}
        """),
    PackFile(
      path: "levels.yaml",
      text: """
        levels:
          - id: individual
            letter: I
            name: {da: Individ, en: Individual}
            description: {da: Den enkelte, en: The individual}
            source: Kapitel 2
        """),
    PackFile(
      path: "technologies.yaml",
      text: """
        technologies:
          - id: ml
            name: {da: Maskinlæring, en: Machine learning}
            description: {da: Mønstre i data, en: Patterns in data}
            source: Kapitel 1 › Maskinlæring
        """),
    PackFile(
      path: "findings/ml.yaml",
      text: """
        findings:
          - id: ml-pace
            level: individual
            technology: ml
            polarity: risk
            title: {da: Tempo, en: Pace}
            short_title: {da: Tempo, en: Pace}
            summary: {da: Tempoet stiger, en: The pace rises}
            examples: []
            source: Kapitel 2 › Maskinlæring › Individ
          - id: ml-skills
            level: individual
            technology: ml
            polarity: opportunity
            title: {da: Kompetencer, en: Skills}
            short_title: {da: Kompetencer, en: Skills}
            summary: {da: Nye kompetencer, en: New skills}
            examples: []
            source: Kapitel 2 › Maskinlæring › Individ
        """),
    PackFile(
      path: "questions/ml.yaml",
      text: """
        questions:
          - id: q-pace-exposure
            text: {da: Tempoet er steget, en: The pace has risen}
            measures: [{finding: ml-pace, role: exposure}]
          - id: q-pace-mitigation
            text: {da: Der er pauser, en: There are breaks}
            measures: [{finding: ml-pace, role: mitigation}]
          - id: q-skills-potential
            text: {da: Vi lærer nyt, en: We learn new things}
            measures: [{finding: ml-skills, role: potential}]
        """),
    PackFile(
      path: "use-cases.yaml",
      text: """
        use_cases:
          - id: shift-planning
            name: {da: Vagtplanlægning, en: Shift planning}
            description: {da: Vagtplaner, en: Rosters}
            technologies: [ml]
            source: Kapitel 2 › Maskinlæring › Individ
        """),
  ]

  /// A current-version session file for the tiny pack, with no scope (so every question applies)
  /// and `answers` from the default voice.
  public static func sessionJSON(
    answers: [String: Int] = ["q-pace-exposure": 4], workplace: String = "Kantinen på Åbyhøj",
    date: String = "2026-05-01"
  ) -> String {
    let answerLines = answers.keys.sorted().map { "      \"\($0)\": \(answers[$0]!)" }.joined(separator: ",\n")
    return """
      {
        "schema": "igloo-session",
        "schema_version": 1,
        "about": {"workplace": "\(workplace)", "date": "\(date)"},
        "answers": {
          "default": {
      \(answerLines)
          }
        }
      }

      """
  }

  /// The same session in the version-0 (pre-release) format: answers under `responses`.
  public static func versionZeroSessionJSON(answers: [String: Int] = ["q-pace-exposure": 4, "q-skills-potential": 2])
    -> String
  {
    let answerLines = answers.keys.sorted().map { "\"\($0)\": \(answers[$0]!)" }.joined(separator: ", ")
    return """
      {"schema": "igloo-session", "schema_version": 0, "about": {"workplace": "Værkstedet", "date": "2024-09-01"},
       "responses": {"default": {\(answerLines)}}}

      """
  }
}
