package org.yiwang.shared.config;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.yiwang.shared.web.CorrelationIdFilter;
import org.yiwang.shared.web.MalformedQueryFilter;
import org.yiwang.shared.web.ProblemDetailsAdvice;
import org.yiwang.shared.web.ProblemErrorController;
import org.yiwang.shared.web.ProblemErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Correlation ids and problem details for servlet services, from the controller down to Tomcat: exceptions
 * ({@link ProblemDetailsAdvice}), the {@code /error} dispatch ({@link ProblemErrorController}), undecodable query
 * strings ({@link MalformedQueryFilter}) and what Tomcat refuses before any servlet runs
 * ({@link ProblemErrorReportValve}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebMvcAutoConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MalformedQueryFilter> malformedQueryFilter() {
		FilterRegistrationBean<MalformedQueryFilter> registration = new FilterRegistrationBean<>(
				new MalformedQueryFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, TomcatServletWebServerFactory.class })
	static class TomcatProblems {

		/**
		 * Replaces the host's {@link ErrorReportValve} (Boot adds one; the host adds another if none) with
		 * {@link ProblemErrorReportValve} once every customizer has run: when the context starts.
		 */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
			return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
				if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
					Container parent = context.getParent();
					if (parent instanceof StandardHost host) {
						host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					}
					boolean present = false;
					for (Valve valve : parent.getPipeline().getValves()) {
						if (valve instanceof ProblemErrorReportValve) {
							present = true;
						}
						else if (valve instanceof ErrorReportValve) {
							parent.getPipeline().removeValve(valve);
						}
					}
					if (!present) {
						parent.getPipeline().addValve(new ProblemErrorReportValve());
					}
				}
			}));
		}

	}

}
