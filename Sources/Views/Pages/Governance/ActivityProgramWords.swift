import Documents
import Domain
import Foundation

/// The words of resource centres' activity programmes (issue 22, item 3; `003_256a4293e3c370c5.txt` §3.2, §4.2).
public enum ActivityProgramWords {
    public static let title = "Программы деятельности РЦ"
    public static let intro =
        "Рабочая группа ресурсного центра разрабатывает программу деятельности на учебный год: семь разделов, "
        + "включая план работы. Руководитель РЦ утверждает её и направляет на согласование; МОУО или КМЦ "
        + "согласует программу или возвращает с замечаниями. Каждая направленная версия хранится; план работы "
        + "согласованной программы становится планом центра со сроками."
    public static let noun = "Программа деятельности"
    public static let none = "Ресурсных центров в этом учебном году нет."
    public static let notWritten = "не составлена"
    public static let notACenter =
        "Ваша организация не назначена ресурсным центром в этом учебном году: программу деятельности составляет "
        + "ресурсный центр (п. 4.2 положения о РЦ)."
    public static let create = "Составить программу"
    public static let created = "Программа создана: заполните разделы и сохраните черновик."
    public static let saved = "Черновик сохранён."
    public static let submitted = "Программа утверждена руководителем РЦ и направлена на согласование."
    public static let agreed = "Программа согласована; план работы стал планом центра."
    public static let returned = "Программа возвращена на доработку с замечаниями."
    public static let notSaved = "Программа не сохранена: исправьте отмеченные поля."
    public static let notSubmitted = "Программа не направлена: заполните отмеченные разделы."
    public static let changed =
        "Программу уже изменил другой пользователь. Ниже — текущие значения; внесите изменения ещё раз."
    public static let locked =
        "Программа на согласовании или согласована: изменить её можно только после возврата на доработку."
    public static let notSubmittedYet = "Согласовать или вернуть можно только программу, направленную на согласование."
    public static let exists = "Программа этого ресурсного центра на этот учебный год уже составлена."
    public static let chooseCenter = "Выберите ресурсный центр."
    public static let commentRequired = "Напишите, что нужно исправить."
    public static let saveDraft = "Сохранить черновик"
    public static let submit = "Утвердить и направить на согласование"
    public static let agree = "Согласовать"
    public static let giveBack = "Вернуть на доработку"
    public static let planTitle = "План работы РЦ"
    public static let document = "Печать и DOCX"
    public static let edit = "Изменить"

    /// «2026/2027 учебный год».
    public static func year(_ startYear: Int) -> String { "\(startYear)/\(startYear + 1) учебный год" }
    public static func heading(_ center: String, startYear: Int) -> String {
        "Программа деятельности РЦ: \(center), \(year(startYear))"
    }
    /// The plan the agreed programme's work plan becomes.
    public static func plan(_ startYear: Int) -> String { "План работы РЦ на \(year(startYear))" }
    public static func version(_ number: Int) -> String { "Версия \(number)" }

    public enum Field {
        public static let center = "Ресурсный центр"
        public static let year = "Учебный год"
        public static let group = "Состав рабочей группы РЦ"
        public static let groupHint =
            "По строке на участника: «ФИО; должность, место работы». Руководит группой руководитель организации, "
            + "на базе которой создан РЦ (п. 3.5 положения)."
        public static let comment = "Замечания (при возврате)"
    }

    public static let notWrittenSection = "Раздел не заполнен."
    /// The work plan's columns on the page: the day the dates make is shown, so that the head sees what the plan gets.
    public static let pageColumns = ["№", "Мероприятие", "Сроки", "Срок в плане", "Ответственный", "Партнёры"]
    public static let planColumns = ["№", "Мероприятие", "Сроки", "Ответственный", "Партнёры"]
    public static let groupColumns = ["№", "ФИО", "Должность, место работы"]

    /// The programme as a document: the title page's facts, the seven sections, the work plan and the working group,
    /// the approval and the agreement — printed and downloaded as DOCX from this one model.
    public static func document(
        center: String, headName: String?, startYear: Int, content: ActivityProgramContent, version: Int?,
        agreed: String?
    ) -> DocModel {
        var doc = DocModel(title: "Программа деятельности ресурсного центра")
        doc.paragraph(
            [
                DocModel.Run("УТВЕРЖДАЮ", bold: true),
                DocModel.Run("\nРуководитель РЦ ____________ " + (headName ?? "")),
            ], align: .right)
        if let agreed { doc.paragraph([DocModel.Run("СОГЛАСОВАНО", bold: true), DocModel.Run("\n" + agreed)]) }
        doc.heading("Программа деятельности ресурсного центра")
        doc.paragraph(center, align: .center, bold: true)
        doc.paragraph("на " + year(startYear), align: .center)
        if let version { doc.paragraph(Self.version(version), align: .center) }
        for (number, section) in ActivityProgramSection.allCases.enumerated() {
            doc.heading("\(number + 1). \(section.title)", level: 2)
            if section == .workPlan {
                if content.rows.isEmpty {
                    doc.paragraph("—")
                } else {
                    doc.table(
                        planColumns,
                        content.rows.enumerated().map { index, row in
                            [String(index + 1), row.activity, row.dates, row.responsible, row.partners ?? ""]
                        }, widths: [1, 6, 3, 3, 3])
                }
            } else {
                for paragraph in (content.text(section) ?? "—").components(separatedBy: "\n")
                where !paragraph.trimmingCharacters(in: .whitespaces).isEmpty {
                    doc.paragraph(paragraph)
                }
            }
        }
        doc.heading(Field.group, level: 2)
        if content.group.isEmpty {
            doc.paragraph("—")
        } else {
            doc.table(
                groupColumns,
                content.group.enumerated().map { [String($0 + 1), $1.name, $1.position] }, widths: [1, 5, 8])
        }
        return doc
    }
}

extension ActivityProgramWords {
    /// The names of a programme's fields in the audit log.
    public enum Audit {
        public static let status = "Состояние"
        public static let comment = "Замечания"
        public static let group = "Рабочая группа"
        /// A plan made from the work plan: its items.
        public static let plan = "Пунктов плана работы"
    }

    /// A programme's fields as the audit log keeps them: each section, the work plan's lines, the working group.
    public static func audit(_ content: ActivityProgramContent, status: ActivityProgramStatus) -> [String: String] {
        var fields = [Audit.status: status.title]
        for section in ActivityProgramSection.texts { fields[section.title] = content.text(section) ?? "" }
        fields[ActivityProgramSection.workPlan.title] = content.rows.map(\.line).joined(separator: "\n")
        fields[Audit.group] = content.group.map(\.line).joined(separator: "\n")
        return fields
    }

    /// A plan item's measure from a row with partners: «Семинар (партнёры: Колледж № 1)».
    public static func withPartners(_ activity: String, _ partners: String) -> String {
        activity + " (партнёры: " + partners + ")"
    }

    /// «Согласовано 12.09.2026, kmc».
    public static func agreedLine(_ day: String, by user: String) -> String { "Согласовано \(day), \(user)" }
}

extension ActivityProgramWords {
    public static let yearExpected = "Ожидается учебный год: 2026 или 2026/2027."
    public static let versionRequired = "Укажите версию программы."
    public static let decisionExpected = "Ожидается agree (согласовать) или return (вернуть на доработку)."
}
