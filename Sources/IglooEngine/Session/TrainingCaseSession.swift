import IglooContent

extension Session {
  /// A new session for the workshop group `group`, filled in from `trainingCase`: workplace, sector, size and scope.
  public init(trainingCase: TrainingCase, pack: ContentPack, date: String, group: String = "") {
    self.init(
      content: ContentRef(pack),
      about: About(
        workplace: trainingCase.workplace, sector: trainingCase.sector, employees: trainingCase.employees, date: date,
        group: group, trainingCase: trainingCase.id))
    scope = trainingCase.scope.compactMap { item in
      Stage(rawValue: item.stage).map { ScopeItem(useCase: item.useCase, stage: $0) }
    }
  }
}

extension ContentPack {
  /// The training case `session` was opened from: by the id it records, else by its workplace's
  /// name (sessions made before the id was recorded).
  public func trainingCase(of session: Session) -> TrainingCase? {
    if !session.about.trainingCase.isEmpty { return trainingCase(session.about.trainingCase) }
    return cases.first { $0.workplace == session.about.workplace }
  }
}
