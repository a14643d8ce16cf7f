import Domain
import Foundation

/// A route's form: a new one for a databank student (found by a search when none is chosen), or the route changed.
public struct RouteFormPage: Sendable {
    public var q: String
    public var found: [(id: UUID, title: String)]
    public var student: (id: UUID, title: String)?
    public var years: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors
    public var editing: (id: UUID, version: Int)?
    public var conflict: String?

    /// The page's data.
    public init(
        q: String, found: [(id: UUID, title: String)], student: (id: UUID, title: String)?,
        years: [(value: String, title: String)], values: FormValues, errors: FieldErrors = FieldErrors(),
        editing: (id: UUID, version: Int)? = nil, conflict: String? = nil
    ) {
        self.q = q
        self.found = found
        self.student = student
        self.years = years
        self.values = values
        self.errors = errors
        self.editing = editing
        self.conflict = conflict
    }

    /// A made-up form.
    public static let mock = RouteFormPage(
        q: "", found: [], student: (MockID.of(0x2191), "Лебедева Ольга Ивановна, 10 класс, МБОУ «СОШ № 1»"),
        years: [("y1", "2026/2027")],
        values: FormValues(single: [
            "year": "y1", "goals": "Подготовка к региональному этапу ВсОШ по математике", "curator": "Смирнова А. П.",
            "status": "active",
        ]))

    public func render(_ ctx: PageContext) -> String {
        let title = editing == nil ? RouteWords.newTitle : "Изменить маршрут"
        let path = editing.map { RoutePaths.edit($0.id) } ?? SiteURL.new(.routes).path
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(RouteWords.title, SiteURL.list(.routes).path), Crumb(title)]
        ) {
            el("h1") { title }
            if let student {
                UI.formError(conflict ?? (errors.isEmpty ? nil : RouteWords.notSaved))
                el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", path)) {
                    Layout.csrf(ctx)
                    UI.hidden("student", student.id.uuidString.lowercased())
                    if let editing { UI.hidden("version", String(editing.version)) }
                    el("p") { el("strong") { student.title } }
                    if editing == nil {
                        FieldSpec("year", RouteWords.Field.year, .select(years, empty: "— выберите —"), required: true)
                            .render(values: values, errors: errors)
                    }
                    for field in [
                        FieldSpec("goals", RouteWords.Field.goals, .textarea, required: true),
                        FieldSpec("mentor", RouteWords.Field.mentor, hint: RouteWords.Field.mentorHint),
                        FieldSpec(
                            "curator", RouteWords.Field.curator, required: true, hint: RouteWords.Field.curatorHint),
                        FieldSpec(
                            "status", RouteWords.Field.status,
                            .select(RouteStatus.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
                    ] {
                        field.render(values: values, errors: errors)
                    }
                    el("div", .cls("actions")) {
                        UI.submit("Сохранить")
                        el("a", .href(editing.map { RoutePaths.card($0.id) } ?? SiteURL.list(.routes).path)) {
                            "Отмена"
                        }
                    }
                }
            } else {
                UI.formError(errors["student"])
                UI.studentSearch(
                    path: path, q: q, found: found, hint: "Фамилия и имя, от трёх букв; только банк данных одарённых",
                    nothingFound: "Никого не нашлось среди обучающихся банка данных.")
            }
        }
    }
}

/// A step's form: new or changed.
public struct RouteStepFormPage: Sendable {
    public var routeID: UUID
    public var routeTitle: String
    public var values: FormValues
    public var errors: FieldErrors
    public var editing: (id: UUID, version: Int)?
    public var conflict: String?

    /// The page's data.
    public init(
        routeID: UUID, routeTitle: String, values: FormValues, errors: FieldErrors = FieldErrors(),
        editing: (id: UUID, version: Int)? = nil, conflict: String? = nil
    ) {
        self.routeID = routeID
        self.routeTitle = routeTitle
        self.values = values
        self.errors = errors
        self.editing = editing
        self.conflict = conflict
    }

    /// A made-up form.
    public static let mock = RouteStepFormPage(
        routeID: MockID.of(0x2401), routeTitle: "Маршрут: Лебедева Ольга Ивановна, 2026/2027",
        values: FormValues(single: [
            "kind": "summerSchool", "title": "Летняя математическая школа", "startsOn": "01.07.2027",
            "dueOn": "21.07.2027", "status": "planned",
        ]))

    public func render(_ ctx: PageContext) -> String {
        let title = editing == nil ? "Новый этап" : "Изменить этап"
        let path = editing.map { RoutePaths.step(routeID, $0.id) + "/edit" } ?? RoutePaths.newStep(routeID)
        return Layout.page(
            ctx, title: title,
            crumbs: [
                Crumb(RouteWords.title, SiteURL.list(.routes).path), Crumb(routeTitle, RoutePaths.card(routeID)),
                Crumb(title),
            ]
        ) {
            el("h1") { title }
            UI.formError(conflict ?? (errors.isEmpty ? nil : RouteWords.notSaved))
            el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", path)) {
                Layout.csrf(ctx)
                if let editing { UI.hidden("version", String(editing.version)) }
                for field in [
                    FieldSpec(
                        "kind", RouteWords.Field.kind,
                        .select(RouteStepKind.allCases.map { ($0.rawValue, $0.title) }, empty: "— выберите —"),
                        required: true),
                    FieldSpec(
                        "title", RouteWords.Field.stepTitle, required: true, hint: RouteWords.Field.stepTitleHint),
                    FieldSpec("startsOn", RouteWords.Field.startsOn, .date),
                    FieldSpec("dueOn", RouteWords.Field.dueOn, .date, required: true),
                    FieldSpec(
                        "status", RouteWords.Field.status,
                        .select(RouteStepStatus.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
                    FieldSpec("result", RouteWords.Field.result, .textarea, hint: "Обязателен для выполненного этапа."),
                ] {
                    field.render(values: values, errors: errors)
                }
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(RoutePaths.card(routeID))) { "Отмена" }
                }
            }
        }
    }
}
