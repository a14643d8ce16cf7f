import Documents
import Domain
import Fluent
import Vapor

/// The seven recurring orders of `002_f5d848fa5a191e3f.txt` §15, drafted from the year's data as one `DocModel` each
/// (the same generator as the enrolment documents): the authority's requisites, number and date, the points, the
/// annex tables, the head's signature.
enum OrderDocuments {
    struct Input {
        var municipality: Municipality
        var year: AcademicYear
        var kind: OrderKind
        var number: String?
        var day: CivilDay?
        var recipients: [UUID]
    }

    static func build(_ i: Input, on db: any Database) async throws -> DocModel {
        let municipalityID = try i.municipality.requireID()
        let zone = i.municipality.zone
        let authority = try await Organization.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
            \.$kind == OrganizationKind.authority.rawValue
        ).first()
        let title = i.kind.title(year: i.year.title)
        // Orders with wide annex tables are laid out in landscape.
        var d = DocModel(
            title: "Приказ: " + i.kind.short + " (\(i.year.title))",
            landscape: [.organization, .schedule, .attestation].contains(i.kind))
        d.paragraph(authority?.fullName.uppercased() ?? i.municipality.name.uppercased(), align: .center, bold: true)
        if let a = authority {
            d.paragraph(
                [a.address, a.phone.map { "тел. " + $0 }, a.email].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                    separator: ", "), align: .center)
        }
        d.heading("ПРИКАЗ")
        d.blocks.append(header(number: i.number, day: i.day))
        d.paragraph(i.municipality.name, align: .center)
        d.paragraph([DocModel.Run(title, bold: true)], align: .left)
        // Results and certificates of a group archived at the year's end still belong in the year's orders.
        var groupQuery = StudyGroup.query(on: db).filter(try \.$academicYear.$id == i.year.requireID())
        if ![.attestation, .certificates].contains(i.kind) {
            groupQuery = groupQuery.filter(\.$status == RecordStatus.active.rawValue)
        }
        let groups = try await groupQuery.with(\.$program).with(\.$organization).with(\.$teacher).all()
            .sorted { ($0.organization.sortKey, $0.name) < ($1.organization.sortKey, $1.name) }
        let period =
            RuDate.format(i.year.startsOn, timeZone: zone) + " — " + RuDate.format(i.year.endsOn, timeZone: zone)
        switch i.kind {
        case .organization:
            d.paragraph(
                "В целях обеспечения доступности профильного обучения старшеклассников и на основании Положения о "
                    + "муниципальной сети профильных курсов ПРИКАЗЫВАЮ:"
            )
            d.paragraph(
                "1. Организовать работу муниципальной сети профильных курсов в \(i.year.title) учебном году "
                    + "(\(period)) на базе ресурсных центров (приложение 1)."
            )
            d.paragraph("2. Утвердить перечень сетевых программ и групп (приложение 2).")
            d.paragraph(
                "3. Руководителям ресурсных центров обеспечить реализацию программ в объёме, согласованном с КМЦ.")
            d.paragraph("4. Контроль за исполнением приказа возложить на координационно-методический центр.")
            let centers = try await ResourceCenter.query(on: db).filter(try \.$academicYear.$id == i.year.requireID())
                .filter(
                    \.$status == RecordStatus.active.rawValue
                )
                .with(\.$organization).with(\.$subjects).all().sorted {
                    $0.organization.sortKey < $1.organization.sortKey
                }
            d.heading("Приложение 1. Ресурсные центры", level: 2)
            d.table(
                ["№", "Образовательная организация", "Предметы"],
                centers.enumerated().map { n, c in
                    [String(n + 1), c.organization.fullName, c.subjects.map(\.name).sorted().joined(separator: ", ")]
                }, widths: [1, 8, 5])
            d.heading("Приложение 2. Программы и группы", level: 2)
            d.table(
                ["№", "Ресурсный центр", "Программа", "Группа", "Педагог", "Мест", "Часов"],
                groups.enumerated().map { n, g in
                    [
                        String(n + 1), g.organization.shortName, g.program.title, g.name, g.teacher?.fullName ?? "",
                        String(g.capacity), String(g.plannedHours),
                    ]
                }, widths: [1, 4, 5, 3, 4, 1, 1])
        case .schedule:
            d.paragraph("В целях организации занятий муниципальной сети профильных курсов ПРИКАЗЫВАЮ:")
            d.paragraph("1. Утвердить расписание занятий сети на \(i.year.title) учебный год (приложение).")
            d.paragraph("2. Изменения расписания вносить по согласованию с координационно-методическим центром.")
            var rows: [[String]] = []
            for g in groups {
                let patterns = try await LessonPattern.query(on: db).filter(try \.$group.$id == g.requireID()).with(
                    \.$room
                ).all()
                for p in patterns {
                    let w = Weekday(rawValue: p.weekday)?.title ?? ""
                    rows.append([
                        g.organization.shortName, g.name, g.program.title, w,
                        LessonSpan(
                            day: CivilDay(number: p.firstDay), start: ClockTime(minutes: p.startMinute), hours: p.hours
                        ).times,
                        p.room?.name ?? "", g.teacher?.fullName ?? "",
                        CivilDay(number: p.firstDay).formatted + " — " + CivilDay(number: p.lastDay).formatted,
                    ])
                }
            }
            d.heading("Приложение. Расписание занятий", level: 2)
            d.table(
                ["Ресурсный центр", "Группа", "Программа", "День", "Время", "Кабинет", "Педагог", "Период"], rows,
                widths: [3, 2, 4, 2, 2, 2, 3, 3])
            // Lessons outside the weekly patterns and the changes to them: single lessons, moves, substitutions,
            // cancellations.
            var changes: [[String]] = []
            for g in groups {
                for l in try await Lesson.query(on: db).filter(try \.$group.$id == g.requireID()).with(\.$pattern).with(
                    \.$room
                )
                .with(\.$teacher).sort(\.$day).all() {
                    let what: String?
                    if l.isCancelled {
                        what = "отменено" + (l.note.map { ": \($0)" } ?? "")
                    } else if l.$pattern.id == nil {
                        what = "разовое занятие"
                    } else if let p = l.pattern,
                        p.startMinute != l.startMinute || p.hours != l.hours
                            || CivilDay(number: l.day).weekday.rawValue != p.weekday
                    {
                        what = "перенос"
                    } else if l.$substituteFor.id != nil {
                        what = "замена педагога"
                    } else {
                        what = nil
                    }
                    guard let what else { continue }
                    changes.append([
                        g.name, CivilDay(number: l.day).formatted, l.span.times, l.room?.name ?? "",
                        l.teacher?.fullName ?? "", what,
                    ])
                }
            }
            if !changes.isEmpty {
                d.heading("Разовые занятия и изменения", level: 2)
                d.table(
                    ["Группа", "Дата", "Время", "Кабинет", "Педагог", "Изменение"], changes, widths: [3, 2, 2, 2, 4, 4])
            }
        case .attestation:
            d.paragraph("По итогам освоения сетевых программ ПРИКАЗЫВАЮ:")
            d.paragraph(
                "1. Провести итоговую аттестацию обучающихся муниципальной сети профильных курсов в формах, "
                    + "предусмотренных программами."
            )
            d.paragraph("2. Утвердить результаты итоговой аттестации (приложение).")
            var rows: [[String]] = []
            for g in groups {
                let results = try await FinalResult.query(on: db).filter(try \.$group.$id == g.requireID()).with(
                    \.$student
                ).all()
                    .sorted { $0.student.sortKey < $1.student.sortKey }
                for r in results {
                    rows.append([
                        String(rows.count + 1), r.student.fullName, g.name, g.organization.shortName,
                        AttestationForm(rawValue: r.form)?.title ?? r.form,
                        (r.passed ? "зачтено" : "не зачтено") + (r.grade.map { ", \($0)" } ?? ""),
                        CivilDay(number: r.resultDay).formatted,
                    ])
                }
            }
            d.heading("Приложение. Результаты итоговой аттестации", level: 2)
            d.table(
                ["№", "Обучающийся", "Группа", "Ресурсный центр", "Форма", "Результат", "Дата"], rows,
                widths: [1, 5, 3, 4, 3, 3, 2])
        case .certificates:
            d.paragraph("По итогам итоговой аттестации обучающихся муниципальной сети профильных курсов ПРИКАЗЫВАЮ:")
            d.paragraph("1. Выдать сертификаты о прослушивании профильных курсов обучающимся согласно приложению.")
            let ids = groups.compactMap(\.id)
            let certs =
                ids.isEmpty
                ? []
                : try await Certificate.query(on: db).filter(\.$group.$id ~~ ids).filter(
                    \.$status == Certificate.Status.valid.rawValue
                )
                .sort(\.$year).sort(\.$sequence).all()
            d.heading("Приложение. Выданные сертификаты", level: 2)
            d.table(
                ["№", "Номер сертификата", "Обучающийся", "Курс", "Ресурсный центр", "Часов"],
                certs.enumerated().map { n, c in
                    [String(n + 1), c.number, c.studentName, c.programTitle, c.centerName, String(c.hours)]
                }, widths: [1, 3, 5, 4, 5, 1])
        case .support, .gratitude:
            let teachers = try await teacherLines(year: i.year, on: db).filter {
                i.recipients.contains(try $0.staff.requireID())
            }
            if i.kind == .support {
                d.paragraph(
                    "В целях поддержки учителей, работающих в муниципальной сети профильных курсов, ПРИКАЗЫВАЮ:")
                d.paragraph(
                    "1. Выплатить учителям, работающим в сети, денежное поощрение в пределах средств программы "
                        + "согласно приложению."
                )
            } else {
                d.paragraph(
                    "По итогам работы муниципальной сети профильных курсов в \(i.year.title) учебном году ПРИКАЗЫВАЮ:")
                d.paragraph("1. Объявить благодарность педагогам согласно приложению.")
            }
            d.heading("Приложение. Педагоги", level: 2)
            d.table(
                ["№", "Педагог", "Организация", "Группы", "Часов проведено"] + (i.kind == .support ? ["Сумма, ₽"] : []),
                teachers.enumerated().map { n, t in
                    [
                        String(n + 1), t.staff.fullName, t.organizations, t.groups.joined(separator: ", "),
                        String(t.hours),
                    ] + (i.kind == .support ? ["________"] : [])
                }, widths: i.kind == .support ? [1, 5, 4, 4, 2, 2] : [1, 5, 4, 5, 2])
        case .interaction:
            d.paragraph("В целях реализации образовательных программ в сетевой форме ПРИКАЗЫВАЮ:")
            d.paragraph(
                "1. Организовать сетевое взаимодействие муниципальных образовательных учреждений в \(i.year.title) "
                    + "учебном году на основании договоров (приложение)."
            )
            d.paragraph("2. Руководителям учреждений обеспечить исполнение договоров о сетевом взаимодействии.")
            let agreements = try await NetworkAgreement.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(
                    \.$status == RecordStatus.active.rawValue
                )
                .filter(\.$state == "signed").filter(\.$startsOn <= i.year.endsOn).filter(\.$endsOn >= i.year.startsOn)
                .with(\.$partyA).with(\.$partyB).all()
            d.heading("Приложение. Договоры о сетевом взаимодействии", level: 2)
            d.table(
                ["№", "Стороны", "Предмет", "Номер", "Срок"],
                agreements.enumerated().map { n, a in
                    [
                        String(n + 1), a.partyA.shortName + " — " + a.partyB.shortName, a.subject, a.number ?? "",
                        RuDate.format(a.startsOn, timeZone: zone) + " — " + RuDate.format(a.endsOn, timeZone: zone),
                    ]
                }, widths: [1, 6, 6, 2, 3])
        }
        d.signatures([("Начальник управления образования", authority?.headName ?? "")])
        return d
    }

    /// «от 01.09.2026 № 245» — the line that signing fills in (the rest of a reviewed draft stays as it was).
    static func header(number: String?, day: CivilDay?) -> DocModel.Block {
        .paragraph(
            [
                DocModel.Run(
                    "от " + (day?.formatted ?? "«___» __________ 20__ г.")
                        + "                                        № " + (number ?? "_____"))
            ], align: .center)
    }

    /// The signed document: the reviewed draft with its number and date line filled in.
    static func signed(_ draft: DocModel, number: String?, day: CivilDay?) -> DocModel {
        var d = draft
        if let i = d.blocks.firstIndex(where: {
            if case .paragraph(let runs, _) = $0 {
                return runs.first?.text.hasPrefix("от ") == true
            } else {
                return false
            }
        }) {
            d.blocks[i] = header(number: number, day: day)
        }
        return d
    }

    /// The year's teachers with their groups and the hours they delivered (from the journal): the administrator picks
    /// the recipients of support and gratitude from this list.
    struct TeacherLine {
        var staff: StaffMember
        var organizations: String
        var groups: [String]
        var hours: Int
    }

    static func teacherLines(year: AcademicYear, on db: any Database) async throws -> [TeacherLine] {
        let groups = try await StudyGroup.query(on: db).filter(try \.$academicYear.$id == year.requireID()).filter(
            \.$status == RecordStatus.active.rawValue
        ).all()
        let byID = Dictionary(try groups.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        let lessons =
            groups.isEmpty
            ? []
            : try await Lesson.query(on: db).filter(\.$group.$id ~~ Array(byID.keys)).filter(
                \.$status == LessonStatus.scheduled.rawValue
            ).all()
        let records =
            lessons.isEmpty
            ? [] : try await LessonRecord.query(on: db).filter(\.$lesson.$id ~~ lessons.compactMap(\.id)).all()
        let hoursByLesson = Dictionary(records.map { ($0.$lesson.id, $0.hours) }, uniquingKeysWith: { a, _ in a })
        var hours: [UUID: Int] = [:]
        var names: [UUID: Set<String>] = [:]
        for l in lessons {
            if let t = l.$teacher.id {
                hours[t, default: 0] += hoursByLesson[try l.requireID()] ?? 0
                names[t, default: []].insert(byID[l.$group.id]?.name ?? "")
            }
        }
        for g in groups { if let t = g.$teacher.id { names[t, default: []].insert(g.name) } }
        guard !names.isEmpty else { return [] }
        let staff = try await StaffMember.query(on: db).filter(\.$id ~~ Array(names.keys)).with(\.$organizations).sort(
            \.$sortKey
        ).all()
        return try staff.map { s in
            TeacherLine(
                staff: s,
                organizations: s.organizations.map(\.shortName).sorted().joined(separator: ", ")
                    + (s.isOutsideTrainer ? " (педагог-тренер)" : ""),
                groups: (names[try s.requireID()] ?? []).sorted(), hours: hours[try s.requireID()] ?? 0)
        }
    }
}
