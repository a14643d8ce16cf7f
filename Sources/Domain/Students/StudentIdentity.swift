import Foundation

/// Students' identity for de-duplication (issue 3): surname, name, patronymic and birth date, ignoring case and ё/е.
public enum StudentIdentity {
    public static func key(surname: String, givenName: String, patronymic: String?, birthDate: Date, timeZone: TimeZone)
        -> String
    {
        TextKey.search(surname, givenName, patronymic) + "|" + RuDate.iso(birthDate, timeZone: timeZone)
    }
}
