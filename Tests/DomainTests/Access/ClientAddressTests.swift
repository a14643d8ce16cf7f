import Domain
import Foundation
import Testing

@Suite struct ClientAddressTests {
    @Test(arguments: [
        ("192.0.2.7", "192.0.2.7"), (" 10.0.0.1 ", "10.0.0.1"), ("2001:DB8::1", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"), ("::ffff:192.0.2.7", "192.0.2.7"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("::1", "::1"), ("::", "::"), ("fe80::1%eth0", "fe80::1"), ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
    ])
    func addressesAreReadAndWrittenTheUsualWay(text: String, written: String) throws {
        #expect(try #require(IPAddress(text)).description == written)
    }

    @Test(arguments: [
        "", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01234.1.1.1", "abc", "2001:db8::1::2", "12345::", "1:2:3:4:5:6:7:8:9",
        "::g", "proxy.local", "1.2.3.4:8080",
    ])
    func anythingElseIsNoAddress(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test(arguments: [
        ("192.0.2.7", "192.0.2.7"), ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"), ("2001:db8::9", "2001:db8::/64"),
    ])
    func throttlesCountIPv6ByItsSlash64(text: String, key: String) throws {
        #expect(try #require(IPAddress(text)).throttleKey == key)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.200.3.4", true), ("10.0.0.0/8", "11.0.0.1", false), ("127.0.0.1", "127.0.0.1", true),
        ("127.0.0.1", "127.0.0.2", false), ("192.168.0.0/20", "192.168.15.255", true),
        ("192.168.0.0/20", "192.168.16.0", false), ("2001:db8::/32", "2001:db8:ffff::1", true),
        ("2001:db8::/32", "2001:db9::1", false), ("2001:db8::/32", "10.0.0.1", false),
        ("0.0.0.0/0", "203.0.113.9", true),
        ("::1", "::ffff:127.0.0.1", false), ("127.0.0.1", "::ffff:127.0.0.1", true),
    ])
    func rangesContainTheirAddresses(range: String, address: String, inside: Bool) throws {
        let range = try #require(AddressRange(range))
        #expect(range.contains(try #require(IPAddress(address))) == inside)
    }

    @Test func theProxyListIsReadAndItsMistakesNamed() {
        let good = TrustedProxies.read("127.0.0.1, 10.0.0.0/8,,fd00::/8")
        #expect(good.proxies.ranges.count == 3 && good.bad.isEmpty)
        #expect(TrustedProxies.read("10.0.0.0/33,proxy.local,::1").bad == ["10.0.0.0/33", "proxy.local"])
        #expect(TrustedProxies.read("").proxies.ranges.isEmpty)
    }

    static let proxies = TrustedProxies.read("127.0.0.1,10.0.0.0/8").proxies

    @Test(arguments: [
        ("203.0.113.5", ["198.51.100.1"], "203.0.113.5"),  // not a proxy: its header is ignored
        ("127.0.0.1", ["198.51.100.1"], "198.51.100.1"),
        ("127.0.0.1", ["6.6.6.6, 198.51.100.1, 10.0.0.2"], "198.51.100.1"),  // the client's own part is not believed
        ("127.0.0.1", ["6.6.6.6", "198.51.100.1"], "198.51.100.1"),  // two header lines read as one list
        ("127.0.0.1", [], "127.0.0.1"),
        ("127.0.0.1", ["10.0.0.3, 10.0.0.2"], "10.0.0.3"),  // proxies all the way: the first of them
        ("127.0.0.1", ["made-up, 198.51.100.1"], "198.51.100.1"),
        ("10.1.2.3", ["198.51.100.1, made-up"], "10.1.2.3"),  // a proxy's own nonsense: the proxy
        ("127.0.0.1", ["[2001:db8::5]"], "2001:db8::5"),
    ])
    func theClientIsTheRightmostAddressNoTrustedProxyWrote(peer: String, forwarded: [String], client: String) {
        #expect(Self.proxies.client(peer: peer, forwardedFor: forwarded)?.description == client)
    }

    @Test func withoutProxiesOrAPeerAddressTheHeaderNeverCounts() {
        #expect(TrustedProxies().client(peer: "127.0.0.1", forwardedFor: ["198.51.100.1"])?.description == "127.0.0.1")
        #expect(Self.proxies.client(peer: nil, forwardedFor: ["198.51.100.1"]) == nil)
    }
}
