package org.entente.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reading is open; writing (recording facts and corrections, admin actions) needs an editor, by HTTP Basic.
 * The API is stateless JSON with no session cookie, so there is nothing for a cross-site request to ride on
 * and CSRF protection is off, as Spring Security advises for such APIs; CORS allows only the configured
 * origins (none by default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    public static final String EDITOR = "EDITOR";

    static final RequestMatcher WRITES = new OrRequestMatcher(
            new AntPathRequestMatcher("/api/relations", HttpMethod.POST.name()),
            new AntPathRequestMatcher("/api/relations/*/facts", HttpMethod.POST.name()),
            new AntPathRequestMatcher("/api/relations/*/facts/*/corrections", HttpMethod.POST.name()),
            new AntPathRequestMatcher("/api/admin/**", HttpMethod.POST.name()));

    /**
     * Every answer (the web page, its assets, the API docs, the API) may use only the application's own scripts,
     * styles, images, fonts and API: no inline script or style, no other origin, no plugins, not framed.
     * Images may also be {@code data:} URLs (Swagger UI's icons).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    public SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ProblemResponses problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized).accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(auth -> auth.requestMatchers(WRITES).hasRole(EDITOR).anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        if (!properties.hasEditor()) {
            http.addFilterBefore(new WritesDisabledFilter(problems), BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    /** A URL the firewall refuses is answered 400 as a problem detail (Spring's default is the container's error page). */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return problems::rejected;
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The configured accounts; a password that is not stored as a hash stops the application with a message. */
    @Bean
    public UserDetailsService accounts(SecurityProperties properties) {
        List<UserDetails> users = properties.users().stream().map(SecurityConfiguration::account).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails account(SecurityProperties.Account account) {
        if (account.username() == null || account.username().isBlank()) {
            throw new IllegalStateException("entente.security.users: an account needs a username. " + ProblemResponses.HOW_TO_ENABLE);
        }
        String hash = account.passwordHash();
        if (hash == null || !(hash.startsWith("{bcrypt}") || hash.startsWith("{argon2}") || hash.startsWith("{pbkdf2}")
                || hash.startsWith("{scrypt}"))) {
            throw new IllegalStateException("entente.security.users: the password of '" + account.username()
                    + "' must be stored hashed, e.g. {bcrypt}$2a$10$... " + ProblemResponses.HOW_TO_ENABLE);
        }
        return User.withUsername(account.username()).password(hash).roles(account.role().name()).build();
    }

    @Bean
    public CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match"));
        cors.setExposedHeaders(List.of("ETag"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /** With no editor configured, every write is answered 403 with how to enable writing. */
    static final class WritesDisabledFilter extends OncePerRequestFilter {
        private final ProblemResponses problems;

        WritesDisabledFilter(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (WRITES.matches(request)) {
                problems.writesDisabled(request, response);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
