import Vapor

/// Certificates: issue, list, print, annul, public verification.
enum CertificatesArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: CertificatesController())
        try routes.api.register(collection: CertificatesAPIController())
        try routes.publicAPI.register(collection: CertificateVerifyAPIController())
    }
}
