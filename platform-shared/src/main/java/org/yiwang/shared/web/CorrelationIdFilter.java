package org.yiwang.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Takes {@code X-Correlation-Id} from the request (or makes one), exposes it in the MDC and the response. */
public class CorrelationIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = Correlation.sanitize(request.getHeader(Correlation.HEADER));
		response.setHeader(Correlation.HEADER, correlationId);
		try (Correlation.Scope scope = Correlation.open(correlationId, null)) {
			chain.doFilter(request, response);
		}
	}

}
