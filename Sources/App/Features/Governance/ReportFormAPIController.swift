import Domain
import Fluent
import Vapor
import Views

/// Report forms as JSON (issue 22, items 5 and 8): the built-in quarterly report and the municipality's own forms, one
/// form's indicators with their keys — the keys a report's `answers` are written under.
struct ReportFormAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("report-forms", use: list)
        routes.get("report-forms", ":id", use: own)
        for form in ReportForm.builtIn {
            routes.get("report-forms", PathComponent(stringLiteral: form.id)) { req in
                try req.authorize(.read, .reportForm(municipalityID: try RegistrySupport.municipality(req)))
                return FormDetailDTO(form, builtIn: true, version: nil)
            }
        }
    }

    struct FormDTO: Content {
        var id: String
        var title: String
        var indicators: Int
        var builtIn: Bool
    }

    struct IndicatorDTO: Content {
        var key: String
        var title: String
        /// number, share, text, date, table.
        var kind: String
        var columns: [String]?
        var unit: String
        var required: Bool
        var hint: String?
        /// `ReportSource`: where Setka counts it from.
        var source: String?

        init(_ indicator: ReportIndicator) {
            key = indicator.key
            title = indicator.title
            switch indicator.kind {
            case .number: kind = "number"
            case .share: kind = "share"
            case .text: kind = "text"
            case .date: kind = "date"
            case .table(let names):
                kind = "table"
                columns = names
            }
            unit = indicator.unit
            required = indicator.required
            hint = indicator.hint
            source = indicator.source?.rawValue
        }
    }

    struct FormDetailDTO: Content {
        var id: String
        var title: String
        var builtIn: Bool
        var version: Int?
        var indicators: [IndicatorDTO]

        init(_ form: ReportForm, builtIn: Bool, version: Int?) {
            id = form.id
            title = form.title
            self.builtIn = builtIn
            self.version = version
            indicators = form.indicators.map(IndicatorDTO.init)
        }
    }

    func list(req: Request) async throws -> PageDTO<FormDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reportForm(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: [], sorts: ["title"], defaultSort: "title", search: false)
        var rows = try await ReportForms.all(municipalityID, on: req.db).map {
            FormDTO(id: $0.form.id, title: $0.form.title, indicators: $0.form.indicators.count, builtIn: $0.text == nil)
        }
        rows.sort { query.descending ? $0.title > $1.title : $0.title < $1.title }
        let page = rows.dropFirst((query.page - 1) * query.per).prefix(query.per)
        return PageDTO(items: Array(page), metadata: .init(page: query.page, per: query.per, total: rows.count))
    }

    func own(req: Request) async throws -> FormDetailDTO {
        let own = try await ReportFormsController.own(req, .read)
        return FormDetailDTO(
            own.form ?? ReportForm(id: own.key, title: own.title, indicators: []), builtIn: false, version: own.version)
    }
}
