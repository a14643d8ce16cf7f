import Domain
import Fluent
import Foundation

/// Technical assignments in the demo (issue 22, item 4): the КМЦ's assignment to МБОУ «Гимназия № 2» (centre1's)
/// issued at the start of the year — the regulation presented with evidence, the project late, the report and the
/// analytic note ahead —, and a draft for МБОУ «Лицей № 5».
extension DemoData {
    static func loadAssignments(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], year: AcademicYear, zone: TimeZone
    ) async throws {
        let startYear = CivilDay(year.startsOn, timeZone: zone).ymd.year
        let today = CivilDay(Date(), timeZone: zone)
        let assignments: [(String, String, Bool)] = [
            ("МБОУ «Гимназия № 2»", "Модель ресурсного центра по работе с одарёнными детьми в области IT", true),
            ("МБОУ «Лицей № 5»", "Сетевой образовательный проект по химии и биологии", false),
        ]
        for (short, title, issued) in assignments {
            guard let organization = orgIDs[short] else { continue }
            let assignment = TechnicalAssignment()
            assignment.id = UUID()
            assignment.$municipality.id = municipalityID
            assignment.$organization.id = organization
            assignment.apply(
                AssignmentInput(
                    title: title,
                    basis: "Муниципальная программа «Развитие образования» (раздел «Работа с одарёнными детьми»); "
                        + "решение КМЦ о распределении предметных областей между ресурсными центрами.",
                    goals: "Создание условий для развития различных видов одарённости учащихся.\nРазвитие моделей "
                        + "сетевого взаимодействия образовательных учреждений и социального партнёрства.",
                    content: "Разработка и описание организационной модели ресурсного центра по закреплённым "
                        + "предметам; сетевые курсы для групп, списки которых формирует КМЦ; семинары для учителей.",
                    results: "Описанная модель ресурсного центра; обобщённый опыт для других школ; публикации.",
                    financing: "В рамках образовательного проекта учреждения и муниципальной программы.",
                    startsOn: CivilDay(year: startYear, month: 9, day: 1)!,
                    endsOn: CivilDay(year: startYear + 1, month: 6, day: 30)!,
                    deliverables: AssignmentDeliverable.standard(startYear: startYear)))
            assignment.status = AssignmentStatus.draft.rawValue
            (assignment.createdBy, assignment.createdAt, assignment.updatedBy, assignment.updatedAt) =
                ("kmc", year.startsOn, "kmc", year.startsOn)
            assignment.version = 1
            if issued {
                try await AssignmentWrites.issue(assignment, user: "kmc", req: nil, on: db)
                assignment.issuedAt = year.startsOn.addingTimeInterval(86_400)
            }
            try await assignment.create(on: db)
            // The regulation presented with evidence, when its day has passed; the rest open.
            if let plan = assignment.$plan.id,
                let first = try await PlanItem.query(on: db).filter(\.$plan.$id == plan).filter(\.$position == 0)
                    .first(), let due = first.dueOn, due < today.number
            {
                first.status = PlanItemStatus.done.rawValue
                first.doneOn = due - 3
                first.evidenceNote = "Приказ директора № 41-од «Об утверждении положения о ресурсном центре»"
                first.updatedBy = "centre1"
                first.version = 2
                try await first.save(on: db)
            }
        }
    }
}
