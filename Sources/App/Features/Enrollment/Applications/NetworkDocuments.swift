import Documents
import Domain
import Fluent
import Vapor

/// The documents of enrolment (issue 3), built once as a `DocModel` and given as a printable page and as DOCX:
/// the individual curriculum (ИУП), the guardian's agreement and the school↔centre contract on the network form of
/// education (`002_f5d848fa5a191e3f.txt` §15: the Regulation's annexes — ИУП form, agreement with parents, model
/// contract).
enum NetworkDocuments {
    static func iup(_ a: CourseApplication, _ db: any Database, _ zone: TimeZone) async throws -> DocModel {
        let student = try await a.$student.get(on: db)
        let school = try await a.$school.get(on: db)
        let campaign = try await a.$campaign.get(on: db)
        let year = try await AcademicYear.find(campaign.$academicYear.id, on: db)
        let choices = try await ApplicationChoice.query(on: db).filter(try \.$application.$id == a.requireID()).sort(
            \.$rank
        )
        .with(\.$group) { $0.with(\.$program).with(\.$organization) }.all()
        let outcome = try await ApplicationService.outcome(of: a, on: db)
        let results = Dictionary(outcome.choices.map { ($0.groupId, $0) }, uniquingKeysWith: { x, _ in x })
        let titles = [
            "enrolled": "зачислен(а)", "waitlisted": "лист ожидания", "pending": "ждёт распределения", "unused": "—",
            "released": "место освобождено",
        ]
        var d = DocModel(title: "ИУП — \(student.fullName)")
        d.heading("Индивидуальный учебный план обучающегося")
        d.paragraph("на \(year?.title ?? "") учебный год (сетевые курсы)", align: .center)
        d.field("Обучающийся", student.fullName)
        d.field("Дата рождения", RuDate.format(student.birthDate, timeZone: zone))
        d.field("Школа, класс", "\(school.fullName), \(student.grade)\(student.letter ?? "") класс")
        d.field("Кампания записи", campaign.title)
        d.field("Заявка подана", RuDate.formatDateTime(a.submittedAt, timeZone: zone) + ", " + a.submittedByName)
        d.heading("Сетевые курсы по приоритету", level: 2)
        d.table(
            ["№", "Курс (программа)", "Ресурсный центр", "Группа", "Часов", "Результат"],
            choices.map { c in
                let r = results[c.$group.id]
                return [
                    String(c.rank), c.group.program.title, c.group.organization.shortName, c.group.name,
                    String(c.group.program.hours),
                    (titles[r?.status ?? c.outcome] ?? c.outcome) + (r?.position.map { ", место № \($0)" } ?? ""),
                ]
            }, widths: [1, 6, 4, 3, 2, 4])
        d.field(
            "Согласие родителя (законного представителя)",
            a.guardianAgreedAt.map { "дано \(RuDate.format($0, timeZone: zone)): \(a.guardianAgreedBy ?? "")" }
                ?? "не дано")
        d.field(
            "Подтверждение школы",
            a.schoolDecision == "confirmed"
                ? "подтверждено" + (a.schoolDecidedAt.map { " \(RuDate.format($0, timeZone: zone))" } ?? "")
                    + (a.schoolDecidedBy.map { ", \($0)" } ?? "")
                : a.schoolDecision == "refused" ? "отказано" : "ожидается")
        d.signatures([
            ("Обучающийся", student.initialsName), ("Родитель (законный представитель)", a.guardianAgreedBy ?? ""),
            ("Руководитель школы", school.headName ?? ""),
        ])
        return d
    }

    static func guardianAgreement(_ a: CourseApplication, _ db: any Database, _ zone: TimeZone) async throws -> DocModel
    {
        let student = try await a.$student.get(on: db)
        let school = try await a.$school.get(on: db)
        let choices = try await ApplicationChoice.query(on: db).filter(try \.$application.$id == a.requireID()).sort(
            \.$rank
        )
        .with(\.$group) { $0.with(\.$program).with(\.$organization) }.all()
        let guardian = a.guardianAgreedBy ?? "________________________________"
        var d = DocModel(title: "Согласие родителя — \(student.fullName)")
        d.heading("Согласие родителя (законного представителя) на обучение по сетевым программам")
        // Words agree with the child's sex when the registry knows it; the school's name stays in the nominative, after
        // a dash.
        let sex = student.sex.flatMap(Sex.init(rawValue:))
        let (studentNoun, scholar, their) =
            sex == .female
            ? ("обучающейся", "ученицы", "её")
            : sex == .male
                ? ("обучающегося", "ученика", "его")
                : ("обучающегося (обучающейся)", "ученика (ученицы)", "его (её)")
        d.paragraph(
            "Я, \(guardian), являясь родителем (законным представителем) \(studentNoun) \(student.fullName), "
                + "\(RuDate.format(student.birthDate, timeZone: zone)) г. р., "
                + "\(scholar) \(student.grade)\(student.letter ?? "") класса (школа — \(school.fullName)), "
                + "согласен(на) с \(their) обучением в сетевой форме по программам:"
        )
        d.table(
            ["№", "Программа", "Ресурсный центр", "Часов"],
            choices.map {
                [
                    String($0.rank), $0.group.program.title, $0.group.organization.fullName,
                    String($0.group.program.hours),
                ]
            }, widths: [1, 7, 6, 2])
        d.paragraph(
            "Мне известно, что занятия проходят в ресурсном центре по расписанию муниципальной сети, что результаты "
                + "освоения курса учитываются "
                + "школой и что я могу отозвать согласие, сообщив об этом в школу или в «Сетке» (раздел «Мои дети»).")
        d.paragraph(
            "Дата: " + (a.guardianAgreedAt.map { RuDate.format($0, timeZone: zone) } ?? "«____» ____________ 20___ г."),
            align: .left)
        d.signatures([("Родитель (законный представитель)", a.guardianAgreedBy ?? "")])
        return d
    }

    /// The contract between a school and a resource centre for the year: parties, programmes, the school's students
    /// enrolled in the centre's groups, term.
    static func contract(
        school: Organization, center: Organization, year: AcademicYear, on db: any Database, zone: TimeZone
    ) async throws -> DocModel {
        let places = try await Enrollment.query(on: db).filter(\.$status == EnrollmentStatus.enrolled.rawValue)
            .join(StudyGroup.self, on: \Enrollment.$group.$id == \StudyGroup.$id).filter(
                StudyGroup.self, try \.$organization.$id == center.requireID()
            )
            .filter(StudyGroup.self, try \.$academicYear.$id == year.requireID())
            .join(Student.self, on: \Enrollment.$student.$id == \Student.$id).filter(
                Student.self, try \.$school.$id == school.requireID()
            )
            .with(\.$student).with(\.$group) { $0.with(\.$program) }.all()
        let programs = Dictionary(grouping: places, by: { $0.group.$program.id }).values.compactMap(\.first).map(
            \.group.program
        ).sorted { $0.title < $1.title }
        var d = DocModel(title: "Договор о сетевой форме — \(school.shortName) и \(center.shortName)")
        d.heading("Договор о сетевой форме реализации образовательных программ")
        d.paragraph("\(year.title) учебный год", align: .center)
        d.paragraph(
            "\(school.fullName) (далее — «Школа») в лице руководителя \(school.headName ?? "________________"), с "
                + "одной стороны, и \(center.fullName) "
                + "(далее — «Ресурсный центр») в лице руководителя \(center.headName ?? "________________"), с другой "
                + "стороны, заключили настоящий договор о нижеследующем."
        )
        d.heading("1. Предмет договора", level: 2)
        d.paragraph(
            "Ресурсный центр реализует для обучающихся Школы сетевые программы, согласованные "
                + "координационно-методическим центром, а Школа засчитывает их освоение "
                + "в индивидуальных учебных планах обучающихся. Объём курса — по программе (как правило, 64 часа в "
                + "год)."
        )
        d.table(
            ["№", "Программа", "Часов", "Классы"],
            programs.enumerated().map { i, p in
                [String(i + 1), p.title, String(p.hours), "\(p.gradeFrom)–\(p.gradeTo)"]
            },
            widths: [1, 8, 2, 2])
        d.heading("2. Обучающиеся", level: 2)
        d.table(
            ["№", "Обучающийся", "Класс", "Группа"],
            places.sorted { $0.student.sortKey < $1.student.sortKey }.enumerated().map { i, e in
                [String(i + 1), e.student.fullName, "\(e.student.grade)\(e.student.letter ?? "")", e.group.name]
            }, widths: [1, 7, 2, 4])
        if places.isEmpty {
            d.paragraph("На дату составления обучающиеся Школы в группы Ресурсного центра не зачислены.", align: .left)
        }
        d.heading("3. Обязанности сторон", level: 2)
        d.paragraph(
            "Ресурсный центр обеспечивает проведение занятий по расписанию сети, ведёт учёт посещаемости и "
                + "результатов, проводит итоговую аттестацию "
                + "и сообщает её результаты Школе. Школа обеспечивает посещение занятий обучающимися, учитывает время "
                + "занятий в расписании и информирует родителей."
        )
        d.heading("4. Срок действия", level: 2)
        d.paragraph(
            "Договор действует с \(RuDate.format(year.startsOn, timeZone: zone)) по "
                + "\(RuDate.format(year.endsOn, timeZone: zone))."
        )
        d.heading("5. Реквизиты и подписи сторон", level: 2)
        d.table(
            ["Школа", "Ресурсный центр"],
            [
                [school.fullName, center.fullName], [school.address ?? "", center.address ?? ""],
                [school.phone ?? "", center.phone ?? ""],
            ], widths: [1, 1])
        d.signatures([
            ("Руководитель школы", school.headName ?? ""), ("Руководитель ресурсного центра", center.headName ?? ""),
        ])
        return d
    }
}

extension Student {
    /// «Ёлкин А. И.»
    var initialsName: String {
        ([surname] + [givenName, patronymic].compactMap { $0?.first.map { "\($0)." } }).joined(separator: " ")
    }
}
