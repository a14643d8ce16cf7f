import Documents
import Domain
import Fluent
import Foundation

/// An order of the education authority (`GLOSSARY.md`: Приказ): drafted from data, signed once, then frozen.
final class Order: Model, @unchecked Sendable {
    static let schema = "orders"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @OptionalField(key: "number") var number: String?
    @OptionalField(key: "order_day") var orderDay: Int?
    @Field(key: "status") var status: String
    @Field(key: "recipients") var recipientsText: String
    /// The document as built (`DocModel` as JSON): the printable page and the DOCX are this, and a signed order keeps
    /// it.
    @Field(key: "document") var document: String
    @Field(key: "docx") var docx: Data
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "signed_at") var signedAt: Date?
    @OptionalField(key: "signed_by") var signedBy: String?
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _academicYear, _kind, _title, _number, _orderDay, _status, _recipientsText, _document,
            _docx, _createdAt, _createdBy, _signedAt, _signedBy, _version,
        ]
    }

    var orderKind: OrderKind { OrderKind(rawValue: kind) ?? .organization }
    var isSigned: Bool { status == OrderStatus.signed.rawValue }
    var recipients: [UUID] { recipientsText.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    var doc: DocModel? { try? JSONDecoder().decode(DocModel.self, from: Data(document.utf8)) }
}
