import Domain
import Fluent
import Foundation

/// Plans' demo (issue 22, item 2): this calendar year's first-year «Точка роста» roadmap of МБОУ «СОШ № 1» half done —
/// of the items already due, two in three done (a few of them late), the rest overdue; the evidence a note of the
/// order or report — and the second-year roadmap of МБОУ «Гимназия № 2» done on time up to today; the authority's own
/// measures of both likewise. One undated item of each has a day fixed and a person answering for it — the teacher's
/// within the fortnight, so that «Мои сроки» is not empty.
extension DemoData {
    static func loadPlans(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], zone: TimeZone
    ) async throws {
        let today = CivilDay(Date(), timeZone: zone)
        let year = today.ymd.year
        let users = try await User.query(on: db).filter(\.$username ~~ ["teacher1", "centre1", "school1", "admin"])
            .all()
        func user(_ login: String) -> UUID? { users.first { $0.username == login }?.id }
        let plans: [(String, RoadmapTemplate, Bool, String)] = [
            ("МБОУ «СОШ № 1»", .firstYear, true, "school1"),
            ("МБОУ «Гимназия № 2»", .secondYear, false, "teacher1"),
        ]
        for (owner, template, halfDone, responsible) in plans {
            guard let orgID = orgIDs[owner], let organization = try await Organization.find(orgID, on: db) else {
                continue
            }
            let (_, items) = try await PlanBoard.make(
                template, year: year, municipalityID: municipalityID, organization: organization, username: "admin",
                on: db)
            // One item gets a day a week ahead and a person answering for it: an undated one (the author fixes the
            // day the template's words do not give), or the centre's next one.
            let named =
                items.first { $0.itemSide == .center && $0.dueOn == nil }
                ?? items.first { $0.itemSide == .center && ($0.due.map { $0 >= today } ?? false) }
            for item in items {
                if item === named {
                    item.dueOn = today.adding(days: 7).number
                    item.$responsibleUser.id = user(responsible)
                    item.responsible = responsible == "teacher1" ? "педагог центра" : "заместитель директора"
                    item.status = PlanItemStatus.inProgress.rawValue
                } else if let due = item.due, due < today {
                    let late = halfDone && item.position % 7 == 0
                    if halfDone && item.position % 3 == 0 {
                        // Overdue: some begun, some not.
                        item.status = (item.position % 2 == 0 ? PlanItemStatus.inProgress : .notStarted).rawValue
                    } else {
                        item.status = PlanItemStatus.done.rawValue
                        item.doneOn =
                            min(late ? due.adding(days: 3) : due.adding(days: -(item.position % 5)), today)
                            .number
                        if item.evidenceRequired {
                            let number = 10 + item.position
                            item.evidenceNote =
                                item.itemSide == .authority
                                ? "Приказ управления образования № \(number) от \(item.done!.formatted)"
                                : "Приказ директора № \(number)-од от \(item.done!.formatted), размещён на сайте школы"
                        }
                    }
                }
                if item.itemSide == .center && item.responsible == nil {
                    item.responsible = "руководитель центра «Точка роста»"
                }
                item.version = 2
                try await item.save(on: db)
            }
        }
    }
}
