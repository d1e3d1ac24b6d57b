package nl.zorgpad.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    /** Production settings, with a resolver that maps test host names without DNS. */
    private final UrlPolicy production = new UrlPolicy(true, true, host -> switch (host) {
        case "partner.example.nl" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
        case "rebind.example.nl" -> new InetAddress[] {InetAddress.getByName("93.184.215.14"),
                InetAddress.getByName("10.1.2.3")};
        case "intranet.example.nl" -> new InetAddress[] {InetAddress.getByName("192.168.1.20")};
        default -> {
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                yield InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
    });

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.10.0.1", "::1", "10.0.0.1", "172.16.5.4", "172.31.255.255",
            "192.168.0.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "0.0.0.0", "::",
            "100.64.0.1", "224.0.0.1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void internalAddressesAreClassifiedAsInternal(String address) throws UnknownHostException {
        assertTrue(UrlPolicy.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
    void publicAddressesAreNotInternal(String address) throws UnknownHostException {
        assertFalse(UrlPolicy.isInternal(InetAddress.getByName(address)), address);
    }

    @Test
    void productionAcceptsAnHttpsUrlOnAPublicHost() {
        assertEquals(Optional.empty(), production.refusal("https://partner.example.nl/hooks/zorgpad"));
    }

    @Test
    void productionRefusesPlainHttp() {
        assertEquals(Optional.of("must be an https URL"), production.refusal("http://partner.example.nl/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://[::1]/hook", "https://169.254.169.254/latest",
            "https://intranet.example.nl/hook", "https://rebind.example.nl/hook", "https://10.0.0.7:8443/x"})
    void productionRefusesUrlsResolvingToInternalAddresses(String url) {
        assertEquals(Optional.of("resolves to an internal address"), production.refusal(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://partner.example.nl/", "ftp://partner.example.nl/x",
            "not a url", "https:///nohost", "https://user:pw@partner.example.nl/hook"})
    void productionRefusesOtherSchemesAndMalformedUrls(String url) {
        assertTrue(production.refusal(url).isPresent(), url);
    }

    @Test
    void productionRefusesHostsThatDoNotResolve() {
        assertEquals(Optional.of("has a host that does not resolve"), production.refusal("https://nx.invalid/x"));
    }

    @Test
    void devAndTestAllowALocalHttpReceiverButStillOnlyHttp() {
        UrlPolicy test = new UrlPolicy(false, false);
        assertEquals(Optional.empty(), test.refusal("http://localhost:8089/hook"));
        assertTrue(test.refusal("file:///etc/passwd").isPresent());
    }
}
