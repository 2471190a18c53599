package vn.portal.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.identity.JwtChecks;
import vn.portal.identity.TokenClaims;
import vn.portal.platform.web.Problems;

/**
 * Every servlet service checks editor tokens itself (a JWT resource server), not only the
 * gateway: signature, expiry, issuer and audience. Deny by default: only what a service lists in
 * {@code platform.security.public-paths} (and the probes) is open; every other method on every
 * other path, HEAD and OPTIONS included, needs the editor role. Roles come from the {@code roles} claim or
 * Keycloak's {@code realm_access.roles}. 401 and 403 are problem details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityConfiguration {

    public static final String EDITOR = "EDITOR";
    /** Who runs the platform: health details and the actuator's other endpoints. */
    public static final String OPERATOR = "OPERATOR";
    private static final Logger log = LoggerFactory.getLogger(PlatformSecurityConfiguration.class);

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, PlatformSecurityProperties properties, JsonMapper json) {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // an error page rendered for a request that was already let through (or refused)
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    for (String entry : ALWAYS_PUBLIC) {
                        permit(requests, entry);
                    }
                    for (String entry : properties.publicPaths()) {
                        permit(requests, entry);
                    }
                    requests.requestMatchers("/actuator/**").hasRole(OPERATOR); // metrics, and whatever is exposed later
                    requests.anyRequest().hasRole(EDITOR); // deny by default: every other method and path
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "An editor token is required: " + e.getMessage()))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "forbidden", "This needs the editor role")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "An editor token is required"))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "forbidden", "This needs the editor role")));
        return http.build();
    }

    /**
     * What every service answers anyone: the probes, the API description, and on the management
     * port (never routed nor published) the health status and the Prometheus scrape.
     */
    static final List<String> ALWAYS_PUBLIC = List.of("GET /livez", "GET /readyz",
            "GET /actuator/health", "GET /actuator/health/**",
            "GET /actuator/info", "GET /actuator/prometheus", "GET /v3/api-docs", "GET /v3/api-docs/**");

    /** "METHOD /pattern"; a public GET makes the same HEAD public (HEAD is GET without the body). */
    private static void permit(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            String entry) {
        String[] methodAndPattern = entry.trim().split("\\s+", 2);
        HttpMethod method = HttpMethod.valueOf(methodAndPattern[0]);
        requests.requestMatchers(method, methodAndPattern[1]).permitAll();
        if (method == HttpMethod.GET) {
            requests.requestMatchers(HttpMethod.HEAD, methodAndPattern[1]).permitAll();
        }
    }

    @Bean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        PlatformSecurityProperties.Jwt jwt = properties.jwt();
        NimbusJwtDecoder decoder;
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else if (jwt.publicKeyLocation() != null && !jwt.publicKeyLocation().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(jwt)).build();
        } else {
            log.warn("No token issuer is configured (platform.security.jwt.*): every editorial request will get 401");
            return token -> {
                throw new JwtException("no token issuer is configured");
            };
        }
        decoder.setJwtValidator(JwtChecks.issuerAndAudience(jwt.issuer(), jwt.audience()));
        return decoder;
    }

    static JwtAuthenticationConverter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(PlatformSecurityConfiguration::roles);
        return converter;
    }

    static Collection<GrantedAuthority> roles(Jwt jwt) {
        return TokenClaims.roles(jwt.getClaims()).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    private static RSAPublicKey rsaPublicKey(PlatformSecurityProperties.Jwt jwt) {
        try (InputStream in = new DefaultResourceLoader().getResource(jwt.publicKeyLocation()).getInputStream()) {
            return TokenClaims.rsaPublicKey(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token issuer's public key at " + jwt.publicKeyLocation(), e);
        }
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, JsonMapper json, HttpStatus status,
                                String type, String detail) throws IOException {
        ProblemDetail problem = Problems.detail(status, type, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
