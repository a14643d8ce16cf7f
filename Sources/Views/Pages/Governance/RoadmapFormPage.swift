import Domain
import Foundation

/// The words of the municipality's own plan templates (issue 22, item 1).
public enum RoadmapTemplateWords {
    public static let create = "Новый шаблон"
    public static let newTitle = "Новый шаблон плана"
    public static let noun = "Шаблон плана"
    public static let own = "свой"
    public static let created = "Шаблон создан: из него можно составлять планы."
    public static let saved = "Шаблон сохранён новой версией; уже составленные планы не меняются."
    public static let notSaved = "Шаблон не сохранён: исправьте отмеченные поля."
    public static let changed =
        "Шаблон уже изменил другой пользователь. Ниже — текущий текст; внесите изменения ещё раз."
    public static let edit = "Изменить шаблон"
    public static let versions = "Версии"
    public static func version(_ number: Int, saved: String, by: String) -> String {
        "Версия \(number) от \(saved), \(by)"
    }
    public static func showing(_ number: Int) -> String { "Показана версия \(number) — шаблон с тех пор изменён." }
    public static let noSuchVersion = "Такой версии у шаблона нет."

    public enum Field {
        public static let title = "Название"
        public static let titleHint = "Например: «План работы КМЦ» или «План работы ресурсного центра»."
        public static let body = "Разделы и мероприятия"
        public static let bodyHint =
            "Раздел — строка «# Название раздела». Мероприятие — строка «№; мероприятие центра; срок; мероприятие "
            + "МОУО; срок; подтверждение»: номер можно не указывать, одну из сторон — оставить пустой; сроки — как в "
            + "дорожных картах («до 31.05», «апрель-июнь», «1 сентября», «ежеквартально», «до 5 числа месяца, "
            + "следующего за кварталом»); подтверждение — «да», если выполнение нужно подтвердить документом. Знак «;» "
            + "разделяет поля — внутри мероприятия его не пишите."
        public static let bodyExample =
            "# Организационные мероприятия\n1; Заседание рабочей группы; сентябрь; Утверждение состава; до 15.09\n"
            + "2; Отчёт о работе за квартал; до 5 числа месяца, следующего за кварталом; ; ; да"
    }
}

/// A template's title and text, new or edited (a save is a new version).
public struct RoadmapFormPage: Sendable {
    /// nil: a new template.
    public var id: UUID?
    public var version: Int
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?

    public init(
        id: UUID?, version: Int, values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) {
        self.id = id
        self.version = version
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = RoadmapFormPage(
        id: nil, version: 0, values: FormValues(single: ["title": "План работы КМЦ"]))

    public func render(_ ctx: PageContext) -> String {
        let heading = id == nil ? RoadmapTemplateWords.newTitle : RoadmapTemplateWords.edit
        let action = id.map { SiteURL.roadmap($0.uuidString.lowercased()).path } ?? SiteURL.roadmaps.path
        return Layout.page(
            ctx, title: heading, crumbs: [Crumb(GovernanceWords.roadmapsTitle, SiteURL.roadmaps.path), Crumb(heading)]
        ) {
            el("h1") { heading }
            UI.formError(conflict ?? (errors.isEmpty ? nil : RoadmapTemplateWords.notSaved))
            el(
                "form", .cls("stacked"), Attr("method", "post"), Attr("action", action),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if id != nil { UI.hidden("version", String(version)) }
                FieldSpec(
                    "title", RoadmapTemplateWords.Field.title, required: true,
                    hint: RoadmapTemplateWords.Field.titleHint
                ).render(values: values, errors: errors)
                FieldSpec(
                    "body", RoadmapTemplateWords.Field.body,
                    .longText(rows: 18, placeholder: RoadmapTemplateWords.Field.bodyExample), required: true,
                    hint: RoadmapTemplateWords.Field.bodyHint
                ).render(values: values, errors: errors)
                el("div", .cls("actions")) { UI.submit("Сохранить") }
            }
        }
    }
}

/// A template of the municipality's own on its page: who may edit it, its versions, the one shown.
public struct RoadmapOwnPart: Sendable {
    public var id: UUID
    public var canEdit: Bool
    /// (number, «version N of day, by whom»), newest first.
    public var versions: [(number: Int, title: String)]
    /// An older version shown (`?version=N`), nil: the current one.
    public var shown: Int?
    /// Whether it is archived, and whether the user may archive or restore it.
    public var archived: Bool
    public var canArchive: Bool

    public init(
        id: UUID, canEdit: Bool, versions: [(number: Int, title: String)], shown: Int?, archived: Bool = false,
        canArchive: Bool = false
    ) {
        self.id = id
        self.canEdit = canEdit
        self.versions = versions
        self.shown = shown
        self.archived = archived
        self.canArchive = canArchive
    }

    var archive: OwnTextArchivePart {
        OwnTextArchivePart(
            path: path, archived: archived, canArchive: canArchive && shown == nil, note: OwnTextWords.Template.note)
    }

    var path: String { SiteURL.roadmap(id.uuidString.lowercased()).path }

    var actions: Node {
        fragment {
            if let shown { el("div", .cls("warning"), Attr("role", "status")) { RoadmapTemplateWords.showing(shown) } }
            if canEdit {
                el("div", .cls("actions no-print")) {
                    el("a", .cls("button primary"), .href(path + "/edit")) { RoadmapTemplateWords.edit }
                }
            }
        }
    }

    var list: Node {
        fragment {
            el("h2") { RoadmapTemplateWords.versions }
            el("ul") {
                for version in versions {
                    el("li") { el("a", .href(path + "?version=\(version.number)")) { version.title } }
                }
            }
        }
    }
}
