import Documents
import Domain
import Foundation

extension OrderDocument {
    /// The order as a document: heading, requisites, the points of its kind, the appendix, the head's signature.
    public var model: DocModel {
        let title = kind.title(year: yearTitle)
        // Orders with wide annex tables are laid out in landscape.
        var document = DocModel(
            title: "Приказ: " + kind.short + " (\(yearTitle))",
            landscape: [.organization, .schedule, .attestation, .talentSupport].contains(kind))
        document.paragraph(authority?.fullName.uppercased() ?? municipality.uppercased(), align: .center, bold: true)
        if let authority = authority {
            document.paragraph(
                [authority.address, authority.phone.map { "тел. " + $0 }, authority.email].compactMap { $0 }.filter {
                    !$0.isEmpty
                }.joined(
                    separator: ", "), align: .center)
        }
        document.heading("ПРИКАЗ")
        document.blocks.append(Self.header(number: number, day: day))
        document.paragraph(municipality, align: .center)
        document.paragraph([DocModel.Run(title, bold: true)], align: .left)
        switch annex {
        case .organization(let centers, let groups): organization(&document, centers: centers, groups: groups)
        case .schedule(let patterns, let changes): schedule(&document, patterns: patterns, changes: changes)
        case .attestation(let results): attestation(&document, results)
        case .certificates(let certificates): self.certificates(&document, certificates)
        case .support(let teachers): self.teachers(&document, teachers, support: true)
        case .gratitude(let teachers): self.teachers(&document, teachers, support: false)
        case .interaction(let agreements): interaction(&document, agreements)
        case .talentSupport(let awards): talentSupport(&document, awards)
        }
        document.signatures([("Начальник управления образования", authority?.headName ?? "")])
        return document
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
        var document = draft
        if let i = document.blocks.firstIndex(where: {
            if case .paragraph(let runs, _) = $0 {
                return runs.first?.text.hasPrefix("от ") == true
            } else {
                return false
            }
        }) {
            document.blocks[i] = header(number: number, day: day)
        }
        return document
    }

    private func organization(_ document: inout DocModel, centers: [Center], groups: [Group]) {
        document.paragraph(
            "В целях обеспечения доступности профильного обучения старшеклассников и на основании Положения о "
                + "муниципальной сети профильных курсов ПРИКАЗЫВАЮ:"
        )
        document.paragraph(
            "1. Организовать работу муниципальной сети профильных курсов в \(yearTitle) учебном году "
                + "(\(period)) на базе ресурсных центров (приложение 1)."
        )
        document.paragraph("2. Утвердить перечень сетевых программ и групп (приложение 2).")
        document.paragraph(
            "3. Руководителям ресурсных центров обеспечить реализацию программ в объёме, согласованном с КМЦ.")
        document.paragraph("4. Контроль за исполнением приказа возложить на координационно-методический центр.")
        document.heading("Приложение 1. Ресурсные центры", level: 2)
        document.table(
            ["№", "Образовательная организация", "Предметы"],
            centers.enumerated().map { index, center in
                [String(index + 1), center.name, center.subjects.joined(separator: ", ")]
            },
            widths: [1, 8, 5])
        document.heading("Приложение 2. Программы и группы", level: 2)
        document.table(
            ["№", "Ресурсный центр", "Программа", "Группа", "Педагог", "Мест", "Часов"],
            groups.enumerated().map { index, group in
                [
                    String(index + 1), group.center, group.program, group.name, group.teacher, String(group.capacity),
                    String(group.hours),
                ]
            }, widths: [1, 4, 5, 3, 4, 1, 1])
    }

    private func schedule(_ document: inout DocModel, patterns: [Pattern], changes: [Change]) {
        document.paragraph("В целях организации занятий муниципальной сети профильных курсов ПРИКАЗЫВАЮ:")
        document.paragraph("1. Утвердить расписание занятий сети на \(yearTitle) учебный год (приложение).")
        document.paragraph("2. Изменения расписания вносить по согласованию с координационно-методическим центром.")
        document.heading("Приложение. Расписание занятий", level: 2)
        document.table(
            ["Ресурсный центр", "Группа", "Программа", "День", "Время", "Кабинет", "Педагог", "Период"],
            patterns.map { [$0.center, $0.group, $0.program, $0.weekday, $0.times, $0.room, $0.teacher, $0.period] },
            widths: [3, 2, 4, 2, 2, 2, 3, 3])
        // Lessons outside the weekly patterns and the changes to them: single lessons, moves, substitutions,
        // cancellations.
        if !changes.isEmpty {
            document.heading("Разовые занятия и изменения", level: 2)
            document.table(
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

    private func attestation(_ document: inout DocModel, _ results: [Result]) {
        document.paragraph("По итогам освоения сетевых программ ПРИКАЗЫВАЮ:")
        document.paragraph(
            "1. Провести итоговую аттестацию обучающихся муниципальной сети профильных курсов в формах, "
                + "предусмотренных программами."
        )
        document.paragraph("2. Утвердить результаты итоговой аттестации (приложение).")
        document.heading("Приложение. Результаты итоговой аттестации", level: 2)
        document.table(
            ["№", "Обучающийся", "Группа", "Ресурсный центр", "Форма", "Результат", "Дата"],
            results.enumerated().map { index, result in
                [
                    String(index + 1), result.student, result.group, result.center, result.form,
                    (result.passed ? "зачтено" : "не зачтено") + (result.grade.map { ", \($0)" } ?? ""), result.day,
                ]
            }, widths: [1, 5, 3, 4, 3, 3, 2])
    }

    private func certificates(_ document: inout DocModel, _ certificates: [Certificate]) {
        document.paragraph("По итогам итоговой аттестации обучающихся муниципальной сети профильных курсов ПРИКАЗЫВАЮ:")
        document.paragraph("1. Выдать сертификаты о прослушивании профильных курсов обучающимся согласно приложению.")
        document.heading("Приложение. Выданные сертификаты", level: 2)
        document.table(
            ["№", "Номер сертификата", "Обучающийся", "Курс", "Ресурсный центр", "Часов"],
            certificates.enumerated().map { index, certificate in
                [
                    String(index + 1), certificate.number, certificate.student, certificate.course, certificate.center,
                    String(certificate.hours),
                ]
            }, widths: [1, 3, 5, 4, 5, 1])
    }

    private func teachers(_ document: inout DocModel, _ teachers: [Teacher], support: Bool) {
        if support {
            document.paragraph(
                "В целях поддержки учителей, работающих в муниципальной сети профильных курсов, ПРИКАЗЫВАЮ:")
            document.paragraph(
                "1. Выплатить учителям, работающим в сети, денежное поощрение в пределах средств программы "
                    + "согласно приложению."
            )
        } else {
            document.paragraph(
                "По итогам работы муниципальной сети профильных курсов в \(yearTitle) учебном году ПРИКАЗЫВАЮ:")
            document.paragraph("1. Объявить благодарность педагогам согласно приложению.")
        }
        document.heading("Приложение. Педагоги", level: 2)
        document.table(
            ["№", "Педагог", "Организация", "Группы", "Часов проведено"] + (support ? ["Сумма, ₽"] : []),
            teachers.enumerated().map { index, teacher in
                [
                    String(index + 1), teacher.name, teacher.organizations, teacher.groups.joined(separator: ", "),
                    String(teacher.hours),
                ]
                    + (support ? [teacher.amount.map(AwardWords.digits) ?? "________"] : [])
            }, widths: support ? [1, 5, 4, 4, 2, 2] : [1, 5, 4, 5, 2])
    }

    private func interaction(_ document: inout DocModel, _ agreements: [Agreement]) {
        document.paragraph("В целях реализации образовательных программ в сетевой форме ПРИКАЗЫВАЮ:")
        document.paragraph(
            "1. Организовать сетевое взаимодействие муниципальных образовательных учреждений в \(yearTitle) "
                + "учебном году на основании договоров (приложение)."
        )
        document.paragraph("2. Руководителям учреждений обеспечить исполнение договоров о сетевом взаимодействии.")
        document.heading("Приложение. Договоры о сетевом взаимодействии", level: 2)
        document.table(
            ["№", "Стороны", "Предмет", "Номер", "Срок"],
            agreements.enumerated().map { index, agreement in
                [String(index + 1), agreement.parties, agreement.subject, agreement.number, agreement.term]
            },
            widths: [1, 6, 6, 2, 3])
    }

    private func talentSupport(_ document: inout DocModel, _ awards: [Award]) {
        document.paragraph(
            "В целях государственной и муниципальной поддержки одарённых и талантливых обучающихся, по итогам "
                + "олимпиад и конкурсов и на основании предложений координационно-методического центра ПРИКАЗЫВАЮ:")
        document.paragraph(
            "1. Назначить меры поддержки (премии, стипендии, гранты, оплату участия в мероприятиях) обучающимся "
                + "согласно приложению.")
        document.paragraph(
            "2. Произвести выплаты за счёт средств муниципальной программы в пределах предусмотренных ассигнований.")
        document.paragraph(
            "3. Внести сведения о назначенных мерах в банк данных лауреатов и стипендиатов.")
        document.paragraph("4. Контроль за исполнением приказа возложить на координационно-методический центр.")
        document.heading("Приложение. Меры поддержки", level: 2)
        document.table(
            ["№", "Обучающийся", "Школа", "Класс", "Мера", "Сумма", "Основание"],
            awards.enumerated().map { index, award in
                [
                    String(index + 1), award.student, award.school, String(award.grade), award.measure, award.sum,
                    award.basis,
                ]
            }, widths: [1, 4, 3, 1, 3, 3, 5])
    }
}
