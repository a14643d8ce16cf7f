import Domain
import Vapor
import Views

/// The roadmap templates as JSON (issue 22, item 1): the list, and one template with each deadline's days in a
/// calendar year (`?year=`, as the page takes it).
struct RoadmapAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("roadmap-templates", use: list)
        routes.get("roadmap-templates", ":id") { req in
            guard let template = try await RoadmapsController.own(req, .read).template else {
                throw AppError.notFound(RegistryWords.notFound(RoadmapTemplateWords.noun))
            }
            return try await one(req, template)
        }
        for template in RoadmapTemplate.builtIn {
            routes.get("roadmap-templates", PathComponent(stringLiteral: template.id)) { req in
                try await one(req, template)
            }
        }
    }

    struct TemplateDTO: Content {
        var id: String
        var title: String
        var measures: Int
        var builtIn: Bool
    }

    struct MeasureDTO: Content {
        var number: String?
        var center: String?
        var centerDeadline: String?
        /// The days the centre's deadline makes in the year (ISO dates; none when the words make no exact day).
        var centerDays: [String]?
        var centerStart: String?
        var authority: String?
        var authorityDeadline: String?
        var authorityDays: [String]?
        var authorityStart: String?

        init(_ measure: RoadmapTemplate.Measure, year: Int) {
            number = measure.number
            center = measure.center
            centerDeadline = measure.centerDeadline
            centerDays = measure.centerDue?.days(year: year).map(\.iso)
            centerStart = measure.centerDue?.start(year: year)?.iso
            authority = measure.authority
            authorityDeadline = measure.authorityDeadline
            authorityDays = measure.authorityDue?.days(year: year).map(\.iso)
            authorityStart = measure.authorityDue?.start(year: year)?.iso
        }
    }

    struct SectionDTO: Content {
        var title: String
        var measures: [MeasureDTO]
    }

    struct DetailDTO: Content {
        var id: String
        var title: String
        var year: Int
        var sections: [SectionDTO]
    }

    func list(req: Request) async throws -> PageDTO<TemplateDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .roadmapTemplate(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: [], sorts: ["title"], defaultSort: "title", search: false)
        var rows = RoadmapTemplate.builtIn.map {
            TemplateDTO(id: $0.id, title: $0.title, measures: $0.measures.count, builtIn: true)
        }
        rows += try await Templates.own(municipalityID, on: req.db).compactMap(\.template).map {
            TemplateDTO(id: $0.id, title: $0.title, measures: $0.measures.count, builtIn: false)
        }
        rows.sort { query.descending ? $0.title > $1.title : $0.title < $1.title }
        let page = rows.dropFirst((query.page - 1) * query.per).prefix(query.per)
        return PageDTO(items: Array(page), metadata: .init(page: query.page, per: query.per, total: rows.count))
    }

    func one(_ req: Request, _ template: RoadmapTemplate) async throws -> DetailDTO {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .roadmapTemplate(municipalityID: municipalityID))
        let (year, _) = try await RoadmapsController.year(req)
        return DetailDTO(
            id: template.id, title: template.title, year: year,
            sections: template.sections.map { section in
                SectionDTO(title: section.title, measures: section.measures.map { MeasureDTO($0, year: year) })
            })
    }
}
