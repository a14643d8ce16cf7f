import Domain
import Foundation

/// An event's form: what, for whom, when, where, how many places.
public struct EventFormPage: Sendable {
    /// The organisations the user may hold an event of.
    public var organizations: [(value: String, title: String)]

    /// The form's choices.
    public init(organizations: [(value: String, title: String)]) { self.organizations = organizations }

    /// A made-up form.
    public static let mock = EventFormPage(organizations: EventListPage.mock.organizations)

    /// The form's fields.
    public var fields: [FieldSpec] {
        typealias F = EventWords.Field
        return [
            FieldSpec(
                "title", F.title, required: true, hint: "Например: «Круглый стол «Сетевые программы: итоги года»»."),
            FieldSpec(
                "kind", F.kind, .select(EventKind.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true),
            FieldSpec(
                "audience", F.audience, .select(EventAudience.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true,
                hint: "Обучающихся записывают родители или они сами, педагоги и родители записываются сами."),
            FieldSpec(
                "organization", F.organization,
                .select(organizations, empty: organizations.count == 1 ? nil : "Выберите организацию"),
                required: true),
            FieldSpec("startsOn", "Начало", .date, required: true),
            FieldSpec("endsOn", "Окончание", .date, hint: "Для однодневного мероприятия оставьте пустым."),
            FieldSpec("startsAt", "Время начала", .text("text"), hint: "ЧЧ:ММ, например 15:00; пусто — весь день."),
            FieldSpec("endsAt", "Время окончания", .text("text")),
            FieldSpec("place", F.place, hint: "Адрес и кабинет, если мероприятие очное."),
            FieldSpec("link", F.link, .text("url"), hint: "Ссылка на трансляцию, если мероприятие онлайн."),
            FieldSpec("capacity", F.capacity, .number, hint: "Пусто — без ограничения."),
            FieldSpec(
                "registrationUntil", F.until, .date,
                hint: "Последний день записи; пусто — до дня перед началом."),
            FieldSpec(
                "isPublic", F.isPublic,
                .select(
                    [("yes", "Да: видно всем, в том числе без входа"), ("no", "Нет")],
                    empty: nil), required: true),
            FieldSpec("details", F.details, .textarea),
            FieldSpec("results", F.results, .textarea, hint: "После мероприятия: что сделано, победители, решения."),
            FieldSpec("materials", F.materials, .textarea, hint: "Ссылки на презентации, записи, сборники."),
        ]
    }

    /// A new event's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.events, title: EventWords.newTitle, fields: fields).render(ctx)
    }
}
