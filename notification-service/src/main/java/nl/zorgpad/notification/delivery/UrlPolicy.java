package nl.zorgpad.notification.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs the service will call (SSRF, OWASP API7): http(s) only, https when required, and, when
 * internal addresses are blocked, no host that resolves to loopback, private, link-local, multicast, carrier-grade
 * NAT, unique-local or unspecified addresses. Checked when the URL is registered and again before each call.
 */
public final class UrlPolicy {

    /** Resolves a host name; replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean requireHttps;
    private final boolean blockPrivateAddresses;
    private final Resolver resolver;

    public UrlPolicy(boolean requireHttps, boolean blockPrivateAddresses, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.blockPrivateAddresses = blockPrivateAddresses;
        this.resolver = resolver;
    }

    public UrlPolicy(boolean requireHttps, boolean blockPrivateAddresses) {
        this(requireHttps, blockPrivateAddresses, InetAddress::getAllByName);
    }

    /** Empty when the URL may be called, else why not (safe to show to the caller). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https URL");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (!blockPrivateAddresses) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : resolver.resolve(uri.getHost())) {
                if (isInternal(address)) {
                    return Optional.of("resolves to an internal address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
        return Optional.empty();
    }

    /** True for addresses a webhook must never reach from the service's network. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                      // "this" network
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking
                    || first >= 240;                                // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                           // unique local fc00::/7
                return true;
            }
            if (isIpv4Mapped(b)) {                                  // ::ffff:a.b.c.d
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
