import Foundation

/// What a user typed into the organisation form, validated into clean values.
public struct OrganizationInput: Sendable {
    public var kind: OrganizationKind
    public var fullName: String
    public var shortName: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    public var headName: String?

    public init(
        kind: OrganizationKind, fullName: String, shortName: String, address: String?, phone: String?,
        email: String?, website: String?, headName: String?
    ) {
        self.kind = kind
        self.fullName = fullName
        self.shortName = shortName
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.headName = headName
    }

    public static func validate(
        kind: String?, fullName: String?, shortName: String?, address: String?,
        phone: String?, email: String?, website: String?, headName: String?
    ) -> Result<OrganizationInput, ValidationFailure> {
        var errors = FieldErrors()
        let organizationKind = errors.choice("kind", kind, as: OrganizationKind.self)
        let full = errors.required("fullName", fullName, max: 300)
        let short = errors.required("shortName", shortName, max: 120)
        let addr = errors.optional("address", address, max: 300)
        let ph = errors.phone("phone", phone)
        let em = errors.email("email", email)
        let web = errors.optional("website", website, max: 200)
        if let site = web, !(site.hasPrefix("http://") || site.hasPrefix("https://")) {
            errors.add("website", "Адрес сайта начинается с http:// или https://.")
        }
        let head = errors.optional("headName", headName, max: 200)
        guard errors.isEmpty, let organizationKind else { return .failure(ValidationFailure(fields: errors)) }
        return .success(
            OrganizationInput(
                kind: organizationKind, fullName: full, shortName: short, address: addr,
                phone: ph, email: em, website: web, headName: head))
    }
}
