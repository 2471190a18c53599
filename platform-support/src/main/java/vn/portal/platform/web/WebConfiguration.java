package vn.portal.platform.web;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import vn.portal.identity.VoterIds;

/** Request ids on every request, and the voter-id signatures shared with the gateway. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    PlatformProblemAdvice platformProblemAdvice() {
        return new PlatformProblemAdvice();
    }

    /** The error page as a problem detail (in place of Boot's {@code BasicErrorController}). */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /**
     * Runs after Boot's own Tomcat customizer (which adds a plain {@code ErrorReportValve}) and puts
     * {@link ProblemErrorReportValve} in its place, so what Tomcat refuses before any servlet runs is
     * a problem too.
     */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemErrorReports();
    }

    static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    VoterIds voterIds(@Value("${platform.voter.secret}") String secret, Environment environment) {
        VoterIds.refuseCommittedDefault(secret, environment.matchesProfiles(VoterIds.DEVELOPMENT_PROFILE));
        if (VoterIds.COMMITTED_DEFAULTS.contains(secret)) {
            LoggerFactory.getLogger(WebConfiguration.class).warn("PLATFORM_VOTER_SECRET is the development value "
                    + "from the repository: anyone who reaches this service directly can sign voter ids. Set it.");
        }
        return new VoterIds(secret);
    }
}
