import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// Dates as people type them, the plan's date warnings, what an action still misses, and the
/// session check's refusal of a date that is not ISO.
@Suite struct PlanDateTests {
  let pack = MiniPack.pack

  @Test(arguments: [
    ("2027-12-31", "2027-12-31"), ("31-12-2027", "2027-12-31"), ("31.12.2027", "2027-12-31"),
    ("31/12/2027", "2027-12-31"), ("31/12 2027", "2027-12-31"), ("1/4 2027", "2027-04-01"),
    (" 5.6.2028 ", "2028-06-05"), ("29-02-2028", "2028-02-29"),
  ])
  func theFormsDanesTypeAreReadAsISO(typed: String, iso: String) {
    #expect(CalendarDate(typed: typed)?.description == iso)
  }

  @Test(arguments: [
    "næste uge", "", "31-12-27", "2027/12/31", "31-12/2027", "31 12 2027", "32-12-2027", "29-02-2027",
    "31-13-2027", "12/31/2027x", "-31-12-2027", "31--12-2027", "31.12.", "31-12-2027-1",
  ])
  func anythingElseIsNotADate(typed: String) {
    #expect(CalendarDate(typed: typed) == nil)
  }

  @Test func aDeadlineInThePastAndAFollowUpBeforeItAreWarnedAbout() {
    let today = CalendarDate("2026-06-01")
    var item = PlanItem(action: nil, level: "group", deadline: "2026-05-31", followUp: "2026-05-01", status: .accepted)
    #expect(item.dateWarnings(today: today) == [.deadlineInPast, .followUpBeforeDeadline])
    item.deadline = "2026-06-01"
    item.followUp = "2026-09-01"
    #expect(item.dateWarnings(today: today) == [])
    // A measure already done or in place is not late.
    item.deadline = "2026-01-01"
    item.status = .done
    #expect(item.dateWarnings(today: today) == [])
  }

  @Test func anAcceptedOrStartedActionNamesWhatItMisses() {
    var item = PlanItem(action: "a", level: "group", status: .accepted)
    #expect(item.missing == ["responsible", "deadline"])
    item.responsible = "  "
    item.deadline = "2027-01-01"
    #expect(item.missing == ["responsible"])
    item.status = .inProgress
    item.responsible = "Åse"
    #expect(item.missing == [])
    item.deadline = ""
    #expect(item.missing == ["deadline"])
    for status in [PlanStatus.suggested, .rejected, .done, .inPlace] {
      item.status = status
      #expect(item.missing == [], "\(status)")
    }
  }

  @Test func theCheckRefusesADateThatIsNotISOAndNamesItsPlace() throws {
    let json = #"""
      {"about": {"date": "1/4 2027"}, "answers": {},
       "plan": [{"level": "group", "title": "Møde", "deadline": "2027-01-01", "status": "accepted"},
                {"level": "group", "title": "Kursus", "deadline": "næste uge", "follow_up": "31-12-2027", "status": "accepted"}],
       "follow_up": {"next_review": "2028-13-01"},
       "approval": {"by": [{"name": "Åse", "role": "amr"}], "date": "i går"}}
      """#
    let s = try Session.decode(Data(json.utf8))
    let problems = s.problems(with: pack).map { $0.text(.en, strings: TestPacks.real.strings) }
    #expect(
      problems == [
        "`about.date` is `1/4 2027`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)",
        "`plan[1].deadline` is `næste uge`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)",
        "`plan[1].follow_up` is `31-12-2027`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)",
        "`follow_up.next_review` is `2028-13-01`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)",
        "`approval.date` is `i går`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)",
      ])
  }

  @Test func theApprovalIsWrittenOnlyWhenSetAndReadsBack() throws {
    var s = Session(content: ContentRef(pack), about: About(date: "2026-11-21"))
    #expect(!String(decoding: try s.encoded(), as: UTF8.self).contains("approval"))
    s.approval = Approval(by: [Participant(name: "Åse Jørgensen", role: "amr"), Participant(name: "Bo", role: "manager")], date: "2026-12-01")
    s.plan = [PlanItem(action: nil, title: "Eksisterende kursus", level: "group", status: .inPlace)]
    let text = String(decoding: try s.encoded(), as: UTF8.self)
    #expect(text.contains("\"approval\""))
    #expect(text.contains("\"in-place\""))
    let back = try Session.decode(Data(text.utf8))
    #expect(back == s)
    #expect(back.problems(with: pack) == [])
  }
}

/// The follow-up comparison names the actions done since the previous round.
@Suite struct DoneSinceTests {
  let pack = MiniPack.pack

  @Test func actionsDoneNowButNotThenAreListed() {
    var old = Session(content: ContentRef(pack), about: About(date: "2025-01-01"))
    old.plan = [
      PlanItem(action: nil, title: "Kursus", level: "group", status: .accepted),
      PlanItem(action: nil, title: "Møde", level: "group", status: .done),
    ]
    var new = old
    new.about.date = "2026-01-01"
    new.plan[0].status = .done
    new.plan.append(PlanItem(action: nil, title: "Ny politik", level: "group", status: .done))
    new.plan.append(PlanItem(action: nil, title: "Stadig i gang", level: "group", status: .inProgress))
    let c = RoundComparison(old: Assessment(session: old, pack: pack), new: Assessment(session: new, pack: pack))
    #expect(c.doneActions.map(\.title) == ["Kursus", "Ny politik"])
  }
}
