import Domain
import Foundation

/// Final assessment and diagnostics: the titles, trails and intros the controllers fill into the page types, and
/// the flash messages, field errors and audit lines.
public enum AssessmentWords {
    /// The trail of a group's assessment pages: the groups, then the group (its page or its diagnostics).
    public static func crumbs(group: String, url: String) -> [Crumb] {
        [Crumb("Группы", SiteURL.list(.groups).path), Crumb(group, url)]
    }
    /// A student's attendance as the results page shows it.
    public static func attendance(percent: Int, attended: Int, delivered: Int) -> String {
        "\(percent) % (\(attended) из \(delivered) ч)"
    }

    /// The final assessment of a group.
    public enum Results {
        /// The results page's title (also the audit title of a group's results).
        public static func title(_ group: String) -> String { "Итоговая аттестация: \(group)" }
        /// The results page's intro: the course and centre, and what attendance counts.
        public static func intro(program: String, center: String) -> String {
            "\(program), \(center). Посещаемость — доля проведённых часов по журналу."
        }
        public static let choosePassed = "Выберите результат."
        public static let dayInFuture = "Дата не может быть позже сегодняшней."
        public static let noneEntered = "Внесите итоги хотя бы одного обучающегося."
        public static let enteredMeanwhile = "Итоги только что внёс другой пользователь: обновите страницу."
        public static let changedMeanwhile = "Итог этого обучающегося изменил другой пользователь: обновите страницу."
        /// A failed result refused while the student holds a certificate for the course.
        public static func certificateIssued(_ number: String) -> String {
            "Выдан сертификат № \(number): сначала аннулируйте его."
        }
        public static let saved = "Итоги аттестации сохранены."
        /// A result in one line for the audit log, «зачёт, зачтено, 5, 25.05.2027».
        public static func line(form: String, passed: Bool, grade: String?, day: String) -> String {
            "\(form), \(passed ? "зачтено" : "не зачтено")" + (grade.map { ", \($0)" } ?? "") + ", \(day)"
        }
    }

    /// Diagnostic works of a group and their scores.
    public enum Diagnostics {
        /// The diagnostics page's title.
        public static func title(_ group: String) -> String { "Диагностика: \(group)" }
        /// The audit title of a new diagnostic work.
        public static func auditTitle(group: String, work: String) -> String { "Диагностика: \(group) — \(work)" }
        /// The audit lines of a new diagnostic work.
        public static func audit(title: String, day: String, max: Int) -> [String: String] {
            ["Название": title, "Дата": day, "Максимум": String(max)]
        }
        /// After a diagnostic work is added.
        public static func added(_ title: String) -> String { "Работа «\(title)» добавлена: внесите баллы." }
        public static let notFound = "Диагностическая работа не найдена."
        /// The scores page's intro.
        public static func scoresIntro(group: String, day: String, max: Int) -> String {
            "\(group), \(day), максимум \(max) б. Пустое поле — не писал(а)."
        }
        public static let unknownStudent = "Баллы для обучающегося, которого нет в группе: обновите страницу."
        public static let savedMeanwhile = "Баллы только что сохранил другой пользователь: обновите страницу."
        /// The audit title of a work's scores.
        public static func scoresAuditTitle(_ work: String) -> String { "Баллы: \(work)" }
        /// After a work's scores are saved.
        public static func scoresSaved(_ work: String) -> String { "Баллы «\(work)» сохранены." }
    }
}

/// The form that adds a diagnostic work to a group.
public struct DiagnosticWorkFormPage: Sendable {
    public var group: String, diagnosticsURL: String
    public var values: FormValues, errors: FieldErrors
    public init(group: String, diagnosticsURL: String, values: FormValues, errors: FieldErrors) {
        self.group = group
        self.diagnosticsURL = diagnosticsURL
        self.values = values
        self.errors = errors
    }

    public static let mock = DiagnosticWorkFormPage(
        group: "Робототехника-7", diagnosticsURL: "/groups/x/diagnostics", values: FormValues(single: ["max": "20"]),
        errors: FieldErrors())

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Новая диагностическая работа", crumbs: AssessmentWords.crumbs(group: group, url: diagnosticsURL),
            action: diagnosticsURL + "/new", cancelURL: diagnosticsURL,
            fields: [
                FieldSpec(
                    "title", "Название", required: true,
                    hint: "Например, «Входная диагностика» или «Промежуточный срез»."),
                FieldSpec("day", "Дата", .date, required: true),
                FieldSpec("max", "Максимальный балл", .number, required: true),
            ],
            values: values, errors: errors)
    }
}
