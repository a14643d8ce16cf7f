import Foundation

public enum OrderRules {
    /// A number and a date are needed to sign; the date is not in the future.
    public static func checkForSigning(number: String?, day: CivilDay?, today: CivilDay, errors: inout FieldErrors) {
        if (number ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.add("number", "Чтобы подписать приказ, укажите его номер.")
        }
        if let day {
            if day > today { errors.add("day", "Дата приказа не может быть позже сегодняшней.") }
        } else {
            errors.add("day", "Чтобы подписать приказ, укажите его дату.")
        }
    }

    public static let signedMessage = "Приказ подписан: изменить его нельзя."
}
