import Domain
import Foundation

/// The programme's sections written or corrected: saved as a draft, or approved and submitted.
public struct ActivityProgramFormPage: Sendable {
    public var id: UUID
    public var center: String
    public var startYear: Int
    public var version: Int
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?
    public var submitting: Bool

    public init(
        id: UUID, center: String, startYear: Int, version: Int, values: FormValues, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil, submitting: Bool = false
    ) {
        self.id = id
        self.center = center
        self.startYear = startYear
        self.version = version
        self.values = values
        self.errors = errors
        self.conflict = conflict
        self.submitting = submitting
    }

    public static let mock = ActivityProgramFormPage(
        id: MockID.of(1), center: "МБОУ «Лицей № 2»", startYear: 2026, version: 1,
        values: FormValues(single: ["rationale": "Слабые результаты олимпиад по информатике."]))

    public func render(_ ctx: PageContext) -> String {
        let path = SiteURL.activityProgram(id).path
        let title = ActivityProgramWords.heading(center, startYear: startYear)
        return Layout.page(
            ctx, title: title,
            crumbs: [
                Crumb(ActivityProgramWords.title, SiteURL.activityPrograms.path), Crumb(center, path),
                Crumb(ActivityProgramWords.edit),
            ]
        ) {
            el("h1") { title }
            UI.formError(
                conflict
                    ?? (errors.isEmpty
                        ? nil : submitting ? ActivityProgramWords.notSubmitted : ActivityProgramWords.notSaved))
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", path),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                UI.hidden("version", String(version))
                for (number, section) in ActivityProgramSection.allCases.enumerated() {
                    FieldSpec(
                        section.rawValue, "\(number + 1). \(section.title)", .textarea, required: true,
                        hint: section.hint
                    ).render(values: values, errors: errors)
                }
                FieldSpec(
                    ActivityProgramContent.groupField, ActivityProgramWords.Field.group, .textarea, required: true,
                    hint: ActivityProgramWords.Field.groupHint
                ).render(values: values, errors: errors)
                el("div", .cls("actions")) {
                    el("button", .type("submit"), .name("action"), Attr("value", "save")) {
                        ActivityProgramWords.saveDraft
                    }
                    el("button", .type("submit"), .cls("primary"), .name("action"), Attr("value", "submit")) {
                        ActivityProgramWords.submit
                    }
                    el("a", .href(path)) { "Отмена" }
                }
            }
        }
    }
}
