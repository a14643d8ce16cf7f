import Foundation
import Testing

@testable import Domain

/// Issue 22, item 2 («Bad input»): an item's form — evidence required to be done, a reason to be cancelled, a done day
/// not in the future, a link that is a web address; and which measures need evidence.
@Suite struct PlanItemInputTests {
    let today = CivilDay.parse("10.06.2027")!

    func parse(_ values: [String: String], evidence: Bool = false, file: Bool = false) -> (PlanItemInput?, FieldErrors)
    {
        var errors = FieldErrors()
        let input = PlanItemInput.parse(
            { values[$0] }, evidenceRequired: evidence, hasFile: file, today: today, errors: &errors)
        return (input, errors)
    }

    @Test func anItemThatNeedsEvidenceIsDoneOnlyWithIt() {
        let (none, errors) = parse(["status": "done"], evidence: true)
        #expect(none == nil)
        #expect(errors["evidenceNote"]?.contains("только с подтверждением") == true)
        #expect(parse(["status": "done", "evidenceNote": "Приказ № 12 от 01.06.2027"], evidence: true).0 != nil)
        #expect(
            parse(["status": "done", "evidenceLink": "https://school3.example/prikaz.pdf"], evidence: true).0 != nil)
        #expect(parse(["status": "done"], evidence: true, file: true).0 != nil)
        // Without the need, done is done; the day defaults to today.
        #expect(parse(["status": "done"]).0?.doneOn == today)
        // Work in progress needs nothing.
        #expect(parse(["status": "inProgress"], evidence: true).0?.status == .inProgress)
    }

    @Test func aCancelledItemNeedsItsReasonAndKeepsNoDoneDay() {
        let (none, errors) = parse(["status": "cancelled"])
        #expect(none == nil && errors["cancelReason"] == "Укажите причину отмены.")
        let cancelled = parse(["status": "cancelled", "cancelReason": "Мероприятие перенесено в план МОУО"]).0
        #expect(cancelled?.cancelReason == "Мероприятие перенесено в план МОУО" && cancelled?.doneOn == nil)
    }

    @Test func daysAndLinksAreChecked() {
        #expect(
            parse(["status": "done", "doneOn": "11.06.2027"]).1["doneOn"]?.contains("не позже сегодняшней") == true)
        #expect(parse(["status": "done", "doneOn": "09.06.2027"]).0?.doneOn == CivilDay.parse("09.06.2027"))
        // A done item reopened keeps no done day.
        #expect(parse(["status": "inProgress", "doneOn": "09.06.2027"]).0?.doneOn == nil)
        #expect(parse(["status": "notStarted", "dueOn": "31.02.2027"]).1["dueOn"] != nil)
        #expect(parse(["status": "notStarted", "dueOn": "30.06.2027"]).0?.dueOn == CivilDay.parse("30.06.2027"))
        #expect(parse(["status": "notStarted", "evidenceLink": "school3.example"]).1["evidenceLink"] != nil)
        #expect(parse(["status": "notStarted", "evidenceLink": "javascript:alert(1)"]).1["evidenceLink"] != nil)
        #expect(parse(["status": "whatever"]).1["status"] != nil)
        #expect(parse([:]).1["status"] != nil)
        // A reason given to an item that is not cancelled is not kept.
        #expect(parse(["status": "inProgress", "cancelReason": "—"]).0?.cancelReason == nil)
    }

    @Test func measuresThatMakeADocumentNeedEvidence() {
        #expect(PlanEvidence.required("Разработка и утверждение положения о деятельности Центра"))
        #expect(PlanEvidence.required("Предоставление ежеквартального отчета о выполнении мероприятий проекта"))
        #expect(!PlanEvidence.required("Торжественное открытие Центра"))
        let items = RoadmapTemplate.firstYear.planItems(year: 2027)
        #expect(items.contains { $0.evidenceRequired } && items.contains { !$0.evidenceRequired })
    }
}

/// Issue 22, item 2: who reads and marks a plan and its items.
@Suite struct PlanAccessTests {
    let municipalityID = UUID()
    let policy = AccessPolicy()

    func actor(_ role: Role, _ org: UUID?, userID: UUID = UUID()) -> Actor {
        Actor(
            userID: userID, username: "u",
            grants: [
                RoleGrant(
                    role: role,
                    scope: org.map { .organization($0, municipalityID: municipalityID) }
                        ?? .municipality(municipalityID))
            ])
    }

    @Test func theAuthorityMakesPlansAndTheOwnerReadsItsOwn() {
        let centre = OrgRef(id: UUID(), municipalityID: municipalityID)
        let plan = Resource.plan(owner: centre, municipalityID: municipalityID)
        #expect(policy.allows(actor(.authorityAdmin, nil), .create, plan))
        #expect(policy.allows(actor(.authorityAdmin, nil), .archive, plan))
        #expect(policy.allows(actor(.coordinator, nil), .create, plan))
        #expect(!policy.allows(actor(.coordinator, nil), .archive, plan))
        #expect(policy.allows(actor(.methodologist, nil), .read, plan))
        #expect(!policy.allows(actor(.methodologist, nil), .create, plan))
        #expect(policy.allows(actor(.centerHead, centre.id), .read, plan))
        #expect(!policy.allows(actor(.centerHead, centre.id), .create, plan))
        #expect(!policy.allows(actor(.centerHead, UUID()), .read, plan))
        #expect(!policy.allows(actor(.teacher, centre.id), .read, plan))
        #expect(!policy.allows(actor(.centerHead, centre.id), .read, .plan(owner: nil, municipalityID: municipalityID)))
        let elsewhere = Resource.plan(owner: OrgRef(id: UUID(), municipalityID: UUID()), municipalityID: UUID())
        #expect(!policy.allows(actor(.authorityAdmin, nil), .read, elsewhere))
    }

    @Test func theOwnerMarksTheCentresSideAndTheResponsibleTheirOwn() {
        let centre = OrgRef(id: UUID(), municipalityID: municipalityID)
        let teacherID = UUID()
        func item(_ side: PlanItemDraft.Side, responsible: UUID? = nil) -> Resource {
            .planItem(owner: centre, side: side, responsibleUserID: responsible, municipalityID: municipalityID)
        }
        #expect(policy.allows(actor(.centerHead, centre.id), .update, item(.center)))
        #expect(!policy.allows(actor(.centerHead, centre.id), .update, item(.authority)))
        #expect(policy.allows(actor(.centerHead, centre.id), .read, item(.authority)))
        #expect(!policy.allows(actor(.centerHead, UUID()), .read, item(.center)))
        #expect(policy.allows(actor(.coordinator, nil), .update, item(.authority)))
        #expect(!policy.allows(actor(.methodologist, nil), .update, item(.center)))
        // A teacher named as answering for an item reads and marks that one, not the next.
        let teacher = actor(.teacher, centre.id, userID: teacherID)
        #expect(policy.allows(teacher, .update, item(.center, responsible: teacherID)))
        #expect(!policy.allows(teacher, .read, item(.center)))
        #expect(!policy.allows(teacher, .archive, item(.center, responsible: teacherID)))
        let stranger = Actor(
            userID: teacherID, username: "u",
            grants: [RoleGrant(role: .teacher, scope: .organization(UUID(), municipalityID: UUID()))])
        #expect(!policy.allows(stranger, .read, item(.center, responsible: teacherID)))
    }
}
