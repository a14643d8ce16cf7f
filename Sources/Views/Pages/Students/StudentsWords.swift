import Domain
import Foundation

/// Words of the students registry outside its pages: the section's noun, form checks, history lines, audit fields.
public enum StudentsWords {
    /// A municipality missing when registry numbers are handed out.
    public static let municipalityNotFound = "Муниципалитет не найден."
    /// The record's noun.
    public static let noun = "Обучающийся"
    /// The heading of a new student's form.
    public static let newTitle = "Новый обучающийся"
    /// What archiving a student does.
    public static let archiveConsequence =
        "Обучающийся пропадёт из списков выбора для записи в группы; его записи и история сохранятся."
    /// The card's link to a new guardian's form.
    public static let addGuardian = "Добавить законного представителя"

    /// Messages of the student's form.
    public enum Check {
        /// The user may not keep students of the chosen organisation.
        public static let notYourSchool = "Вы не можете вести учащихся этой организации."
        /// A birth date in the future.
        public static let birthInFuture = "Дата рождения не может быть в будущем."
        /// A consent date without who gave it.
        public static let consentByMissing = "Укажите, кто дал согласие."
        /// The same child is in the registry (one the user may see).
        public static func duplicate(name: String, birth: String) -> String {
            "Такой обучающийся уже есть в реестре: \(name), \(birth)."
        }
        /// The same child is in another school (not revealed).
        public static let duplicateElsewhere = "Учащийся уже зарегистрирован в другой школе — обратитесь в КМЦ."
        /// A consent date in the future.
        public static let consentInFuture = "Дата согласия не может быть в будущем."
        /// A new consent dated before the withdrawal.
        public static func consentBeforeWithdrawal(_ withdrawn: String) -> String {
            "Согласие отозвано \(withdrawn): укажите дату нового согласия — не раньше отзыва."
        }
    }

    /// Lines of a student's history that come from file imports.
    public enum History {
        /// Added by an import.
        public static func imported(_ file: String) -> String { "Загрузка из файла «\(file)»: запись добавлена" }
        /// Merged with a row of an import.
        public static func merged(_ file: String) -> String { "Загрузка из файла «\(file)»: объединено с записью" }
        /// The import was undone.
        public static func reverted(_ file: String) -> String {
            "Отмена загрузки «\(file)»: прежние значения восстановлены"
        }
        /// A value the record has changed since the import: what the file said is shown instead.
        public static let byFile = "по файлу"
        /// Names of the fields an import may change.
        public static let grade = "Класс"
        /// The sex field.
        public static let sex = "Пол"
        /// The special needs field.
        public static let specialNeeds = "ОВЗ"
        /// The consent field.
        public static let consent = "Согласие"
    }

    /// «да» or «нет».
    public static func yesNo(_ value: Bool) -> String { value ? "да" : "нет" }

    /// The consent as the card and the guardian's page say it: «дано 01.09.2025, мать», «отозвано …», «не получено».
    public static func consent(givenOn: String?, givenBy: String?, withdrawnOn: String?, withdrawnBy: String?)
        -> String
    {
        if let withdrawnOn { return "отозвано \(withdrawnOn)" + (withdrawnBy.map { " (\($0))" } ?? "") }
        if let givenOn { return "дано \(givenOn)" + (givenBy.map { ", \($0)" } ?? "") }
        return "не получено"
    }

    /// What the audit log records of a student (dates as the page shows them).
    public static func audit(
        name: String, birth: String, school: String, grade: String, sex: Sex?, specialNeeds: Bool,
        withdrawnOn: String?, withdrawnBy: String?, consentOn: String, consentBy: String?
    ) -> [String: String] {
        [
            "ФИО": name, "Дата рождения": birth, "Школа": school, "Класс": grade, "Пол": sex?.title ?? "",
            "ОВЗ": yesNo(specialNeeds),
            "Отзыв согласия": withdrawnOn.map { $0 + (withdrawnBy.map { ", \($0)" } ?? "") } ?? "",
            "Согласие": consentOn + (consentBy.map { " — \($0)" } ?? ""),
        ]
    }
}
