import Domain
import Vapor

extension Request {
    /// The address the request came from: the connection's peer, or, when the peer is a proxy named in
    /// `SETKA_TRUSTED_PROXIES`, the client it forwarded (`TrustedProxies.client`). Nil without a peer address.
    var clientAddress: IPAddress? {
        application.setkaConfig.trustedProxies.client(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor])
    }
}
