import Foundation

/// Password rules for accounts.
public enum PasswordRules {
    public static let hint = "Не короче 10 символов, из разных знаков."
    public static func check(_ password: String, field: String = "password") -> FieldErrors {
        var errors = FieldErrors()
        if password.count < 10 {
            errors.add(field, "Пароль должен быть не короче 10 символов.")
        } else if password.count > 128 {
            errors.add(field, "Пароль должен быть не длиннее 128 символов.")
        } else if Set(password).count < 4 {
            errors.add(field, "Пароль слишком простой: используйте разные символы.")
        }
        return errors
    }
}
