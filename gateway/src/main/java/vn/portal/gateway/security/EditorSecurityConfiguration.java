package vn.portal.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;
import vn.portal.gateway.problem.Problems;
import vn.portal.identity.JwtChecks;
import vn.portal.identity.TokenClaims;
import vn.portal.gateway.web.MethodPaths;

/**
 * The gateway is a JWT resource server: editorial calls need a token with the editor role whose
 * signature, expiry, issuer and audience check out (the services check it again). Reads and
 * voting are public. Roles come from the {@code roles} claim or Keycloak's
 * {@code realm_access.roles}. No session, no cookies for authentication, so no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtProperties.class, AccessProperties.class})
class EditorSecurityConfiguration {

    static final String EDITOR = "EDITOR";
    private static final Logger log = LoggerFactory.getLogger(EditorSecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain editorSecurity(ServerHttpSecurity http, AccessProperties access, ReactiveJwtDecoder decoder) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> Problems.write(exchange,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "An editor token is required: " + e.getMessage(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        ServerAccessDeniedHandler forbidden = (exchange, e) -> Problems.write(exchange,
                HttpStatus.FORBIDDEN, "forbidden", "This needs the editor role");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable) // SecurityHeadersFilter covers every response
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> {
                    access.editorPaths().forEach(spec -> exchanges.matchers(matcher(spec)).hasRole(EDITOR));
                    access.publicWrites().forEach(spec -> exchanges.matchers(matcher(spec)).permitAll());
                    exchanges.pathMatchers(HttpMethod.GET, "/**").permitAll()
                            .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                            .pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                            .anyExchange().hasRole(EDITOR);
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(rolesConverter())))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties jwt) {
        NimbusReactiveJwtDecoder decoder;
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else if (jwt.publicKeyLocation() != null && !jwt.publicKeyLocation().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey(jwt.publicKeyLocation())).build();
        } else {
            log.warn("No token issuer is configured (JWT_JWK_SET_URI or JWT_PUBLIC_KEY_LOCATION): "
                    + "every editorial request will get 401");
            return token -> Mono.error(new BadJwtException("no token issuer is configured"));
        }
        decoder.setJwtValidator(JwtChecks.issuerAndAudience(jwt.issuer(), jwt.audience()));
        return decoder;
    }

    static JwtAuthenticationConverter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(EditorSecurityConfiguration::roles);
        return converter;
    }

    static Collection<GrantedAuthority> roles(Jwt jwt) {
        return TokenClaims.roles(jwt.getClaims()).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    private static ServerWebExchangeMatcher matcher(String spec) {
        HttpMethod method = MethodPaths.method(spec);
        String pattern = MethodPaths.pattern(spec);
        return method == null ? ServerWebExchangeMatchers.pathMatchers(pattern)
                : ServerWebExchangeMatchers.pathMatchers(method, pattern);
    }

    private static RSAPublicKey rsaPublicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return TokenClaims.rsaPublicKey(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token issuer's public key at " + location, e);
        }
    }
}
