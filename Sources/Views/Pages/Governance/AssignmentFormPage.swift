import Domain
import Foundation

/// An assignment drafted or changed: to whom (when new), the texts, the term, the results; saved as a draft or issued.
public struct AssignmentFormPage: Sendable {
    public var editing: (id: UUID, version: Int, organization: String)?
    public var organizations: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?

    public init(
        editing: (id: UUID, version: Int, organization: String)?, organizations: [(value: String, title: String)],
        values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) {
        self.editing = editing
        self.organizations = organizations
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = AssignmentFormPage(
        editing: nil, organizations: [(MockID.of(2).uuidString, "МБОУ «Лицей № 2»")],
        values: FormValues(single: ["startsOn": "01.09.2026", "endsOn": "30.06.2027"]))

    public func render(_ ctx: PageContext) -> String {
        let title = editing.map { "\(AssignmentWords.noun): \($0.organization)" } ?? AssignmentWords.newTitle
        let action = editing.map { SiteURL.assignment($0.id).path } ?? SiteURL.assignments.path
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(AssignmentWords.title, SiteURL.assignments.path), Crumb(title)]
        ) {
            el("h1") { title }
            UI.formError(conflict ?? (errors.isEmpty ? nil : AssignmentWords.notSaved))
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", action),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if let editing { UI.hidden("version", String(editing.version)) }
                if editing == nil {
                    FieldSpec(
                        "organization", AssignmentWords.Field.organization, .select(organizations, empty: "—"),
                        required: true
                    ).render(values: values, errors: errors)
                }
                for field in [
                    FieldSpec("title", AssignmentWords.Field.title, required: true),
                    FieldSpec("basis", AssignmentWords.Field.basis, .textarea),
                    FieldSpec("goals", AssignmentWords.Field.goals, .textarea, required: true),
                    FieldSpec("content", AssignmentWords.Field.content, .textarea, required: true),
                    FieldSpec("results", AssignmentWords.Field.results, .textarea, required: true),
                    FieldSpec("startsOn", AssignmentWords.Field.startsOn, .date, required: true),
                    FieldSpec("endsOn", AssignmentWords.Field.endsOn, .date, required: true),
                    FieldSpec(
                        "deliverables", AssignmentWords.Field.deliverables, .textarea, required: true,
                        hint: AssignmentWords.Field.deliverablesHint),
                    FieldSpec("financing", AssignmentWords.Field.financing, .textarea),
                ] {
                    field.render(values: values, errors: errors)
                }
                el("div", .cls("actions")) {
                    el("button", .type("submit"), .name("action"), Attr("value", "save")) { AssignmentWords.saveDraft }
                    el("button", .type("submit"), .cls("primary"), .name("action"), Attr("value", "issue")) {
                        AssignmentWords.issue
                    }
                    el("a", .href(editing.map { SiteURL.assignment($0.id).path } ?? SiteURL.assignments.path)) {
                        "Отмена"
                    }
                }
            }
        }
    }
}
