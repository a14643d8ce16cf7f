import Domain
import Fluent
import Foundation

/// Resource centres' activity programmes in the demo (issue 22, item 3): the gymnasium's (centre1's) returned with a
/// comment to correct and submit again; the lyceum's agreed at the start of the year after one return — its work plan
/// now the centre's plan —; school № 3's submitted and awaiting the КМЦ; school № 7 has not started one. All names are
/// invented.
extension DemoData {
    static func loadActivityPrograms(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], year: AcademicYear, zone: TimeZone
    ) async throws {
        let startYear = CivilDay(year.startsOn, timeZone: zone).ymd.year
        let start = year.startsOn
        let programs: [(String, ActivityProgramStatus, String?)] = [
            ("МБОУ «Гимназия № 2»", .returned, "Дополните план работы мероприятиями для родителей."),
            ("МБОУ «Лицей № 5»", .agreed, "Уточните ожидаемые результаты: показатели и их значения на конец года."),
            ("МБОУ «СОШ № 3»", .submitted, nil),
        ]
        for (short, status, comment) in programs {
            guard let organization = orgIDs[short],
                let center = try await ResourceCenter.query(on: db).filter(\.$organization.$id == organization)
                    .filter(\.$academicYear.$id == year.requireID()).first()
            else { continue }
            let content = programContent(short, startYear: startYear)
            // Only the gymnasium's head has an account in the demo.
            let author = short == "МБОУ «Гимназия № 2»" ? "centre1" : "admin"
            let program = ActivityProgram()
            program.id = UUID()
            program.$municipality.id = municipalityID
            program.$organization.id = organization
            program.$center.id = try center.requireID()
            program.startYear = startYear
            program.status = status.rawValue
            program.content = ActivityProgram.encode(content)
            program.submittedAt = start.addingTimeInterval(3 * 86_400)
            program.returnComment = status == .returned ? comment : nil
            program.decidedAt = status == .submitted ? nil : start.addingTimeInterval(8 * 86_400)
            program.decidedBy = status == .submitted ? nil : "kmc"
            (program.createdBy, program.createdAt) = (author, start)
            (program.updatedBy, program.updatedAt) = (author, start.addingTimeInterval(3 * 86_400))
            program.version = 3
            try await program.create(on: db)
            // The lyceum's first version was returned; its second agreed.
            let decisions: [(ActivityProgramStatus, String?)] =
                status == .agreed ? [(.returned, comment), (.agreed, nil)] : [(status, comment)]
            for (number, (decided, note)) in decisions.enumerated() {
                let version = ActivityProgramVersion()
                version.$program.id = try program.requireID()
                version.number = number + 1
                version.content = program.content
                version.submittedBy = author
                version.submittedAt = start.addingTimeInterval(Double(1 + number * 4) * 86_400)
                version.status = decided.rawValue
                version.comment = note
                version.decidedBy = decided == .submitted ? nil : "kmc"
                version.decidedAt =
                    decided == .submitted ? nil : start.addingTimeInterval(Double(3 + number * 5) * 86_400)
                try await version.create(on: db)
            }
            if status == .agreed {
                let plan = try await ActivityProgramWrites.makePlan(program, user: "kmc", on: db)
                program.$plan.id = plan
                try await program.save(on: db)
                try await markDone(plan: plan, today: CivilDay(Date(), timeZone: zone), on: db)
            }
        }
    }

    /// The items of an agreed work plan whose day has passed, done two days before it — but the last of them, left
    /// overdue.
    static func markDone(plan: UUID, today: CivilDay, on db: any Database) async throws {
        let passed = try await PlanItem.query(on: db).filter(\.$plan.$id == plan).filter(\.$dueOn < today.number)
            .sort(\.$dueOn).all()
        for item in passed.dropLast() {
            item.status = PlanItemStatus.done.rawValue
            item.doneOn = item.dueOn.map { $0 - 2 }
            item.evidenceNote = "Проведено, материалы на сайте центра."
            item.updatedBy = "admin"
            try await item.save(on: db)
        }
    }

    /// A programme's sections for a demo centre: its subjects, its own staff answering for the rows and sitting in
    /// its working group with the head of a city methodical association.
    static func programContent(_ short: String, startYear: Int) -> ActivityProgramContent {
        let subjects = centers.first { $0.0 == short }?.1.joined(separator: ", ") ?? "предметы центра"
        let people = staff.filter { $0.orgs.contains(short) }.sorted {
            $0.position.contains("директор") && !$1.position.contains("директор")
        }
        let initials = people.map { "\($0.surname) \($0.given.prefix(1)). \($0.patronymic.prefix(1))." }
        let group = people.map {
            WorkingGroupMember(name: "\($0.surname) \($0.given) \($0.patronymic)", position: $0.position + ", " + short)
        }
        return programContent(
            subjects: subjects, lead: initials.first ?? "Руководитель РЦ", second: initials.dropFirst().first,
            group: group, startYear: startYear)
    }

    /// A programme's sections: the problem of the centre's subjects, a work plan across the academic year answered for
    /// by `lead` and `second`, the working group with the head of a city methodical association (demo and generator).
    static func programContent(
        subjects: String, lead: String, second: String?, group: [WorkingGroupMember], startYear: Int
    ) -> ActivityProgramContent {
        let second = second ?? lead
        let texts: [ActivityProgramSection: String] = [
            .rationale:
                "Результаты муниципального этапа всероссийской олимпиады школьников по предметам центра (\(subjects)) "
                + "ниже средних по округу; в школах мало учителей, готовящих к олимпиадам.\nЦелевая аудитория: "
                + "обучающиеся 7–11 классов школ города, учителя-предметники, родители.",
            .goals:
                "Цель: повысить результаты обучающихся города по предметам центра.\nЗадачи: организовать сетевые "
                + "курсы подготовки к олимпиадам; провести семинары для учителей; привлечь партнёров.",
            .content:
                "Направления: работа с одарёнными детьми, повышение качества образования. Формы: сетевые курсы, "
                + "интенсивы, семинары, мастер-классы, консультации.",
            .mechanism:
                "Этапы: подготовительный (сентябрь), основной (октябрь – апрель), обобщающий (май). Ответственные — "
                + "члены рабочей группы; партнёры — колледж и университет города.",
            .results:
                "Не менее 60 обучающихся в сетевых курсах; не менее 10 призёров муниципального этапа; 4 семинара для "
                + "учителей; методический сборник.",
            .prospects:
                "Расширение сетевых курсов на 5–6 классы, дистанционные консультации, сетевая проектная смена летом.",
        ]
        let rows = [
            ("Заседание рабочей группы: утверждение плана", "сентябрь", lead, nil),
            ("Набор в сетевые курсы подготовки к олимпиадам", "до 15.09", lead, nil),
            ("Семинар для учителей «Олимпиадные задачи»", "октябрь", second, "Городской колледж"),
            ("Интенсив перед муниципальным этапом олимпиады", "ноябрь", second, nil),
            ("Мастер-класс преподавателей университета", "февраль", lead, "Городской университет"),
            ("Сетевые курсы подготовки к олимпиадам", "сентябрь – май", second, nil),
            ("Итоговая конференция, методический сборник", "май", lead, nil),
        ].map { activity, dates, responsible, partners in
            let days = ActivityPlanRow.days(dates, startYear: startYear)
            return ActivityPlanRow(
                activity: activity, dates: dates, responsible: responsible, partners: partners, dueOn: days.due,
                startsOn: days.start)
        }
        return ActivityProgramContent(
            texts: Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) }), rows: rows,
            group: group + [
                WorkingGroupMember(
                    name: "Зорина Вера Павловна", position: "руководитель городского методического объединения")
            ])
    }
}
