import Domain
import Foundation

/// Words of the staff registry outside its pages: the section's noun, form checks, audit fields.
public enum StaffWords {
    /// The record's noun.
    public static let noun = "Сотрудник"
    public static let addCourse = "Добавить курс повышения квалификации"
    /// The heading of a new staff member's form.
    public static let newTitle = "Новый сотрудник"
    /// What archiving a staff member does.
    public static let archiveConsequence =
        "Сотрудник пропадёт из списков выбора педагогов; его история и прежние записи сохранятся."
    /// A category outside the list.
    public static let categoryFromList = "Выберите категорию из списка."
    /// The user may not add staff to that organisation.
    public static func notYourOrganization(_ name: String) -> String {
        "Вы не можете добавлять сотрудников в «\(name)»."
    }
    /// Neither a place of work nor an outside trainer.
    public static let placeOrTrainer = "Укажите место работы или отметьте, что это внешний тренер."
    /// What the audit log records of a staff member.
    public static func audit(
        name: String, position: String, category: QualificationCategory?, isOutsideTrainer: Bool,
        organizations: [String], subjects: [String], phone: String?, email: String?
    ) -> [String: String] {
        [
            "ФИО": name, "Должность": position, "Категория": category?.title ?? "",
            "Внешний тренер": isOutsideTrainer ? "да" : "нет", "Места работы": organizations.joined(separator: ", "),
            "Предметы": subjects.joined(separator: ", "), "Телефон": phone ?? "", "Электронная почта": email ?? "",
        ]
    }
}
