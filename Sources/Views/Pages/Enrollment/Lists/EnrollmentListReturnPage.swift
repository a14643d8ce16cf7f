import Domain
import Foundation

/// The form on which a centre returns a КМЦ list with a comment.
public struct EnrollmentListReturnPage: Sendable {
    public var url: String, group: String
    public var values: FormValues, errors: FieldErrors

    public init(url: String, group: String, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors()) {
        self.url = url
        self.group = group
        self.values = values
        self.errors = errors
    }

    public static let mock = EnrollmentListReturnPage(
        url: "/lists/00000000-0000-0000-0000-000000000001", group: "Информатика-10")

    /// The registry form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Вернуть список в КМЦ",
            crumbs: [Crumb("Списки КМЦ", SiteURL.lists.path), Crumb("Список КМЦ — \(group)", url)],
            action: url + "/return", cancelURL: url,
            fields: [FieldSpec("comment", "Почему список возвращается", .textarea, required: true)], values: values,
            errors: errors)
    }
}
