import Domain
import Foundation

/// Words of network programmes outside their pages: the section's noun, form checks, card actions, audit fields.
public enum ProgramsWords {
    /// The record's noun.
    public static let noun = "Программа"
    /// The heading of a new programme's form.
    public static let newTitle = "Новая программа"
    /// What archiving a programme does.
    public static let archiveConsequence =
        "Программа пропадёт из каталога и из выбора при открытии групп; группы и история сохранятся."
    /// A programme under review or agreed cannot be edited.
    public static let notEditable = "Программа на согласовании или уже согласована: изменить её нельзя."
    /// The user may not keep programmes of the chosen centre.
    public static let notYourCenter = "Вы не можете вести программы этого центра."
    /// A teacher outside the list.
    public static let teachersFromList = "Выберите педагогов из списка."
    /// The card's button that submits the programme.
    public static let submit = "Отправить на согласование в КМЦ"
    /// The card's link to the review.
    public static let review = "Рассмотреть"
    /// What the audit log records of a programme.
    public static func audit(
        title: String, kind: ProgramKind?, gradeFrom: Int, gradeTo: Int, hours: Int, form: StudyForm?,
        modules: String?, target: String?, teachers: [String], approval: ProgramApproval?
    ) -> [String: String] {
        [
            "Название": title, "Вид": kind?.title ?? "", "Классы": "\(gradeFrom)–\(gradeTo)", "Часов": String(hours),
            "Форма": form?.title ?? "", "Модули": modules ?? "", "Целевая направленность": target ?? "",
            "Педагоги": teachers.joined(separator: ", "), "Согласование": approval?.title ?? "",
        ]
    }
}
