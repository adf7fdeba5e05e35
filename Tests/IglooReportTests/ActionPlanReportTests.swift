import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// The action plan as an APV needs it in every export: what each action misses, the users' own
/// text marked as theirs, measures already in place listed apart, and the approval.
@Suite struct ActionPlanReportTests {
  /// The call-centre session with an accepted suggestion that lacks both a responsible person and
  /// a deadline, a measure already in place, and (optionally) an approval.
  func session(approved: Bool) throws -> Session {
    var s = try Fixture.callCentre.session
    let recs = Assessment(session: s, pack: Packs.builtin).recommendations
    let free = recs.filter { r in !s.plan.contains { $0.action == r.action.id } }
    s.plan.append(PlanItem(action: free[0].action.id, level: free[0].action.level, status: .accepted))
    s.plan.append(
      PlanItem(action: nil, title: "Fast sparring med tillidsrepræsentanten", level: "group", how: "Hver fredag", status: .inPlace))
    if approved {
      s.approval = Approval(
        by: [Participant(name: "Mette Holm", role: "manager"), Participant(name: "Jonas Ravn", role: "amr")], date: "2025-04-02")
    }
    return s
  }

  @Test(arguments: Language.allCases)
  func theJSONNamesWhatIsMissingAndRepeatsTheApproval(_ language: Language) throws {
    let s = try session(approved: true)
    let data = JSONReport.render(Assessment(session: s, pack: Packs.builtin), language: language)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let plan = try #require(root["action_plan"] as? [[String: Any]])
    let incomplete = plan.filter { ($0["missing"] as? [String])?.isEmpty == false }
    #expect(incomplete.count == 1)
    #expect(incomplete.first?["missing"] as? [String] == ["responsible", "deadline"])
    #expect(plan.allSatisfy { $0["missing"] is [String] })
    let inPlace = try #require(plan.first { $0["status"] as? String == "in-place" })
    #expect(inPlace["rank"] is NSNull)
    #expect(inPlace["own"] as? Bool == true)
    let approval = try #require(root["approval"] as? [String: Any])
    #expect(approval["date"] as? String == "2025-04-02")
    let by = try #require(approval["by"] as? [[String: Any]])
    #expect(by.map { $0["name"] as? String } == ["Mette Holm", "Jonas Ravn"])
    #expect(by.map { $0["role"] as? String } == ["manager", "amr"])

    let unapproved = JSONReport.render(Assessment(session: try session(approved: false), pack: Packs.builtin), language: language)
    let root2 = try #require(try JSONSerialization.jsonObject(with: unapproved) as? [String: Any])
    #expect(root2["approval"] is NSNull)
  }

  @Test func theMarkdownStatesTheApprovalListsTheIncompleteAndTheExistingMeasuresApart() throws {
    let approved = MarkdownReport.render(Assessment(session: try session(approved: true), pack: Packs.builtin), language: .da)
    #expect(approved.contains("Handlingsplanen er godkendt 2025-04-02 af Mette Holm (Leder), Jonas Ravn (Arbejdsmiljørepræsentant)"))
    #expect(approved.contains("Vedtagne eller igangsatte handlinger uden ansvarlig eller frist (1):"))
    #expect(approved.contains("– mangler ansvarlig, frist"))
    #expect(approved.contains("### Tiltag, der findes allerede"))
    // Listed apart, with its level and the users' own description marked as theirs.
    #expect(approved.split(separator: "\n").contains { line in
      line.hasPrefix("- ") && line.contains("Fast sparring med tillidsrepræsentanten") && line.contains("Gruppe")
        && line.contains("Jeres egen beskrivelse: Hver fredag")
    })
    // The users' own "how" is never followed by the report's source.
    for line in approved.split(separator: "\n") where line.contains("Jeres egen beskrivelse") {
      let after = line.components(separatedBy: "Jeres egen beskrivelse").last ?? ""
      #expect(!after.contains("Kilde:"), "\(line)")
    }
    let unapproved = MarkdownReport.render(Assessment(session: try session(approved: false), pack: Packs.builtin), language: .en)
    #expect(unapproved.contains("The action plan is not yet approved."))
  }
}
