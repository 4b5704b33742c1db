package dev.cerulean.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyRequestTest {

    @Test
    void connectNamesHostAndPort() {
        assertThat(ProxyRequest.parse("CONNECT management.azure.com:443 HTTP/1.1\r\nHost: management.azure.com:443\r\n\r\n"))
                .contains(new ProxyRequest("CONNECT", "management.azure.com", 443));
    }

    @Test
    void connectHostIsLowerCasedWithoutTrailingDot() {
        assertThat(ProxyRequest.parse("CONNECT MyReg.AzureCR.io.:8443 HTTP/1.0\r\n\r\n"))
                .contains(new ProxyRequest("CONNECT", "myreg.azurecr.io", 8443));
    }

    @Test
    void connectToBracketedIpv6LiteralIsParsed() {
        assertThat(ProxyRequest.parse("CONNECT [::1]:443 HTTP/1.1\r\n\r\n"))
                .contains(new ProxyRequest("CONNECT", "::1", 443));
    }

    @Test
    void emptyLinesBeforeTheRequestLineAreIgnored() {
        assertThat(ProxyRequest.parse("\r\nCONNECT login.microsoftonline.com:443 HTTP/1.1\r\n\r\n"))
                .contains(new ProxyRequest("CONNECT", "login.microsoftonline.com", 443));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECT management.azure.com HTTP/1.1\r\n\r\n", "CONNECT :443 HTTP/1.1\r\n\r\n",
        "CONNECT management.azure.com:0 HTTP/1.1\r\n\r\n", "CONNECT management.azure.com:65536 HTTP/1.1\r\n\r\n",
        "CONNECT management.azure.com:https HTTP/1.1\r\n\r\n", "CONNECT bad_host!:443 HTTP/1.1\r\n\r\n",
        "CONNECT [::1:443 HTTP/1.1\r\n\r\n", "CONNECT management.azure.com:443 HTTP/2\r\n\r\n",
        "CONNECT  management.azure.com:443 HTTP/1.1\r\n\r\n", "hello\r\n\r\n", "\r\n\r\n",
        "\u0016\u0003\u0001\u0002\u0000\u0001\r\n\r\n"})
    void malformedRequestsAreNotParsed(String head) {
        assertThat(ProxyRequest.parse(head)).isEmpty();
    }

    @Test
    void absoluteFormRequestNamesItsHost() {
        assertThat(ProxyRequest.parse("GET http://Example.com:8080/path HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                .contains(new ProxyRequest("GET", "example.com", -1));
    }

    @Test
    void originFormRequestNamesTheHostHeader() {
        assertThat(ProxyRequest.parse("POST /token HTTP/1.1\r\nhost: login.microsoftonline.com:443\r\n\r\n"))
                .contains(new ProxyRequest("POST", "login.microsoftonline.com", -1));
    }

    @Test
    void requestWithoutAnyHostNamesNone() {
        Optional<ProxyRequest> request = ProxyRequest.parse("GET / HTTP/1.0\r\n\r\n");

        assertThat(request).contains(new ProxyRequest("GET", null, -1));
    }
}
