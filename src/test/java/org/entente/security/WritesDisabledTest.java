package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.entente.json.Json;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** With no editor configured, writes are refused with how to enable them; reads pass; plain passwords are refused. */
class WritesDisabledTest {

    private final SecurityConfiguration.WritesDisabledFilter filter =
            new SecurityConfiguration.WritesDisabledFilter(new ProblemResponses(Json.newMapper()));

    @Test
    void aWriteIsAnswered403SayingHowToEnableWriting() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/relations/israel-nato/facts");
        request.setServletPath("/api/relations/israel-nato/facts");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("no editor is configured").contains("ENTENTE_SECURITY_USERS_0_USERNAME");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void readsPassThrough() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/relations/israel-nato/status");
        request.setServletPath("/api/relations/israel-nato/status");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void aPasswordThatIsNotHashedStopsTheApplication() {
        SecurityProperties plain = new SecurityProperties(List.of(new SecurityProperties.Account("alice", "secret", null)), null);
        assertThatThrownBy(() -> new SecurityConfiguration().accounts(plain)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be stored hashed");
        assertThat(plain.hasEditor()).isTrue();
        assertThat(new SecurityProperties(null, null).hasEditor()).isFalse();
    }
}
