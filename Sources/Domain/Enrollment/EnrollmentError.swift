import Foundation

/// Why an enrolment is refused; each reason is shown to the user in Russian.
public enum EnrollmentError: Error, Equatable, Sendable {
    case groupNotOpen
    case programNotAgreed
    case studentNotFound
    case studentArchived
    case consentWithdrawn
    /// No consent to the processing of personal data is recorded: the centre (or the КМЦ) may not place the child
    /// on its own. An ИУП is the guardian's own agreement and does not need it.
    case noConsent
    /// The student's grade is outside the programme's grades (as words: «10–11 классов», «9 класс»).
    case gradeNotAllowed(programGrades: String, studentGrade: Int)
    /// The group's lessons meet the lessons of another group of the student: the other group and the first such lesson.
    case timetableClash(String)

    public var code: String {
        switch self {
        case .groupNotOpen: "group_not_open"
        case .programNotAgreed: "program_not_agreed"
        case .studentNotFound: "student_not_found"
        case .studentArchived: "student_archived"
        case .consentWithdrawn: "consent_withdrawn"
        case .noConsent: "no_consent"
        case .gradeNotAllowed: "grade_not_allowed"
        case .timetableClash: "timetable_clash"
        }
    }

    public var reason: String {
        switch self {
        case .groupNotOpen: "Группа не открыта для записи."
        case .programNotAgreed: "Программа группы не согласована с КМЦ: записывать в такую группу нельзя."
        case .studentNotFound: "Обучающийся не найден."
        case .studentArchived: "Обучающийся выбыл из реестра: записать его нельзя."
        case .consentWithdrawn:
            "Родитель (законный представитель) отозвал согласие на обработку персональных данных: записать "
                + "обучающегося нельзя, пока школа не получит новое согласие."
        case .noConsent:
            "В карточке обучающегося нет согласия родителя (законного представителя) на обработку персональных данных: "
                + "записать в группу можно после того, как школа внесёт дату согласия."
        case .gradeNotAllowed(let grades, let grade):
            "Программа группы рассчитана на обучающихся \(grades), а обучающийся учится в \(grade) классе: записать "
                + "нельзя."
        case .timetableClash(let other):
            "Занятия группы пересекаются с другой группой обучающегося: \(other). Записать нельзя."
        }
    }
}

extension EnrollmentError {
    /// The refusal in a few words, after a child's name in a list of problems («Ёлкин Артём — …»).
    public var short: String {
        switch self {
        case .groupNotOpen: "группа не открыта для записи"
        case .programNotAgreed: "программа не согласована с КМЦ"
        case .studentNotFound: "обучающийся не найден"
        case .studentArchived: "выбыл(а) из реестра"
        case .consentWithdrawn: "отозвано согласие на обработку данных"
        case .noConsent: "школа не внесла согласие на обработку данных"
        case .gradeNotAllowed(let grades, _): "программа рассчитана на обучающихся \(grades)"
        case .timetableClash(let other): "занятия пересекаются: \(other)"
        }
    }

    /// The refusal for a student whose grade a programme of grades `from`…`to` does not take; nil when it does.
    public static func grade(_ grade: Int, from: Int, to: Int) -> EnrollmentError? {
        guard grade < from || grade > to else { return nil }
        return .gradeNotAllowed(
            programGrades: from == to ? "\(from) класса" : "\(from)–\(to) классов", studentGrade: grade)
    }
}

extension EnrollmentError {
    /// The consent refusal for placing a student (enrolment, transfer, a list, a move up the waiting list): a
    /// withdrawn consent always refuses; a consent never recorded refuses what the school's record must back.
    public static func consent(source: EnrollmentSource, recordedOn: Date?, withdrawnAt: Date?) -> EnrollmentError? {
        if withdrawnAt != nil { return .consentWithdrawn }
        if source.needsRecordedConsent && recordedOn == nil { return .noConsent }
        return nil
    }
}
