import Domain
import Foundation

/// Words of signing in, the profile and API tokens outside their pages: refusals, form checks, flash messages.
public enum AccountsWords {
    /// A role's period on the profile: «с 01.09.2025 по —».
    public static func period(from: String?, to: String?) -> String { "с " + (from ?? "—") + " по " + (to ?? "—") }
    /// The profile's empty state for a guardian.
    public static let guardianEmpty = "Курсы, заявки и согласие на обработку данных ваших детей — в разделе «Мои дети»."
    /// The profile's empty state for a student or another non-staff user.
    public static let personalEmpty = "Здесь появятся ваши курсы, расписание и результаты, когда вас запишут в группу."
    /// The passwords differ.
    public static let passwordsDiffer = "Пароли не совпадают."
    /// A wrong current password.
    public static let wrongCurrentPassword = "Текущий пароль указан неверно."
    /// After the password was changed.
    public static let passwordChanged = "Пароль изменён."
    /// An API key that is not there.
    public static let tokenNotFound = "Ключ не найден."
    /// After an API key was revoked.
    public static let tokenRevoked = "Ключ отозван."
    /// The login form sent without a username or password.
    public static let enterCredentials = "Введите имя пользователя и пароль."
    /// A wrong username or password.
    public static let wrongCredentials = "Неверное имя пользователя или пароль."
    /// An API token asked for with a one-time code.
    public static let oneTimeCodeForToken =
        "Вы вошли с одноразовым кодом: сначала задайте свой пароль в веб-интерфейсе."
    /// A wrong setup token.
    public static let wrongSetupToken = "Неверный код установки: возьмите его из журнала команды «setka serve»."
    /// A username that breaks the rules.
    public static let badUsername = "Латинские буквы, цифры, точка, дефис и подчёркивание, от 3 до 60 символов."
    /// The setup form has errors.
    public static let checkFields = "Проверьте выделенные поля."
    /// After the first administrator was created.
    public static let adminCreated = "Администратор создан. Добро пожаловать в «Сетку»!"
    /// Too many failed sign-ins.
    public static func blocked(minutes: Int) -> String {
        "Слишком много неудачных попыток входа. Повторите через "
            + "\(RussianPlural.count(minutes, "минуту", "минуты", "минут"))."
    }
}

/// A student's network courses with their state (and waiting place), as the student and their guardians see them.
public struct StudentCoursesSection: Sendable {
    /// One course.
    public struct Row: Sendable {
        public var program: String
        public var group: String
        public var center: String
        /// The enrolment's state in words.
        public var state: String
        /// The place on the waiting list, if waiting.
        public var waitPlace: Int?
        /// A course row.
        public init(program: String, group: String, center: String, state: String, waitPlace: Int?) {
            self.program = program
            self.group = group
            self.center = center
            self.state = state
            self.waitPlace = waitPlace
        }
    }

    public var title: String
    public var rows: [Row]

    /// The section's data.
    public init(title: String, rows: [Row]) {
        self.title = title
        self.rows = rows
    }

    /// The title on the student's own profile.
    public static let ownTitle = "Мои сетевые курсы"
    /// The title on a guardian's «Мои дети».
    public static let childTitle = "Сетевые курсы"

    /// The section.
    public var section: RegistryCard.Section {
        RegistryCard.Section(
            title: title, columns: ["Курс", "Группа", "Ресурсный центр", "Состояние"],
            rows: rows.map { enrollment in
                [
                    .text(enrollment.program), .text(enrollment.group), .text(enrollment.center),
                    .text(enrollment.state + (enrollment.waitPlace.map { ", место № \($0)" } ?? "")),
                ]
            }, emptyText: "Пока нет записей ни на один сетевой курс.")
    }
}

/// The groups a teacher teaches, on the teacher's profile.
public struct TeacherGroupsSection: Sendable {
    /// One group.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var program: String
        public var center: String
        public var enrolled: Int
        public var capacity: Int
        /// A group row.
        public init(id: UUID, name: String, program: String, center: String, enrolled: Int, capacity: Int) {
            self.id = id
            self.name = name
            self.program = program
            self.center = center
            self.enrolled = enrolled
            self.capacity = capacity
        }
    }

    public var rows: [Row]

    /// The section's data.
    public init(rows: [Row]) { self.rows = rows }

    /// The section.
    public var section: RegistryCard.Section {
        RegistryCard.Section(
            title: "Мои группы", columns: ["Группа", "Программа", "Ресурсный центр", "Зачислено"],
            rows: rows.map {
                [
                    .link($0.name, SiteURL.record(.groups, $0.id).path), .text($0.program), .text($0.center),
                    .text("\($0.enrolled) из \($0.capacity)"),
                ]
            },
            emptyText: "")
    }
}
