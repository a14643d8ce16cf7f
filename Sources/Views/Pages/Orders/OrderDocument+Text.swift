import Documents
import Domain
import Foundation

extension OrderDocument {
    /// The order as a document: heading, requisites, the points of its kind, the appendix, the head's signature.
    public var model: DocModel {
        let title = kind.title(year: yearTitle)
        // Orders with wide annex tables are laid out in landscape.
        var d = DocModel(
            title: "Приказ: " + kind.short + " (\(yearTitle))",
            landscape: [.organization, .schedule, .attestation].contains(kind))
        d.paragraph(authority?.fullName.uppercased() ?? municipality.uppercased(), align: .center, bold: true)
        if let a = authority {
            d.paragraph(
                [a.address, a.phone.map { "тел. " + $0 }, a.email].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                    separator: ", "), align: .center)
        }
        d.heading("ПРИКАЗ")
        d.blocks.append(Self.header(number: number, day: day))
        d.paragraph(municipality, align: .center)
        d.paragraph([DocModel.Run(title, bold: true)], align: .left)
        switch annex {
        case .organization(let centers, let groups): organization(&d, centers: centers, groups: groups)
        case .schedule(let patterns, let changes): schedule(&d, patterns: patterns, changes: changes)
        case .attestation(let results): attestation(&d, results)
        case .certificates(let certificates): self.certificates(&d, certificates)
        case .support(let teachers): self.teachers(&d, teachers, support: true)
        case .gratitude(let teachers): self.teachers(&d, teachers, support: false)
        case .interaction(let agreements): interaction(&d, agreements)
        }
        d.signatures([("Начальник управления образования", authority?.headName ?? "")])
        return d
    }

    /// «от 01.09.2026 № 245» — the line that signing fills in (the rest of a reviewed draft stays as it was).
    public static func header(number: String?, day: String?) -> DocModel.Block {
        .paragraph(
            [
                DocModel.Run(
                    "от " + (day ?? "«___» __________ 20__ г.") + "                                        № "
                        + (number ?? "_____"))
            ], align: .center)
    }

    /// The signed document: the reviewed draft with its number and date line filled in.
    public static func signed(_ draft: DocModel, number: String?, day: String?) -> DocModel {
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

    private func organization(_ d: inout DocModel, centers: [Center], groups: [Group]) {
        d.paragraph(
            "В целях обеспечения доступности профильного обучения старшеклассников и на основании Положения о "
                + "муниципальной сети профильных курсов ПРИКАЗЫВАЮ:"
        )
        d.paragraph(
            "1. Организовать работу муниципальной сети профильных курсов в \(yearTitle) учебном году "
                + "(\(period)) на базе ресурсных центров (приложение 1)."
        )
        d.paragraph("2. Утвердить перечень сетевых программ и групп (приложение 2).")
        d.paragraph("3. Руководителям ресурсных центров обеспечить реализацию программ в объёме, согласованном с КМЦ.")
        d.paragraph("4. Контроль за исполнением приказа возложить на координационно-методический центр.")
        d.heading("Приложение 1. Ресурсные центры", level: 2)
        d.table(
            ["№", "Образовательная организация", "Предметы"],
            centers.enumerated().map { n, c in [String(n + 1), c.name, c.subjects.joined(separator: ", ")] },
            widths: [1, 8, 5])
        d.heading("Приложение 2. Программы и группы", level: 2)
        d.table(
            ["№", "Ресурсный центр", "Программа", "Группа", "Педагог", "Мест", "Часов"],
            groups.enumerated().map { n, g in
                [String(n + 1), g.center, g.program, g.name, g.teacher, String(g.capacity), String(g.hours)]
            }, widths: [1, 4, 5, 3, 4, 1, 1])
    }

    private func schedule(_ d: inout DocModel, patterns: [Pattern], changes: [Change]) {
        d.paragraph("В целях организации занятий муниципальной сети профильных курсов ПРИКАЗЫВАЮ:")
        d.paragraph("1. Утвердить расписание занятий сети на \(yearTitle) учебный год (приложение).")
        d.paragraph("2. Изменения расписания вносить по согласованию с координационно-методическим центром.")
        d.heading("Приложение. Расписание занятий", level: 2)
        d.table(
            ["Ресурсный центр", "Группа", "Программа", "День", "Время", "Кабинет", "Педагог", "Период"],
            patterns.map { [$0.center, $0.group, $0.program, $0.weekday, $0.times, $0.room, $0.teacher, $0.period] },
            widths: [3, 2, 4, 2, 2, 2, 3, 3])
        // Lessons outside the weekly patterns and the changes to them: single lessons, moves, substitutions,
        // cancellations.
        if !changes.isEmpty {
            d.heading("Разовые занятия и изменения", level: 2)
            d.table(
                ["Группа", "Дата", "Время", "Кабинет", "Педагог", "Изменение"],
                changes.map { [$0.group, $0.day, $0.times, $0.room, $0.teacher, Self.title($0.kind)] },
                widths: [3, 2, 2, 2, 4, 4])
        }
    }

    private static func title(_ kind: ChangeKind) -> String {
        switch kind {
        case .cancelled(let note): "отменено" + (note.map { ": \($0)" } ?? "")
        case .single: "разовое занятие"
        case .moved: "перенос"
        case .substitute: "замена педагога"
        }
    }

    private func attestation(_ d: inout DocModel, _ results: [Result]) {
        d.paragraph("По итогам освоения сетевых программ ПРИКАЗЫВАЮ:")
        d.paragraph(
            "1. Провести итоговую аттестацию обучающихся муниципальной сети профильных курсов в формах, "
                + "предусмотренных программами."
        )
        d.paragraph("2. Утвердить результаты итоговой аттестации (приложение).")
        d.heading("Приложение. Результаты итоговой аттестации", level: 2)
        d.table(
            ["№", "Обучающийся", "Группа", "Ресурсный центр", "Форма", "Результат", "Дата"],
            results.enumerated().map { n, r in
                [
                    String(n + 1), r.student, r.group, r.center, r.form,
                    (r.passed ? "зачтено" : "не зачтено") + (r.grade.map { ", \($0)" } ?? ""), r.day,
                ]
            }, widths: [1, 5, 3, 4, 3, 3, 2])
    }

    private func certificates(_ d: inout DocModel, _ certificates: [Certificate]) {
        d.paragraph("По итогам итоговой аттестации обучающихся муниципальной сети профильных курсов ПРИКАЗЫВАЮ:")
        d.paragraph("1. Выдать сертификаты о прослушивании профильных курсов обучающимся согласно приложению.")
        d.heading("Приложение. Выданные сертификаты", level: 2)
        d.table(
            ["№", "Номер сертификата", "Обучающийся", "Курс", "Ресурсный центр", "Часов"],
            certificates.enumerated().map { n, c in
                [String(n + 1), c.number, c.student, c.course, c.center, String(c.hours)]
            }, widths: [1, 3, 5, 4, 5, 1])
    }

    private func teachers(_ d: inout DocModel, _ teachers: [Teacher], support: Bool) {
        if support {
            d.paragraph("В целях поддержки учителей, работающих в муниципальной сети профильных курсов, ПРИКАЗЫВАЮ:")
            d.paragraph(
                "1. Выплатить учителям, работающим в сети, денежное поощрение в пределах средств программы "
                    + "согласно приложению."
            )
        } else {
            d.paragraph(
                "По итогам работы муниципальной сети профильных курсов в \(yearTitle) учебном году ПРИКАЗЫВАЮ:")
            d.paragraph("1. Объявить благодарность педагогам согласно приложению.")
        }
        d.heading("Приложение. Педагоги", level: 2)
        d.table(
            ["№", "Педагог", "Организация", "Группы", "Часов проведено"] + (support ? ["Сумма, ₽"] : []),
            teachers.enumerated().map { n, t in
                [String(n + 1), t.name, t.organizations, t.groups.joined(separator: ", "), String(t.hours)]
                    + (support ? ["________"] : [])
            }, widths: support ? [1, 5, 4, 4, 2, 2] : [1, 5, 4, 5, 2])
    }

    private func interaction(_ d: inout DocModel, _ agreements: [Agreement]) {
        d.paragraph("В целях реализации образовательных программ в сетевой форме ПРИКАЗЫВАЮ:")
        d.paragraph(
            "1. Организовать сетевое взаимодействие муниципальных образовательных учреждений в \(yearTitle) "
                + "учебном году на основании договоров (приложение)."
        )
        d.paragraph("2. Руководителям учреждений обеспечить исполнение договоров о сетевом взаимодействии.")
        d.heading("Приложение. Договоры о сетевом взаимодействии", level: 2)
        d.table(
            ["№", "Стороны", "Предмет", "Номер", "Срок"],
            agreements.enumerated().map { n, a in [String(n + 1), a.parties, a.subject, a.number, a.term] },
            widths: [1, 6, 6, 2, 3])
    }
}
