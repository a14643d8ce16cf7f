import Documents
import Domain
import Foundation

/// The words of technical assignments (issue 22, item 4; `000_5375b2a087477e6d.txt`, `001_4390f67d15d9225c.txt`
/// §2.5.2).
public enum AssignmentWords {
    public static let versionRequired = "Укажите версию задания."
    public static let title = "Технические задания"
    public static let intro =
        "КМЦ формирует технические задания ресурсным центрам, инновационным площадкам и школам: основание, цели, "
        + "содержание работы, ожидаемые результаты, сроки, финансирование и формы предъявления результата "
        + "(положение, образовательный проект, отчёт, аналитическая справка). Выданное задание становится планом "
        + "организации: каждый результат — пункт со сроком, выполненный только с подтверждением."
    public static let noun = "Техническое задание"
    public static let none = "Технических заданий пока нет."
    public static let create = "Составить задание"
    public static let newTitle = "Новое техническое задание"
    public static let saved = "Проект задания сохранён."
    public static let issued = "Задание выдано: его результаты стали пунктами плана организации."
    public static let notSaved = "Задание не сохранено: исправьте отмеченные поля."
    public static let changed =
        "Задание уже изменил другой пользователь. Ниже — текущие значения; внесите изменения ещё раз."
    public static let locked = "Выданное задание не меняется: его результаты отмечаются в плане организации."
    public static let chooseOrganization = "Выберите организацию из списка."
    public static let saveDraft = "Сохранить проект"
    public static let issue = "Выдать задание"
    public static let edit = "Изменить проект"
    public static let document = "Печать и DOCX"
    public static let resultsSection = "Результаты по техническому заданию"
    public static let noEvidence = "нет"
    public static let hasEvidence = "есть"

    public enum Field {
        public static let organization = "Кому (организация)"
        public static let title = "Название задания"
        public static let basis = "Основание для разработки"
        public static let goals = "Цели"
        public static let content = "Содержание работы"
        public static let results = "Ожидаемые результаты"
        public static let financing = "Финансирование"
        public static let startsOn = "Начало"
        public static let endsOn = "Окончание"
        public static let deliverables = "Формы предъявления результата"
        public static let deliverablesHint =
            "По строке на результат: «вид; название; срок ДД.ММ.ГГГГ». Вид — положение, проект, отчёт, справка или "
            + "иное. Срок — в пределах срока задания."
    }

    /// «01.09.2026 — 30.06.2027».
    public static func term(_ from: String, _ to: String) -> String { from + " — " + to }
    /// «выполнено 2 из 4, просрочено 1».
    public static func progress(done: Int, of total: Int, overdue: Int) -> String {
        "выполнено \(done) из \(total)" + (overdue > 0 ? ", просрочено \(overdue)" : "")
    }
    /// The plan of an assignment's results.
    public static func plan(_ title: String) -> String { "Техническое задание: " + title }

    /// An assignment's fields as the audit log keeps them.
    public static func audit(_ input: AssignmentInput, status: AssignmentStatus) -> [String: String] {
        [
            "Состояние": status.title, Field.title: input.title, Field.basis: input.basis ?? "",
            Field.goals: input.goals, Field.content: input.content, Field.results: input.results,
            Field.financing: input.financing ?? "", Field.startsOn: input.startsOn.formatted,
            Field.endsOn: input.endsOn.formatted,
            Field.deliverables: input.deliverables.map(\.line).joined(separator: "\n"),
        ]
    }

    /// The assignment as a document, in the order of the model assignment (`000_5375b2a087477e6d.txt`): basis, goals,
    /// content, expected results, the forms of the result with their days, the term, the financing.
    public static func document(title: String, organization: String, input: AssignmentInput, issued: Bool)
        -> DocModel
    {
        var doc = DocModel(title: noun)
        if !issued { doc.paragraph("ПРОЕКТ", align: .right, bold: true) }
        doc.heading("Техническое задание")
        doc.paragraph(title, align: .center, bold: true)
        doc.field("Исполнитель", organization)
        doc.field("Срок выполнения", term(input.startsOn.formatted, input.endsOn.formatted))
        let sections: [(String, String?)] = [
            ("1. " + Field.basis, input.basis), ("2. " + Field.goals, input.goals),
            ("3. " + Field.content, input.content), ("4. " + Field.results, input.results),
        ]
        for (heading, text) in sections {
            doc.heading(heading, level: 2)
            for paragraph in (text ?? "—").components(separatedBy: "\n")
            where !paragraph.trimmingCharacters(in: .whitespaces).isEmpty {
                doc.paragraph(paragraph)
            }
        }
        doc.heading("5. " + Field.deliverables, level: 2)
        doc.table(
            ["№", "Вид", "Результат", "Срок"],
            input.deliverables.enumerated().map { [String($0 + 1), $1.kind.title, $1.title, $1.dueOn.formatted] },
            widths: [1, 3, 8, 2])
        doc.heading("6. " + Field.financing, level: 2)
        doc.paragraph(input.financing ?? "—")
        doc.signatures([("Руководитель КМЦ", ""), ("Руководитель организации-исполнителя", "")])
        return doc
    }
}
