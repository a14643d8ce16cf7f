import Domain
import Foundation

/// The form on which the home school refuses an application, with the reason.
public struct ApplicationRefusePage: Sendable {
    public var id: UUID, student: String
    public var values: FormValues, errors: FieldErrors

    public init(id: UUID, student: String, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors()) {
        self.id = id
        self.student = student
        self.values = values
        self.errors = errors
    }

    public static let mock = ApplicationRefusePage(
        id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, student: "Ёлкин Артём Ильич")

    /// The registry form the controller renders.
    public var form: RegistryForm {
        let url = "/applications/" + id.uuidString.lowercased()
        return RegistryForm(
            title: "Отказ в заявке",
            crumbs: [Crumb("Заявки (ИУП)", "/applications"), Crumb("ИУП: \(student)", url)],
            action: url + "/refuse", cancelURL: url,
            fields: [
                FieldSpec(
                    "comment", "Причина отказа", .textarea, required: true, hint: "Её увидят обучающийся и родитель.")
            ], values: values, errors: errors,
            intro: "Места, удержанные заявкой, сразу освободятся и перейдут первым в листах ожидания.")
    }
}
