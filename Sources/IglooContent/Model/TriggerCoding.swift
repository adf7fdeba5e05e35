/// Triggers and answer matches are written in JSON the way they are written in YAML:
/// `{"finding": "id", "min": 25}`, `{"question": "id", "answers": [0, "dont-know"]}`, `{"flag": "id"}` and `{"clarify": "id"}`.
extension Trigger {
  enum CodingKeys: String, CodingKey { case finding, min, question, answers, flag, clarify }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let finding = try c.decodeIfPresent(String.self, forKey: .finding) {
      self = .finding(id: finding, min: try c.decodeIfPresent(Double.self, forKey: .min))
    } else if let flag = try c.decodeIfPresent(String.self, forKey: .flag) {
      self = .flag(id: flag)
    } else if let item = try c.decodeIfPresent(String.self, forKey: .clarify) {
      self = .clarify(id: item)
    } else {
      self = .answer(
        question: try c.decode(String.self, forKey: .question),
        answers: try c.decode([AnswerMatch].self, forKey: .answers))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .finding(let id, let min):
      try c.encode(id, forKey: .finding)
      try c.encodeIfPresent(min, forKey: .min)
    case .answer(let question, let answers):
      try c.encode(question, forKey: .question)
      try c.encode(answers, forKey: .answers)
    case .flag(let id):
      try c.encode(id, forKey: .flag)
    case .clarify(let id):
      try c.encode(id, forKey: .clarify)
    }
  }
}

extension AnswerMatch {
  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let value = try? c.decode(Int.self) {
      self = .value(value)
    } else if try c.decode(String.self) == "dont-know" {
      self = .dontKnow
    } else {
      throw DecodingError.dataCorruptedError(in: c, debugDescription: "use a scale value or dont-know")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .value(let v): try c.encode(v)
    case .dontKnow: try c.encode("dont-know")
    }
  }
}
