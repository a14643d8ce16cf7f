import Domain
import Foundation

/// A meeting planned or recorded: the day, the theme, the agenda, who is invited; once held, who came, the minutes
/// and new decisions.
public struct MeetingFormPage: Sendable {
    public var editing: (id: UUID, version: Int)?
    public var members: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?

    public init(
        editing: (id: UUID, version: Int)?, members: [(value: String, title: String)], values: FormValues,
        errors: FieldErrors, conflict: String? = nil
    ) {
        self.editing = editing
        self.members = members
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = MeetingFormPage(
        editing: (MockID.of(1), 2), members: [(MockID.of(3).uuidString, "Тестова Анна Петровна, председатель")],
        values: FormValues(["day": ["15.09.2026"], "status": ["held"], "members": [MockID.of(3).uuidString]]),
        errors: FieldErrors())

    public func render(_ ctx: PageContext) -> String {
        let title = editing == nil ? MeetingWords.newTitle : "Совещание: изменить, записать итоги"
        let action = editing.map { SiteURL.meeting($0.id).path } ?? SiteURL.meetings.path
        return Layout.page(ctx, title: title, crumbs: [Crumb(MeetingWords.title, SiteURL.meetings.path), Crumb(title)])
        {
            el("h1") { title }
            UI.formError(conflict ?? (errors.isEmpty ? nil : MeetingWords.notSaved))
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", action),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if let editing { UI.hidden("version", String(editing.version)) }
                for field in [
                    FieldSpec("day", MeetingWords.Field.day, .date, required: true),
                    FieldSpec("title", MeetingWords.Field.title, required: true),
                    FieldSpec("agenda", MeetingWords.Field.agenda, .textarea, required: true),
                    FieldSpec("members", MeetingWords.Field.members, .checkboxes(members), required: true),
                ] {
                    field.render(values: values, errors: errors)
                }
                if editing != nil {
                    el("fieldset") {
                        el("legend") { "Итоги" }
                        for field in [
                            FieldSpec(
                                "status", MeetingWords.Field.status,
                                .select(MeetingStatus.allCases.map { ($0.rawValue, $0.title) }, empty: nil)),
                            FieldSpec("present", MeetingWords.Field.present, .checkboxes(members)),
                            FieldSpec("minutes", MeetingWords.Field.minutes, .textarea),
                            FieldSpec(
                                "decisions", MeetingWords.Field.decisions, .textarea,
                                hint: MeetingWords.Field.decisionsHint),
                        ] {
                            field.render(values: values, errors: errors)
                        }
                    }
                }
                el("div", .cls("actions")) {
                    UI.submit(editing == nil ? MeetingWords.create : "Сохранить")
                    el("a", .href(editing.map { SiteURL.meeting($0.id).path } ?? SiteURL.meetings.path)) { "Отмена" }
                }
            }
        }
    }
}
