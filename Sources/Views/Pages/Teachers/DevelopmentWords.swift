import Domain
import Foundation

/// The words of teachers' professional development (issue 23, item 2).
public enum DevelopmentWords {
    public static let noun = "Курс повышения квалификации"
    public static let newTitle = "Новый курс повышения квалификации"
    public static let archiveConsequence =
        "Курс останется в плане-графике с отметкой «Отменено» и не будет считаться в выполнении плана."
    public static let dueTitle = "Кому пора на повышение квалификации"
    public static let notFound = "Курс повышения квалификации не найден."
    public static let yearShape = "Год — четыре цифры, например 2027."

    /// The fields' names (form, card, audit).
    public enum Field {
        public static let teacher = "Педагог"
        public static let course = "Курс (программа)"
        public static let provider = "Кто проводит"
        public static let hours = "Объём, часов"
        public static let dates = "Даты обучения"
        public static let trip = "Выезд"
        public static let completed = "Пройдено"
        public static let certificate = "Удостоверение №"
        public static let note = "Примечание"
        public static let status = "Состояние"
    }

    /// Messages of the form's checks.
    public enum Check {
        public static let teacherRequired = "Выберите педагога."
        public static let teacherArchived = "Этот сотрудник в архиве: курс можно записать только работающему педагогу."
        public static let teacherNotYours = "Этого педагога нет среди сотрудников ваших организаций."
        public static let hours = "Укажите объём курса — целое число часов от 1 до 2000."
        public static let endBeforeStart = "Окончание не может быть раньше начала."
        public static let tooLong = "Курс не может длиться дольше года: проверьте даты."
        public static let tripFromList = "Выберите выезд из списка."
        public static let completedBeforeEnd =
            "Отметить курс пройденным можно после его окончания — с последнего дня обучения."
        public static let certificateRequired = "Укажите номер удостоверения о повышении квалификации."
    }

    /// «Да», «нет».
    public static func yesNo(_ value: Bool) -> String { value ? "да" : "нет" }

    /// «03.02.2027 — 14.02.2027».
    public static func dates(_ from: CivilDay, _ to: CivilDay) -> String {
        CivilDay.span(from, to)
    }

    /// A course ended but not marked: the card's reminder.
    public static let notMarked =
        "Обучение закончилось, а курс не отмечен пройденным: отметьте прохождение и номер удостоверения."
    /// The staff card's section.
    public static let staffSection = "Повышение квалификации"
    public static let staffSectionEmpty = "Курсов повышения квалификации не записано."
}
